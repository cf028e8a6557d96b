using FullEmployment.Application.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Notices;
using FullEmployment.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Campaigns;

/// <summary>Start-up seed, idempotent: the 2020–2026 holiday calendars and the default score template 2023-1.</summary>
internal static class CampaignReferenceData
{
    // A19: the default template is the one the measures came with, published with them on 2023-08-16.
    private static readonly DateTimeOffset MeasuresPublishedAt = new DateTimeOffset(2023, 8, 16, 0, 0, 0, ChinaTime.Offset).ToUniversalTime();

    public static async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var years = await db.Set<CalendarYear>().Select(y => y.Year).ToListAsync(cancellationToken);
        db.AddRange(HolidaySeed.CreateYears().Where(y => !years.Contains(y.Year)));
        if (!await db.Set<ScoreTemplate>().AnyAsync(t => t.TemplateVersion == DefaultScoreTemplate.Version, cancellationToken))
        {
            db.Add(DefaultScoreTemplate.Create(GansuRegions.ProvinceCode, MeasuresPublishedAt));
        }
    }
}
