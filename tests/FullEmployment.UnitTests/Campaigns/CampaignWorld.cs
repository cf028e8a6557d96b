using System.Globalization;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Ledgers;
using FullEmployment.Domain.Notices;
using Microsoft.Extensions.Time.Testing;

namespace FullEmployment.UnitTests.Campaigns;

// Inside the namespace: FullEmployment.Application (the project) would otherwise win the lookup.

/// <summary>
/// A published campaign in 2025 (provincial by default; municipal for 兰州市 with 城关区 2 and 七里河区 1 of its 3 places)
/// and helpers that drive an application through the workflow.
/// </summary>
internal sealed class CampaignWorld
{
    public const string Province = "620000";
    public const string Lanzhou = "620100";
    public const string Jiayuguan = "620200";
    public const string Chengguan = "620102";
    public const string Qilihe = "620103";
    public const string Actor = "测试用户";

    public CampaignWorld(decimal passMark = Campaign.DefaultPassMark, CampaignKind kind = CampaignKind.Provincial)
    {
        Clock = new FakeTimeProvider(At(2025, 3, 3, 9, 0));
        Template = DefaultScoreTemplate.Create(Province, Clock.GetUtcNow());
        var organizer = kind == CampaignKind.Municipal ? Lanzhou : Province;
        Campaign = new Campaign(kind, organizer, "2025年省级充分就业社区创建", 2025, 3, Template,
            new AssessmentPeriod(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), Deadlines,
            kind == CampaignKind.Provincial ? ProvincialCycle.Check(2025, [], null) : CycleCheck.NotApplicable(2025), passMark);
        if (kind != CampaignKind.Municipal)
        {
            Campaign.AllocateQuota(Lanzhou, 2);
            Campaign.AllocateQuota(Jiayuguan, 1);
        }
        else
        {
            // A4.3: the city's quota per county.
            Campaign.AllocateQuota(Chengguan, 2);
            Campaign.AllocateQuota(Qilihe, 1);
        }

        Campaign.Publish(Now);
        CityList = new RecommendationList(Campaign, Lanzhou);
        _proposedList = kind == CampaignKind.Municipal ? null : new ProposedList(Campaign);
    }

    private readonly ProposedList? _proposedList;
    private readonly List<CampaignApplication> _applications = [];

    public static StageDeadlines Deadlines { get; } =
        new(new DateOnly(2025, 4, 30), new DateOnly(2025, 5, 31), new DateOnly(2025, 6, 30), new DateOnly(2025, 8, 31));

    public static AutoScoringInput GoodIndicators { get; } = new(
        MunicipalTitleFiledWithProvince: true, QualifiedStaffCount: 2, LedgerCompleteShare: 1m, StaleLedgerKinds: 0,
        ReportMismatches: 0, LateReports: 0, ZeroEmploymentFamilyBreaches: 0, WillingWorkerAssistanceBreaches: 0,
        DifficultyEmploymentRate: 0.97m, ReemploymentRate: 0.93m, ReemploymentTrackingCoverage: 1m, KeyGroupEmployedShare: 1m,
        TrainingReferralShare: 1m, MonthlyAssistanceCoverage: 1m, QuarterlyTrackingShare: 1m, ValidComplaints: 0);

    /// <summary>Filed with civil affairs, holding a municipal title filed with the province (so eligible for provincial rounds).</summary>
    public static ApplicantEligibility Eligible { get; } = new(true, true, false, true);

    /// <summary>Filed with civil affairs, no title yet: eligible for a municipal campaign (A4.3).</summary>
    public static ApplicantEligibility EligibleMunicipal { get; } = new(true, false, false, false);

    public static WorkingDayCalendar Calendar { get; } = WorkingDayCalendar.FromSeed();

