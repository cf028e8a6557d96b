using System.Data.Common;
using System.Globalization;
using FullEmployment.Application.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace FullEmployment.Application.Data;

/// <summary>Rows of one table sealed under each key id, and rows still holding plaintext in legacy columns.</summary>
public sealed record PersonalDataTableStatus(string Table, IReadOnlyDictionary<int, long> RowsByKeyId, long LegacyRows);

/// <summary>What a run of <see cref="PersonalDataMaintenance.RotateAsync"/> did.</summary>
public sealed record PersonalDataRotation(int KeyId, bool NewKey, long Encrypted, long Resealed, bool Complete);

/// <summary>
/// The batch work on sealed personal data (ADR 0016), one transaction per batch so an interrupted run loses at most one
/// batch and a rerun carries on: sealing plaintext left in legacy columns by a database older than encryption (at
/// start-up, under the start-up lock, and by <c>fe keys rotate</c>), and re-sealing rows under older keys.
/// </summary>
public sealed class PersonalDataMaintenance(AppDbContext db, AuditTrail audit)
{
    public const int DefaultBatchSize = 5000;

    private PersonalDataKeys Keys => db.PersonalData;

    /// <summary>Seals every legacy plaintext value and clears it; returns the rows changed.</summary>
    public async Task<long> EncryptLegacyAsync(int batchSize = DefaultBatchSize, int? maxBatches = null, CancellationToken cancellationToken = default)
    {
        long rows = 0;
        var batches = 0;
        foreach (var table in Tables())
        {
            while (maxBatches is null || batches < maxBatches)
            {
                var done = await BatchAsync(table, LegacySelect(table, batchSize), legacy: true, cancellationToken);
                if (done == 0)
                {
                    break;
                }

                rows += done;
                batches++;
            }
        }

        return rows;
    }

    /// <summary>
    /// Adds a new current key (unless rows are still under an older one: then this run finishes the interrupted
    /// rotation), seals legacy plaintext, and re-seals every row under an older key, in batches; audited.
    /// <paramref name="maxBatches"/> stops after that many batches (a rerun continues).
    /// </summary>
    public async Task<PersonalDataRotation> RotateAsync(int batchSize = DefaultBatchSize, int? maxBatches = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var status = await StatusAsync(cancellationToken);
        var current = Keys.CurrentKeyId;
        var unfinished = status.Any(t => t.RowsByKeyId.Any(k => k.Key != current && k.Value > 0));
        var newKey = !unfinished;
        if (newKey)
        {
            current = Keys.AddKey();
        }

        var batches = 0;
        var encrypted = await EncryptLegacyAsync(batchSize, maxBatches, cancellationToken);
        batches += encrypted > 0 ? (int)((encrypted + batchSize - 1) / batchSize) : 0;
        long resealed = 0;
        var complete = true;
        foreach (var table in Tables())
        {
            object? after = null;
            while (true)
            {
                if (maxBatches is { } max && batches >= max)
                {
                    complete = false;
                    break;
                }

                var (done, last) = await ResealBatchAsync(table, current, after, batchSize, cancellationToken);
                if (done == 0)
                {
                    break;
                }

                resealed += done;
                after = last;
                batches++;
            }

            if (!complete)
            {
                break;
            }
        }

        audit.Record("personal-data.rotate", "personal-data", null, null, after: new { keyId = current, newKey, encrypted, resealed, complete });
        await db.SaveChangesAsync(cancellationToken);
        return new PersonalDataRotation(current, newKey, encrypted, resealed, complete);
    }

