using System.Data.Common;
using System.Globalization;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Ledgers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace FullEmployment.Application.Ledgers.Data;

/// <summary>
/// Writes many ledger rows of one kind inside the context's current transaction, inserting new
/// natural keys and overwriting the data of existing ones (created_at is kept). No change
/// tracking: docs/reference/design.md "Data" (bulk paths) asks for prepared commands (SQLite) and binary COPY (PostgreSQL).
/// </summary>
public interface ILedgerBulkWriter
{
    Task UpsertAsync(AppDbContext db, LedgerRowBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Readies the context's transaction for many <see cref="UpsertAsync"/> calls; disposing restores it.</summary>
    Task<IAsyncDisposable> BeginAsync(AppDbContext db, CancellationToken cancellationToken = default);
}

/// <summary>
/// Rows of one kind as the bulk writers store them: each record with its stored values (sealed, blind-indexed), in the
/// unique index's order (<see cref="LedgerTable.KeyOrder"/>). The blind index scatters a file's order over the index;
/// rows written in index order touch each index page once instead of once a row (ADR 0010). Sealing and the blind
/// index need no connection, so an import prepares each batch on its parsing thread while the previous one is written.
/// </summary>
public sealed class LedgerRowBatch
{
    private LedgerRowBatch(LedgerKind kind, LedgerRecord[] records, object?[][] rows)
    {
        Kind = kind;
        Records = records;
        Rows = rows;
    }

    public LedgerKind Kind { get; }

    public int Count => Records.Length;

    internal LedgerRecord[] Records { get; }

    /// <summary>Row i holds the stored values of <see cref="Records"/>[i], column by column as <see cref="LedgerTable.Columns"/>.</summary>
    internal object?[][] Rows { get; }

    public static LedgerRowBatch Prepare(AppDbContext db, LedgerKind kind, IReadOnlyList<LedgerRecord> records)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Prepare(LedgerTable.For(db, kind), records);
    }

    internal static LedgerRowBatch Prepare(LedgerTable table, IReadOnlyList<LedgerRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var sorted = records.ToArray();
        var rows = new object?[sorted.Length][];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = table.ProviderValues(sorted[r]);
        }

        Array.Sort(rows, sorted, table.KeyOrder);
        return new LedgerRowBatch(table.Kind, sorted, rows);
    }

    /// <summary>The rows whose index <paramref name="keep"/> holds, in the same order.</summary>
    internal LedgerRowBatch Where(Func<int, bool> keep)
    {
        var indexes = Enumerable.Range(0, Count).Where(keep).ToArray();
        return new LedgerRowBatch(Kind, [.. indexes.Select(i => Records[i])], [.. indexes.Select(i => Rows[i])]);
    }
}

/// <summary>Picks the writer for the context's provider.</summary>
public sealed class LedgerBulkWriter : ILedgerBulkWriter
{
    private readonly SqliteLedgerBulkWriter _sqlite = new();
    private readonly PostgresLedgerBulkWriter _postgres = new();

    public Task UpsertAsync(AppDbContext db, LedgerRowBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.IsSqlite
            ? _sqlite.UpsertAsync(db, batch, cancellationToken)
            : _postgres.UpsertAsync(db, batch, cancellationToken);
    }

    public Task<IAsyncDisposable> BeginAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.IsSqlite ? _sqlite.BeginAsync(db, cancellationToken) : _postgres.BeginAsync(db, cancellationToken);
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

/// <summary>
/// One prepared single-row INSERT … ON CONFLICT DO UPDATE, stepped once per row through SQLite's own API on the
/// EF connection (and so inside its transaction). Parameters are bound by position: Microsoft.Data.Sqlite
/// binds every parameter by name, and SQLite finds a name by a linear scan. One row per statement: a statement
/// that writes several rows inside a transaction keeps a statement journal of every page it changes, so that it
/// can undo itself alone; rows in random key order touch a different index page each, and that journal cost
/// twice the system time of the whole import on a shuffled million-row file (ADR 0010).
/// </summary>
public sealed class SqliteLedgerBulkWriter : ILedgerBulkWriter
{
    /// <summary>256 MiB, as a negative KiB count; only pages actually touched are allocated.</summary>
    private const long LargeWriteCacheKib = -256 * 1024;

    public Task UpsertAsync(AppDbContext db, LedgerRowBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return Task.CompletedTask;
        }

        var transaction = (SqliteTransaction)LedgerBulkWriter.TransactionOf(db);
        Write(LedgerTable.For(db, batch.Kind), transaction.Connection!.Handle!, batch.Rows, cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>A large page cache for the whole of a write of many rows, in one or many calls (see <see cref="SetCacheSize"/>).</summary>
    public Task<IAsyncDisposable> BeginAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = (SqliteTransaction)LedgerBulkWriter.TransactionOf(db);
        var previous = SetCacheSize(transaction, LargeWriteCacheKib);
        return Task.FromResult<IAsyncDisposable>(new CacheRestore(transaction, previous));
    }

