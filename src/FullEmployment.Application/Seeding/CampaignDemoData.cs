using System.Text.Json;
using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Data;
using FullEmployment.Application.Notices;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Ledgers;
using FullEmployment.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Seeding;


/// <summary>
/// A provincial campaign in progress on the demo communities (run after <see cref="DemoData"/>): applications at
/// every stage and one open city notice with an objection, dated from today so every page has something to show;
/// and a national round with a draft list.
/// </summary>
public sealed class CampaignDemoData(AppDbContext db, TimeProvider clock, WorkingCalendar calendar)
{
    private const string Actor = "演示数据";

    // Far enough back to reach a period that ends before a new year whose calendar is missing (a notice is 5 working days).
    private const int NoticeLookBackDays = 14;

    private static readonly AutoScoringInput Good = new(true, 2, 0.98m, 0, 0, 0, 0, 0, 0.97m, 0.93m, 1m, 0.9m, 1m, 1m, 1m, 0);

    /// <summary>Seeds once; returns, in Chinese, each part of the demo it could not build today (empty when all was built).</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Set<Campaign>().AnyAsync(cancellationToken) || !await db.Communities.AnyAsync(cancellationToken))
        {
            return [];
        }

        var notBuilt = new List<string>();

        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var template = await db.Set<ScoreTemplate>().AsNoTracking().SingleAsync(t => t.TemplateVersion == DefaultScoreTemplate.Version, cancellationToken);
        var campaign = new Campaign(CampaignKind.Provincial, "620000", $"{today.Year}年省级充分就业社区创建", today.Year, 3, template,
            new AssessmentPeriod(new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31)),
            new StageDeadlines(today.AddDays(30), today.AddDays(60), today.AddDays(90), today.AddDays(150)), ProvincialCycle.Check(today.Year, [], null));
        campaign.AllocateQuota("620100", 2);
        campaign.AllocateQuota("620200", 1);
        campaign.Publish(now);
        db.Add(campaign);
        db.Add(new Message($"关于开展{campaign.Name}的通知", "请各市州组织辖区内已报省备案的市级充分就业社区按期申报。", "甘肃省人力资源和社会保障厅", "620000", now,
            await db.Regions.Where(r => r.Level == Domain.Regions.RegionLevel.City).Select(r => r.Code).ToListAsync(cancellationToken), "campaign",
            campaign.Id.ToString()));

        var cityList = new RecommendationList(campaign, "620100");
        db.Add(cityList);
        var recommended = await ApplyAsync(campaign, template, "620102001001", cancellationToken);
        Forward(recommended, campaign, template, today, now);
        Score(recommended, ReviewLevel.City, template);
        recommended.CityRecommend(campaign, cityList, Actor, now);
        await ApplyAsync(campaign, template, "620102001004", cancellationToken);
        Forward(await ApplyAsync(campaign, template, "620103001001", cancellationToken), campaign, template, today, now);
        var returned = await ApplyAsync(campaign, template, "620104001001", cancellationToken);
        returned.ReturnForCorrection(campaign, today.AddDays(10), "请补充就业困难人员援助记录的佐证材料。", Actor, now);
        var draft = await ApplyAsync(campaign, template, "620200001001", cancellationToken, submit: false);
        draft.SheetFor(ReviewLevel.Self)!.Judge("1.2", 4, null);

        await AddNationalRoundAsync(template, campaign.AssessmentPeriod, campaign.Deadlines, today, cancellationToken);

        // A8.3: the open notice starts as late as the calendar allows while still open today, so it exists on every date
        // whose calendar can compute one (near a year end it starts a few working days back to end before the new year).
        var workingDays = await calendar.LoadAsync(cancellationToken);
        if (workingDays.LatestStartOfNoticeOpenOn(today, PublicNotice.MinimumWorkingDays, NoticeLookBackDays) is { } start)
        {
            cityList.PublishNotice($"兰州市{today.Year}年省级充分就业社区推荐名单公示", start, PublicNotice.MinimumWorkingDays, workingDays);
            cityList.SubmitObjection(recommended.Id, "张先生", "该社区公示的就业困难人员就业率与实际情况不符，请核实。", now, "13800001234");
        }
        else
        {
            var missing = string.Join("、", workingDays.MissingYears(today).DefaultIfEmpty(today.Year + 1).Select(y => $"{y}年"));
            notBuilt.Add($"演示数据未创建公示中的推荐名单和异议：{missing}工作日历未配置，无法推算今天仍在公示期内的公示（A8.3）。" +
                "请在“规则设置 → 工作日历”录入该年度节假日安排；兰州市推荐名单保留为未公示。");
        }

        await db.SaveChangesAsync(cancellationToken);
        return notBuilt;
    }

    /// <summary>
    /// A4.1: a national round whose list is still a draft, with two provincial communities of the demo data (雁南社区 in
    /// 兰州市, 胜利社区 in 嘉峪关市). The round is never published; its template, period and deadlines don't apply.
    /// </summary>
    private async Task AddNationalRoundAsync(ScoreTemplate template, AssessmentPeriod period, StageDeadlines deadlines, DateOnly today,
        CancellationToken cancellationToken)
    {
        var round = new Campaign(CampaignKind.NationalRecommendation, "620000", $"{today.Year}年国家级充分就业社区推荐", today.Year, 3, template, period,
            deadlines, CycleCheck.NotApplicable(today.Year));
        var list = new NationalRecommendation(round);
        foreach (var code in new[] { "620102001002", "620200001002" })
        {
            list.Add(await db.Communities.AsNoTracking().Include(c => c.Titles).SingleAsync(c => c.Code == code, cancellationToken), today);
        }

        db.Add(round);
        db.Add(list);
    }

    private async Task<CampaignApplication> ApplyAsync(Campaign campaign, ScoreTemplate template, string code, CancellationToken cancellationToken,
        bool submit = true)
    {
        var community = await db.Communities.Include(c => c.Titles).SingleAsync(c => c.Code == code, cancellationToken);
        var application = new CampaignApplication(campaign, community.Id, community.Code, community.Name, community.CityCode, community.CountyCode,
            Actor, clock.GetUtcNow());
        var sheet = application.OpenScoreSheet(ReviewLevel.Self, template, Good);
        var snapshot = new IndicatorSnapshot(ChinaTime.Today(clock), campaign.AssessmentPeriod.Start, campaign.AssessmentPeriod.End, Good, []);
        db.Add(application);
        db.Add(new ApplicationDossier
        {
            ApplicationId = application.Id,
            FormJson = JsonSerializer.Serialize(new ApplicationForm(3200, 8600, 5400, 120m, "社区主任", "0931-8000000",
                [new FormStaff("张敏", "本科", true, "就业服务专干"), new FormStaff("李强", "大专", true, "社保协理员")],
                $"{community.Name}建有就业服务站，实行一站式服务。"), ApplicationSteps.Json),
            SnapshotJson = submit ? JsonSerializer.Serialize(snapshot, ApplicationSteps.Json) : null,
            SnapshotTakenAt = submit ? clock.GetUtcNow() : null,
        });
        if (submit)
        {
            FillJudged(sheet);
            application.Submit(campaign, new ApplicantEligibility(true, true, false, true), Actor, clock.GetUtcNow());
        }

        return application;
    }

    private static void Forward(CampaignApplication application, Campaign campaign, ScoreTemplate template, DateOnly today, DateTimeOffset now)
    {
        Score(application, ReviewLevel.County, template);
        application.RecordInspection(ReviewLevel.County, today, ["王建国", "刘芳"], true, "场地、制度、台账均符合要求");
        // A provincial round has no per-county quota: the places in use don't limit the county.
        application.CountyForward(campaign, new CountyQuotaUse(application.CountyStepRegionCode, 0), Actor, now);
    }

    private static void Score(CampaignApplication application, ReviewLevel level, ScoreTemplate template) =>
        FillJudged(application.OpenScoreSheet(level, template, Good));

    private static void FillJudged(ScoreSheet sheet)
    {
        foreach (var line in sheet.Lines.Where(l => l.Mode == ScoringMode.Judged))
        {
            sheet.Judge(line.Number, line.MaxPoints, null);
        }
    }
}
