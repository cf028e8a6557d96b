using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Supervision;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Supervision;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FullEmployment.IntegrationTests.Supervision;

/// <summary>
/// Support requests (A15) over HTTP on both databases: the stable contract, every action by the right and the wrong role and
/// region (404 outside scope, 403 wrong role with the Chinese reason), the audit of every move, the workbench counts, to-do
/// items, the export and a year without a calendar. The factory's clock is Monday 2025-06-02.
/// </summary>
public sealed class SupportRequestHttpTests(DemoApps apps) : IntegrationTest(apps)
{
    private const string Donggang = "620102001001";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [DatabaseTheory]
    [Trait("Clause", "A15")]
    public async Task A15_Raised_by_the_community_answered_by_the_county_confirmed_by_the_community_each_move_audited(Database database)
    {
        Use(database);

        using var community = Client("community");
        using var county = Client("chengguan");
        var auditBefore = await CountAsync("support-request.");

        var raised = await community.PostAsJsonAsync($"/api/v1/communities/{Donggang}/support-requests",
            new { category = "funding", description = "公益性岗位补贴未拨付" });

        raised.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await ReadObjectAsync(raised);
        var id = body["id"]!.GetValue<Guid>();
        raised.Headers.Location!.ToString().ShouldBe($"/api/v1/support-requests/{id}");
        body["state"]!.GetValue<string>().ShouldBe("awaitingAnswer");
        // 2025-06-02 is the Dragon Boat holiday and not counted anyway: 06-03 … 06-06, 06-09 … 06-13, 06-16.
        body["dueDate"]!.GetValue<string>().ShouldBe("2025-06-16");

        var listed = await ReadObjectAsync(await county.GetAsync(Url("/api/v1/support-requests?state=awaitingAnswer&pageSize=500")));
        listed["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ShouldContain(id);

        (await county.PostAsJsonAsync($"/api/v1/support-requests/{id}/answer", new { version = 99, measures = "已协调", departments = "区财政局" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var version = body["version"]!.GetValue<int>();
        var answered = await county.PostAsJsonAsync($"/api/v1/support-requests/{id}/answer",
            new { version, measures = "已协调区财政局于6月10日前拨付", departments = "区财政局、东岗西路街道" });
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterAnswer = await ReadObjectAsync(answered);
        afterAnswer["state"]!.GetValue<string>().ShouldBe("answered");

        var confirmed = await community.PostAsJsonAsync($"/api/v1/support-requests/{id}/confirm",
            new { version = afterAnswer["version"]!.GetValue<int>(), remark = "补贴已到位" });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadObjectAsync(confirmed))["state"]!.GetValue<string>().ShouldBe("resolved");

        var view = await ReadObjectAsync(await community.GetAsync(Url($"/api/v1/support-requests/{id}")));
        view["measures"]!.GetValue<string>().ShouldBe("已协调区财政局于6月10日前拨付");
        view["coordinatedDepartments"]!.GetValue<string>().ShouldBe("区财政局、东岗西路街道");
        view["resolvedOn"]!.GetValue<string>().ShouldBe("2025-06-02");
        view["history"]!.AsArray().Count.ShouldBe(2);
        view["actions"]!.AsArray().Count.ShouldBe(0);

        var events = await EventsAsync(id);
        events.Select(e => e.Action).ShouldBe(["support-request.raise", "support-request.answer", "support-request.confirm"]);
        events.ShouldAllBe(e => e.RegionCode == "620102");
        events[1].UserName.ShouldBe("chengguan");
        events[2].UserName.ShouldBe("community");
        (await CountAsync("support-request.")).ShouldBe(auditBefore + 3);
    }

    [DatabaseTheory]
    [Trait("Clause", "A15")]
    [InlineData("chengguan", HttpStatusCode.Forbidden, "困难诉求须由社区工作人员为本社区提出。")]
    [InlineData("lanzhou", HttpStatusCode.Forbidden, "困难诉求须由社区工作人员为本社区提出。")]
    [InlineData("province", HttpStatusCode.Forbidden, "困难诉求须由社区工作人员为本社区提出。")]
    [InlineData("jiuquanlu", HttpStatusCode.NotFound, "未找到该社区")] // staff of another community
    [InlineData("jiayuguan", HttpStatusCode.NotFound, "未找到该社区")] // another city
    [InlineData("auditor", HttpStatusCode.Forbidden, "无权执行此操作")]
    [InlineData("lanzhou-finance", HttpStatusCode.Forbidden, "无权执行此操作")]
    public async Task A15_Only_the_communitys_own_staff_raise_its_requests(Database database, string user, HttpStatusCode status, string reason)
    {
        Use(database);

        var before = await CountAsync("support-request.raise");
        using var client = Client(user);

        var response = await client.PostAsJsonAsync($"/api/v1/communities/{Donggang}/support-requests", new { category = "other", description = "测试" });

        response.StatusCode.ShouldBe(status);
        (await ReadObjectAsync(response))["detail"]!.GetValue<string>().ShouldContain(reason);
        (await CountAsync("support-request.raise")).ShouldBe(before);
    }

    [DatabaseTheory]
    [Trait("Clause", "A15")]
    [InlineData("community", HttpStatusCode.OK)]
    [InlineData("chengguan", HttpStatusCode.OK)]
    [InlineData("lanzhou", HttpStatusCode.OK)]
    [InlineData("province", HttpStatusCode.OK)]
    [InlineData("jiuquanlu", HttpStatusCode.NotFound)]
    [InlineData("jiayuguan", HttpStatusCode.NotFound)]
    [InlineData("auditor", HttpStatusCode.Forbidden)]
    [InlineData("secadmin", HttpStatusCode.Forbidden)]
    [InlineData("lanzhou-finance", HttpStatusCode.Forbidden)]
    public async Task A15_Reading_a_request_needs_a_workflow_role_and_its_stored_region(Database database, string user, HttpStatusCode status)
    {
        Use(database);

        var id = await RaiseAsync(Donggang, SupportCategory.Staffing);
        using var client = Client(user);

        (await client.GetAsync(Url($"/api/v1/support-requests/{id}"))).StatusCode.ShouldBe(status);
        (await client.GetAsync(Url($"/Supervision/SupportRequests/Details/{id}"))).StatusCode.ShouldBe(status);
        var list = await client.GetAsync(Url("/api/v1/support-requests?pageSize=500"));
        if (status == HttpStatusCode.Forbidden)
        {
            list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            return;
        }

        var ids = (await ReadObjectAsync(list))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
        (status == HttpStatusCode.OK ? ids.Contains(id) : !ids.Contains(id)).ShouldBeTrue();
    }

    [DatabaseTheory]
    [Trait("Clause", "A15")]
    [InlineData("answer", "community", HttpStatusCode.Forbidden, "答复诉求须由社区所在县区人社局或市州人社局办理。")]
    [InlineData("answer", "province", HttpStatusCode.Forbidden, "答复诉求须由社区所在县区人社局或市州人社局办理。")]
    [InlineData("answer", "jiayuguan", HttpStatusCode.NotFound, "未找到该诉求")]
    [InlineData("answer", "auditor", HttpStatusCode.Forbidden, "无权执行此操作")]
    [InlineData("confirm", "community", HttpStatusCode.UnprocessableEntity, "诉求当前为“待答复”，不能确认解决。")]
    [InlineData("reopen", "community", HttpStatusCode.UnprocessableEntity, "诉求当前为“待答复”，不能重新提出。")]
    [InlineData("confirm", "chengguan", HttpStatusCode.Forbidden, "确认解决须由提出诉求的社区工作人员办理。")]
    [InlineData("reopen", "lanzhou", HttpStatusCode.Forbidden, "重新提出须由提出诉求的社区工作人员办理。")]
    [InlineData("confirm", "jiuquanlu", HttpStatusCode.NotFound, "未找到该诉求")]
    [InlineData("close", "chengguan", HttpStatusCode.NotFound, "没有诉求操作")]
    public async Task A15_A_move_by_the_wrong_actor_or_in_the_wrong_state_is_refused_unaudited(Database database, string action, string user, HttpStatusCode status,
        string reason)
    {
        Use(database);

        var id = await RaiseAsync(Donggang, SupportCategory.Other);
        var before = await EventsAsync(id);
        using var client = Client(user);

        var response = await client.PostAsJsonAsync($"/api/v1/support-requests/{id}/{action}",
            new { version = 0, measures = "措施", departments = "部门", reason = "理由" });

        response.StatusCode.ShouldBe(status);
        (await ReadObjectAsync(response))["detail"]!.GetValue<string>().ShouldContain(reason);
        (await EventsAsync(id)).Count.ShouldBe(before.Count);
        (await StateAsync(id)).ShouldBe(SupportRequestState.AwaitingAnswer);
    }

    [DatabaseTheory]
    [Trait("Clause", "A15")]
    public async Task A15_The_city_answers_too_and_a_reopened_request_gets_a_new_period_then_a_resolved_one_is_final(Database database)
    {
        Use(database);

        var id = await RaiseAsync(Donggang, SupportCategory.PolicyImplementation);
        using var city = Client("lanzhou");
        using var community = Client("community");

        var answered = await ReadObjectAsync(await city.PostAsJsonAsync($"/api/v1/support-requests/{id}/answer",
            new { version = 0, measures = "市局出台实施细则", departments = "市财政局" }));
        answered["state"]!.GetValue<string>().ShouldBe("answered");

        var noReason = await community.PostAsJsonAsync($"/api/v1/support-requests/{id}/reopen", new { version = answered["version"]!.GetValue<int>() });
        noReason.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ReadObjectAsync(noReason))["detail"]!.GetValue<string>().ShouldBe("请填写重新提出的理由。");

        var reopened = await ReadObjectAsync(await community.PostAsJsonAsync($"/api/v1/support-requests/{id}/reopen",
            new { version = answered["version"]!.GetValue<int>(), reason = "细则未落实到街道" }));
        reopened["state"]!.GetValue<string>().ShouldBe("awaitingAnswer");
        reopened["dueDate"]!.GetValue<string>().ShouldBe("2025-06-16");

        using var county = Client("chengguan");
        var again = await ReadObjectAsync(await county.PostAsJsonAsync($"/api/v1/support-requests/{id}/answer",
            new { version = reopened["version"]!.GetValue<int>(), measures = "街道专人对接", departments = "东岗西路街道" }));
        var resolved = await ReadObjectAsync(await community.PostAsJsonAsync($"/api/v1/support-requests/{id}/confirm",
            new { version = again["version"]!.GetValue<int>() }));
        resolved["state"]!.GetValue<string>().ShouldBe("resolved");

        var final = await community.PostAsJsonAsync($"/api/v1/support-requests/{id}/reopen", new { version = resolved["version"]!.GetValue<int>(), reason = "再议" });
        final.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ReadObjectAsync(final))["detail"]!.GetValue<string>().ShouldBe("诉求当前为“已解决”，不能重新提出。");
        (await EventsAsync(id)).Select(e => e.Action).ShouldBe(["support-request.raise", "support-request.answer", "support-request.reopen",
            "support-request.answer", "support-request.confirm"]);
    }

    [DatabaseTheory]
    [Trait("Clause", "A15")]
    public async Task A15_In_Jiayuguan_without_counties_the_city_answers(Database database)
    {
        Use(database);

        var id = await RaiseAsync("620200001002", SupportCategory.InformationSystem);
        using var jiayuguan = Client("jiayuguan");
        using var lanzhou = Client("lanzhou");

        (await lanzhou.PostAsJsonAsync($"/api/v1/support-requests/{id}/answer", new { version = 0, measures = "m", departments = "d" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var answered = await jiayuguan.PostAsJsonAsync($"/api/v1/support-requests/{id}/answer",
            new { version = 0, measures = "已重置账号", departments = "市信息中心" });
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EventsAsync(id)).Last().RegionCode.ShouldBe("620200");
    }

    [DatabaseTheory]
    [Trait("Clause", "A15")]
    public async Task A15_Demo_data_has_an_open_and_an_overdue_request_counted_on_the_workbenches_with_a_chart_per_city_for_the_province(Database database)
    {
        Use(database);

        var province = await SummaryAsync(new FixedActor("province", Roles.ProvinceOfficer, "620000"));
        province.Overdue.ShouldBeGreaterThanOrEqualTo(1);
        province.Open.ShouldBeGreaterThanOrEqualTo(3);
        province.PerCity.Count.ShouldBe(14);
        province.PerCity.Single(c => c.CityCode == "620100").Overdue.ShouldBeGreaterThanOrEqualTo(1);
        province.PerCity.Sum(c => c.Open).ShouldBe(province.Open);
        var jiayuguan = await SummaryAsync(new FixedActor("jiayuguan", Roles.CityOfficer, "620200"));
        jiayuguan.Answered.ShouldBeGreaterThanOrEqualTo(1);
        jiayuguan.PerCity.ShouldBeEmpty();

        using var provinceClient = Client("province");
        var workbench = await provinceClient.GetStringAsync(Url("/"));
        workbench.ShouldContain("data-testid=\"support-panel\"");
        workbench.ShouldContain("id=\"support-chart\" data-stacked-chart=");
        workbench.ShouldContain("data-testid=\"support-city-table\"");
        using var community = Client("community");
        var own = await community.GetStringAsync(Url("/"));
        own.ShouldContain("data-testid=\"support-panel\"");
        own.ShouldNotContain("support-chart");
        using var auditor = Client("auditor");
        (await auditor.GetStringAsync(Url("/"))).ShouldNotContain("support-panel");
    }

    [DatabaseTheory]
    [Trait("Clause", "A15")]
    public async Task A15_The_county_and_city_have_the_answer_in_their_to_do_list_the_community_the_confirmation(Database database)
    {
        Use(database);

        var id = await RaiseAsync(Donggang, SupportCategory.PremisesAndEquipment);
        var url = $"/Supervision/SupportRequests/Details/{id}";
        (await TodosAsync(new FixedActor("chengguan", Roles.CountyOfficer, "620102"))).ShouldContain(t => t.Url == url && t.DueOn == new DateOnly(2025, 6, 16));
        (await TodosAsync(new FixedActor("lanzhou", Roles.CityOfficer, "620100"))).ShouldContain(t => t.Url == url);
        (await TodosAsync(new FixedActor("community", Roles.CommunityStaff, Donggang))).ShouldNotContain(t => t.Url == url);
        (await TodosAsync(new FixedActor("province", Roles.ProvinceOfficer, "620000"))).ShouldNotContain(t => t.Url == url);

        using var county = Client("chengguan");
        (await county.PostAsJsonAsync($"/api/v1/support-requests/{id}/answer", new { version = 0, measures = "已协调场地", departments = "街道办" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TodosAsync(new FixedActor("community", Roles.CommunityStaff, Donggang))).ShouldContain(t => t.Url == url && t.Category == "困难诉求");
        (await TodosAsync(new FixedActor("chengguan", Roles.CountyOfficer, "620102"))).ShouldNotContain(t => t.Url == url);
    }

    [DatabaseTheory]
    [Trait("Clause", "A15")]
    public async Task A15_The_export_is_audited_with_the_filter_and_row_count_and_a_region_outside_scope_gets_no_file(Database database)
    {
        Use(database);

        await RaiseAsync(Donggang, SupportCategory.Funding);
        using var county = Client("chengguan");
        var export = await county.GetAsync(Url("/Supervision/SupportRequests?handler=Export&Category=Funding"));

        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx);
        using var workbook = XlsxReader.Open(await export.Content.ReadAsStreamAsync());
        var rows = workbook.ReadRows("困难诉求").Count() - 1;
        rows.ShouldBeGreaterThanOrEqualTo(1);
        var audited = await LastEventAsync("support-request.export");
        audited.UserName.ShouldBe("chengguan");
        audited.RegionCode.ShouldBe("620102");
        var after = JsonNode.Parse(audited.After!)!;
        after["category"]!.GetValue<string>().ShouldBe("资金");
        after["rows"]!.GetValue<int>().ShouldBe(rows);

        var before = await CountAsync("support-request.export");
        using var jiayuguan = Client("jiayuguan");
        var refused = await jiayuguan.GetAsync(Url("/Supervision/SupportRequests?handler=Export&Region=620102"));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Content.Headers.ContentType?.MediaType.ShouldNotBe(Xlsx);
        using var auditor = Client("auditor");
        (await auditor.GetAsync(Url("/Supervision/SupportRequests?handler=Export"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CountAsync("support-request.export")).ShouldBe(before);
    }

    [DatabaseTheory]
    [Trait("Clause", "A15")]
    public async Task A15_A_request_whose_period_reaches_a_year_without_calendar_is_accepted_without_due_date_and_never_overdue(Database database)
    {
        Use(database);

        // 2026-12-24: ten working days reach 2027, which the seed does not configure.
        var late = new FakeTimeProvider(new DateTimeOffset(2026, 12, 24, 2, 0, 0, TimeSpan.Zero));
        var community = new FixedActor("community", Roles.CommunityStaff, Donggang);
        var result = await Factory.WithScopeAsync(community, sp => ActivatorUtilities.CreateInstance<SupportRequests>(sp, late)
            .RaiseAsync(new RaiseSupportRequestInput(Donggang, SupportCategory.Other, "年底提出的诉求")));

        result.State.ShouldBe(SupportRequestState.AwaitingAnswer);
        result.DueDate.ShouldBeNull();
        result.DueDateWarning.ShouldBe("2027年工作日历尚未配置，无法推算答复期限；诉求已受理，期限待省人社厅录入2027年节假日安排后确定。");
        var view = await Factory.WithScopeAsync(community, sp => ActivatorUtilities.CreateInstance<SupportRequests>(sp, late).GetAsync(result.Id));
        view.DueDate.ShouldBeNull();
        view.DueDateWarning.ShouldBe(result.DueDateWarning);
        view.Overdue.ShouldBeFalse();
        using var client = Client("community");
        (await client.GetStringAsync(Url($"/Supervision/SupportRequests/Details/{result.Id}"))).ShouldContain("2027年工作日历尚未配置");
    }

    private Task<Guid> RaiseAsync(string communityCode, SupportCategory category) =>
        Factory.WithScopeAsync(new FixedActor("staff", Roles.CommunityStaff, communityCode), async sp =>
            (await sp.GetRequiredService<SupportRequests>().RaiseAsync(new RaiseSupportRequestInput(communityCode, category, "测试诉求"))).Id);

    private Task<SupportRequestSummary> SummaryAsync(ICurrentActor actor) =>
        Factory.WithScopeAsync(actor, async sp => (await sp.GetRequiredService<SupportRequests>().SummaryAsync())!);

    private Task<IReadOnlyList<TodoItem>> TodosAsync(ICurrentActor actor) =>
        Factory.WithScopeAsync(actor, sp => sp.GetRequiredService<TodoList>().ForCurrentUserAsync());

    private Task<SupportRequestState> StateAsync(Guid id) => Factory.WithScopeAsync(sp =>
        sp.GetRequiredService<AppDbContext>().Set<SupportRequest>().Where(r => r.Id == id).Select(r => r.State).SingleAsync());

    private Task<List<AuditEvent>> EventsAsync(Guid id) => Factory.WithScopeAsync(sp =>
        sp.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking().Where(e => e.TargetType == "support-request" && e.TargetId == id.ToString())
            .OrderBy(e => e.Sequence).ToListAsync());

    private Task<AuditEvent> LastEventAsync(string action) => Factory.WithScopeAsync(sp =>
        sp.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking().Where(e => e.Action == action).OrderByDescending(e => e.Sequence).FirstAsync());

    private Task<int> CountAsync(string actionPrefix) => Factory.WithScopeAsync(sp =>
        sp.GetRequiredService<AppDbContext>().AuditEvents.CountAsync(e => e.Action.StartsWith(actionPrefix)));
}
