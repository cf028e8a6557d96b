using FullEmployment.Application.Audit;
using FullEmployment.Application.Identity;
using FullEmployment.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Data;

/// <summary>
/// Start-up: migrate, then seed the facts every installation needs (regions, audit chain head, calendars, score template)
/// and seal a chain written before keyed seals. Processes starting at once take turns (<see cref="StartupLock"/>).
/// </summary>
public sealed class DatabaseInitializer(AppDbContext db, AuditTrail audit)
{
    public Task InitializeAsync(CancellationToken cancellationToken = default) => InitializeAsync(null, cancellationToken);

    /// <summary>Migrates and seeds, then runs <paramref name="thenOnce"/> (e.g. the demo seed) while still holding the start-up lock.</summary>
    public async Task InitializeAsync(Func<CancellationToken, Task>? thenOnce, CancellationToken cancellationToken)
    {
        await using var _ = await StartupLock.AcquireAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        // A database from before encryption: its plaintext ID numbers and phones are sealed before anything reads them.
        await new PersonalDataMaintenance(db, audit).EncryptLegacyAsync(cancellationToken: cancellationToken);
        await SeedReferenceDataAsync(cancellationToken);
        if (thenOnce is not null)
        {
            await thenOnce(cancellationToken);
        }
    }

    public async Task SeedReferenceDataAsync(CancellationToken cancellationToken = default)
    {
        if (!await db.Regions.AnyAsync(cancellationToken))
        {
            db.Regions.AddRange(GansuRegions.All.Select(r => new Region(r.Code, r.Name, r.Level, r.ParentCode)));
        }

        if (!await db.AuditChainHeads.AnyAsync(cancellationToken))
        {
            db.AuditChainHeads.Add(new AuditChainHead());
        }

        await Campaigns.CampaignReferenceData.SeedAsync(db, cancellationToken);
        await SealLegacyChainAsync(cancellationToken);
        await RemoveUnsealedDataProtectionKeysAsync(cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Data-protection keys written before keys were sealed hold their secret in plain XML, so a database reader could
    /// forge a sign-in cookie with them. They go; the next request makes a sealed key, and those signed in sign in again.
    /// </summary>
    private async Task RemoveUnsealedDataProtectionKeysAsync(CancellationToken cancellationToken)
    {
        var unsealed = (await db.DataProtectionKeys.ToListAsync(cancellationToken)).Where(k => SealedXmlDecryptor.IsUnsealed(k.Xml)).ToList();
        if (unsealed.Count == 0)
        {
            return;
        }

        db.DataProtectionKeys.RemoveRange(unsealed);
        audit.Record("security.data-protection.remove-unsealed-keys", "data-protection-key", null, null,
            after: new { removed = unsealed.Count, keys = unsealed.Select(k => k.FriendlyName).ToList() });
    }

    /// <summary>
    /// A chain written before events were sealed gets one sealed event that records its tip: the seal covers every earlier
    /// event through the hash chain, and verification reports that keyed protection starts there (ADR 0003).
    /// </summary>
    private async Task SealLegacyChainAsync(CancellationToken cancellationToken)
    {
        if (await db.AuditEvents.AnyAsync(e => e.AuditHmac != null, cancellationToken) || !await db.AuditEvents.AnyAsync(cancellationToken))
        {
            return;
        }

        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        audit.Record("audit.seal-start", "audit", null, null, after: new { legacyEvents = head.LastSequence, legacyTip = head.LastHash });
    }
}
