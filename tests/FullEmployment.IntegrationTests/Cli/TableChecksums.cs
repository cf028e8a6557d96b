using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FullEmployment.IntegrationTests.Infrastructure;

namespace FullEmployment.IntegrationTests.Cli;

/// <summary>One table's rows as a count and a SHA-256 over the sorted rows, so two copies compare without ordering keys.</summary>
public sealed record TableChecksum(long Rows, string Sha256);

public static class TableChecksums
{
    /// <summary>Every table of the runner's database (from the catalogue, so the migrations history counts too), by name.</summary>
    public static async Task<SortedDictionary<string, TableChecksum>> OfAsync(CliRunner fe)
    {
        await using var connection = fe.Open();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = fe.Database == Database.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var checksums = new SortedDictionary<string, TableChecksum>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var rows = new List<string>();
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var fields = Enumerable.Range(0, reader.FieldCount)
                    .Select(i => reader.GetName(i) + "=" + (reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i) is byte[] b ? Convert.ToHexString(b) : reader.GetValue(i), CultureInfo.InvariantCulture)));
                rows.Add(string.Join('\u001f', fields));
            }

            rows.Sort(StringComparer.Ordinal);
            checksums[table] = new TableChecksum(rows.Count, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows)))));
        }

        return checksums;
    }
}