    public FakeTimeProvider Clock { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public DateOnly Today => ChinaTime.Today(Clock);

    public ScoreTemplate Template { get; }

    public Campaign Campaign { get; }

    public RecommendationList CityList { get; }

    /// <summary>The province's list; a municipal campaign has none (A4.3).</summary>
    public ProposedList ProposedList => _proposedList ?? throw new InvalidOperationException("A municipal campaign has no proposed list.");

    /// <summary>The list certification follows: the proposed list, or the city's own in a municipal campaign (A4.3).</summary>
    public CandidateList FinalList => Campaign.HasProvinceStep ? ProposedList : CityList;

    /// <summary>The county step's places in use among this world's applications, as the use case counts them (A4.3).</summary>
    public CountyQuotaUse QuotaUse(CampaignApplication application) => new(application.CountyStepRegionCode,
        _applications.Count(x => x.CountyStepRegionCode == application.CountyStepRegionCode && CampaignApplication.HoldingCountyQuota.Contains(x.State)));

    /// <summary>A UTC instant from a China wall-clock time.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, ChinaTime.Offset).ToUniversalTime();

    /// <summary>Fills a sheet's judged items with full points.</summary>
    public static ScoreSheet FillJudged(ScoreSheet sheet)
    {
        foreach (var line in sheet.Lines.Where(l => l.Mode == ScoringMode.Judged))
        {
            sheet.Judge(line.Number, line.MaxPoints, null);
        }

        return sheet;
    }

    private int _communityIds;

    public int NextCommunityId() => ++_communityIds;

    /// <summary>An application from the city's second county (城关区 for 兰州市), or straight under the city when <paramref name="countyCode"/> is "" (嘉峪关市).</summary>
    public CampaignApplication NewApplication(string cityCode = Lanzhou, string? countyCode = null)
    {
        var county = countyCode ?? cityCode[..4] + "02";
        var id = NextCommunityId();
        var application = new CampaignApplication(Campaign, id, (county.Length == 0 ? cityCode : county) + "001" + id.ToString("000", CultureInfo.InvariantCulture),
            "某社区", cityCode, county.Length == 0 ? null : county, Actor, Now);
        FillJudged(application.OpenScoreSheet(ReviewLevel.Self, Template, GoodIndicators));
        _applications.Add(application);
        return application;
    }

    public void PrepareCounty(CampaignApplication application)
    {
        FillJudged(application.OpenScoreSheet(ReviewLevel.County, Template, GoodIndicators));
        application.RecordInspection(ReviewLevel.County, Today, ["张三", "李四"], passed: true, "符合条件");
    }

    public void PrepareCity(CampaignApplication application) =>
        FillJudged(application.OpenScoreSheet(ReviewLevel.City, Template, GoodIndicators));

    public void PrepareProvince(CampaignApplication application)
    {
        FillJudged(application.OpenScoreSheet(ReviewLevel.Province, Template, GoodIndicators));
        application.RecordInspection(ReviewLevel.Province, Today, ["王五", "赵六"], passed: true, "符合条件");
    }

    /// <summary>Publishes a 5-working-day notice starting today, lets it close and sends the list up.</summary>
    public void SendUp(CandidateList list)
    {
        if (list.State == CandidateListState.Draft)
        {
            list.PublishNotice("名单公示", Today, 5, Calendar);
        }

        Clock.SetUtcNow(list.Notice!.ClosesAt);
        list.SendUp(Now);
    }

    /// <summary>An application brought to <paramref name="state"/> through legal moves only.</summary>
    public CampaignApplication ApplicationIn(ApplicationState state)
    {
        var a = NewApplication();
        foreach (var action in PathTo(state))
        {
            Perform(a, action);
        }

        a.State.ShouldBe(state);
        return a;
    }

    /// <summary>Performs <paramref name="action"/> with valid arguments, preparing what the level needs when it is legal.</summary>
    public void Perform(CampaignApplication a, ApplicationAction action)
    {
        switch (action)
        {
            case ApplicationAction.Submit:
                a.Submit(Campaign, Campaign.HasProvinceStep ? Eligible : EligibleMunicipal, Actor, Now);
                break;
            case ApplicationAction.Withdraw:
                a.Withdraw(Actor, Now);
                break;
            case ApplicationAction.ReturnForCorrection:
                a.ReturnForCorrection(Campaign, Today.AddDays(5), "请补充佐证材料", Actor, Now);
                break;
            case ApplicationAction.Resubmit:
                a.Resubmit(Campaign, Actor, Now);
                break;
            case ApplicationAction.CountyForward:
                if (a.Can(action) && a.SheetFor(ReviewLevel.County) is null)
                {
                    PrepareCounty(a);
                }

                a.CountyForward(Campaign, QuotaUse(a), Actor, Now);
                break;
            case ApplicationAction.CountyReject:
                a.CountyReject(Campaign, ["台账不全"], Actor, Now);
                break;
            case ApplicationAction.CityRecommend:
                if (a.Can(action))
                {
                    PrepareCity(a);
                }

                a.CityRecommend(Campaign, CityList, Actor, Now);
                break;
            case ApplicationAction.CityReturnToCounty:
                a.CityReturnToCounty(Campaign, "考察记录不全", Actor, Now);
                break;
            case ApplicationAction.CityReject:
                a.CityReject(Campaign, "综合评定未达标", Actor, Now);
                break;
            case ApplicationAction.ForwardToProvince:
                if (a.Can(action))
                {
                    SendUp(CityList);
                }

                a.ForwardToProvince(Campaign, CityList, Actor, Now);
                break;
            case ApplicationAction.Propose:
                if (a.Can(action))
                {
                    PrepareProvince(a);
                }

                a.Propose(Campaign, ProposedList, Actor, Now);
                break;
            case ApplicationAction.NotCertify:
                a.NotCertify(Campaign, "实地考评未通过", Actor, Now);
                break;
            case ApplicationAction.Certify:
                if (a.Can(action))
                {
                    SendUp(FinalList);
                }

                a.Certify(Campaign, FinalList, "甘人社通〔2025〕1号", "GS-2025-001", Actor, Now);
                break;
            case ApplicationAction.UpholdObjection:
                UpholdObjection(a);
                break;
            case ApplicationAction.Disqualify:
                a.Disqualify("台账数据造假", "核查报告", Actor, Now,
                    a.State == ApplicationState.Proposed ? ProposedList : a.State == ApplicationState.Recommended ? CityList : null);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    private void UpholdObjection(CampaignApplication a)
    {
        CandidateList list = a.State == ApplicationState.Proposed ? ProposedList : CityList;
        var objectionId = Guid.NewGuid();
        if (a.Can(ApplicationAction.UpholdObjection))
        {
            list.PublishNotice("名单公示", Today, 5, Calendar);
            objectionId = list.SubmitObjection(a.Id, "群众", "该社区存在虚报就业", Now).Id;
        }

        list.UpholdObjection(a, objectionId, "经核实，异议成立", Actor, Now);
    }

    private ApplicationAction[] PathTo(ApplicationState state) => state switch
    {
        ApplicationState.Draft => [],
        ApplicationState.Submitted => [ApplicationAction.Submit],
        ApplicationState.ReturnedToCommunity => [ApplicationAction.Submit, ApplicationAction.ReturnForCorrection],
        ApplicationState.ForwardedToCity => [ApplicationAction.Submit, ApplicationAction.CountyForward],
        ApplicationState.RejectedByCounty => [ApplicationAction.Submit, ApplicationAction.CountyReject],
        ApplicationState.RejectedByCity => [.. PathTo(ApplicationState.ForwardedToCity), ApplicationAction.CityReject],
        ApplicationState.Recommended => [.. PathTo(ApplicationState.ForwardedToCity), ApplicationAction.CityRecommend],
        ApplicationState.ReturnedToCounty => [.. PathTo(ApplicationState.ForwardedToCity), ApplicationAction.CityReturnToCounty],
        ApplicationState.ForwardedToProvince => [.. PathTo(ApplicationState.Recommended), ApplicationAction.ForwardToProvince],
        ApplicationState.Proposed => [.. PathTo(ApplicationState.ForwardedToProvince), ApplicationAction.Propose],
        // A4.3: a municipal campaign certifies straight from the city's list.
        ApplicationState.Certified => Campaign.HasProvinceStep
            ? [.. PathTo(ApplicationState.Proposed), ApplicationAction.Certify]
            : [.. PathTo(ApplicationState.Recommended), ApplicationAction.Certify],
        ApplicationState.NotCertified => [.. PathTo(ApplicationState.ForwardedToProvince), ApplicationAction.NotCertify],
        ApplicationState.Withdrawn => [ApplicationAction.Withdraw],
        ApplicationState.Disqualified => [ApplicationAction.Disqualify],
        ApplicationState.RemovedByObjection => [.. PathTo(ApplicationState.Recommended), ApplicationAction.UpholdObjection],
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
