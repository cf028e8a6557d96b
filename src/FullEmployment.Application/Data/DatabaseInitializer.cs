using FullEmployment.Application.Audit;
using FullEmployment.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Data;

/// <summary>Start-up: migrate, then seed the facts every installation needs (regions, audit chain head, calendars, score template).</summary>
public sealed class DatabaseInitializer(AppDbContext db)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await SeedReferenceDataAsync(cancellationToken);
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

        await db.SaveChangesAsync(cancellationToken);
    }
}
