using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FullEmployment.Application.Common;
using FullEmployment.Application.Identity;
using FullEmployment.Application.Notices;
using FullEmployment.Domain;
using FullEmployment.Domain.Identity;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Campaigns;

/// <summary>
/// A city's municipal campaign over /api/v1 on the demo data (A4.3, A18): the city's own template, per-county quotas,
/// community → county → city, notice and objection, certification with the municipal title; every action by role and region.
/// 兰州市 (lanzhou) organises; 城关区 (chengguan) does the county step; 酒泉路社区 (no title yet) applies.
/// </summary>
public sealed class MunicipalCampaignTests(DemoApps apps) : IntegrationTest(apps)
{
    private const string Jiuquanlu = "620102001005";
    private const string Chengguan = "620102";
    private const string Qilihe = "620103";

    [DatabaseTheory]
    [Trait("Clause", "A4.3")]
    public async Task A4_3_A_municipal_campaign_runs_from_county_quotas_to_the_municipal_title_with_role_and_region_checks(Database database)
    {
        // It grants 酒泉路社区 the municipal title, after which that community applies in no other municipal campaign.
        UseOwn(database);
        var city = Factory.BearerClientFor("lanzhou");
        var county = Factory.BearerClientFor("chengguan");
        var province = Factory.BearerClientFor("province");
        var otherCity = Factory.BearerClientFor("jiayuguan");
        var applicant = Factory.BearerClientFor(await UserAsync(Roles.CommunityStaff, Jiuquanlu));
        var otherCounty = Factory.BearerClientFor(await UserAsync(Roles.CountyOfficer, Qilihe));

        // A4.3: the city keeps its own template: a copy of the provincial one, owned and published by the city.
        var template = await ReadObjectAsync(await city.PostAsJsonAsync("/api/v1/score-templates", new JsonObject
        {
            ["templateVersion"] = "兰州-" + Guid.NewGuid().ToString("N")[..6],
            ["name"] = "兰州市市级充分就业社区评分表",
            ["copyFromVersion"] = "2023-1",
            ["items"] = new JsonArray(),
        }));
        template["ownerRegionCode"]!.GetValue<string>().ShouldBe("620100");
        var published = await city.PostAsJsonAsync($"/api/v1/score-templates/{template["id"]}/publish", new { version = template["version"]!.GetValue<int>() });
        published.StatusCode.ShouldBe(HttpStatusCode.OK);

        // Only a city creates a municipal campaign, and it is its own.
        (await province.PostAsJsonAsync("/api/v1/campaigns", NewCampaign(template["templateVersion"]!.GetValue<string>())))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var created = await city.PostAsJsonAsync("/api/v1/campaigns", NewCampaign(template["templateVersion"]!.GetValue<string>()));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var campaign = await ReadObjectAsync(created);
        var campaignId = campaign["id"]!.GetValue<string>();
        campaign["organizerRegionCode"]!.GetValue<string>().ShouldBe("620100");
        campaign["quotas"]!.AsArray().Select(q => q!["regionCode"]!.GetValue<string>()).ShouldContain(Chengguan);
        campaign["quotas"]!.AsArray().Select(q => q!["regionCode"]!.GetValue<string>()).ShouldNotContain("620100");

        // A4.3: quotas per county of the organising city, summing to the total, set by that city only.
        var version = campaign["version"]!.GetValue<int>();
        (await province.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/quotas", Quotas(version, (Chengguan, 1), (Qilihe, 1))))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await otherCity.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/quotas", Quotas(version, (Chengguan, 2))))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var foreign = await city.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/quotas", Quotas(version, ("620902", 2)));
        foreign.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ReadObjectAsync(foreign))["clause"]!.GetValue<string>().ShouldBe("A4.3");
        campaign = await ReadObjectAsync(await city.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/quotas", Quotas(version, (Chengguan, 1))));
        var early = await city.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/publish",
            new { version = campaign["version"]!.GetValue<int>(), noticeBody = "请各县区组织申报。" });
        early.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ReadObjectAsync(early))["detail"]!.GetValue<string>().ShouldContain("各县区名额合计1个，与名额总数2个不一致");
        campaign = await ReadObjectAsync(await city.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/quotas",
            Quotas(campaign["version"]!.GetValue<int>(), (Chengguan, 1), (Qilihe, 1))));
        campaign = await ReadObjectAsync(await city.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/publish",
            new { version = campaign["version"]!.GetValue<int>(), noticeBody = "请各县区组织辖区社区申报市级充分就业社区。" }));
        campaign["state"]!.GetValue<string>().ShouldBe("published");

        // Publishing notified the counties, not the other cities.
        (await InboxAsync(Roles.CountyOfficer, Chengguan)).ShouldContain(m => m.Subject.Contains("兰州市接口市级创建", StringComparison.Ordinal));
        (await InboxAsync(Roles.CityOfficer, "620200")).ShouldNotContain(m => m.Subject.Contains("兰州市接口市级创建", StringComparison.Ordinal));

        // A3.1: 东岗社区 already holds a municipal title; A5.1.1 is not asked of 酒泉路社区, which holds none.
        var titled = await Factory.BearerClientFor("community").PostAsJsonAsync("/api/v1/applications", new { campaignId });
        titled.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ReadObjectAsync(titled))["clause"]!.GetValue<string>().ShouldBe("A3.1");
        var started = await applicant.PostAsJsonAsync("/api/v1/applications", new { campaignId });
        started.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await ReadObjectAsync(started))["id"]!.GetValue<string>();
        await ScoreAsync(applicant, id, "self");
        var state = await ActAsync(applicant, id, "submit", new JsonObject());
        state["state"]!.GetValue<string>().ShouldBe("submitted");

        // A8.2: the county of the application scores, inspects and forwards; another county, the city and the province can't.
        await ScoreAsync(county, id, "county");
        await ActAsync(county, id, "inspection", new JsonObject
        {
            ["date"] = Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["inspectors"] = new JsonArray("赵刚", "钱丽"),
            ["passed"] = true,
            ["findings"] = "服务大厅、窗口、公开栏齐全。",
        });
        (await otherCounty.GetAsync(Url($"/api/v1/applications/{id}"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostAsync(otherCounty, id, "forward", new JsonObject())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(city, id, "forward", new JsonObject())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(province, id, "forward", new JsonObject { ["overrideReason"] = "省厅代为报送" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        state = await ActAsync(county, id, "forward", new JsonObject());
        state["state"]!.GetValue<string>().ShouldBe("forwardedToCity");
        var view = await ReadObjectAsync(await city.GetAsync(Url($"/api/v1/campaigns/{campaignId}")));
        view["quotas"]!.AsArray().Single(q => q!["regionCode"]!.GetValue<string>() == Chengguan)!["forwarded"]!.GetValue<int>().ShouldBe(1);

        // A8.3: the organising city scores and recommends; the province may not act in a city's campaign.
        await ScoreAsync(city, id, "city");
        (await PostAsync(province, id, "recommend", new JsonObject { ["overrideReason"] = "省厅代为推荐" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(otherCity, id, "recommend", new JsonObject())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        state = await ActAsync(city, id, "recommend", new JsonObject());
        state["state"]!.GetValue<string>().ShouldBe("recommended");

        // A4.3: no province step: forwarding to it or proposing is refused.
        var propose = await PostAsync(city, id, "propose", new JsonObject());
        propose.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ReadObjectAsync(propose))["clause"]!.GetValue<string>().ShouldBe("A4.3");
        (await PostAsync(province, id, "propose", new JsonObject())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The notice (≥ 5 working days), an objection from the public, dismissed; the province can't answer it.
        var lists = JsonNode.Parse(await city.GetStringAsync(Url($"/api/v1/campaigns/{campaignId}/lists")))!.AsArray();
        var list = lists.Single()!.AsObject();
        list["isFinal"]!.GetValue<bool>().ShouldBeTrue();
        var listId = list["id"]!.GetValue<string>();
        list = await ListActAsync(city, listId, "notice", new JsonObject
        {
            ["version"] = list["version"]!.GetValue<int>(),
            ["title"] = "兰州市接口市级创建推荐名单公示",
            ["startDate"] = Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["workingDays"] = 5,
        });
        var anonymous = Client("");
        var notice = JsonNode.Parse(await anonymous.GetStringAsync(Url("/api/v1/public/notices")))!.AsArray()
            .Single(n => n!["title"]!.GetValue<string>() == "兰州市接口市级创建推荐名单公示")!;
        var candidate = notice["candidates"]!.AsArray().Single()!;
        candidate["communityName"]!.GetValue<string>().ShouldBe("酒泉路社区");
        (await anonymous.PostAsJsonAsync($"/api/v1/public/notices/{notice["id"]}/objections",
            new { candidateId = candidate["candidateId"]!.GetValue<string>(), name = "李女士", phone = "13900001111", content = "请核实服务大厅面积。" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        list = await ReadObjectAsync(await city.GetAsync(Url($"/api/v1/lists/{listId}")));
        var objection = list["objections"]!.AsArray().Single()!;
        (await province.PostAsJsonAsync($"/api/v1/lists/{listId}/answer", new JsonObject
        {
            ["version"] = list["version"]!.GetValue<int>(),
            ["objectionId"] = objection["id"]!.GetValue<string>(),
            ["uphold"] = false,
            ["reply"] = "代为答复",
            ["overrideReason"] = "省厅代办",
        })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        list = await ListActAsync(city, listId, "answer", new JsonObject
        {
            ["version"] = list["version"]!.GetValue<int>(),
            ["objectionId"] = objection["id"]!.GetValue<string>(),
            ["uphold"] = false,
            ["reply"] = "经核查，服务大厅面积与申报一致，异议不成立。",
        });

        // Certification waits for the notice to close; then the list is fixed and the city certifies.
        var tooEarly = await city.PostAsJsonAsync($"/api/v1/lists/{listId}/send-up", new JsonObject { ["version"] = list["version"]!.GetValue<int>() });
        tooEarly.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Factory.Clock.Advance(TimeSpan.FromDays(14));
        list = await ListActAsync(city, listId, "send-up", new JsonObject { ["version"] = list["version"]!.GetValue<int>() });
        list["state"]!.GetValue<string>().ShouldBe("sentUp");
        JsonObject Certify(int v) => new()
        {
            ["version"] = v,
            ["documentNumber"] = "兰人社发〔2025〕88号",
            ["plaques"] = new JsonArray(new JsonObject { ["applicationId"] = id, ["plaqueNumber"] = "SJ-2025-088" }),
        };
        (await province.PostAsJsonAsync($"/api/v1/lists/{listId}/certify", Certify(list["version"]!.GetValue<int>())))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        list = await ListActAsync(city, listId, "certify", Certify(list["version"]!.GetValue<int>()));
        list["state"]!.GetValue<string>().ShouldBe("certified");
        list["certification"]!["documentNumber"]!.GetValue<string>().ShouldBe("兰人社发〔2025〕88号");
        list["certification"]!["titleLevelName"]!.GetValue<string>().ShouldBe("市级");
        var again = await city.PostAsJsonAsync($"/api/v1/lists/{listId}/certify", Certify(list["version"]!.GetValue<int>()));
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ReadObjectAsync(again))["detail"]!.GetValue<string>().ShouldContain("不能重复认定");

        // The municipal title on the community, granted by the city; the announcement; the county and community told.
        var community = await ReadObjectAsync(await city.GetAsync(Url($"/api/v1/communities/{Jiuquanlu}")));
        var title = community["titles"]!.AsArray().Single()!;
        title["level"]!.GetValue<string>().ShouldBe("municipal");
        title["documentNumber"]!.GetValue<string>().ShouldBe("兰人社发〔2025〕88号");
        title["plaqueNumber"]!.GetValue<string>().ShouldBe("SJ-2025-088");
        var announcement = JsonNode.Parse(await anonymous.GetStringAsync(Url("/api/v1/public/announcements")))!["items"]!.AsArray()
            .Single(a => a!["documentNumber"]!.GetValue<string>() == "兰人社发〔2025〕88号")!;
        announcement["level"]!.GetValue<string>().ShouldContain("市级");
        announcement["body"]!.GetValue<string>().ShouldContain("兰州市人力资源和社会保障局认定");
        announcement["body"]!.GetValue<string>().ShouldNotContain("省级审核");
        (await InboxAsync(Roles.CountyOfficer, Chengguan)).ShouldContain(m => m.Subject == "酒泉路社区已被认定为市级充分就业社区");
        (await InboxAsync(Roles.CommunityStaff, Jiuquanlu)).ShouldContain(m => m.Body.Contains("SJ-2025-088", StringComparison.Ordinal));
    }

    [DatabaseTheory]
    [Trait("Clause", "A4.3")]
    public async Task A4_3_A_county_cannot_forward_beyond_its_quota_and_the_refusal_changes_nothing(Database database)
    {
        Use(database);
        var city = Factory.BearerClientFor("lanzhou");
        var county = Factory.BearerClientFor("chengguan");
        var applicant = Factory.BearerClientFor(await UserAsync(Roles.CommunityStaff, Jiuquanlu));
        var campaign = await ReadObjectAsync(await city.PostAsJsonAsync("/api/v1/campaigns", NewCampaign("2023-1")));
        var campaignId = campaign["id"]!.GetValue<string>();
        // 城关区 gets no place: everything goes to 七里河区.
        campaign = await ReadObjectAsync(await city.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/quotas",
            Quotas(campaign["version"]!.GetValue<int>(), (Qilihe, 2))));
        await ReadObjectAsync(await city.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/publish",
            new { version = campaign["version"]!.GetValue<int>(), noticeBody = "请七里河区组织申报。" }));
        var id = (await ReadObjectAsync(await applicant.PostAsJsonAsync("/api/v1/applications", new { campaignId })))["id"]!.GetValue<string>();
        await ScoreAsync(applicant, id, "self");
        await ActAsync(applicant, id, "submit", new JsonObject());
        await ScoreAsync(county, id, "county");
        await ActAsync(county, id, "inspection", new JsonObject
        {
            ["date"] = Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["inspectors"] = new JsonArray("赵刚", "钱丽"),
            ["passed"] = true,
            ["findings"] = "符合条件。",
        });

        var refused = await PostAsync(county, id, "forward", new JsonObject());

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await ReadObjectAsync(refused);
        problem["clause"]!.GetValue<string>().ShouldBe("A4.3");
        problem["detail"]!.GetValue<string>().ShouldContain("没有分配名额");
        (await ReadObjectAsync(await county.GetAsync(Url($"/api/v1/applications/{id}"))))["state"]!.GetValue<string>().ShouldBe("submitted");
    }

    [DatabaseTheory]
    [Trait("Clause", "A4.3")]
    public async Task A4_3_In_a_city_without_counties_the_whole_quota_sits_at_the_city_and_no_county_can_take_it(Database database)
    {
        Use(database);
        var jiayuguan = Factory.BearerClientFor("jiayuguan");
        var campaign = await ReadObjectAsync(await jiayuguan.PostAsJsonAsync("/api/v1/campaigns", NewCampaign("2023-1", "嘉峪关市接口市级创建")));
        var campaignId = campaign["id"]!.GetValue<string>();

        var quota = campaign["quotas"]!.AsArray().Single()!;
        quota["regionCode"]!.GetValue<string>().ShouldBe("620200");
        quota["quota"]!.GetValue<int>().ShouldBe(2);
        var lanzhouCounty = await jiayuguan.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/quotas",
            Quotas(campaign["version"]!.GetValue<int>(), (Chengguan, 2)));
        lanzhouCounty.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ReadObjectAsync(lanzhouCounty))["detail"]!.GetValue<string>().ShouldContain("不是本市州的县区区划代码");
        var publish = await jiayuguan.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/publish",
            new { version = campaign["version"]!.GetValue<int>(), noticeBody = "请各社区按期申报。" });
        publish.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await InboxAsync(Roles.CityOfficer, "620200")).ShouldContain(m => m.Subject.Contains("嘉峪关市接口市级创建", StringComparison.Ordinal));
        // Lanzhou's officers don't see another city's municipal campaign.
        (await Factory.BearerClientFor("lanzhou").GetAsync(Url($"/api/v1/campaigns/{campaignId}"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private DateOnly Today() => ChinaTime.Today(Factory.Clock);

    private JsonObject NewCampaign(string templateVersion, string name = "兰州市接口市级创建")
    {
        var today = Today();
        return new JsonObject
        {
            ["kind"] = "municipal",
            ["name"] = name + Guid.NewGuid().ToString("N")[..4],
            ["creationYear"] = today.Year,
            ["totalQuota"] = 2,
            ["templateVersion"] = templateVersion,
            ["passMark"] = 85,
            ["assessmentFrom"] = $"{today.Year - 1}-01-01",
            ["assessmentTo"] = $"{today.Year - 1}-12-31",
            ["deadlines"] = new JsonObject
            {
                ["application"] = Iso(today.AddDays(30)),
                ["county"] = Iso(today.AddDays(60)),
                ["city"] = Iso(today.AddDays(90)),
                ["province"] = Iso(today.AddDays(150)),
            },
        };
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonObject Quotas(int version, params (string Region, int Quota)[] quotas) => new()
    {
        ["version"] = version,
        ["quotas"] = new JsonArray(quotas.Select(q => (JsonNode)new JsonObject { ["regionCode"] = q.Region, ["quota"] = q.Quota }).ToArray()),
    };

    /// <summary>A new user of the role and scope (the demo data has no account for every office the test needs).</summary>
    private Task<string> UserAsync(string role, string scope) => Factory.WithScopeAsync(async sp =>
    {
        var name = "u" + Guid.NewGuid().ToString("N")[..12];
        await sp.GetRequiredService<UserAdministration>().AddAsync(new NewUser(name, name, role, scope, FullEmploymentFactory.Password, false), checkActor: false);
        return name;
    });

    private Task<IReadOnlyList<MessageView>> InboxAsync(string role, string scope) =>
        Factory.WithScopeAsync(new FixedActor($"{role}@{scope}", role, scope), async sp =>
            (IReadOnlyList<MessageView>)(await sp.GetRequiredService<Inbox>().ListAsync(new PageRequest(1, 100))).Items);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string id, string action, JsonObject body)
    {
        var view = await ReadObjectAsync(await client.GetAsync(Url($"/api/v1/applications/{id}")));
        body["version"] = view["version"]?.GetValue<int>() ?? 0;
        return await client.PostAsJsonAsync($"/api/v1/applications/{id}/{action}", body);
    }

    /// <summary>The action by the client, which must succeed; the version is read first (a reader out of scope gets 0 and its 403/404).</summary>
    private static async Task<JsonObject> ActAsync(HttpClient client, string id, string action, JsonObject body)
    {
        var response = await PostAsync(client, id, action, body);
        var result = await ReadObjectAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, result.ToJsonString());
        return result;
    }

    private static async Task<JsonObject> ListActAsync(HttpClient client, string listId, string action, JsonObject body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/lists/{listId}/{action}", body);
        var result = await ReadObjectAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, result.ToJsonString());
        return result;
    }

    /// <summary>Full points on every item of the level's sheet, with a remark (an auto item changed needs its reason).</summary>
    private static async Task ScoreAsync(HttpClient client, string id, string level)
    {
        var view = await ReadObjectAsync(await client.GetAsync(Url($"/api/v1/applications/{id}")));
        var lines = view["sheets"]!.AsArray().First()!["lines"]!.AsArray();
        var entries = new JsonArray(lines.Select(l => (JsonNode)new JsonObject
        {
            ["number"] = l!["number"]!.GetValue<string>(),
            ["score"] = l["maxPoints"]!.GetValue<decimal>(),
            ["remark"] = "经核实，按满分计。",
        }).ToArray());
        await ActAsync(client, id, "score", new JsonObject { ["level"] = level, ["entries"] = entries });
    }
}
