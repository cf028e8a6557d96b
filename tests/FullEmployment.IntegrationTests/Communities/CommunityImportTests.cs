using FullEmployment.Application.Common;
using FullEmployment.Application.Communities;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Communities;

/// <summary>Registry import from xlsx (A2): idempotent, all-or-nothing, every error by sheet, row and column.</summary>
public sealed class CommunityImportTests(DemoApps apps) : IntegrationTest(apps)
{
    private static readonly FixedActor Chengguan = new("chengguan", Roles.CountyOfficer, "620102");

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    public async Task A2_A_valid_file_adds_its_communities_and_importing_it_again_changes_nothing(Database database)
    {
        Use(database);

        var file = Workbook(
            ["620102002001", "张苏滩社区", "620102", "雁园街道", "兰州市城关区张苏滩1号", "城政发〔2025〕21号", "民备2025-021", new DateOnly(2025, 3, 1), "李四", "13812341234"],
            ["620102002002", "南河社区", "620102", "雁园街道", "", "城政发〔2025〕22号", null, null, null, null]);

        var first = await ImportAsync(file);
        var second = await ImportAsync(file);

        first.ShouldBe(new CommunityImportSummary(2, 0, 0, 0, 0));
        second.ShouldBe(new CommunityImportSummary(0, 0, 2, 0, 0));
        var stored = await Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Communities.AsNoTracking()
            .SingleAsync(c => c.Code == "620102002001"));
        stored.CountyCode.ShouldBe("620102");
        stored.CivilAffairsFiledOn.ShouldBe(new DateOnly(2025, 3, 1));
        stored.ContactPhone.ShouldBe("13812341234");
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    public async Task A2_A_file_with_bad_rows_is_rejected_whole_listing_sheet_row_and_column(Database database)
    {
        Use(database);

        var file = Workbook(
            ["620102003001", "合格社区", "620102", "五泉街道", "", "城政发〔2025〕31号", null, null, null, null],
            ["12345", "短码社区", "620102", "五泉街道", "", "城政发〔2025〕32号", null, null, null, null],
            ["620102003003", "", "620102", "五泉街道", "", "城政发〔2025〕33号", null, null, null, null],
            ["620102003004", "错日期社区", "620102", "五泉街道", "", "城政发〔2025〕34号", "民备2025-034", "2025-13-45", null, null]);
        var events = await Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEvents.CountAsync());

        var rejected = await Should.ThrowAsync<InputRejectedException>(() => ImportAsync(file));

