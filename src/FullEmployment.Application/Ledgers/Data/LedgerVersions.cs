using FullEmployment.Application.Data;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Ledgers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FullEmployment.Application.Ledgers.Data;

/// <summary>
/// A community's ledger version: every write to its ledger bumps it in the write's own transaction, so an indicator
/// result stored with the version it was computed from is current exactly while the version is unchanged.
/// No row means version 0 (a ledger never written through a bumping path, or empty).
/// </summary>
public sealed class LedgerVersion
{
    public int CommunityId { get; init; }

    public long Version { get; init; }
}

internal sealed class LedgerVersionConfiguration : IEntityTypeConfiguration<LedgerVersion>
{
    public void Configure(EntityTypeBuilder<LedgerVersion> b)
    {
        b.ToTable("ledger_versions");
        b.HasKey(v => v.CommunityId);
        b.HasOne<Community>().WithMany().HasForeignKey(v => v.CommunityId).OnDelete(DeleteBehavior.Cascade);
        LedgerMapping.Columns(b);
    }
}

public static class LedgerVersions
{
    /// <summary>
    /// Bumps the versions of <paramref name="communityIds"/> atomically (two concurrent writers never share a version).
    /// Call inside the transaction that writes the ledger rows: a reader that sees the new version sees the new rows.
    /// </summary>
    public static async Task BumpAsync(AppDbContext db, IEnumerable<int> communityIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(communityIds);
        foreach (var id in communityIds.Distinct().Order())
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO ledger_versions (community_id, version) VALUES ({0}, 1) " +
                "ON CONFLICT (community_id) DO UPDATE SET version = ledger_versions.version + 1", [id], cancellationToken);
        }
    }

    /// <summary>The communities whose ledger rows the change tracker is about to add, change or delete.</summary>
    internal static HashSet<int> Touched(ChangeTracker changes)
    {
        var touched = new HashSet<int>();
        foreach (var entry in changes.Entries<LedgerRecord>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                var community = entry.Property(r => r.CommunityId);
                touched.Add(community.CurrentValue);
                touched.Add(community.OriginalValue);
            }
        }

        touched.Remove(0);
        return touched;
    }
}
