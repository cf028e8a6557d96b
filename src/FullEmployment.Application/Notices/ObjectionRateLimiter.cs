using FullEmployment.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FullEmployment.Application.Notices;

/// <summary>Whether one more objection POST from an address is taken, and if not, how long until its window ends.</summary>
public sealed record ObjectionRateDecision(bool Allowed, TimeSpan RetryAfter);

/// <summary>
/// The public objection limit: <see cref="PermitLimit"/> POSTs per <see cref="Window"/> per client address, page and API
/// together. Counted in the database, so every web node shares one allowance per address; a window starts at the
/// address's first POST after the previous one ended (as a fixed-window limiter does).
/// </summary>
public sealed class ObjectionRateLimiter(AppDbContext db, TimeProvider clock)
{
    public const int PermitLimit = 5;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Counts one POST from <paramref name="address"/> and says whether it is within the limit.</summary>
    public async Task<ObjectionRateDecision> TryAcquireAsync(string address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var ended = now - (long)Window.TotalMilliseconds;
        // One statement, so two nodes counting the same address at once cannot both read the same count (PostgreSQL
        // locks the row for the upsert; SQLite has one writer). Every SET expression reads the row as it was.
        var counted = await db.Set<ObjectionRateWindow>().FromSql($"""
            INSERT INTO objection_rate_windows (address, window_start, hits) VALUES ({address}, {now}, 1)
            ON CONFLICT (address) DO UPDATE SET
                hits = CASE WHEN objection_rate_windows.window_start <= {ended} THEN 1 ELSE objection_rate_windows.hits + 1 END,
                window_start = CASE WHEN objection_rate_windows.window_start <= {ended} THEN {now} ELSE objection_rate_windows.window_start END
            RETURNING address, window_start, hits
            """).AsNoTracking().ToListAsync(cancellationToken);
        var window = counted.Single();
        if (window.Hits == 1)
        {
            // A new window: windows of other addresses that ended are no longer needed.
            await db.Database.ExecuteSqlAsync($"DELETE FROM objection_rate_windows WHERE window_start <= {ended}", cancellationToken);
        }

        return new ObjectionRateDecision(window.Hits <= PermitLimit,
            TimeSpan.FromMilliseconds(Math.Max(0, window.WindowStart + (long)Window.TotalMilliseconds - now)));
    }
}

/// <summary>One address's current objection window: its start (Unix milliseconds, the same on both databases) and the POSTs in it.</summary>
public sealed class ObjectionRateWindow
{
    public required string Address { get; init; }

    public long WindowStart { get; init; }

    public int Hits { get; init; }
}

internal sealed class ObjectionRateWindowConfiguration : IEntityTypeConfiguration<ObjectionRateWindow>
{
    public void Configure(EntityTypeBuilder<ObjectionRateWindow> b)
    {
        b.ToTable("objection_rate_windows");
        b.HasKey(w => w.Address);
        b.Property(w => w.Address).HasColumnName("address").HasMaxLength(64);
        b.Property(w => w.WindowStart).HasColumnName("window_start");
        b.Property(w => w.Hits).HasColumnName("hits");
        b.HasIndex(w => w.WindowStart);
    }
}
