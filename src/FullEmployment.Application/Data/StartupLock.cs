using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FullEmployment.Application.Data;

/// <summary>
/// Held while a process migrates and seeds (<see cref="DatabaseInitializer"/>), so web nodes started at once do that work
/// one after the other and each later one finds it done. PostgreSQL: a session advisory lock on a connection of its own
/// (released when the session ends, also when the process dies). SQLite: an exclusive lock on a file beside the database
/// (the database is one machine's file, so a lock there covers every process that can open it).
/// </summary>
internal static class StartupLock
{
    // Any fixed number: every node of one installation (one database) takes the same lock.
    private const long PostgresKey = 0x4645_5354_4152_54; // "FESTART"

    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(200);

    public static async Task<IAsyncDisposable> AcquireAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database has no connection string.");
        return db.IsSqlite ? await SqliteFileAsync(connectionString, cancellationToken) : await PostgresAsync(connectionString, cancellationToken);
    }

    private static async Task<IAsyncDisposable> PostgresAsync(string connectionString, CancellationToken cancellationToken) =>
        (await AdvisoryLock.TakeAsync(connectionString, PostgresKey, wait: true, cancellationToken))!;

    private static async Task<IAsyncDisposable> SqliteFileAsync(string connectionString, CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            return NoLock.Instance;
        }

        var path = Path.GetFullPath(file) + ".startup-lock";
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Linux; the file stays, only the lock comes and goes.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(Retry, cancellationToken);
            }
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>A PostgreSQL session advisory lock on an unpooled connection of its own: held until disposed or the session ends.</summary>
internal static class AdvisoryLock
{
    /// <summary>The lock; with <paramref name="wait"/> false, null at once when another session holds it.</summary>
    public static async Task<IAsyncDisposable?> TakeAsync(string connectionString, long key, bool wait, CancellationToken cancellationToken)
    {
        // Unpooled: a pooled connection would keep the session, and the lock, after Dispose.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                wait ? "SELECT true FROM (SELECT pg_advisory_lock(@key)) AS waited" : "SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            command.CommandTimeout = 0; // waits as long as the holder takes
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                return connection;
            }

            await connection.DisposeAsync();
            return null;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
