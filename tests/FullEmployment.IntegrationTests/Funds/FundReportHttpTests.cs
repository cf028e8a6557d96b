using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Data;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Funds;

/// <summary>
/// Fund-usage reports (A13, A14) over HTTP on both databases, on the demo app (clock 2025-06-02, the confirmed demo allocation of
/// 2025 and the demo reports): the stable contract, the A13.4 cap as a 422 citing the clause, 409 on a stale version, the joint
/// county and city sign-offs, return, recovery with its exclusion, role and region on every read and write, every move audited.
/// </summary>
public sealed class FundReportHttpTests(DemoApps apps) : IntegrationTest(apps)
{
    private const string Donggang = "620102001001";
    private const string Yannan = "620102001002";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static object Body(decimal it, int? version = null) => new
    {
        year = 2025,
        version,
        lines = new object[]
        {
            new { date = "2025-03-10", category = "publicity", description = "政策宣传册", amount = 5_000m, payee = "兰州印务公司", voucherNumber = "FP-01" },
            new { date = "2025-04-11", category = "it", description = "打印机", amount = it, payee = "办公设备公司", voucherNumber = "FP-02" },
        },
    };

    [DatabaseTheory]
    [Trait("Clause", "A14.1")]
    public async Task A14_1_A_report_goes_through_return_and_both_joint_stages_over_the_api_each_move_audited(Database database)
    {
        UseOwn(database);
        using var community = Client("community");
        using var countyHr = Client("chengguan");
        using var countyFinance = Client("chengguan-finance");
        using var cityHr = Client("lanzhou");
        using var cityFinance = Client("lanzhou-finance");

        var created = await community.PostAsJsonAsync($"/api/v1/communities/{Donggang}/fund-reports", Body(2_000.01m));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await ReadObjectAsync(created);
        var id = body["id"]!.GetValue<Guid>();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/fund-reports/{id}");
        (body["state"]!.GetValue<string>(), body["dueDate"]!.GetValue<string>(), body["received"]!.GetValue<decimal>())
            .ShouldBe(("draft", "2025-12-20", 10_000m));

        // A13.4: 东岗 received 10,000 (municipal); 2,000.01 on category 4 is one fen over 20%.
        var overCap = await community.PostAsJsonAsync($"/api/v1/fund-reports/{id}/submit", new { version = 0 });
        overCap.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await ReadObjectAsync(overCap);
        problem["clause"]!.GetValue<string>().ShouldBe("A13.4");
        problem["detail"]!.GetValue<string>().ShouldContain("A13.4");

        (await community.PutAsJsonAsync($"/api/v1/fund-reports/{id}", Body(2_000m, version: 7))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var edited = await ReadObjectAsync(await community.PutAsJsonAsync($"/api/v1/fund-reports/{id}", Body(2_000m, version: 0)));
        var version = edited["version"]!.GetValue<int>();
        version.ShouldBe(1);
        version = await ActAsync(community, id, "submit", version, "county-review");

        (await countyFinance.PostAsJsonAsync($"/api/v1/fund-reports/{id}/return", new { version, remarks = "" })).StatusCode
            .ShouldBe(HttpStatusCode.UnprocessableEntity);
        version = await ActAsync(countyFinance, id, "return", version, "returned", new { remarks = "第2笔缺少验收单" });
        var fixedBody = await ReadObjectAsync(await community.PutAsJsonAsync($"/api/v1/fund-reports/{id}", Body(1_800m, version)));
        version = await ActAsync(community, id, "submit", fixedBody["version"]!.GetValue<int>(), "county-review");

        // County: finance first, then HR; city: HR first, then finance.
        version = await ActAsync(countyFinance, id, "approve", version, "county-review");
        (await countyFinance.PostAsJsonAsync($"/api/v1/fund-reports/{id}/approve", new { version })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        version = await ActAsync(countyHr, id, "approve", version, "city-review");
        version = await ActAsync(cityHr, id, "approve", version, "city-review");
        await ActAsync(cityFinance, id, "approve", version, "approved");

        var view = await ReadObjectAsync(await community.GetAsync(Url($"/api/v1/fund-reports/{id}")));
        view["communityCode"]!.GetValue<string>().ShouldBe(Donggang);
        view["year"]!.GetValue<int>().ShouldBe(2025);
        view["lines"]!.AsArray().Count.ShouldBe(2);
        view["round"]!.GetValue<int>().ShouldBe(2);
        var stages = view["stages"]!.AsArray();
        stages.Select(s => (s!["stage"]!.GetValue<string>(), s["humanResources"]!["actor"]!.GetValue<string>(), s["finance"]!["actor"]!.GetValue<string>()))
            .ShouldBe([("County", "chengguan", "chengguan-finance"), ("City", "lanzhou", "lanzhou-finance")]);
        view["options"]!.AsArray().ShouldBeEmpty();

        var events = await EventsAsync(id);
        events.Select(e => e.Action).ShouldBe([
            "fund-report.create", "fund-report.edit", "fund-report.submit", "fund-report.return", "fund-report.edit", "fund-report.submit",
            "fund-report.approve", "fund-report.approve", "fund-report.approve", "fund-report.approve",
        ]);
        events.ShouldAllBe(e => e.RegionCode == "620102");
        events.Select(e => e.UserName).Distinct().ShouldBe(["community", "chengguan-finance", "chengguan", "lanzhou", "lanzhou-finance"], ignoreOrder: true);
    }

    [DatabaseTheory]
    [Trait("Clause", "A14.2")]
    public async Task A14_2_Recovery_proposed_by_county_finance_decided_by_county_HR_excludes_the_community_and_takes_refunds(Database database)
    {
        UseOwn(database);
        using var countyHr = Client("chengguan");
        using var countyFinance = Client("chengguan-finance");
        using var cityFinance = Client("lanzhou-finance");
        var id = await ReportIdAsync(Yannan);
        var version = (await ReadObjectAsync(await countyHr.GetAsync(Url($"/api/v1/fund-reports/{id}"))))["version"]!.GetValue<int>();

        (await countyFinance.PostAsJsonAsync($"/api/v1/fund-reports/{id}/propose-recovery",
            new { version, amount = 20_000.01m, reason = "irregular", findings = "x", refundDueOn = "2025-07-01" })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        version = await ActAsync(countyFinance, id, "propose-recovery", version, "county-recovery-proposed",
            new { amount = 6_000m, reason = "irregular", findings = "设备采购发票与实物不符", refundDueOn = "2025-07-01" });
        (await countyFinance.PostAsJsonAsync($"/api/v1/fund-reports/{id}/agree-recovery", new { version })).StatusCode
            .ShouldBe(HttpStatusCode.UnprocessableEntity);
        version = await ActAsync(countyHr, id, "agree-recovery", version, "recovered");

        var exclusions = await Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().FundExclusions.AsNoTracking()
            .Where(e => e.CommunityCode == Yannan).Select(e => new { e.FromYear, e.RecoveryId }).ToListAsync());
        exclusions.Count.ShouldBe(1);
        exclusions[0].FromYear.ShouldBe(2026);
        exclusions[0].RecoveryId.ShouldNotBeNull();

        (await cityFinance.PostAsJsonAsync($"/api/v1/fund-reports/{id}/refund", new { version, amount = 100m, voucherNumber = "T1", paidOn = "2025-06-02" }))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        version = await ActAsync(countyFinance, id, "refund", version, "recovered", new { amount = 2_500m, voucherNumber = "TH-01", paidOn = "2025-06-02" });
        await ActAsync(countyHr, id, "accountability", version, "recovered",
            new { subjectKind = "person", subject = "张某", measure = "诫勉谈话", basis = "办法第十四条", on = "2025-06-02" });

        var view = await ReadObjectAsync(await countyHr.GetAsync(Url($"/api/v1/fund-reports/{id}")));
        var recovery = view["recoveries"]!.AsArray().Single()!;
        (recovery["status"]!.GetValue<string>(), recovery["outstanding"]!.GetValue<decimal>(), recovery["refunded"]!.GetValue<decimal>())
            .ShouldBe(("Decided", 3_500m, 2_500m));
        view["accountability"]!.AsArray().Single()!["measure"]!.GetValue<string>().ShouldBe("诫勉谈话");
        (await EventsAsync(id)).Select(e => e.Action).TakeLast(4)
            .ShouldBe(["fund-report.propose-recovery", "fund-report.agree-recovery", "fund-report.refund", "fund-report.accountability"]);
        (await Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEvents.CountAsync(e => e.Action == "funds.exclusion.impose"))).ShouldBe(1);
    }

    [DatabaseTheory]
    [Trait("Clause", "A14.1")]
    [InlineData("chengguan", HttpStatusCode.OK)]
    [InlineData("chengguan-finance", HttpStatusCode.OK)]
    [InlineData("lanzhou", HttpStatusCode.OK)]
    [InlineData("lanzhou-finance", HttpStatusCode.OK)]
    [InlineData("province", HttpStatusCode.OK)]
    [InlineData("community", HttpStatusCode.NotFound)] // staff of another community
    [InlineData("jiayuguan", HttpStatusCode.NotFound)] // another city
    [InlineData("auditor", HttpStatusCode.Forbidden)]
    [InlineData("secadmin", HttpStatusCode.Forbidden)]
    [InlineData("", HttpStatusCode.Unauthorized)]
    public async Task A14_1_A_report_is_read_by_its_own_region_only(Database database, string user, HttpStatusCode status)
    {
        Use(database);
        using var client = Client(user);

        var response = await client.GetAsync(Url($"/api/v1/fund-reports/{await ReportIdAsync(Yannan)}"));

        response.StatusCode.ShouldBe(status);
    }

    [DatabaseTheory]
    [Trait("Clause", "A14.1")]
    [InlineData("chengguan", HttpStatusCode.UnprocessableEntity, "已在本轮签署同意")] // county HR signed already
    [InlineData("lanzhou", HttpStatusCode.UnprocessableEntity, "只有该县区的人社部门和财政部门")] // wrong stage
    [InlineData("lanzhou-finance", HttpStatusCode.UnprocessableEntity, "只有该县区的人社部门和财政部门")]
    [InlineData("province", HttpStatusCode.Forbidden, "不能审核同意")]
    [InlineData("community", HttpStatusCode.NotFound, "未找到")]
    [InlineData("jiayuguan", HttpStatusCode.NotFound, "未找到")]
    [InlineData("auditor", HttpStatusCode.Forbidden, "无权执行此操作")]
    public async Task A14_1_Only_the_missing_side_of_the_current_stage_approves_and_a_refusal_changes_nothing(Database database, string user,
        HttpStatusCode status, string reason)
    {
        Use(database);
        var id = await ReportIdAsync(Yannan);
        var before = await EventsAsync(id);
        using var client = Client(user);

        var response = await client.PostAsJsonAsync($"/api/v1/fund-reports/{id}/approve", new { });

        response.StatusCode.ShouldBe(status);
        (await ReadObjectAsync(response))["detail"]!.GetValue<string>().ShouldContain(reason);
        (await EventsAsync(id)).Count.ShouldBe(before.Count);
        using var county = Client("chengguan");
        (await ReadObjectAsync(await county.GetAsync(Url($"/api/v1/fund-reports/{id}"))))["state"]!.GetValue<string>().ShouldBe("county-review");
    }

    [DatabaseTheory]
    [Trait("Clause", "A14.1")]
    [InlineData("chengguan", HttpStatusCode.Forbidden, "须由社区工作人员")]
    [InlineData("chengguan-finance", HttpStatusCode.Forbidden, "须由社区工作人员")]
    [InlineData("jiuquanlu", HttpStatusCode.NotFound, "未找到该社区")]
    [InlineData("lanzhou-finance", HttpStatusCode.Forbidden, "须由社区工作人员")]
    [InlineData("auditor", HttpStatusCode.Forbidden, "无权执行此操作")]
    public async Task A14_1_Only_the_communitys_own_staff_write_its_report(Database database, string user, HttpStatusCode status, string reason)
    {
        Use(database);
        using var client = Client(user);

        var response = await client.PostAsJsonAsync($"/api/v1/communities/{Donggang}/fund-reports", Body(100m));

        response.StatusCode.ShouldBe(status);
        (await ReadObjectAsync(response))["detail"]!.GetValue<string>().ShouldContain(reason);
        (await Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().FundReports.CountAsync(r => r.CommunityCode == Donggang))).ShouldBe(0);
    }

