using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Data;
using FullEmployment.Application.Identity;
using FullEmployment.Application.Notices;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Supervision;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Supervision;

/// <summary>
/// The re-inspection API (A9, A10, A3.2) by role and region on the demo data: the 2025 round opened once per database (the
/// clock is 2025-06-02; the demo round is 2024's), then each test works on its own communities' records.
/// </summary>
public sealed class ReinspectionHttpTests(DemoApps apps) : IntegrationTest(apps)
{
    private const string Yannan = "620102001002";
    private const string Donggang = "620102001001";
    private const string Xizhan = "620103001001";
    private const string Shengli = "620200001002";
    private const string Gongxingdun = "620102001003";

    private static readonly ConditionalWeakTable<FullEmploymentFactory, Task<JsonObject>> Rounds = [];

    private static readonly object[] FullMarks =
        [new { number = "1.2", score = 4 }, new { number = "1.3", score = 3 }, new { number = "1.5", score = 4 }, new { number = "5.1", score = 5 }];

    [DatabaseTheory]
    [Trait("Clause", "A9")]
    public async Task A9_Opening_a_round_creates_one_record_per_title_in_force_and_notifies_every_city_only_the_province_may_open(Database database)
    {
        Use(database);
        var round = await RoundAsync();

        var records = round["records"]!.AsArray();
        var expected = await Factory.WithScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Titles.AsNoTracking()
            .CountAsync(t => t.GrantedOn <= new DateOnly(2025, 6, 1) && (t.EndedOn == null || t.EndedOn > new DateOnly(2025, 6, 1))
                && t.Level != TitleLevel.National));
        records.Count.ShouldBe(expected);
        records.Count(r => r!["communityCode"]!.GetValue<string>() == Yannan).ShouldBe(2);
        records.Where(r => r!["communityCode"]!.GetValue<string>() == Gongxingdun).Select(r => r!["level"]!.GetValue<string>())
            .ShouldBe(["municipal", "provincial"], ignoreOrder: true);
        records.ShouldAllBe(r => r!["state"]!.GetValue<string>() == "notStarted");
        round["passMark"]!.GetValue<decimal>().ShouldBe(90m);

