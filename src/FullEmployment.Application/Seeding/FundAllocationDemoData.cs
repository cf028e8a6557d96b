using FullEmployment.Application.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Funds;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Seeding;

/// <summary>
/// A confirmed allocation of the current year (A12) with the measures' default settings, computed by the one rule from the demo
/// titles, so the finance accounts (lanzhou-finance, chengguan-finance) and the communities have a list to read.
/// </summary>
public sealed class FundAllocationDemoData(AppDbContext db, TimeProvider clock)
{
    private const string Actor = "演示数据";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var year = ChinaTime.Today(clock).Year;
        if (await db.FundAllocations.AnyAsync(cancellationToken) || !await db.Communities.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var settings = await db.FundSettings.FirstOrDefaultAsync(s => s.Year == year, cancellationToken);
        if (settings is null)
        {
            settings = FundSettings.DefaultFor(year, Actor, now);
            db.FundSettings.Add(settings);
        }

        var communities = await db.Communities.AsNoTracking().Include(c => c.Titles).AsSplitQuery().ToListAsync(cancellationToken);
        var exclusions = await db.FundExclusions.AsNoTracking().ToListAsync(cancellationToken);
        var allocation = new FundAllocation(settings, FundAllocationRule.Compute(settings, communities, exclusions), Actor, now);
        if (allocation.Lines.Count > 0)
        {
            allocation.Confirm(Actor, now);
        }

        db.FundAllocations.Add(allocation);
        await db.SaveChangesAsync(cancellationToken);
    }
}
