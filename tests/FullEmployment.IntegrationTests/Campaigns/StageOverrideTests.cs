using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FullEmployment.Application.Campaigns;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using FullEmployment.IntegrationTests.Infrastructure;
using static FullEmployment.IntegrationTests.Campaigns.CampaignData;

namespace FullEmployment.IntegrationTests.Campaigns;

/// <summary>
/// A8 over /api/v1: the organiser acts in a lower level's place (with an override reason) only after that stage's deadline.
/// Before it every such action is 403 with the reason and the deadline in Chinese, and the application does not move.
/// The provincial scenario's deadlines: county 2025-05-31, city 2025-06-30; the clock starts on 2025-03-03.
/// </summary>
public sealed class StageOverrideTests
{
    [DatabaseTheory]
    [Trait("Clause", "A8.2")]
    public async Task A8_2_The_province_cannot_reject_return_or_forward_in_the_countys_place_before_the_county_deadline(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var s = await new CampaignScenario(factory).PublishAsync();
        var prepared = await s.CountyPreparedAsync();
        var province = await factory.ClientAsAsync(Roles.ProvinceOfficer, Province);

        foreach (var (action, body) in CountyActions())
        {
            await ShouldBeRefusedAsync(province, prepared.Id, action, body, "县区初审截止日期为2025年5月31日");
        }

        (await s.ViewAsync(prepared.Id)).State.ShouldBe(ApplicationState.Submitted);

        // From the first instant after the deadline the province may act in the county's place, and the reason is kept.
        s.SetChinaTime(2025, 6, 1, 0, 0);
        var late = await PostAsync(province, prepared.Id, "reject", CountyActions()[0].Body);
        late.StatusCode.ShouldBe(HttpStatusCode.OK, await late.Content.ReadAsStringAsync());
        (await s.ViewAsync(prepared.Id)).History.Last().OverrideReason.ShouldBe("省厅代为办理");
    }

    [DatabaseTheory]
    [Trait("Clause", "A8.3")]
    public async Task A8_3_The_province_cannot_reject_or_return_in_the_citys_place_before_the_city_deadline(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var s = await new CampaignScenario(factory).PublishAsync();
        var forwarded = await s.CityScoredAsync();
        var province = await factory.ClientAsAsync(Roles.ProvinceOfficer, Province);

        // A past county deadline does not open the city's stage: the city's own deadline counts.
        s.SetChinaTime(2025, 6, 15);
        await ShouldBeRefusedAsync(province, forwarded.Id, "city-reject", new JsonObject { ["remark"] = "省厅代为不予推荐", ["overrideReason"] = "省厅代为办理" },
            "市州评定截止日期为2025年6月30日");
        await ShouldBeRefusedAsync(province, forwarded.Id, "return-to-county", new JsonObject { ["remark"] = "请县区复核", ["overrideReason"] = "省厅代为办理" },
            "市州评定截止日期为2025年6月30日");
        await ShouldBeRefusedAsync(province, forwarded.Id, "recommend", new JsonObject { ["overrideReason"] = "省厅代为办理" },
            "市州评定截止日期为2025年6月30日");
        (await s.ViewAsync(forwarded.Id)).State.ShouldBe(ApplicationState.ForwardedToCity);
    }

    [DatabaseTheory]
    [Trait("Clause", "A8.3")]
    public async Task A8_3_The_province_cannot_send_up_a_citys_list_before_the_city_deadline(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var s = await new CampaignScenario(factory).PublishAsync();
        var recommended = await s.RecommendedAsync();
        var list = await s.CityListAsync();
        await s.Lists(Roles.CityOfficer, Lanzhou, l => l.PublishNoticeAsync(new PublishNoticeInput(list.Id, list.Version, "推荐名单公示", new DateOnly(2025, 3, 3))));
        s.SetChinaTime(2025, 3, 17);
        list = await s.CityListAsync();
        var province = await factory.ClientAsAsync(Roles.ProvinceOfficer, Province);

        var early = await province.PostAsJsonAsync($"/api/v1/lists/{list.Id}/send-up", new { version = list.Version, overrideReason = "省厅代为报送" });

        await ShouldBeForbiddenAsync(early, "市州评定截止日期为2025年6月30日");
        (await s.CityListAsync()).State.ShouldBe(CandidateListState.UnderNotice);
        (await s.ViewAsync(recommended.Id)).State.ShouldBe(ApplicationState.Recommended);

        s.SetChinaTime(2025, 7, 1);
        var late = await province.PostAsJsonAsync($"/api/v1/lists/{list.Id}/send-up", new { version = list.Version, overrideReason = "市州逾期未报送" });
        late.StatusCode.ShouldBe(HttpStatusCode.OK, await late.Content.ReadAsStringAsync());
        (await s.ViewAsync(recommended.Id)).State.ShouldBe(ApplicationState.ForwardedToProvince);
    }

