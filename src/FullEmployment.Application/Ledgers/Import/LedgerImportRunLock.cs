using FullEmployment.Application.Data;
using Microsoft.EntityFrameworkCore;

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

        try
        {
            var connection = db.IsSqlite ? null : await AdvisoryLock.TakeAsync(ConnectionString(db), Key(id), wait: false, cancellationToken);
            if (!db.IsSqlite && connection is null)
            {
                queue.Running.TryRemove(id, out _);
                return null;
            }

            return new Held(queue, id, connection);
        }
        catch
        {
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

        var free = await AdvisoryLock.TakeAsync(ConnectionString(db), Key(id), wait: false, cancellationToken);
        if (free is null)
        {
            return false;
        }

        await free.DisposeAsync();
        return true;
    }

    private static string ConnectionString(AppDbContext db) =>
        db.Database.GetConnectionString() ?? throw new InvalidOperationException("The database has no connection string.");

    // 64 bits of the random job id: another lock with the same key is as unlikely as a repeated id.
    private static long Key(Guid id) => BitConverter.ToInt64(id.ToByteArray(), 8);

    private sealed class Held(LedgerImportQueue queue, Guid id, IAsyncDisposable? connection) : IAsyncDisposable
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
