using FullEmployment.Application.Campaigns;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using FullEmployment.IntegrationTests.Infrastructure;
using static FullEmployment.IntegrationTests.Campaigns.CampaignData;

namespace FullEmployment.IntegrationTests.Campaigns;

/// <summary>A published 2025 provincial campaign (兰州市 holds both places) and helpers that move applications through it as the right people.</summary>
public sealed class CampaignScenario(FullEmploymentFactory factory)
{
    public static readonly StageDeadlines Deadlines =
        new(new DateOnly(2025, 4, 30), new DateOnly(2025, 5, 31), new DateOnly(2025, 6, 30), new DateOnly(2025, 8, 31));

    public FullEmploymentFactory Factory => factory;

    public Guid CampaignId { get; private set; }

    public static NewCampaignInput Provincial2025 { get; } = new(CampaignKind.Provincial, "2025年省级充分就业社区创建", 2025, 2,
        DefaultScoreTemplate.Version, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), Deadlines);

    public async Task<CampaignScenario> PublishAsync()
    {
        await factory.SeedCommunitiesAsync();
        var view = await ProvinceCampaigns(c => c.CreateAsync(Provincial2025));
        view = await ProvinceCampaigns(c => c.SetQuotasAsync(view.Id, view.Version, [new QuotaInput(Lanzhou, 2)]));
        await ProvinceCampaigns(c => c.PublishAsync(new PublishCampaignInput(view.Id, view.Version, "请各市州组织辖区社区按期申报。")));
        CampaignId = view.Id;
        return this;
    }

    public Task<T> ProvinceCampaigns<T>(Func<CampaignAdministration, Task<T>> work) =>
        factory.As(Roles.ProvinceOfficer, Province, work);

    public Task<T> Submission<T>(string role, string scope, Func<ApplicationSubmission, Task<T>> work) => factory.As(role, scope, work);

    public Task<T> Scoring<T>(string role, string scope, Func<ApplicationScoring, Task<T>> work) => factory.As(role, scope, work);

    public Task<T> AtCounty<T>(string role, string scope, Func<CountyReview, Task<T>> work) => factory.As(role, scope, work);

    public Task<T> AtCity<T>(string role, string scope, Func<CityReview, Task<T>> work) => factory.As(role, scope, work);

    public Task<T> AtProvince<T>(string role, string scope, Func<ProvinceReview, Task<T>> work) => factory.As(role, scope, work);

    public Task<T> Queries<T>(string role, string scope, Func<ApplicationQueries, Task<T>> work) => factory.As(role, scope, work);

    public Task<T> Lists<T>(string role, string scope, Func<CandidateLists, Task<T>> work) => factory.As(role, scope, work);

    public Task<ApplicationView> ViewAsync(Guid id) => Queries(Roles.ProvinceOfficer, Province, w => w.GetAsync(id));

    /// <summary>Full points on every judged item (A6: no remark needed at full points).</summary>
    public static IReadOnlyList<ScoreEntry> FullJudged { get; } =
        [new("1.2", 4, null), new("1.3", 3, null), new("1.5", 4, null), new("5.1", 5, null)];

    public async Task<ApplicationResult> DraftAsync(string community = Donggang)
    {
        var started = await Submission(Roles.CommunityStaff, community, w => w.StartAsync(new StartApplicationInput(CampaignId)));
        return await Scoring(Roles.CommunityStaff, community, w => w.ScoreAsync(new ScoreInput(started.Id, started.Version, ReviewLevel.Self, FullJudged)));
    }

    public async Task<ApplicationResult> SubmittedAsync(string community = Donggang)
    {
        var draft = await DraftAsync(community);
        return await Submission(Roles.CommunityStaff, community, w => w.SubmitAsync(new ActionInput(draft.Id, draft.Version)));
    }

    /// <summary>County sheet at full judged points and a passed inspection, ready to forward.</summary>
    public async Task<ApplicationResult> CountyPreparedAsync(string community = Donggang, string county = Chengguan)
    {
        var a = await SubmittedAsync(community);
        a = await Scoring(Roles.CountyOfficer, county, w => w.ScoreAsync(new ScoreInput(a.Id, a.Version, ReviewLevel.County, FullJudged)));
        return await Scoring(Roles.CountyOfficer, county, w => w.RecordInspectionAsync(new InspectionInput(a.Id, a.Version, new DateOnly(2025, 3, 3),
            ["王建国", "刘芳"], true, "场地、制度、台账均符合要求")));
    }

    public async Task<ApplicationResult> ForwardedAsync(string community = Donggang, string county = Chengguan)
    {
        var a = await CountyPreparedAsync(community, county);
        return await AtCounty(Roles.CountyOfficer, county, w => w.ForwardAsync(new ActionInput(a.Id, a.Version)));
    }

    public async Task<ApplicationResult> CityScoredAsync(string community = Donggang, string county = Chengguan)
    {
        var a = await ForwardedAsync(community, county);
        return await Scoring(Roles.CityOfficer, Lanzhou, w => w.ScoreAsync(new ScoreInput(a.Id, a.Version, ReviewLevel.City, FullJudged)));
    }

    public async Task<ApplicationResult> RecommendedAsync(string community = Donggang, string county = Chengguan)
    {
        var a = await CityScoredAsync(community, county);
        return await AtCity(Roles.CityOfficer, Lanzhou, w => w.RecommendAsync(new ActionInput(a.Id, a.Version)));
    }

    public async Task<CandidateListView> CityListAsync() =>
        (await Lists(Roles.CityOfficer, Lanzhou, l => l.ListForCampaignAsync(CampaignId))).Single(l => l.CityCode == Lanzhou);

    public async Task<CandidateListView> ProposedListAsync() =>
        (await Lists(Roles.ProvinceOfficer, Province, l => l.ListForCampaignAsync(CampaignId))).Single(l => l.CityCode == null);

    public void SetChinaTime(int year, int month, int day, int hour = 9, int minute = 0) =>
        factory.Clock.SetUtcNow(new DateTimeOffset(year, month, day, hour, minute, 0, ChinaTime.Offset).ToUniversalTime());
}
