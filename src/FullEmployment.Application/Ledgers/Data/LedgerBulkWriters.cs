using System.Data.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Ledgers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace FullEmployment.Application.Ledgers.Data;

/// <summary>
/// Writes many ledger rows of one kind inside the context's current transaction, inserting new
/// natural keys and overwriting the data of existing ones (created_at is kept). No change
/// tracking: DESIGN.md "Bulk paths" asks for prepared commands (SQLite) and binary COPY (PostgreSQL).
/// </summary>
public interface ILedgerBulkWriter
{
    Task UpsertAsync(AppDbContext db, LedgerKind kind, IReadOnlyList<LedgerRecord> records, CancellationToken cancellationToken = default);
}

/// <summary>Picks the writer for the context's provider.</summary>
public sealed class LedgerBulkWriter : ILedgerBulkWriter
{
    private readonly SqliteLedgerBulkWriter _sqlite = new();
    private readonly PostgresLedgerBulkWriter _postgres = new();

    public Task UpsertAsync(AppDbContext db, LedgerKind kind, IReadOnlyList<LedgerRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.IsSqlite
            ? _sqlite.UpsertAsync(db, kind, records, cancellationToken)
            : _postgres.UpsertAsync(db, kind, records, cancellationToken);
    }

    internal static DbTransaction TransactionOf(AppDbContext db) =>
        db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("Ledger bulk writes run inside a transaction begun on the context.");

    internal static string UpsertTail(LedgerTable table) =>
        $" ON CONFLICT ({ColumnList(table.KeyColumns)}) DO UPDATE SET "
        + string.Join(", ", table.Columns.Select(c => c.Name)
            .Where(c => c != "created_at" && !table.KeyColumns.Contains(c))
            .Select(c => $"\"{c}\" = excluded.\"{c}\""));

    /// <summary>Quoted, because some column names are SQL keywords (就业愿望登记's "group").</summary>
    internal static string ColumnList(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));
}

/// <summary>One prepared INSERT … ON CONFLICT DO UPDATE, re-bound and executed per row on the EF connection.</summary>
public sealed class SqliteLedgerBulkWriter : ILedgerBulkWriter
{
    public Task UpsertAsync(AppDbContext db, LedgerKind kind, IReadOnlyList<LedgerRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return Task.CompletedTask;
        }

        var table = LedgerTable.For(db, kind);
        var transaction = (SqliteTransaction)LedgerBulkWriter.TransactionOf(db);
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table.Name} ({LedgerBulkWriter.ColumnList(table.Columns.Select(c => c.Name))}) VALUES ("
            + string.Join(", ", table.Columns.Select((_, i) => "$p" + i)) + ")" + LedgerBulkWriter.UpsertTail(table);
        var parameters = table.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();
        var columns = table.Columns;
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = columns[i].Get(record) ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }
}

/// <summary>Binary COPY into a temporary table, then one INSERT … SELECT … ON CONFLICT DO UPDATE.</summary>
public sealed class PostgresLedgerBulkWriter : ILedgerBulkWriter
{
    public async Task UpsertAsync(AppDbContext db, LedgerKind kind, IReadOnlyList<LedgerRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        var table = LedgerTable.For(db, kind);
        var transaction = (NpgsqlTransaction)LedgerBulkWriter.TransactionOf(db);
        var connection = transaction.Connection!;
        var columns = LedgerBulkWriter.ColumnList(table.Columns.Select(c => c.Name));
        var staging = "staging_" + table.Name;
        await using (var create = new NpgsqlCommand(
            $"DROP TABLE IF EXISTS pg_temp.{staging}; CREATE TEMP TABLE {staging} ON COMMIT DROP AS SELECT {columns} FROM {table.Name} WITH NO DATA",
            connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync($"COPY {staging} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var record in records)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var column in table.Columns)
                {
                    await WriteAsync(importer, column.Get(record), cancellationToken);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using var merge = new NpgsqlCommand(
            $"INSERT INTO {table.Name} ({columns}) SELECT {columns} FROM {staging}{LedgerBulkWriter.UpsertTail(table)}; DROP TABLE {staging}",
            connection, transaction);
        await merge.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken cancellationToken) => value switch
    {
        null => importer.WriteNullAsync(cancellationToken),
        string s => importer.WriteAsync(s, NpgsqlDbType.Text, cancellationToken),
        int i => importer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken),
        long l => importer.WriteAsync(l, NpgsqlDbType.Bigint, cancellationToken),
        bool b => importer.WriteAsync(b, NpgsqlDbType.Boolean, cancellationToken),
        DateOnly d => importer.WriteAsync(d, NpgsqlDbType.Date, cancellationToken),
        DateTimeOffset t => importer.WriteAsync(t.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken),
        _ => throw new NotSupportedException($"No COPY mapping for {value.GetType().Name}."),
    };
}
