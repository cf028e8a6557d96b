using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Notices;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Notices;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Public;

/// <summary>
/// The public site (/Public, no login) on the demo data (an open city notice with one objection), and the province's rule pages
/// and API (working-day calendar, score templates).
/// </summary>
public sealed partial class PublicSiteTests(DemoApps apps) : IntegrationTest(apps)
{
    private const string DemoObjectorPhone = "13800001234";

    [DatabaseTheory]
    public async Task Public_pages_open_without_login_and_show_the_open_notice_with_its_list(Database database)
    {
        Use(database);
        var client = Client("");
        var id = await OpenNoticeIdAsync(client);

        foreach (var path in new[] { "/Public", "/Public/Past", "/Public/Announcements", "/Public/Directory", $"/Public/Notice/{id}" })
        {
            var response = await client.GetAsync(Url(path));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            var html = await response.Content.ReadAsStringAsync();
            html.ShouldContain("甘肃省充分就业社区 公示公告");
            html.ShouldContain("工作人员登录");
        }

        var index = await client.GetStringAsync(Url("/Public"));
        index.ShouldContain("推荐名单公示");
        index.ShouldContain("剩余工作日");
        index.ShouldContain("24:00（北京时间）");
        var notice = await client.GetStringAsync(Url($"/Public/Notice/{id}"));
        notice.ShouldContain("东岗社区");
        notice.ShouldContain("城关区");
        notice.ShouldContain("提交异议");
    }

    [DatabaseTheory]
    public async Task Public_html_and_data_never_show_id_numbers_or_objector_names_and_phones(Database database)
    {
        Use(database);
        var client = Client("");
        var id = await OpenNoticeIdAsync(client);
        var texts = new List<string>();
        foreach (var path in new[] { "/Public", "/Public/Past", "/Public/Announcements", "/Public/Directory", $"/Public/Notice/{id}",
                     "/api/v1/public/notices", $"/api/v1/public/notices/{id}", "/api/v1/public/directory?pageSize=200" })
        {
            texts.Add(await client.GetStringAsync(Url(path)));
        }

        foreach (var text in texts)
        {
            text.ShouldNotContain(DemoObjectorPhone);
            text.ShouldNotContain("张先生");
            IdNumberPattern().IsMatch(text).ShouldBeFalse();
        }
    }

