using System.Text.Json;
using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Data;
using FullEmployment.Application.Notices;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Seeding;

/// <summary>
/// Last year's re-inspection round in progress on the demo communities (A9): one title passed, one in 限期整改, one failed and
/// awaiting the province's review, the rest not started; dated from today so the deadlines lie ahead.
/// </summary>
public sealed class ReinspectionDemoData(AppDbContext db, TimeProvider clock, WorkingCalendar calendar, IndicatorSnapshots snapshots)
{
    private const string Actor = "演示数据";

    // The demo sheets' auto items use the same good figures as the campaign demo (CampaignDemoData).
    private static readonly AutoScoringInput Good = new(true, 2, 0.98m, 0, 0, 0, 0, 0, 0.97m, 0.93m, 1m, 0.9m, 1m, 1m, 1m, 0);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Set<ReinspectionRound>().AnyAsync(cancellationToken) || !await db.Communities.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var year = today.Year - 1;
        var template = await db.Set<ScoreTemplate>().AsNoTracking().SingleAsync(t => t.TemplateVersion == DefaultScoreTemplate.Version, cancellationToken);
        var round = new ReinspectionRound(year, new DateOnly(year, 12, 31), today.AddDays(30), today.AddDays(60), template.TemplateVersion,
            ReinspectionRound.DefaultPassMark, includeNational: false, Actor, now);
        var communities = await db.Communities.Include(c => c.Titles).Where(c => c.Status == CommunityStatus.Active).OrderBy(c => c.Code)
            .ToListAsync(cancellationToken);
        var records = round.RecordsFor(communities);
        db.Add(round);
        db.AddRange(records);

        async Task ResultAsync(string code, TitleLevel level, ReinspectionResult result, decimal judged)
        {
            var record = records.FirstOrDefault(r => r.CommunityCode == code && r.TitleLevel == level);
            if (record is null)
            {
                return;
            }

            var community = communities.Single(c => c.Code == code);
            var snapshot = await snapshots.TakeAsync(community, round.AssessmentPeriod, today, cancellationToken);
            var sheet = new ScoreSheet(ReviewLevel.City, template, Good);
            foreach (var line in sheet.Lines.Where(l => l.Mode == ScoringMode.Judged))
            {
                sheet.Judge(line.Number, Math.Min(judged, line.MaxPoints), judged >= line.MaxPoints ? null : "现场核查扣分");
            }

            DateOnly? due = null;
            var cal = await calendar.LoadAsync(cancellationToken);
            if (result == ReinspectionResult.Rectify)
            {
                // Ten working days need the calendar of the days ahead; without it the demo shows no rectification (never a guessed date).
                if (!cal.IsConfigured(today.Year) || !cal.IsConfigured(today.AddDays(30).Year))
                {
                    return;
                }

                due = ReinspectionRecord.RectifyDueDateFrom(cal, today, 10);
            }

            record.RecordResult(result, sheet, new ReinspectionVisit(today, ["王明", "赵丽"], "实地查看、查阅台账、走访群众",
                    result == ReinspectionResult.Pass ? "" : "就业援助台账记录不全，部分困难人员无月度援助记录。"),
                JsonSerializer.Serialize(snapshot with { Input = Good }, Json), Actor, today, due,
                result == ReinspectionResult.Rectify ? ["补齐就业困难人员月度援助记录", "完善信息公开栏"] : null);
            db.Add(sheet);
        }

        await ResultAsync("620102001002", TitleLevel.Provincial, ReinspectionResult.Pass, 5);
        await ResultAsync("620103001001", TitleLevel.Municipal, ReinspectionResult.Rectify, 5);
        await ResultAsync("620105001001", TitleLevel.Provincial, ReinspectionResult.Fail, 1);
        await db.SaveChangesAsync(cancellationToken);
    }
}