        rejected.Errors.Count.ShouldBeGreaterThanOrEqualTo(3);
        rejected.Errors.ShouldAllBe(e => e.Sheet == CommunityWorkbook.CommunitySheet && e.Column != null && e.Message.Length > 0);
        rejected.Errors.ShouldContain(e => e.Row == 3 && e.Column == "社区代码" && e.Value == "12345");
        rejected.Errors.ShouldContain(e => e.Row == 4 && e.Column == "社区名称");
        rejected.Errors.ShouldContain(e => e.Row == 5 && e.Column == "民政备案日期" && e.Value == "2025-13-45");
        rejected.Errors.ShouldNotContain(e => e.Row == 2);
        await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Communities.AnyAsync(c => c.Code.StartsWith("6201020030"))).ShouldBeFalse();
            (await db.AuditEvents.CountAsync()).ShouldBe(events);
            return true;
        });
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    public async Task A2_A_county_officer_cannot_import_another_countys_communities(Database database)
    {
        Use(database);

        var file = Workbook(["620103004001", "越权社区", "620103", "西站街道", "", "七政发〔2025〕41号", null, null, null, null]);

        var rejected = await Should.ThrowAsync<InputRejectedException>(() => ImportAsync(file));

        rejected.Errors.ShouldHaveSingleItem().Row.ShouldBe(2);
        (await Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Communities.AnyAsync(c => c.Code == "620103004001")))
            .ShouldBeFalse();
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    public async Task A2_A_row_for_another_citys_community_is_authorised_against_the_stored_record_not_the_region_typed_in_it(Database database)
    {
        Use(database);

        // The reported attack: 城关区 types its own region beside the code of 庆阳市's 西峰社区.
        var before = await StoredAsync(Xifeng);
        var file = Workbook([Xifeng, "被改名社区", "620102", "伪造街道", "", "伪造〔2025〕1号", null, null, null, null]);

        var rejected = await Should.ThrowAsync<InputRejectedException>(() => ImportAsync(file));

        var error = rejected.Errors.ShouldHaveSingleItem();
        error.Row.ShouldBe(2);
        error.Message.ShouldContain("只有社区所在县区人社局");
        var after = await StoredAsync(Xifeng);
        after.Name.ShouldBe("西峰社区");
        after.Street.ShouldBe(before.Street);
        after.ApprovalDocumentNumber.ShouldBe(before.ApprovalDocumentNumber);
        after.CivilAffairsFilingNumber.ShouldNotBeNull();
        after.CivilAffairsFilingNumber.ShouldBe(before.CivilAffairsFilingNumber);
        after.Version.ShouldBe(before.Version);
    }

    [DatabaseTheory]
    [Trait("Clause", "A11")]
    public async Task A11_A_row_that_changes_a_registered_communitys_region_is_a_row_error(Database database)
    {
        Use(database);

        var file = Workbook([Donggang, "东岗社区", "620103", "东岗街道", "", "城政发〔2012〕1号", "民备2012-001", new DateOnly(2012, 6, 1), null, null]);

        var rejected = await Should.ThrowAsync<InputRejectedException>(() => ImportAsync(file));

        var error = rejected.Errors.ShouldHaveSingleItem();
        (error.Sheet, error.Row).ShouldBe((CommunityWorkbook.CommunitySheet, 2));
        error.Message.ShouldContain("登记的所属区划为620102，不能改为620103");
        (await StoredAsync(Donggang)).CountyCode.ShouldBe("620102");
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    [InlineData(Roles.Auditor, "620000")]
    [InlineData(Roles.SecurityAdmin, "620000")]
    [InlineData(Roles.CountyFinance, "620102")]
    [InlineData(Roles.CommunityStaff, Donggang)]
    public async Task A2_Only_officers_may_import_and_the_role_is_checked_before_the_file_is_read(Database database, string role, string scope)
    {
        Use(database);

        // Not even a workbook: a refusal by role must come before anything about the file.
        var refused = await Should.ThrowAsync<ForbiddenException>(() => ImportAsync(new FixedActor("someone", role, scope), "这不是工作簿"u8.ToArray()));

        refused.Message.ShouldContain("无权导入社区名录");
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    public async Task A2_A_zip_bomb_is_refused_by_the_ledger_imports_guard_before_the_workbook_is_opened(Database database)
    {
        Use(database);

        var bomb = Zip(("xl/workbook.xml", new byte[100]), ("xl/worksheets/sheet1.xml", new byte[20 * 1024 * 1024]));
        bomb.Length.ShouldBeLessThan(200 * 1024);

        var rejected = await Should.ThrowAsync<InputRejectedException>(() => ImportAsync(bomb));

        rejected.Message.ShouldContain("压缩炸弹");
        rejected.Errors.ShouldHaveSingleItem().Message.ShouldContain("压缩炸弹");
    }

    [DatabaseTheory]
    [Trait("Clause", "A10")]
    public async Task A10_A_title_row_is_authorised_against_the_stored_communitys_city(Database database)
    {
        Use(database);

        // 兰州市 may grant municipal titles, but only in its own area: 西峰社区 is 庆阳市's.
        var file = TitleWorkbook(
            [Xifeng, "市级", "兰州市人力资源和社会保障局", "兰人社发〔2025〕99号", new DateOnly(2025, 1, 2), "LZ-2025-099", null, null, null, null, null]);
        var titles = (await StoredAsync(Xifeng)).Titles.Count;

        var rejected = await Should.ThrowAsync<InputRejectedException>(() =>
            ImportAsync(new FixedActor("lanzhou", Roles.CityOfficer, "620100"), file));

        var error = rejected.Errors.ShouldHaveSingleItem();
        (error.Sheet, error.Row).ShouldBe((CommunityWorkbook.TitleSheet, 2));
        error.Message.ShouldContain("不在您的管辖范围内");
        (await StoredAsync(Xifeng)).Titles.Count.ShouldBe(titles);
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    public async Task A2_Uploading_on_the_import_page_cannot_rewrite_another_citys_community(Database database)
    {
        Use(database);

        // The report as it happened: 城关区 on 社区名录 → 批量导入.
        using var client = Client("chengguan");
        var page = await client.GetStringAsync(Url("/Communities/Import"));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(FullEmploymentFactory.AntiforgeryToken(page)), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(Workbook([Xifeng, "被改名社区", "620102", "伪造街道", "", "伪造〔2025〕1号", null, null, null, null])), "Upload", "社区.xlsx");

        var response = await client.PostAsync(Url("/Communities/Import"), form);

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("只有社区所在县区人社局");
        var stored = await StoredAsync(Xifeng);
        stored.Name.ShouldBe("西峰社区");
        stored.CivilAffairsFilingNumber.ShouldNotBeNull();
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    [InlineData("auditor", 403)]
    [InlineData("secadmin", 403)]
    [InlineData("chengguan-finance", 403)]
    [InlineData("community", 403)]
    [InlineData("chengguan", 200)]
    [InlineData("lanzhou", 200)]
    [InlineData("province", 200)]
    public async Task A2_The_import_page_and_its_template_are_for_the_officers_who_may_import(Database database, string user, int expected)
    {
        Use(database);

        using var client = Client(user);

        ((int)(await client.GetAsync(Url("/Communities/Import"))).StatusCode).ShouldBe(expected);
        ((int)(await client.GetAsync(Url("/Communities/Import?handler=Template"))).StatusCode).ShouldBe(expected);
    }

    private const string Xifeng = "620902001001";
    private const string Donggang = "620102001001";

    private Task<Community> StoredAsync(string code) => Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Communities
        .Include(c => c.Titles).AsNoTracking().SingleAsync(c => c.Code == code));

    private Task<CommunityImportSummary> ImportAsync(byte[] file) => ImportAsync(Chengguan, file);

    private Task<CommunityImportSummary> ImportAsync(FixedActor actor, byte[] file) => Factory.WithScopeAsync(actor, async sp =>
    {
        using var stream = new MemoryStream(file);
        return await sp.GetRequiredService<CommunityWorkbook>().ImportAsync(stream);
    });

    /// <summary>A workbook with only sheet 称号, its header and these rows.</summary>
    private static byte[] TitleWorkbook(params object?[][] rows) => Xlsx.Table(CommunityWorkbook.TitleSheet, CommunityWorkbook.TitleColumns, rows);

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name, System.IO.Compression.CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A workbook like <see cref="CommunityWorkbook.Template"/>: sheet 社区 with its header and these rows.</summary>
    private static byte[] Workbook(params object?[][] rows) => Xlsx.Table(CommunityWorkbook.CommunitySheet, CommunityWorkbook.CommunityColumns, rows);
}
