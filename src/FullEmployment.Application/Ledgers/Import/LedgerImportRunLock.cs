using FullEmployment.Application.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FullEmployment.Application.Ledgers.Import;

/// <summary>
/// Says whether a running import job still has a live process behind it. This process's own jobs are in the queue's
/// running set; on PostgreSQL (several web nodes) the worker also holds a session advisory lock keyed by the job for as
/// long as it runs, which the server releases when the worker's session ends, process crash included. SQLite serves one
/// machine's web node, whose own set is the whole answer.
/// </summary>
internal static class LedgerImportRunLock
{
    /// <summary>The job's lock, or null when some process (this one or another) already holds it.</summary>
    public static async Task<IAsyncDisposable?> TryTakeAsync(AppDbContext db, LedgerImportQueue queue, Guid id, CancellationToken cancellationToken)
    {
        if (!queue.Running.TryAdd(id, 0))
        {
            return null;
        }

        NpgsqlConnection? connection = null;
        try
        {
            if (!db.IsSqlite)
            {
                connection = await OpenAsync(db, cancellationToken);
                if (!await TryLockAsync(connection, id, cancellationToken))
                {
                    await connection.DisposeAsync();
                    queue.Running.TryRemove(id, out _);
                    return null;
                }
            }

            return new Held(queue, id, connection);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            queue.Running.TryRemove(id, out _);
            throw;
        }
    }

    /// <summary>Whether no live process runs the job: not this one, and (PostgreSQL) nobody holds its lock.</summary>
    public static async Task<bool> IsAbandonedAsync(AppDbContext db, LedgerImportQueue queue, Guid id, CancellationToken cancellationToken)
    {
        if (queue.Running.ContainsKey(id))
        {
            return false;
        }

        if (db.IsSqlite)
        {
            return true;
        }

        await using var connection = await OpenAsync(db, cancellationToken);
        return await TryLockAsync(connection, id, cancellationToken);
    }

    // Unpooled: closing ends the session and so releases its locks.
    private static async Task<NpgsqlConnection> OpenAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        // 64 bits of the random job id: another lock with the same key is as unlikely as a repeated id.
        command.Parameters.AddWithValue("key", BitConverter.ToInt64(id.ToByteArray(), 8));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private sealed class Held(LedgerImportQueue queue, Guid id, NpgsqlConnection? connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            queue.Running.TryRemove(id, out _);
        }
    }
}