    /// <summary>Rows per key id per table (a row counts once per sealed value it holds), and rows with legacy plaintext.</summary>
    public async Task<IReadOnlyList<PersonalDataTableStatus>> StatusAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<PersonalDataTableStatus>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var table in Tables())
            {
                var byKey = new Dictionary<int, long>();
                foreach (var column in table.Columns)
                {
                    await using var command = Command(
                        $"SELECT {KeyIdSql(column.Sealed)}, COUNT(*) FROM {Q(table.Name)} WHERE {Sealed(column.Sealed)} GROUP BY 1");
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        var id = db.IsSqlite ? int.Parse(reader.GetString(0), NumberStyles.HexNumber, CultureInfo.InvariantCulture) : reader.GetInt32(0);
                        byKey[id] = byKey.GetValueOrDefault(id) + reader.GetInt64(1);
                    }
                }

                await using var legacy = Command($"SELECT COUNT(*) FROM {Q(table.Name)} WHERE {AnyLegacy(table)}");
                var legacyRows = Convert.ToInt64(await legacy.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                result.Add(new PersonalDataTableStatus(table.Name, byKey, legacyRows));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return result;
    }

    private async Task<int> BatchAsync(SealedTable table, string select, bool legacy, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var rows = await ReadAsync(select, table.Columns.Count, cancellationToken);
            // SQLite zeroes the space the cleared plaintext occupied, instead of leaving it in free pages of the file.
            await PragmaAsync("PRAGMA secure_delete = ON", cancellationToken);
            foreach (var (key, values) in rows)
            {
                await UpdateAsync(table, key, values, legacy, cancellationToken);
            }

            await PragmaAsync("PRAGMA secure_delete = OFF", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return rows.Count;
        });
    }

    private async Task PragmaAsync(string sql, CancellationToken cancellationToken)
    {
        if (db.IsSqlite)
        {
            await using var command = Command(sql);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<(int Done, object? Last)> ResealBatchAsync(SealedTable table, byte current, object? after, int batchSize,
        CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var old = string.Join(" OR ", table.Columns.Select(c => $"({Sealed(c.Sealed)} AND {KeyIdSql(c.Sealed)} <> {KeyIdLiteral(current)})"));
            var from = after is null ? string.Empty : $" AND {Q(table.Key)} > @after";
            var rows = await ReadAsync(
                $"SELECT {Q(table.Key)}, {string.Join(", ", table.Columns.Select(c => Q(c.Sealed)))} FROM {Q(table.Name)} WHERE ({old}){from} ORDER BY {Q(table.Key)} LIMIT {batchSize}",
                table.Columns.Count, cancellationToken, after);
            foreach (var (key, values) in rows)
            {
                var plain = values.Select(v => v is byte[] bytes ? Keys.Open(bytes) : null).ToArray();
                await UpdateAsync(table, key, plain, legacy: false, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return (rows.Count, rows.Count > 0 ? rows[^1].Key : after);
        });
    }

    /// <summary>Writes the sealed form (and index) of each non-null plaintext; a legacy run also clears the plaintext.</summary>
    private async Task UpdateAsync(SealedTable table, object key, object?[] plaintexts, bool legacy, CancellationToken cancellationToken)
    {
        var sets = new List<string>();
        await using var command = Command(string.Empty);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (plaintexts[i] is not string text)
            {
                continue;
            }

            var column = table.Columns[i];
            sets.Add($"{Q(column.Sealed)} = @s{i}");
            Add(command, $"@s{i}", Keys.Seal(text));
            if (column.Index is not null)
            {
                sets.Add($"{Q(column.Index)} = @i{i}");
                Add(command, $"@i{i}", Keys.Index(text));
            }

            if (legacy)
            {
                sets.Add($"{Q(column.Legacy)} = NULL");
            }
        }

        if (sets.Count == 0)
        {
            return;
        }

        Add(command, "@key", key);
        command.CommandText = $"UPDATE {Q(table.Name)} SET {string.Join(", ", sets)} WHERE {Q(table.Key)} = @key";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<(object Key, object?[] Values)>> ReadAsync(string sql, int columns, CancellationToken cancellationToken, object? after = null)
    {
        await using var command = Command(sql);
        if (after is not null)
        {
            Add(command, "@after", after);
        }

        var rows = new List<(object, object?[])>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object?[columns];
            for (var i = 0; i < columns; i++)
            {
                values[i] = reader.IsDBNull(i + 1) ? null : reader.GetValue(i + 1);
            }

            rows.Add((reader.GetValue(0), values));
        }

        return rows;
    }

    private static string LegacySelect(SealedTable table, int batchSize) =>
        $"SELECT {Q(table.Key)}, {string.Join(", ", table.Columns.Select(c => Q(c.Legacy)))} FROM {Q(table.Name)} WHERE {AnyLegacy(table)} LIMIT {batchSize}";

    private static string AnyLegacy(SealedTable table) => string.Join(" OR ", table.Columns.Select(c => $"{Q(c.Legacy)} IS NOT NULL"));

    /// <summary>A sealed value is there: the migration fills the new column of a row with plaintext with empty bytes until it is sealed.</summary>
    private static string Sealed(string column) => $"{Q(column)} IS NOT NULL AND length({Q(column)}) > 0";

    /// <summary>The stored key id (the first byte): a one-byte blob on SQLite (compared as hex), an integer on PostgreSQL.</summary>
    private string KeyIdSql(string column) => db.IsSqlite ? $"hex(substr({Q(column)}, 1, 1))" : $"get_byte({Q(column)}, 0)";

    private string KeyIdLiteral(byte id) => db.IsSqlite ? $"'{id:X2}'" : id.ToString(CultureInfo.InvariantCulture);

    private static string Q(string name) => $"\"{name}\"";

    private DbCommand Command(string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private List<SealedTable> Tables()
    {
        var tables = new List<SealedTable>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var sealedProperties = PersonalDataMapping.SealedProperties(entity).ToList();
            if (sealedProperties.Count == 0)
            {
                continue;
            }

            var name = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
            var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(store)!;
            tables.Add(new SealedTable(name, key, [.. sealedProperties.Select(p => new SealedColumn(
                p.GetColumnName(store)!,
                entity.FindProperty(PersonalDataMapping.LegacyPrefix + p.Name)!.GetColumnName(store)!,
                entity.FindProperty(p.Name + PersonalDataMapping.IndexSuffix)?.GetColumnName(store)))]));
        }

        return [.. tables.OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    private sealed record SealedColumn(string Sealed, string Legacy, string? Index);

    private sealed record SealedTable(string Name, string Key, IReadOnlyList<SealedColumn> Columns);
}
