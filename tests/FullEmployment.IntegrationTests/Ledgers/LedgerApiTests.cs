using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers;
using FullEmployment.Application.Ledgers.Import;
using FullEmployment.Application.Seeding;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Ledgers;

/// <summary>Ledger import, lists, indicators and the generator through the real HTTP endpoints, on each provider.</summary>
public sealed class LedgerApiTests
{
    private const string Community = "620102001001";
    private const string Imports = $"/api/v1/communities/{Community}/ledger/imports";

    private static readonly string P1 = LedgerFiles.Id(new DateOnly(1985, 4, 12), 11);
    private static readonly string P2 = LedgerFiles.Id(new DateOnly(1990, 7, 3), 22);
    private static readonly string P3 = LedgerFiles.Id(new DateOnly(1979, 1, 25), 31);

    private static byte[] SampleWorkbook(string phone = "13800001234") => LedgerFiles.Workbook(
        ("人员", ["身份证号", "姓名", "性别", "联系电话", "劳动能力", "就业意愿"],
        [
            [P1, "张伟", "男", phone, "有", "有"],
            [P2, "李娜", "女", "13900002222", "", ""],
            [P3, "王强", "男", "", "有", "有"],
        ]),
        ("失业登记", ["身份证号", "登记日期", "注销日期", "注销原因"],
        [
            [P1, "2024-04-01", "2024-06-01", "就业"],
            [P2, "2024/5/10", "", ""],
        ]),
        ("就业记录", ["身份证号", "就业日期", "就业形式", "就业单位"],
        [
            [P1, "2024-06-01", "单位就业", "兰州示例有限公司"],
            [P3, "2024年8月1日", "灵活就业", ""],
        ]),
        ("就业困难人员", ["身份证号", "认定日期", "困难类别", "退出日期", "退出原因"],
        [
            [P3, "2024-05-01", "长期失业人员", "2024-08-01", "就业"],
        ]),
        ("援助记录", ["身份证号", "援助日期", "援助方式", "经办人"],
        [
            [P2, "2024-05-20", "职业指导", "李四"],
            [P3, "2024-05-15", "岗位推荐", "李四"],
            [P3, "2024-06-10", "跟踪回访", "李四"],
            [P3, "2024-07-08", "技能培训", "李四"],
            [P3, "2024-08-01", "岗位推荐", "李四"],
        ]),
        ("工作人员", ["姓名", "文化程度", "是否专职", "到岗日期"], [["王芳", "大专", "是", "2020-09-01"]]),
        ("投诉", ["投诉日期", "投诉事项", "是否有效"], [["2024-07-01", "服务态度", "否"]]));

    [DatabaseTheory]
    public async Task Xlsx_import_counts_rows_and_the_same_file_again_changes_nothing(Database database)
    {
        await using var app = LedgerData.Start(database);

        var client = app.BearerClientFor("community");
        var first = await client.PostAsync(Imports, LedgerFiles.Upload(SampleWorkbook(), "台账.xlsx"));
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var counts = await first.Content.ReadFromJsonAsync<JsonElement>();
        counts.GetProperty("added").GetInt32().ShouldBe(15);
        counts.GetProperty("updated").GetInt32().ShouldBe(0);
        counts.GetProperty("byKind").GetProperty("人员").GetProperty("added").GetInt32().ShouldBe(3);

        var again = await (await client.PostAsync(Imports, LedgerFiles.Upload(SampleWorkbook(), "台账.xlsx"))).Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("added").GetInt32().ShouldBe(0);
        again.GetProperty("updated").GetInt32().ShouldBe(0);
        again.GetProperty("unchanged").GetInt32().ShouldBe(15);

        var changed = await (await client.PostAsync(Imports, LedgerFiles.Upload(SampleWorkbook(phone: "13800009999"), "台账.xlsx")))
            .Content.ReadFromJsonAsync<JsonElement>();
        changed.GetProperty("updated").GetInt32().ShouldBe(1);
        changed.GetProperty("unchanged").GetInt32().ShouldBe(14);
        (await app.CountsAsync())[LedgerKind.Person].ShouldBe(3);
    }

