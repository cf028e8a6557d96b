using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Campaigns;

/// <summary>
/// National rounds (A4.1) over HTTP on the demo data: the province's list from provincial communities, its illegal moves,
/// the ministry's outcome becoming a national title, and every other role kept out (404 reading, 403 writing).
/// </summary>
public sealed class NationalRoundTests(DemoApps apps) : IntegrationTest(apps)
{
    private const string Yannan = "620102001002";     // provincial since 2018
    private const string Gongxingdun = "620102001003"; // national already
    private const string Donggang = "620102001001";   // municipal only
    private const string Peili = "620105001001";      // provincial
    private const string Shengli = "620200001002";    // provincial, 嘉峪关

    [DatabaseTheory]
    [Trait("Clause", "A4.1")]
    public async Task A4_1_Province_builds_orders_submits_the_list_and_a_grant_becomes_the_national_title(Database database)
    {
        Use(database);

        using var province = Factory.BearerClientFor("province");
        var id = await CreateRoundAsync(province, "2025年国家级推荐（接口）", quota: 2);

        var round = await GetAsync(province, id);
        round["state"]!.GetValue<string>().ShouldBe("draft");
        round["candidates"]!.AsArray().ShouldBeEmpty();
        var eligible = await ReadObjectAsync(await province.GetAsync(Url($"/api/v1/campaigns/{id}/national/eligible?pageSize=50")));
        var codes = eligible["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()).ToList();
        codes.ShouldContain(Yannan);
        codes.ShouldContain(Peili);
        codes.ShouldContain(Shengli);
        codes.ShouldNotContain(Gongxingdun);
        codes.ShouldNotContain(Donggang);
        var search = await ReadObjectAsync(await province.GetAsync(Url($"/api/v1/campaigns/{id}/national/eligible?search=培黎")));
        search["total"]!.GetValue<int>().ShouldBe(1);
        search["items"]![0]!["provincialDocumentNumber"]!.GetValue<string>().ShouldNotBeNullOrEmpty();

        var version = round["version"]!.GetValue<int>();
        version = await ActAsync(province, id, "add", new { version, communityCode = Yannan });
        (await ProblemAsync(province, id, "add", new { version, communityCode = Donggang })).ShouldContain("未持有有效的省级充分就业社区称号");
        (await ProblemAsync(province, id, "add", new { version, communityCode = Gongxingdun })).ShouldContain("已是国家级充分就业社区");
        (await ProblemAsync(province, id, "outcome", new
        {
            version,
            communityCode = Yannan,
            granted = true,
            documentNumber = "人社部函〔2025〕1号",
            decidedOn = "2025-12-01"
        })).ShouldContain("尚未报送");
        (await province.PostAsJsonAsync(Url($"/api/v1/campaigns/{id}/national/add"), new { version = version - 1, communityCode = Peili }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        version = await ActAsync(province, id, "add", new { version, communityCode = Peili });
        (await ProblemAsync(province, id, "add", new { version, communityCode = Shengli })).ShouldContain("名额上限2个");
        version = await ActAsync(province, id, "move", new { version, communityCode = Peili, rank = 1 });
        version = await ActAsync(province, id, "remove", new { version, communityCode = Yannan });
        version = await ActAsync(province, id, "add", new { version, communityCode = Shengli });
        round = await GetAsync(province, id);
        round["candidates"]!.AsArray().Select(c => c!["communityCode"]!.GetValue<string>()).ShouldBe([Peili, Shengli]);
        round["candidates"]![1]!["regionName"]!.GetValue<string>().ShouldBe("嘉峪关市");

        version = await ActAsync(province, id, "submit", new { version });
        (await ProblemAsync(province, id, "add", new { version, communityCode = Yannan })).ShouldContain("已报送");
        (await ProblemAsync(province, id, "remove", new { version, communityCode = Peili })).ShouldContain("已报送");
        (await ProblemAsync(province, id, "outcome", new { version, communityCode = Peili, granted = true, documentNumber = " ", decidedOn = "2025-12-01" }))
            .ShouldContain("文号");
        version = await ActAsync(province, id, "outcome", new
        {
            version,
            communityCode = Peili,
            granted = true,
            documentNumber = "人社部函〔2025〕66号",
            decidedOn = "2025-12-01",
            plaqueNumber = "GJ-2025-066"
        });
        version = await ActAsync(province, id, "outcome", new
        {
            version,
            communityCode = Shengli,
            granted = false,
            decidedOn = "2025-12-01",
            remark = "本轮未入选"
        });

        round = await GetAsync(province, id);
        round["state"]!.GetValue<string>().ShouldBe("concluded");
        round["stateName"]!.GetValue<string>().ShouldBe("结果已登记");
        round["candidates"]![0]!["outcome"]!.GetValue<string>().ShouldBe("granted");
        round["candidates"]![1]!["remark"]!.GetValue<string>().ShouldBe("本轮未入选");
        var community = await ReadObjectAsync(await province.GetAsync(Url($"/api/v1/communities/{Peili}")));
        var national = community["titles"]!.AsArray().Single(t => t!["level"]!.GetValue<string>() == "national")!;
        national["documentNumber"]!.GetValue<string>().ShouldBe("人社部函〔2025〕66号");
        national["plaqueNumber"]!.GetValue<string>().ShouldBe("GJ-2025-066");
        national["grantedOn"]!.GetValue<string>().ShouldBe("2025-12-01");

        // Every change is one audit event, written with it.
        var target = round["id"]!.GetValue<Guid>().ToString();
        var actions = await Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.TargetId == target).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        actions.ShouldBe(["national.add", "national.add", "national.move", "national.remove", "national.add", "national.submit",
            "national.outcome", "national.outcome"]);
    }

    [DatabaseTheory]
    [Trait("Clause", "A4.1")]
    public async Task A4_1_Only_the_province_sees_a_round_other_roles_get_404_reading_and_403_writing(Database database)
    {
        Use(database);

        using var province = Factory.BearerClientFor("province");
        var id = await CreateRoundAsync(province, "2025年国家级推荐（权限）", quota: 3);
        var version = await ActAsync(province, id, "add", new { version = 0, communityCode = Yannan });

        foreach (var user in new[] { "lanzhou", "chengguan", "community", "auditor", "secadmin", "lanzhou-finance" })
        {
            using var client = Factory.BearerClientFor(user);
            (await client.GetAsync(Url($"/api/v1/campaigns/{id}/national"))).StatusCode.ShouldBe(HttpStatusCode.NotFound, user);
            (await client.GetAsync(Url($"/api/v1/campaigns/{id}/national/eligible"))).StatusCode.ShouldBe(HttpStatusCode.NotFound, user);
            (await client.PostAsJsonAsync(Url($"/api/v1/campaigns/{id}/national/add"), new { version, communityCode = Peili }))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
            (await client.PostAsJsonAsync(Url($"/api/v1/campaigns/{id}/national/submit"), new { version }))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
        }

        // The campaign itself is invisible to them too: not listed, not found.
        using var city = Factory.BearerClientFor("lanzhou");
        (await city.GetStringAsync(Url("/api/v1/campaigns"))).ShouldNotContain("2025年国家级推荐（权限）");
        (await city.GetAsync(Url($"/api/v1/campaigns/{id}"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var cityPages = Factory.ClientFor("lanzhou");
        (await cityPages.GetAsync(Url($"/Campaigns/National/{id}"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await cityPages.GetAsync(Url($"/Campaigns/National/{id}/Print"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await cityPages.GetAsync(Url($"/Campaigns/National/{id}?handler=Export"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Nothing the others tried changed the list, and an unknown round is 404 even for the province.
        var round = await GetAsync(province, id);
        round["candidates"]!.AsArray().Select(c => c!["communityCode"]!.GetValue<string>()).ShouldBe([Yannan]);
        (await province.GetAsync(Url($"/api/v1/campaigns/{Guid.NewGuid()}/national"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseTheory]
    [Trait("Clause", "A4.1")]
    public async Task A4_1_The_round_pages_list_print_and_export_for_the_province(Database database)
    {
        Use(database);

        using var api = Factory.BearerClientFor("province");
        var id = await CreateRoundAsync(api, "2025年国家级推荐（页面）", quota: 2);
        await ActAsync(api, id, "add", new { version = 0, communityCode = Peili });

        using var pages = Factory.ClientFor("province");
        var details = await pages.GetAsync(Url($"/Campaigns/Details/{id}"));
        details.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        details.Headers.Location!.OriginalString.ShouldBe($"/Campaigns/National/{id}");
        var html = await pages.GetStringAsync(Url($"/Campaigns/National/{id}"));
        html.ShouldContain("培黎社区");
        html.ShouldContain("雁南社区");
        html.ShouldContain("报送推荐名单");
        (await pages.GetStringAsync(Url($"/Campaigns/National/{id}?Q=雁南"))).ShouldNotContain($"data-testid=\"add-{Shengli}\"");
        (await pages.GetStringAsync(Url($"/Campaigns/National/{id}/Print"))).ShouldContain("甘肃省2025年国家级充分就业社区推荐名单");
        var export = await pages.GetAsync(Url($"/Campaigns/National/{id}?handler=Export"));
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var workbook = XlsxReader.Open(await export.Content.ReadAsStreamAsync()))
        {
            workbook.SheetNames.ShouldBe(["国家级推荐名单"]);
            var rows = workbook.ReadRows("国家级推荐名单").ToList();
            rows[0][2].Text.ShouldBe("社区名称");
            rows[1][0].Kind.ShouldBe(XlsxValueKind.Number); // 序号 is a number, not text
            rows[1][2].Text.ShouldBe("培黎社区");
        }

        (await pages.GetStringAsync(Url("/Campaigns?Kind=NationalRecommendation"))).ShouldContain("名单编制中");

        // The list's page posts too: submitting through the form freezes it.
        var token = FullEmploymentFactory.AntiforgeryToken(html);
        var version = (await GetAsync(api, id))["version"]!.GetValue<int>();
        var submitted = await pages.PostAsync(Url($"/Campaigns/National/{id}?handler=Submit"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await GetAsync(api, id))["state"]!.GetValue<string>().ShouldBe("submitted");
        (await pages.GetStringAsync(Url($"/Campaigns/National/{id}"))).ShouldContain("登记人社部结果");
    }

    [DatabaseTheory]
    [Trait("Clause", "A4.1")]
    public async Task A4_1_The_province_to_do_list_holds_a_draft_round_to_send_and_a_sent_one_with_outcomes_to_record(Database database)
    {
        Use(database);

        using var province = Factory.BearerClientFor("province");
        var id = await CreateRoundAsync(province, "2025年国家级推荐（待办）", quota: 2);
        var url = $"/Campaigns/National/{id}";

        // Untouched, the round's list is an empty draft; a national round has no deadline in the system, so no due date.
        var item = (await TodoAsync(Roles.ProvinceOfficer, "620000")).Single(t => t.Url == url);
        item.Title.ShouldBe("2025年国家级推荐（待办）：推荐名单编制中（已列入0个社区），待报送人社部");
        item.Category.ShouldBe("创建申报");
        item.DueOn.ShouldBeNull();
        item.WorkingDaysLeft.ShouldBeNull();

        var version = await ActAsync(province, id, "add", new { version = 0, communityCode = Yannan });
        version = await ActAsync(province, id, "add", new { version, communityCode = Peili });
        (await TodoAsync(Roles.ProvinceOfficer, "620000")).Single(t => t.Url == url).Title.ShouldContain("已列入2个社区");

        version = await ActAsync(province, id, "submit", new { version });
        item = (await TodoAsync(Roles.ProvinceOfficer, "620000")).Single(t => t.Url == url);
        item.Title.ShouldBe("2025年国家级推荐（待办）：2个社区待登记人社部结果");
        item.DueOn.ShouldBeNull();

        version = await ActAsync(province, id, "outcome", new { version, communityCode = Peili, granted = false, decidedOn = "2025-12-01" });
        (await TodoAsync(Roles.ProvinceOfficer, "620000")).Single(t => t.Url == url).Title.ShouldContain("1个社区待登记人社部结果");
        await ActAsync(province, id, "outcome", new { version, communityCode = Yannan, granted = false, decidedOn = "2025-12-01" });
        (await TodoAsync(Roles.ProvinceOfficer, "620000")).ShouldNotContain(t => t.Url == url);

        // Only the province sees national rounds (A3.2), in its to-do list as anywhere else.
        var draft = await CreateRoundAsync(province, "2025年国家级推荐（待办二）", quota: 1);
        (await TodoAsync(Roles.ProvinceOfficer, "620000")).ShouldContain(t => t.Url == $"/Campaigns/National/{draft}");
        (await TodoAsync(Roles.CityOfficer, "620100")).ShouldNotContain(t => t.Url.StartsWith("/Campaigns/National/", StringComparison.Ordinal));
    }

    [DatabaseTheory]
    [Trait("Clause", "A4.1")]
    public async Task A4_1_The_create_page_neither_requires_nor_keeps_the_schedule_fields_for_a_national_round(Database database)
    {
        Use(database);

        using var pages = Factory.ClientFor("province");
        var html = await pages.GetStringAsync(Url("/Campaigns/Create"));
        html.ShouldContain("data-kind-select");
        html.ShouldContain("data-hide-for-kind=\"NationalRecommendation\"");

        // As a browser without script posts it: the hidden fields come empty or with anything in them.
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FullEmploymentFactory.AntiforgeryToken(html),
            ["Kind"] = "NationalRecommendation",
            ["Name"] = "2025年国家级推荐（无脚本）",
            ["CreationYear"] = "2025",
            ["TotalQuota"] = "4",
            ["TemplateVersion"] = "",
            ["PassMark"] = "900",
            ["AssessmentFrom"] = "",
            ["AssessmentTo"] = "",
            ["ApplicationDeadline"] = "2025-09-01",
            ["CountyDeadline"] = "2025-08-01",
            ["CityDeadline"] = "",
            ["ProvinceDeadline"] = "",
            ["CycleOverrideReason"] = "不应保存",
        };
        var created = await pages.PostAsync(Url("/Campaigns/Create"), new FormUrlEncodedContent(fields));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var location = created.Headers.Location!.OriginalString;
        location.ShouldStartWith("/Campaigns/National/");
        var campaign = await Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Campaign>().AsNoTracking()
            .SingleAsync(c => c.Name == "2025年国家级推荐（无脚本）"));
        location.ShouldBe($"/Campaigns/National/{campaign.Id}");
        campaign.Kind.ShouldBe(CampaignKind.NationalRecommendation);
        campaign.TotalQuota.ShouldBe(4);
        campaign.PassMark.ShouldBe(Campaign.DefaultPassMark);
        campaign.TemplateVersion.ShouldBe(DefaultScoreTemplate.Version);
        campaign.CycleOverrideReason.ShouldBeNull();

        // The same form for a provincial round still requires them.
        fields["Kind"] = "Provincial";
        fields["Name"] = "2025年省级创建（缺评分表）";
        var refused = await pages.PostAsync(Url("/Campaigns/Create"), new FormUrlEncodedContent(fields));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("请选择评分表版本");
        page.ShouldContain("合格分数线应为0至100");
        (await Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Campaign>().AnyAsync(c => c.Name == "2025年省级创建（缺评分表）")))
            .ShouldBeFalse();
    }

    private Task<IReadOnlyList<TodoItem>> TodoAsync(string role, string scope) =>
        Factory.WithScopeAsync(new FixedActor($"{role}@{scope}", role, scope), sp => sp.GetRequiredService<TodoList>().ForCurrentUserAsync());

    private async Task<Guid> CreateRoundAsync(HttpClient province, string name, int quota)
    {
        var response = await province.PostAsJsonAsync(Url("/api/v1/campaigns"), new
        {
            kind = "nationalRecommendation",
            name,
            creationYear = 2025,
            totalQuota = quota,
            templateVersion = DefaultScoreTemplate.Version,
            assessmentFrom = "2024-01-01",
            assessmentTo = "2024-12-31",
            deadlines = new { application = "2025-07-01", county = "2025-08-01", city = "2025-09-01", province = "2025-12-31" },
        });
        var body = await ReadObjectAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body["id"]!.GetValue<Guid>();
    }

    private async Task<JsonObject> GetAsync(HttpClient client, Guid id) =>
        await ReadObjectAsync(await client.GetAsync(Url($"/api/v1/campaigns/{id}/national")));

    /// <summary>Performs an action that must succeed; returns the list's new version.</summary>
    private async Task<int> ActAsync(HttpClient client, Guid id, string action, object body)
    {
        var response = await client.PostAsJsonAsync(Url($"/api/v1/campaigns/{id}/national/{action}"), body);
        var view = await ReadObjectAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, view.ToJsonString());
        return view["version"]!.GetValue<int>();
    }

    /// <summary>Performs an action that the domain must refuse (422, clause A4.1); returns the problem's detail.</summary>
    private async Task<string> ProblemAsync(HttpClient client, Guid id, string action, object body)
    {
        var response = await client.PostAsJsonAsync(Url($"/api/v1/campaigns/{id}/national/{action}"), body);
        var problem = await ReadObjectAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToJsonString());
        problem["clause"]!.GetValue<string>().ShouldBe("A4.1");
        return problem["detail"]!.GetValue<string>();
    }
}