    [DatabaseTheory]
    [Trait("Clause", "A8.2")]
    [Trait("Clause", "A4.3")]
    public async Task A8_2_A4_3_The_organising_city_cannot_act_in_the_countys_place_before_the_county_deadline(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var s = new CampaignScenario(factory);
        await factory.SeedCommunitiesAsync();
        var deadlines = CampaignScenario.Deadlines;
        var campaign = await factory.As<CampaignAdministration, CampaignView>(Roles.CityOfficer, Lanzhou, c => c.CreateAsync(
            new NewCampaignInput(CampaignKind.Municipal, "兰州市2025年市级充分就业社区创建", 2025, 2, DefaultScoreTemplate.Version,
                new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), deadlines)));
        campaign = await factory.As<CampaignAdministration, CampaignView>(Roles.CityOfficer, Lanzhou,
            c => c.SetQuotasAsync(campaign.Id, campaign.Version, [new QuotaInput(Chengguan, 1), new QuotaInput(Qilihe, 1)]));
        await factory.As<CampaignAdministration, CampaignView>(Roles.CityOfficer, Lanzhou,
            c => c.PublishAsync(new PublishCampaignInput(campaign.Id, campaign.Version, "请各县区组织申报。")));

        // 酒泉路社区 holds no municipal title yet; it applies, and 城关区 scores and inspects.
        var started = await s.Submission(Roles.CommunityStaff, Yuanjiu, w => w.StartAsync(new StartApplicationInput(campaign.Id)));
        var a = await s.Scoring(Roles.CommunityStaff, Yuanjiu, w => w.ScoreAsync(new ScoreInput(started.Id, started.Version, ReviewLevel.Self, CampaignScenario.FullJudged)));
        a = await s.Submission(Roles.CommunityStaff, Yuanjiu, w => w.SubmitAsync(new ActionInput(a.Id, a.Version)));
        a = await s.Scoring(Roles.CountyOfficer, Chengguan, w => w.ScoreAsync(new ScoreInput(a.Id, a.Version, ReviewLevel.County, CampaignScenario.FullJudged)));
        a = await s.Scoring(Roles.CountyOfficer, Chengguan, w => w.RecordInspectionAsync(new InspectionInput(a.Id, a.Version, new DateOnly(2025, 3, 3),
            ["王建国", "刘芳"], true, "场地、制度、台账均符合要求")));
        var city = await factory.ClientAsAsync(Roles.CityOfficer, Lanzhou);

        foreach (var (action, body) in CountyActions())
        {
            await ShouldBeRefusedAsync(city, a.Id, action, body, "县区初审截止日期为2025年5月31日");
        }

        (await s.ViewAsync(a.Id)).State.ShouldBe(ApplicationState.Submitted);

        s.SetChinaTime(2025, 6, 1);
        var late = await PostAsync(city, a.Id, "reject", new JsonObject { ["reasons"] = new JsonArray("台账不全"), ["overrideReason"] = "县区逾期，市局代为办理" });
        late.StatusCode.ShouldBe(HttpStatusCode.OK, await late.Content.ReadAsStringAsync());
        (await s.ViewAsync(a.Id)).State.ShouldBe(ApplicationState.RejectedByCounty);
    }

    /// <summary>The county's three moves, each with the organiser's override reason.</summary>
    private static List<(string Action, JsonObject Body)> CountyActions() =>
    [
        ("reject", new JsonObject { ["reasons"] = new JsonArray("台账不全"), ["overrideReason"] = "省厅代为办理" }),
        ("return", new JsonObject { ["dueDate"] = "2025-06-10", ["remark"] = "补充佐证材料", ["overrideReason"] = "省厅代为办理" }),
        ("forward", new JsonObject { ["overrideReason"] = "省厅代为办理" }),
    ];

    private static async Task ShouldBeRefusedAsync(HttpClient client, Guid id, string action, JsonObject body, string deadline) =>
        await ShouldBeForbiddenAsync(await PostAsync(client, id, action, body), deadline);

    private static async Task ShouldBeForbiddenAsync(HttpResponseMessage response, string deadline)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, text);
        var detail = JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!;
        detail.ShouldContain(deadline);
        detail.ShouldContain("只能在截止日期过后填写延期理由代为办理");
    }

    /// <summary>Posts the action with the application's current version (read by the province, which sees everything here).</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid id, string action, JsonObject body)
    {
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        var copy = JsonNode.Parse(body.ToJsonString())!.AsObject();
        copy["version"] = view.GetProperty("version").GetInt32();
        return await client.PostAsJsonAsync($"/api/v1/applications/{id}/{action}", copy);
    }
}