    [DatabaseTheory]
    [Trait("Clause", "A14.1")]
    public async Task A14_1_A_community_without_an_allocation_line_has_no_report_to_write(Database database)
    {
        Use(database);
        using var jiuquanlu = Client("jiuquanlu");

        var response = await jiuquanlu.PostAsJsonAsync("/api/v1/communities/620102001005/fund-reports", Body(100m));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ReadObjectAsync(response))["clause"]!.GetValue<string>().ShouldBe("A14.1");
    }

    [DatabaseTheory]
    [Trait("Clause", "A14.1")]
    [InlineData("chengguan-finance", new[] { "620102001002", "620102001003", "620102001004" })]
    [InlineData("lanzhou-finance", new[] { "620102001002", "620102001003", "620102001004", "620103001001", "620103001002", "620104001001", "620105001001" })]
    [InlineData("jiayuguan", new[] { "620200001001" })]
    public async Task A14_1_Lists_hold_the_readers_region_only(Database database, string user, string[] communities)
    {
        Use(database);
        using var client = Client(user);

        var list = await ReadObjectAsync(await client.GetAsync(Url("/api/v1/fund-reports?year=2025&pageSize=100")));

        list["items"]!.AsArray().Select(i => i!["communityCode"]!.GetValue<string>()).Order().ShouldBe(communities);
        var export = await client.GetAsync(Url("/api/v1/fund-reports/export?year=2025"));
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx);
    }

    [DatabaseTheory]
    [Trait("Clause", "A14.1")]
    public async Task A14_1_The_finance_accounts_have_demo_reports_waiting_in_their_to_do_list(Database database)
    {
        Use(database);
        foreach (var (user, community) in new[] { ("chengguan-finance", "雁南社区"), ("lanzhou-finance", "拱星墩社区") })
        {
            using var client = Client(user);
            var page = await client.GetStringAsync(Url("/"));
            page.ShouldContain("fund-report-panel");
            page.ShouldContain($"审核同意：{community}2025年度资金使用情况报告");
        }
    }

    private async Task<int> ActAsync(HttpClient client, Guid id, string action, int version, string state, object? extra = null)
    {
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(extra ?? new { }))!.AsObject();
        body["version"] = version;
        var response = await client.PostAsJsonAsync($"/api/v1/fund-reports/{id}/{action}", body);
        var result = await ReadObjectAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, result.ToJsonString());
        result["state"]!.GetValue<string>().ShouldBe(state);
        return result["version"]!.GetValue<int>();
    }

    private Task<Guid> ReportIdAsync(string community) => Factory.WithScopeAsync(sp =>
        sp.GetRequiredService<AppDbContext>().FundReports.Where(r => r.CommunityCode == community).Select(r => r.Id).SingleAsync());

    private Task<List<AuditEvent>> EventsAsync(Guid id) => Factory.WithScopeAsync(sp =>
        sp.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking().Where(e => e.TargetType == "fund-report" && e.TargetId == id.ToString())
            .OrderBy(e => e.Sequence).ToListAsync());
}