    [DatabaseTheory]
    public async Task Csv_in_utf8_with_bom_and_in_gb18030_import_and_lists_mask_id_numbers(Database database)
    {
        await using var app = LedgerData.Start(database);

        var client = app.BearerClientFor("community");
        var persons = LedgerFiles.Csv(["身份证号", "姓名", "联系电话"], [[P1, "张伟", "13800001234"], [P2, "李娜", ""]]);
        var response = await client.PostAsync(Imports, LedgerFiles.Upload(LedgerFiles.Utf8WithBom(persons), "人员.csv", "人员"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        var help = LedgerFiles.Csv(["身份证号", "援助日期", "援助方式", "经办人"], [[P1, "2024-05-20", "职业指导", "李四"], [P2, "2024-06-01", "政策咨询", "王五"]]);
        response = await client.PostAsync(Imports, LedgerFiles.Upload(LedgerFiles.Gb18030(help), "援助.csv", "援助记录"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32().ShouldBe(2);

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{Community}/ledger/人员?q=张");
        list.GetProperty("total").GetInt32().ShouldBe(1);
        var fields = list.GetProperty("items")[0].GetProperty("fields");
        fields.GetProperty("姓名").GetString().ShouldBe("张伟");
        fields.GetProperty("身份证号").GetString().ShouldBe(IdNumber.Mask(P1));
        fields.GetProperty("联系电话").GetString().ShouldBe("138****1234");

        var assistance = await client.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{Community}/ledger/援助记录");
        assistance.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("fields").GetProperty("经办人").GetString())
            .ShouldBe(["王五", "李四"], ignoreOrder: true);
    }

    [DatabaseTheory]
    public async Task A_file_with_invalid_rows_gets_422_with_every_error_and_writes_nothing(Database database)
    {
        await using var app = LedgerData.Start(database);

        var client = app.BearerClientFor("community");
        (await client.PostAsync(Imports, LedgerFiles.Upload(SampleWorkbook(), "台账.xlsx"))).EnsureSuccessStatusCode();
        var before = await app.CountsAsync();
        var badId = P1[..17] + (P1[17] == '0' ? '1' : '0');
        var unknown = LedgerFiles.Id(new DateOnly(1988, 2, 2), 41);
        var bad = LedgerFiles.Workbook(
            ("人员", ["身份证号", "姓名"], [[badId, "错号"], [LedgerFiles.Id(new DateOnly(1991, 1, 1), 51), "新人"]]),
            ("援助记录", ["身份证号", "援助日期", "援助方式", "经办人"], [[unknown, "2024-05-20", "职业指导", "李四"], [P1, "2024-13-40", "送温暖", ""]]));

        var response = await client.PostAsync(Imports, LedgerFiles.Upload(bad, "错误.xlsx"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        errors.Select(e => (e.GetProperty("sheet").GetString(), e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()))
            .ShouldBe(
            [
                ("人员", 2, "身份证号"),
                ("援助记录", 2, "身份证号"),
                ("援助记录", 3, "援助日期"),
                ("援助记录", 3, "援助方式"),
                ("援助记录", 3, "经办人"),
            ], ignoreOrder: true);
        errors.ShouldAllBe(e => e.GetProperty("message").GetString()!.Length > 0);
        errors.First(e => e.GetProperty("column").GetString() == "援助日期").GetProperty("value").GetString().ShouldBe("2024-13-40");
        (await app.CountsAsync()).ShouldBe(before);
    }

    [DatabaseTheory]
    public async Task A_bad_row_after_rows_already_written_rolls_the_whole_import_back(Database database)
    {
        await using var app = LedgerData.Start(database);

        // More valid rows than the import writes per chunk, so some are written before the bad last row is read.
        var rows = Enumerable.Range(0, 20_000)
            .Select(i => new[] { LedgerFiles.Id(new DateOnly(1960, 1, 1).AddDays(i / 900), i % 900), "批量" })
            .Append(["620102199913450000", "坏号"])
            .ToArray();
        var client = app.BearerClientFor("community");
        var before = await app.CountsAsync();

        var response = await client.PostAsync(Imports, LedgerFiles.Upload(Encoding.UTF8.GetBytes(LedgerFiles.Csv(["身份证号", "姓名"], rows)), "批量.csv", "人员"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        errors.Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ShouldBe([(20_002, "身份证号")]);
        (await app.CountsAsync()).ShouldBe(before);
    }

    [DatabaseTheory]
    [InlineData("empty")]
    [InlineData("xls")]
    [InlineData("not-a-ledger")]
    [InlineData("csv-without-kind")]
    [InlineData("oversized")]
    [InlineData("no-multipart")]
    public async Task Unusable_files_get_a_chinese_problem_never_a_500(Database database, string kind)
    {
        await using var app = LedgerData.Start(database);

        var client = app.BearerClientFor("community");
        HttpContent content = kind switch
        {
            "empty" => LedgerFiles.Upload([], "空.csv", "人员"),
            "xls" => LedgerFiles.Upload([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0], "旧版.xls"),
            "not-a-ledger" => LedgerFiles.Upload([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0xFF, 0xFE], "照片.png"),
            "csv-without-kind" => LedgerFiles.Upload(LedgerFiles.Utf8WithBom("身份证号,姓名\r\n"), "人员.csv"),
            "oversized" => LedgerFiles.Upload(new byte[LedgerData.MaxFileBytes + 1], "大文件.csv", "人员"),
            _ => JsonContent.Create(new { file = "x" }),
        };
        var before = await app.CountsAsync();

        var response = await client.PostAsync(Imports, content);

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(kind == "oversized" ? HttpStatusCode.RequestEntityTooLarge : HttpStatusCode.UnprocessableEntity, text);
        text.ShouldStartWith("{", Case.Sensitive, text[..Math.Min(3000, text.Length)]);
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("detail").GetString()!.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}");
        (await app.CountsAsync()).ShouldBe(before);
    }

    [DatabaseTheory]
    [InlineData("community", Community, HttpStatusCode.OK)]
    [InlineData("community", "620102001002", HttpStatusCode.NotFound)]
    [InlineData("chengguan", Community, HttpStatusCode.OK)]
    [InlineData("lanzhou", Community, HttpStatusCode.Forbidden)]
    [InlineData("province", Community, HttpStatusCode.Forbidden)]
    [InlineData("auditor", Community, HttpStatusCode.Forbidden)]
    [InlineData("chengguan-finance", Community, HttpStatusCode.Forbidden)]
    public async Task Import_scope_follows_the_target_community(Database database, string user, string community, HttpStatusCode expected)
    {
        await using var app = LedgerData.Start(database);

        var client = app.BearerClientFor(user);
        var response = await client.PostAsync($"/api/v1/communities/{community}/ledger/imports", LedgerFiles.Upload(SampleWorkbook(), "台账.xlsx"));
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
    }

    [DatabaseTheory]
    [InlineData("community", Community, HttpStatusCode.OK)]
    [InlineData("community", "620102001002", HttpStatusCode.NotFound)]
    [InlineData("chengguan", Community, HttpStatusCode.OK)]
    [InlineData("chengguan", "620902001001", HttpStatusCode.NotFound)]
    [InlineData("lanzhou", Community, HttpStatusCode.Forbidden)]
    [InlineData("province", Community, HttpStatusCode.Forbidden)]
    [InlineData("auditor", Community, HttpStatusCode.Forbidden)]
    [InlineData("chengguan-finance", Community, HttpStatusCode.Forbidden)]
    public async Task Batch_upsert_scope_follows_the_stored_community(Database database, string user, string community, HttpStatusCode expected)
    {
        await using var app = LedgerData.Start(database);

        var client = app.BearerClientFor(user);
        var response = await client.PostAsJsonAsync($"/api/v1/communities/{community}/ledger/人员",
            new[] { new Dictionary<string, string> { ["身份证号"] = P1, ["姓名"] = "张伟" } });
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        if (expected != HttpStatusCode.OK)
        {
            (await app.CountsAsync())[LedgerKind.Person].ShouldBe(0);
        }
    }

    [DatabaseTheory]
    public async Task A_file_for_a_community_outside_the_callers_scope_is_refused_before_it_is_read(Database database)
    {
        await using var app = LedgerData.Start(database);

        // Role and the stored community's region first: a bad file for someone else's ledger tells nothing about the file.
        var client = app.BearerClientFor("chengguan");
        var response = await client.PostAsync("/api/v1/communities/620902001001/ledger/imports",
            LedgerFiles.Upload("这不是台账"u8.ToArray(), "台账.xlsx"));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, await response.Content.ReadAsStringAsync());
        var city = app.BearerClientFor("lanzhou");
        (await city.PostAsync(Imports, LedgerFiles.Upload("这不是台账"u8.ToArray(), "台账.xlsx"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [DatabaseTheory]
    public async Task A_city_officer_keeps_the_ledgers_of_a_city_without_counties(Database database)
    {
        await using var app = LedgerData.Start(database);

        var client = app.BearerClientFor("jiayuguan");
        var persons = LedgerFiles.Csv(["身份证号", "姓名"], [[P1, "张伟"]]);
        var response = await client.PostAsync("/api/v1/communities/620200001001/ledger/imports",
            LedgerFiles.Upload(LedgerFiles.Utf8WithBom(persons), "人员.csv", "人员"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [DatabaseTheory]
    public async Task Indicators_endpoint_gives_the_calculators_figures_for_the_same_data(Database database)
    {
        await using var app = LedgerData.Start(database);

        var client = app.BearerClientFor("community");
        (await client.PostAsync(Imports, LedgerFiles.Upload(SampleWorkbook(), "台账.xlsx"))).EnsureSuccessStatusCode();
        var parsed = new LedgerFileParser().Parse(new MemoryStream(SampleWorkbook()), "台账.xlsx",
            new LedgerImportContext { Today = new DateOnly(2025, 3, 10), Now = LedgerData.Now });
        var period = new AssessmentPeriod(new DateOnly(2024, 3, 1), new DateOnly(2025, 2, 28));
        var expected = new IndicatorCalculator().Calculate(parsed.Ledger, period, new DateOnly(2025, 3, 10));

        var city = app.BearerClientFor("lanzhou");
        var body = await city.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{Community}/indicators?from=2024-03-01&to=2025-02-28&on=2025-03-10");

        body.GetProperty("from").GetString().ShouldBe("2024-03-01");
        body.GetProperty("to").GetString().ShouldBe("2025-02-28");
        var actual = body.GetProperty("indicators").EnumerateArray().ToList();
        actual.Select(i => i.GetProperty("id").GetString()).ShouldBe(expected.Indicators.Select(i => i.Id));
        foreach (var (json, result) in actual.Zip(expected.Indicators))
        {
            json.GetProperty("numerator").GetInt32().ShouldBe(result.Numerator, result.Id);
            json.GetProperty("denominator").GetInt32().ShouldBe(result.Denominator, result.Id);
            json.GetProperty("value").GetDecimal().ShouldBe(result.Value, result.Id);
            json.GetProperty("status").GetString().ShouldBe(LedgerStatus(result.Status), result.Id);
        }

        expected[IndicatorCalculator.Reemployment].Denominator.ShouldBe(2);
        expected[IndicatorCalculator.DifficultyEmployment].Status.ShouldBe(IndicatorStatus.Met);
    }

    [DatabaseTheory]
    [Trait("Clause", "A5.1.4")]
    [Trait("Clause", "A5.5.2")]
    public async Task A_past_periods_indicators_are_the_same_when_the_clock_moves_a_year_on(Database database)
    {
        await using var app = LedgerData.Start(database);

        // Staff in post since 2024-06 and a valid complaint of 2022: both counts depend on the application date.
        var file = LedgerFiles.Workbook(
            ("工作人员", ["姓名", "文化程度", "是否专职", "到岗日期"], [["王芳", "大专", "是", "2024-06-01"]]),
            ("投诉", ["投诉日期", "投诉事项", "是否有效"], [["2022-06-01", "服务态度", "是"]]));
        var import = await app.BearerClientFor("community").PostAsync(Imports, LedgerFiles.Upload(file, "台账.xlsx"));
        import.StatusCode.ShouldBe(HttpStatusCode.OK, await import.Content.ReadAsStringAsync());
        const string url = $"/api/v1/communities/{Community}/indicators?from=2024-01-01&to=2024-12-31";

        var before = await app.BearerClientFor("lanzhou").GetFromJsonAsync<JsonElement>(url);
        app.Clock.Advance(TimeSpan.FromDays(365));
        var after = await app.BearerClientFor("lanzhou").GetFromJsonAsync<JsonElement>(url);

        before.GetProperty("applicationDate").GetString().ShouldBe("2025-01-01");
        after.GetProperty("applicationDate").GetString().ShouldBe("2025-01-01");
        after.GetProperty("indicators").GetRawText().ShouldBe(before.GetProperty("indicators").GetRawText());
        var figures = before.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        figures[IndicatorCalculator.ValidComplaints].GetProperty("numerator").GetInt32().ShouldBe(1);
        figures[IndicatorCalculator.QualifiedStaff].GetProperty("numerator").GetInt32().ShouldBe(0);
        figures[IndicatorCalculator.QualifiedStaff].GetProperty("denominator").GetInt32().ShouldBe(1);
    }

    [DatabaseTheory]
    public async Task Json_records_are_upserted_with_the_import_rules(Database database)
    {
        await using var app = LedgerData.Start(database);

        var client = app.BearerClientFor("community");
        var url = $"/api/v1/communities/{Community}/ledger/人员";
        var ok = await client.PostAsJsonAsync(url, new[] { new Dictionary<string, string> { ["身份证号"] = P1, ["姓名"] = "张伟" } });
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32().ShouldBe(1);

        var bad = await client.PostAsJsonAsync(url, new[]
        {
            new Dictionary<string, string> { ["身份证号"] = P2, ["姓名"] = "李娜" },
            new Dictionary<string, string> { ["身份证号"] = "123", ["姓名"] = "" },
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetArrayLength().ShouldBe(2);
        (await app.CountsAsync())[LedgerKind.Person].ShouldBe(1);

        var integrity = await client.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{Community}/integrity");
        integrity.GetProperty("findings").ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [DatabaseTheory]
    public async Task The_generator_is_deterministic_writes_valid_ids_and_plants_exactly_the_documented_failures(Database database)
    {
        await using var app = LedgerData.Start(database);

        var first = await GenerateAsync(app);
        var persons = await PersonsAsync(app);
        persons.Count.ShouldBe(first.Communities * LedgerGenerator.PersonsPerCommunity(LedgerScale.Small));
        persons.ShouldAllBe(p => IdNumber.IsValid(p.IdNumber, new DateOnly(2025, 3, 10)));
        persons.ShouldAllBe(p => IdNumber.Parse(p.IdNumber, null).Gender == p.Gender && IdNumber.Parse(p.IdNumber, null).BirthDate == p.BirthDate);
        persons.Select(p => p.IdNumber).Distinct().Count().ShouldBe(persons.Count);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var calculator = new IndicatorCalculator();
            foreach (var community in await db.Communities.AsNoTracking().ToListAsync())
            {
                var report = calculator.Calculate(await LedgerLoader.LoadAsync(db, community.Id, default), first.Period, first.ApplicationDate);
                var notMet = report.Indicators.Where(i => i.Status == IndicatorStatus.NotMet).Select(i => i.Id).ToList();
                var planted = first.PlantedFailures[community.Code];
                notMet.ShouldBe(planted is null ? [] : [planted], $"{community.Code} planted {planted}");
            }
        }

        await using var other = LedgerData.Start(database);
        await GenerateAsync(other);
        (await PersonsAsync(other)).Take(20).Select(p => p.IdNumber).ShouldBe(persons.Take(20).Select(p => p.IdNumber));
    }

    [DatabaseTheory]
    [Trait("Clause", "A5")]
    public async Task A5_the_province_roll_up_gives_every_community_the_figures_of_its_own_indicator_page(Database database)
    {
        await using var app = LedgerData.Start(database);

        var generated = await GenerateAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var province = new IndicatorQueries(db, new AuditTrail(new FixedActor("province", Roles.ProvinceOfficer, "620000"), clock), clock,
            services.GetRequiredService<DbContextOptions<AppDbContext>>());
        var rows = new List<CommunityIndicatorRow>();
        await foreach (var row in province.RollUpAsync("620000", generated.Period, generated.ApplicationDate))
        {
            rows.Add(row);
        }

        var communities = await db.Communities.AsNoTracking().OrderBy(c => c.Code).ToListAsync();
        rows.Select(r => r.Code).ShouldBe(communities.Select(c => c.Code));
        var calculator = new IndicatorCalculator();
        foreach (var (row, community) in rows.Zip(communities))
        {
            var own = calculator.Calculate(await LedgerLoader.LoadAsync(db, community.Id, default), generated.Period, generated.ApplicationDate);
            row.Figures.ShouldBe([.. own.Indicators.Select(IndicatorFigure.From)], community.Code);
        }

        rows.Count(r => !r.MeetsAll).ShouldBe(generated.PlantedFailures.Values.Count(f => f is not null));
    }

    private static async Task<GeneratedLedgers> GenerateAsync(FullEmploymentFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LedgerGenerator>().GenerateAsync(new LedgerGeneratorOptions { Seed = 7 });
    }

    private static async Task<List<LedgerPerson>> PersonsAsync(FullEmploymentFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<LedgerPerson>().AsNoTracking().OrderBy(p => p.Id).ToListAsync();
    }

    private static string LedgerStatus(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Met => "met",
        IndicatorStatus.NotMet => "not_met",
        _ => "not_applicable",
    };
}