        var inbox = await Factory.WithScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<Message>().AsNoTracking()
            .Where(m => m.RelatedType == "reinspection-round" && m.RelatedId == round["id"]!.GetValue<string>())
            .SelectMany(m => m.Recipients).Select(r => r.RecipientCode).ToListAsync());
        inbox.ShouldContain("620100");
        inbox.ShouldContain("620200");
        inbox.Count.ShouldBe(14);

        var body = new { year = 2026, referenceDate = "2026-01-01", includeNational = false, cityDeadline = "2026-03-01", reviewDeadline = "2026-04-01" };
        var city = await Client("lanzhou").PostAsJsonAsync(Url("/api/v1/reinspections"), body);
        city.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var again = await Client("province").PostAsJsonAsync(Url("/api/v1/reinspections"), body with { year = 2025, referenceDate = "2025-06-01" });
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await again.Content.ReadAsStringAsync()).ShouldContain("每年只开启一轮");
    }

    [DatabaseTheory]
    [Trait("Clause", "A3.2")]
    public async Task A3_2_The_demo_round_is_in_progress_and_national_titles_are_left_out_unless_chosen(Database database)
    {
        Use(database);
        var province = Client("province");
        var rounds = (await province.GetFromJsonAsync<JsonArray>(Url("/api/v1/reinspections")))!;
        var demo = rounds.Single(r => r!["year"]!.GetValue<int>() == 2024)!;
        var records = (await province.GetFromJsonAsync<JsonArray>(Url($"/api/v1/reinspections/{demo["id"]}/records")))!;

        records.Select(r => r!["state"]!.GetValue<string>()).Distinct().ShouldBe(["notStarted", "passed", "rectifying", "failed"], ignoreOrder: true);
        records.ShouldAllBe(r => r!["level"]!.GetValue<string>() != "national");
    }

    [DatabaseTheory]
    [Trait("Clause", "A9")]
    public async Task A9_Reads_are_scoped_to_the_stored_records_region(Database database)
    {
        Use(database);
        var round = await RoundAsync();
        var id = round["id"]!.GetValue<string>();
        var shengli = RecordId(round, Shengli, "provincial");

        var lanzhou = (await Client("lanzhou").GetFromJsonAsync<JsonArray>(Url($"/api/v1/reinspections/{id}/records")))!;
        lanzhou.ShouldAllBe(r => r!["communityCode"]!.GetValue<string>().StartsWith("6201", StringComparison.Ordinal));
        (await Client("lanzhou").GetFromJsonAsync<JsonArray>(Url($"/api/v1/reinspections/{id}/records?city=620200")))!.ShouldBeEmpty();
        (await Client("lanzhou").GetAsync(Url($"/api/v1/reinspection-records/{shengli}"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client("community").GetFromJsonAsync<JsonArray>(Url($"/api/v1/reinspections/{id}/records")))!
            .ShouldAllBe(r => r!["communityCode"]!.GetValue<string>() == Donggang);
        (await Client("auditor").GetAsync(Url($"/api/v1/reinspections/{id}/records"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Client("").GetAsync(Url($"/api/v1/reinspections/{id}/records"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [DatabaseTheory]
    [Trait("Clause", "A9")]
    public async Task A9_Jiayuguans_city_officers_inspect_its_communities_and_no_other_city_or_the_county_may(Database database)
    {
        Use(database);
        var round = await RoundAsync();
        var shengli = RecordId(round, Shengli, "provincial");
        var yannan = RecordId(round, Yannan, "municipal");

        var county = await Client("chengguan").PostAsJsonAsync(Url($"/api/v1/reinspection-records/{yannan}/result"), Pass(0));
        county.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.Content.ReadAsStringAsync()).ShouldContain("市州人社局实施");
        (await Client("lanzhou").PostAsJsonAsync(Url($"/api/v1/reinspection-records/{shengli}/result"), Pass(0))).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);

        var passed = await Client("jiayuguan").PostAsJsonAsync(Url($"/api/v1/reinspection-records/{shengli}/result"), Pass(0));
        passed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = await ReadObjectAsync(passed);
        view["state"]!.GetValue<string>().ShouldBe("passed");
        view["indicatorsFrozen"]!.GetValue<bool>().ShouldBeTrue();
        view["sheet"]!["total"]!.GetValue<decimal>().ShouldBeGreaterThanOrEqualTo(90m);
        view["inspectors"]!.AsArray().Count.ShouldBe(2);

        var stale = await Client("jiayuguan").PostAsJsonAsync(Url($"/api/v1/reinspection-records/{shengli}/result"), Pass(0));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var wrongState = await Client("jiayuguan").PostAsJsonAsync(Url($"/api/v1/reinspection-records/{shengli}/result"),
            Pass(view["version"]!.GetValue<int>()));
        wrongState.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await wrongState.Content.ReadAsStringAsync()).ShouldContain("复查合格");
        (await AuditCountAsync("reinspection.result", shengli)).ShouldBe(1);
    }

    [DatabaseTheory]
    [Trait("Clause", "A9")]
    public async Task A9_The_community_self_checks_then_the_city_orders_rectification_in_working_days_the_community_answers_and_the_city_passes_it(Database database)
    {
        Use(database);
        var round = await RoundAsync();
        var id = RecordId(round, Donggang, "municipal");
        var community = Client("community");
        var lanzhou = Client("lanzhou");

        var before = await ReadObjectAsync(await community.GetAsync(Url($"/api/v1/reinspection-records/{id}")));
        before["options"]!.AsArray().Select(o => o!.GetValue<string>()).ShouldBe(["selfCheck"]);
        before["indicatorsFrozen"]!.GetValue<bool>().ShouldBeFalse();
        var self = await ReadObjectAsync(await community.PostAsJsonAsync(Url($"/api/v1/reinspection-records/{id}/self-check"),
            new { selfAssessment = "自评94分，台账齐全。", version = before["version"]!.GetValue<int>() }));
        (await community.PostAsJsonAsync(Url($"/api/v1/reinspection-records/{id}/result"), Pass(self["version"]!.GetValue<int>())))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var rectify = await lanzhou.PostAsJsonAsync(Url($"/api/v1/reinspection-records/{id}/result"), new
        {
            result = "rectify",
            date = "2025-06-02",
            inspectors = new[] { "王明", "赵丽" },
            findings = "信息公开栏未更新",
            rectifyBy = (string?)null,
            version = self["version"]!.GetValue<int>(),
            method = "实地查看、查阅台账",
            rectifyWorkingDays = 10,
            requiredItems = new[] { "更新信息公开栏" },
            entries = FullMarks,
        });
        rectify.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rectifying = await ReadObjectAsync(rectify);
        rectifying["state"]!.GetValue<string>().ShouldBe("rectifying");
        // Ten working days from Monday 2025-06-02: the Dragon Boat holiday is 05-31..06-02, so 06-16 (docs/reference/calendar.md).
        rectifying["rectifyDueDate"]!.GetValue<string>().ShouldBe("2025-06-16");

        var answered = await ReadObjectAsync(await community.PostAsJsonAsync(Url($"/api/v1/reinspection-records/{id}/answer"),
            new { answer = "已更新信息公开栏，附照片。", version = rectifying["version"]!.GetValue<int>() }));
        answered["state"]!.GetValue<string>().ShouldBe("rectificationAnswered");
        var recheck = await ReadObjectAsync(await lanzhou.PostAsJsonAsync(Url($"/api/v1/reinspection-records/{id}/recheck"),
            new { passed = true, remark = "整改到位", version = answered["version"]!.GetValue<int>() }));
        recheck["state"]!.GetValue<string>().ShouldBe("passed");
    }

    [DatabaseTheory]
    [Trait("Clause", "A10")]
    public async Task A10_The_province_confirms_a_provincial_fail_the_title_ends_with_reason_reinspection_and_leaves_the_public_directory(Database database)
    {
        Use(database);
        var round = await RoundAsync();
        var id = RecordId(round, Yannan, "provincial");
        var failed = await ReadObjectAsync(await Client("lanzhou").PostAsJsonAsync(Url($"/api/v1/reinspection-records/{id}/result"), new
        {
            result = "fail",
            date = "2025-06-02",
            inspectors = new[] { "王明", "赵丽" },
            findings = "援助台账造假",
            rectifyBy = (string?)null,
            version = VersionOf(round, id),
            method = "实地查看",
            rectifyWorkingDays = (int?)null,
            requiredItems = (string[]?)null,
            entries = FullMarks,
        }));
        failed["state"]!.GetValue<string>().ShouldBe("failed");
        var version = failed["version"]!.GetValue<int>();

        (await Client("lanzhou").PostAsJsonAsync(Url($"/api/v1/reinspection-records/{id}/confirm"),
            new { decisionDate = "2025-06-02", remark = "确认", version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Client("province").PostAsJsonAsync(Url($"/api/v1/reinspection-records/{id}/confirm"),
            new { decisionDate = "2025-06-03", remark = "确认", version })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var confirmed = await Client("province").PostAsJsonAsync(Url($"/api/v1/reinspection-records/{id}/confirm"),
            new { decisionDate = "2025-06-02", remark = "复核确认台账造假", version });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadObjectAsync(confirmed))["state"]!.GetValue<string>().ShouldBe("confirmed");

        var title = await Factory.WithScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Titles.AsNoTracking()
            .SingleAsync(t => t.Id == failed["titleId"]!.GetValue<int>()));
        title.EndedOn.ShouldBe(new DateOnly(2025, 6, 2));
        title.EndReason.ShouldBe(TitleEndReason.Reinspection);
        var directory = await Client("").GetStringAsync(Url("/api/v1/public/directory?pageSize=200"));
        var yannanRows = JsonNode.Parse(directory)!["items"]!.AsArray().Where(r => r!["communityName"]!.GetValue<string>() == "雁南社区").ToList();
        yannanRows.Select(r => r!["level"]!.GetValue<string>()).ShouldNotContain("省级");
        var notified = await Factory.WithScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<Message>().AsNoTracking()
            .Where(m => m.RelatedId == id).SelectMany(m => m.Recipients).Select(r => r.RecipientCode).ToListAsync());
        notified.ShouldContain(Yannan);
        notified.ShouldContain("620102");
        (await AuditCountAsync("reinspection.confirm", id)).ShouldBe(1);

        // The registry's own end-title path refuses 复查不合格 (A10: only the review ends a title this way).
        var registry = await Client("province").PostAsJsonAsync(Url($"/api/v1/communities/{Gongxingdun}/titles/{RecordTitle(round, Gongxingdun, "provincial")}/end"),
            new { endedOn = "2025-06-02", reason = "Reinspection", remark = "绕过复查" });
        registry.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [DatabaseTheory]
    [Trait("Clause", "A10")]
    public async Task A10_The_managing_city_reviews_a_municipal_fail_the_province_may_not_and_an_overturn_keeps_the_title(Database database)
    {
        Use(database);
        var round = await RoundAsync();
        var id = RecordId(round, Xizhan, "municipal");
        var failed = await ReadObjectAsync(await Client("lanzhou").PostAsJsonAsync(Url($"/api/v1/reinspection-records/{id}/result"), new
        {
            result = "fail",
            date = "2025-06-02",
            inspectors = new[] { "王明", "赵丽" },
            findings = "服务大厅停用",
            rectifyBy = (string?)null,
            version = VersionOf(round, id),
            method = "实地查看",
            rectifyWorkingDays = (int?)null,
            requiredItems = (string[]?)null,
            entries = FullMarks,
        }));
        var version = failed["version"]!.GetValue<int>();

        var province = await Client("province").PostAsJsonAsync(Url($"/api/v1/reinspection-records/{id}/overturn"), new { remark = "不同意", version });
        province.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await province.Content.ReadAsStringAsync()).ShouldContain("市州人社局复核");
        var overturned = await ReadObjectAsync(await Client("lanzhou").PostAsJsonAsync(Url($"/api/v1/reinspection-records/{id}/overturn"),
            new { remark = "服务大厅已恢复，补充材料属实", version }));
        overturned["state"]!.GetValue<string>().ShouldBe("overturned");
        var title = await Factory.WithScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Titles.AsNoTracking()
            .SingleAsync(t => t.Id == failed["titleId"]!.GetValue<int>()));
        title.EndedOn.ShouldBeNull();

        var progress = (await Client("province").GetFromJsonAsync<JsonArray>(Url($"/api/v1/reinspections/{round["id"]}/progress")))!;
        var lanzhou = progress.Single(p => p!["cityCode"]!.GetValue<string>() == "620100")!;
        lanzhou["assigned"]!.GetValue<int>().ShouldBe(round["records"]!.AsArray().Count(r => r!["cityCode"]!.GetValue<string>() == "620100"));
        (await Client("lanzhou").GetFromJsonAsync<JsonArray>(Url($"/api/v1/reinspections/{round["id"]}/progress")))!.Count.ShouldBe(1);
        var export = await Client("lanzhou").GetAsync(Url($"/api/v1/reinspections/{round["id"]}/records.xlsx"));
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [DatabaseTheory]
    [Trait("Clause", "A9")]
    public async Task A9_The_progress_export_is_in_the_api_scoped_to_the_readers_region_and_audited(Database database)
    {
        Use(database);
        var round = await RoundAsync();
        var id = round["id"]!.GetValue<string>();
        var before = await AuditCountAsync("reinspection.export-progress", id);

        var lanzhou = await Client("lanzhou").GetAsync(Url($"/api/v1/reinspections/{id}/progress.xlsx"));
        lanzhou.StatusCode.ShouldBe(HttpStatusCode.OK);
        lanzhou.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var lanzhouText = WorkbookText(await lanzhou.Content.ReadAsByteArrayAsync());
        lanzhouText.ShouldContain("兰州市");
        lanzhouText.ShouldContain("应复查");
        lanzhouText.ShouldNotContain("嘉峪关市");
        WorkbookText(await Client("province").GetByteArrayAsync(Url($"/api/v1/reinspections/{id}/progress.xlsx"))).ShouldContain("嘉峪关市");
        (await AuditCountAsync("reinspection.export-progress", id)).ShouldBe(before + 2);

        (await Client("auditor").GetAsync(Url($"/api/v1/reinspections/{id}/progress.xlsx"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Client("").GetAsync(Url($"/api/v1/reinspections/{id}/progress.xlsx"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Client("lanzhou").GetAsync(Url($"/api/v1/reinspections/{Guid.NewGuid()}/progress.xlsx"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AuditCountAsync("reinspection.export-progress", id)).ShouldBe(before + 2);
    }

    [DatabaseTheory]
    [Trait("Clause", "A9")]
    public async Task A9_Files_are_uploaded_through_the_api_with_the_pages_categories_parties_and_region_checks(Database database)
    {
        Use(database);
        var round = await RoundAsync();
        var id = RecordId(round, Gongxingdun, "municipal");
        var staff = await NewUserClientAsync(Roles.CommunityStaff, Gongxingdun);
        var url = Url($"/api/v1/reinspection-records/{id}/files");

        var selfCheck = await staff.PostAsync(url, Upload("self-check", "自查报告.png", Png));
        selfCheck.StatusCode.ShouldBe(HttpStatusCode.Created);
        var file = await ReadObjectAsync(selfCheck);
        file["category"]!.GetValue<string>().ShouldBe("self-check");
        (await staff.GetByteArrayAsync(selfCheck.Headers.Location!)).ShouldBe(Png);
        (await AuditCountAsync("reinspection.upload", id)).ShouldBe(1);

        // A9: the community uploads self-check material, the inspecting city the on-site photos.
        (await staff.PostAsync(url, Upload("photo", "现场.png", Png))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Client("lanzhou").PostAsync(url, Upload("photo", "现场.png", Png))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Client("chengguan").PostAsync(url, Upload("photo", "现场.png", Png))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await NewUserClientAsync(Roles.CountyOfficer, "620103")).PostAsync(url, Upload("photo", "现场.png", Png)))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client("jiayuguan").PostAsync(url, Upload("photo", "现场.png", Png))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client("community").PostAsync(url, Upload("self-check", "自查报告.png", Png))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client("auditor").PostAsync(url, Upload("photo", "现场.png", Png))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The same checks as the page: the category, the file's real type, a file at all, and the state (evidence only while rectifying).
        (await staff.PostAsync(url, Upload("other", "自查报告.png", Png))).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var disguised = await staff.PostAsync(url, Upload("self-check", "自查报告.png", "MZ\u0090\u0000 not an image"u8.ToArray()));
        disguised.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await disguised.Content.ReadAsStringAsync()).ShouldContain("类型不受支持");
        (await staff.PostAsync(url, Upload("evidence", "整改.png", Png))).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await staff.PostAsync(url, new MultipartFormDataContent { { new StringContent("self-check"), "category" } }))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await staff.PostAsJsonAsync(url, new { category = "self-check" })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await AuditCountAsync("reinspection.upload", id)).ShouldBe(2);
    }

    private static object Pass(int version) => new
    {
        result = "pass",
        date = "2025-06-02",
        inspectors = new[] { "王明", "赵丽" },
        findings = "",
        rectifyBy = (string?)null,
        version,
        method = "实地查看、查阅台账",
        rectifyWorkingDays = (int?)null,
        requiredItems = (string[]?)null,
        entries = FullMarks,
    };

    // The smallest valid PNG: signature, IHDR for 1×1, IDAT, IEND.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static MultipartFormDataContent Upload(string category, string fileName, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { new StringContent(category), "category" }, { file, "file", fileName } };
    }

    /// <summary>A bearer client of a new user with the role and scope (the demo has one account per role only).</summary>
    private async Task<HttpClient> NewUserClientAsync(string role, string scope)
    {
        var userName = $"u{Guid.NewGuid():N}"[..16];
        await Factory.WithScopeAsync(sp => sp.GetRequiredService<UserAdministration>()
            .AddAsync(new NewUser(userName, userName, role, scope, "Test#Passw0rd!", false), checkActor: false));
        return Factory.BearerClientFor(userName);
    }

    /// <summary>Every text of a workbook (shared strings and inline cells), to check which rows an export holds.</summary>
    private static string WorkbookText(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook));
        return string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }

    private Task<JsonObject> RoundAsync() => Rounds.GetValue(Factory, f => OpenAsync());

    private async Task<JsonObject> OpenAsync()
    {
        var response = await Client("province").PostAsJsonAsync(Url("/api/v1/reinspections"), new
        {
            year = 2025,
            referenceDate = "2025-06-01",
            includeNational = false,
            cityDeadline = "2025-09-30",
            reviewDeadline = "2025-10-31",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return await ReadObjectAsync(response);
    }

    private static JsonNode Record(JsonObject round, string code, string level) =>
        round["records"]!.AsArray().Single(r => r!["communityCode"]!.GetValue<string>() == code && r["level"]!.GetValue<string>() == level)!;

    private static string RecordId(JsonObject round, string code, string level) => Record(round, code, level)["id"]!.GetValue<string>();

    private static int RecordTitle(JsonObject round, string code, string level) => Record(round, code, level)["titleId"]!.GetValue<int>();

    private static int VersionOf(JsonObject round, string id) =>
        round["records"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == id)!["version"]!.GetValue<int>();

    private Task<int> AuditCountAsync(string action, string id) => Factory.WithScopeAsync(async sp =>
        await sp.GetRequiredService<AppDbContext>().Set<AuditEvent>().AsNoTracking().CountAsync(e => e.Action == action && e.TargetId == id));
}