    [DatabaseTheory]
    public async Task An_objection_without_the_antiforgery_token_is_refused_with_400(Database database)
    {
        Use(database);
        var client = Client("");
        var id = await OpenNoticeIdAsync(client);
        var candidate = await CandidateIdAsync(client, id);
        var response = await client.PostAsync(Url($"/Public/Notice/{id}"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.CandidateId"] = candidate,
            ["Form.Name"] = "李四",
            ["Form.Phone"] = "13900000000",
            ["Form.Content"] = "无令牌",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [DatabaseTheory]
    public async Task An_objection_is_received_and_its_content_is_shown_back_as_text_only(Database database)
    {
        Use(database);
        var client = Client("");
        var id = await OpenNoticeIdAsync(client);
        var candidate = await CandidateIdAsync(client, id);
        var page = await client.GetStringAsync(Url($"/Public/Notice/{id}"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(FullEmploymentFactory.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(candidate), "Form.CandidateId" },
            { new StringContent("王五"), "Form.Name" },
            { new StringContent("13912345678"), "Form.Phone" },
            { new StringContent("<script>alert('x')</script> 数据不实"), "Form.Content" },
        };

        var response = await client.PostAsync(Url($"/Public/Notice/{id}"), form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("您的异议已提交");
        html.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; 数据不实");
        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("13912345678");
    }

    [DatabaseTheory]
    [Trait("Clause", "A8.3")]
    public async Task The_objection_API_applies_the_page_limits_and_answers_422_naming_each_field_too_long(Database database)
    {
        Use(database);
        var client = Client("");
        var id = await OpenNoticeIdAsync(client);
        var candidate = await CandidateIdAsync(client, id);
        var body = new
        {
            candidateId = candidate,
            name = new string('张', ObjectionLimits.NameLength + 1),
            phone = new string('1', ObjectionLimits.PhoneLength + 1),
            content = new string('异', ObjectionLimits.ContentLength + 1),
        };

        var response = await client.PostAsJsonAsync($"/api/v1/public/notices/{id}/objections", body);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await ReadObjectAsync(response);
        var errors = problem["errors"]!.AsArray().Select(e => (e!["column"]!.GetValue<string>(), e["message"]!.GetValue<string>())).ToList();
        errors.ShouldBe([("name", ObjectionLimits.NameTooLong), ("phone", ObjectionLimits.PhoneTooLong), ("content", ObjectionLimits.ContentTooLong)]);
        problem["detail"]!.GetValue<string>().ShouldContain("姓名不能超过50个字");
        var stored = await Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Objection>().CountAsync(o => o.Objector == body.name));
        stored.ShouldBe(0);
    }

    [DatabaseTheory]
    public async Task The_directory_lists_titled_communities_and_exports_an_xlsx_workbook(Database database)
    {
        Use(database);
        var client = Client("");
        var page = await client.GetStringAsync(Url("/Public/Directory?Level=Provincial"));
        page.ShouldContain("省级");

        var response = await client.GetAsync(Url("/Public/Directory?handler=Export&Level=Provincial"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var workbook = XlsxReader.Open(stream);
        workbook.SheetNames.ShouldBe(["充分就业社区名录"]);
        var rows = workbook.ReadRows("充分就业社区名录").ToList();
        rows[0][0].Text.ShouldBe("社区名称");
        rows.Count.ShouldBeGreaterThan(1);
        rows.Skip(1).ShouldAllBe(r => r[3].Text == "省级");
        rows.Skip(1).ShouldAllBe(r => r[4].Kind == XlsxValueKind.Date); // 认定日期 is a date cell
    }

    [DatabaseTheory]
    public async Task Only_the_province_edits_the_working_day_calendar(Database database)
    {
        Use(database);
        var body = new { offDays = new[] { "2027-01-01" }, makeUpWorkingDays = Array.Empty<string>(), version = (int?)null };

        (await Factory.BearerClientFor("lanzhou").PutAsJsonAsync("/api/v1/calendar/years/2027", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Client("lanzhou").GetAsync(Url("/Settings/Calendar/Edit/2027"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Client("chengguan").GetAsync(Url("/Settings/Templates"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var province = Client("province");
        (await province.GetAsync(Url("/Settings/Calendar"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await province.GetStringAsync(Url("/"))).ShouldContain("规则设置");
    }

    [DatabaseTheory]
    public async Task An_unconfigured_year_is_refused_until_the_province_saves_it_on_the_calendar_page(Database database)
    {
        Use(database);
        var anonymous = Client("");
        var before = await anonymous.GetAsync(Url("/api/v1/calendar/working-days?from=2028-01-03&add=1"));
        before.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ReadObjectAsync(before))["detail"]!.GetValue<string>().ShouldContain("2028年的工作日历尚未配置");

        var province = Client("province");
        var edit = await province.GetStringAsync(Url("/Settings/Calendar/Edit/2028"));
        edit.ShouldContain("2028年工作日历（新增）");
        var unparsable = await province.PostAsync(Url("/Settings/Calendar/Edit/2028"), CalendarForm(edit, "2028-01-01\n2028-02-30", ""));
        (await unparsable.Content.ReadAsStringAsync()).ShouldContain("放假日期中的“2028-02-30”不是有效日期");
        var weekday = await province.PostAsync(Url("/Settings/Calendar/Edit/2028"), CalendarForm(edit, "2028-01-01", "2028-01-05"));
        (await weekday.Content.ReadAsStringAsync()).ShouldContain("不是周末，无需设置为调休上班日");
        var saved = await province.PostAsync(Url("/Settings/Calendar/Edit/2028"), CalendarForm(edit, "2028-01-01\n2028-01-04", "2028-01-08"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await anonymous.GetAsync(Url("/api/v1/calendar/working-days?from=2028-01-03&add=1"));
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadObjectAsync(after))["date"]!.GetValue<string>().ShouldBe("2028-01-05");
    }

    [DatabaseTheory]
    public async Task Year_2027_is_refused_by_the_working_days_API_until_saved_through_the_API(Database database)
    {
        Use(database);
        var anonymous = Client("");
        (await anonymous.GetAsync(Url("/api/v1/calendar/working-days?from=2027-01-04&add=1"))).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var province = Factory.BearerClientFor("province");
        (await province.GetAsync(Url("/api/v1/calendar/years/2027"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var put = await province.PutAsJsonAsync("/api/v1/calendar/years/2027",
            new { offDays = new[] { "2027-01-01", "2027-01-05" }, makeUpWorkingDays = Array.Empty<string>(), version = (int?)null });
        put.StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await anonymous.GetAsync(Url("/api/v1/calendar/working-days?from=2027-01-04&add=1"));
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadObjectAsync(after))["date"]!.GetValue<string>().ShouldBe("2027-01-06");
        (await ReadObjectAsync(await province.GetAsync(Url("/api/v1/calendar/years/2027"))))["offDays"]!.AsArray().Count.ShouldBe(2);
    }

    [DatabaseTheory]
    public async Task A_template_version_whose_items_do_not_sum_to_100_is_refused_on_publish(Database database)
    {
        Use(database);
        var api = Factory.BearerClientFor("province");
        var list = JsonNode.Parse(await api.GetStringAsync(Url("/api/v1/score-templates")))!.AsArray();
        var source = JsonNode.Parse(await api.GetStringAsync(Url($"/api/v1/score-templates/{list[0]!["id"]}")))!;
        var items = source["items"]!.AsArray().DeepClone().AsArray();
        var item = items.First(i => i!["gateMinimum"] is null && i["maxPoints"]!.GetValue<decimal>() > 1)!;
        item["maxPoints"] = item["maxPoints"]!.GetValue<decimal>() - 1;

        var created = await api.PostAsJsonAsync("/api/v1/score-templates", new JsonObject
        {
            ["templateVersion"] = "2099-试行",
            ["name"] = "合计不足100分的评分表",
            ["copyFromVersion"] = null,
            ["items"] = items,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var draft = await ReadObjectAsync(created);
        draft["totalPoints"]!.GetValue<decimal>().ShouldBe(99m);

        var publish = await api.PostAsJsonAsync($"/api/v1/score-templates/{draft["id"]}/publish", new { version = draft["version"]!.GetValue<int>() });
        publish.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ReadObjectAsync(publish))["detail"]!.GetValue<string>().ShouldContain("必须为100分才能发布");

        var province = Client("province");
        var details = await province.GetStringAsync(Url($"/Settings/Templates/Details/{draft["id"]}"));
        var page = await province.PostAsync(Url($"/Settings/Templates/Details/{draft["id"]}?handler=Publish"), new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = FullEmploymentFactory.AntiforgeryToken(details),
                ["Version"] = draft["version"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
        (await page.Content.ReadAsStringAsync()).ShouldContain("必须为100分才能发布");
    }

    [DatabaseTheory]
    public async Task Announcements_are_listed_and_each_has_a_printable_page(Database database)
    {
        Use(database);
        var id = await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var campaign = await db.Set<Campaign>().FirstAsync();
            var announcement = new Announcement(campaign.Id, TitleLevel.Provincial, "关于认定2025年省级充分就业社区的公告", "经审核认定，现予公告。\n<i>正文</i>",
                "甘人社通〔2025〕9号", Factory.Clock.GetUtcNow(), [new AnnouncementEntry("620102001001", "东岗社区", "620100", "620102", "GS-2025-001")]);
            db.Add(announcement);
            await db.SaveChangesAsync();
            return announcement.Id;
        });
        var client = Client("");

        (await client.GetStringAsync(Url("/Public/Announcements"))).ShouldContain("关于认定2025年省级充分就业社区的公告");
        var page = await client.GetStringAsync(Url($"/Public/Announcements/Details/{id}"));
        page.ShouldContain("甘人社通〔2025〕9号");
        page.ShouldContain("GS-2025-001");
        page.ShouldContain("data-print");
        page.ShouldContain("&lt;i&gt;正文&lt;/i&gt;");
        (await client.GetAsync(Url($"/Public/Announcements/Details/{Guid.NewGuid()}"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static FormUrlEncodedContent CalendarForm(string page, string offDays, string makeUp) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = FullEmploymentFactory.AntiforgeryToken(page),
        ["OffDays"] = offDays,
        ["MakeUpWorkingDays"] = makeUp,
    });

    internal static async Task<string> OpenNoticeIdAsync(HttpClient client)
    {
        var notices = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/public/notices", UriKind.Relative)))!.AsArray();
        notices.Count.ShouldBeGreaterThan(0, "the demo data opens a city notice at start-up");
        return notices[0]!["id"]!.GetValue<string>();
    }

    internal static async Task<string> CandidateIdAsync(HttpClient client, string noticeId) =>
        JsonNode.Parse(await client.GetStringAsync(new Uri($"/api/v1/public/notices/{noticeId}", UriKind.Relative)))!["candidates"]![0]!["candidateId"]!
            .GetValue<string>();

    // An 18-character resident ID number (17 digits and a digit or X) standing alone.
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdNumberPattern();
}