    /// <summary>
    /// Sets the connection's page cache (negative: KiB, as PRAGMA cache_size takes it) and returns the previous
    /// setting. The table and index pages a large upsert touches outgrow SQLite's default 2 MB cache, which then
    /// spills dirty pages and rewrites them into the WAL many times over; durability is unchanged (synchronous
    /// stays FULL and the commit is one fsync'ed WAL append as before).
    /// </summary>
    private static long SetCacheSize(SqliteTransaction transaction, long size)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA cache_size";
        var previous = (long)command.ExecuteScalar()!;
        command.CommandText = $"PRAGMA cache_size = {size.ToString(CultureInfo.InvariantCulture)}";
        command.ExecuteNonQuery();
        return previous;
    }

    private static void Write(LedgerTable table, sqlite3 connection, object?[][] rows, CancellationToken cancellationToken)
    {
        using var statement = Prepare(table, connection);
        for (var r = 0; r < rows.Length; r++)
        {
            if (r % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var row = rows[r];
            for (var c = 0; c < row.Length; c++)
            {
                Check(Bind(statement, c + 1, row[c]), connection);
            }

            var done = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (done != raw.SQLITE_DONE)
            {
                Check(done, connection);
            }
        }
    }

    private static sqlite3_stmt Prepare(LedgerTable table, sqlite3 connection)
    {
        var sql = $"INSERT INTO {table.Name} ({LedgerBulkWriter.ColumnList(table.Columns.Select(c => c.Name))}) VALUES ("
            + string.Join(", ", Enumerable.Repeat("?", table.Columns.Count)) + ")" + LedgerBulkWriter.UpsertTail(table);
        Check(raw.sqlite3_prepare_v2(connection, sql, out var statement), connection);
        return statement;
    }

    /// <summary>Binds a provider value the way Microsoft.Data.Sqlite stores it, so EF reads it back unchanged.</summary>
    private static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string s => raw.sqlite3_bind_text(statement, index, s),
        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
        int i => raw.sqlite3_bind_int64(statement, index, i),
        long l => raw.sqlite3_bind_int64(statement, index, l),
        bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
        DateOnly d => raw.sqlite3_bind_text(statement, index, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"No SQLite binding for {value.GetType().Name}."),
    };

    private static void Check(int result, sqlite3 connection) => SqliteException.ThrowExceptionForRC(result, connection);

    /// <summary>Puts the cache back inside the transaction, before the connection goes back to the pool.</summary>
    private sealed class CacheRestore(SqliteTransaction transaction, long previous) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            SetCacheSize(transaction, previous);
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>
/// Binary COPY into a temporary table, then one INSERT … SELECT … ON CONFLICT DO UPDATE in the unique index's order
/// (the blind index scatters a file's order over the index; see <see cref="LedgerTable.KeyOrder"/>).
/// </summary>
public sealed class PostgresLedgerBulkWriter : ILedgerBulkWriter
{
    /// <summary>Nothing to ready: the server sizes its own buffers.</summary>
    public Task<IAsyncDisposable> BeginAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        Task.FromResult<IAsyncDisposable>(NoScope.Instance);

    public async Task UpsertAsync(AppDbContext db, LedgerRowBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        var table = LedgerTable.For(db, batch.Kind);
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
            foreach (var row in batch.Rows)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var value in row)
                {
                    await WriteAsync(importer, value, cancellationToken);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using var merge = new NpgsqlCommand(
            $"INSERT INTO {table.Name} ({columns}) SELECT {columns} FROM {staging} ORDER BY {LedgerBulkWriter.ColumnList(table.KeyColumns)}"
            + $"{LedgerBulkWriter.UpsertTail(table)}; DROP TABLE {staging}",
            connection, transaction);
        await merge.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken cancellationToken) => value switch
    {
        null => importer.WriteNullAsync(cancellationToken),
        string s => importer.WriteAsync(s, NpgsqlDbType.Text, cancellationToken),
        byte[] bytes => importer.WriteAsync(bytes, NpgsqlDbType.Bytea, cancellationToken),
        int i => importer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken),
        long l => importer.WriteAsync(l, NpgsqlDbType.Bigint, cancellationToken),
        bool b => importer.WriteAsync(b, NpgsqlDbType.Boolean, cancellationToken),
        DateOnly d => importer.WriteAsync(d, NpgsqlDbType.Date, cancellationToken),
        DateTimeOffset t => importer.WriteAsync(t.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken),
        _ => throw new NotSupportedException($"No COPY mapping for {value.GetType().Name}."),
    };
}

internal sealed class NoScope : IAsyncDisposable
{
    public static readonly NoScope Instance = new();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
