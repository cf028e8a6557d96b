using FullEmployment.Application.Common;
using FullEmployment.Application.Communities;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Identity;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Communities;

/// <summary>Registry import from xlsx (A2): idempotent, all-or-nothing, every error by sheet, row and column.</summary>
public abstract class CommunityImportTests(FullEmploymentFactory factory) : IntegrationTest(factory)
{
    private static readonly FixedActor Chengguan = new("chengguan", Roles.CountyOfficer, "620102");

    [Fact]
    public async Task A2_A_valid_file_adds_its_communities_and_importing_it_again_changes_nothing()
    {
        if (Skipped)
        {
            return;
        }

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

    [Fact]
    public async Task A2_A_file_with_bad_rows_is_rejected_whole_listing_sheet_row_and_column()
    {
        if (Skipped)
        {
            return;
        }

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

    [Fact]
    public async Task A2_A_county_officer_cannot_import_another_countys_communities()
    {
        if (Skipped)
        {
            return;
        }

        var file = Workbook(["620103004001", "越权社区", "620103", "西站街道", "", "七政发〔2025〕41号", null, null, null, null]);

        var rejected = await Should.ThrowAsync<InputRejectedException>(() => ImportAsync(file));

        rejected.Errors.ShouldHaveSingleItem().Row.ShouldBe(2);
        (await Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Communities.AnyAsync(c => c.Code == "620103004001")))
            .ShouldBeFalse();
    }

    private Task<CommunityImportSummary> ImportAsync(byte[] file) => Factory.WithScopeAsync(Chengguan, async sp =>
    {
        using var stream = new MemoryStream(file);
        return await sp.GetRequiredService<CommunityWorkbook>().ImportAsync(stream);
    });

    /// <summary>A workbook like <see cref="CommunityWorkbook.Template"/>: sheet 社区 with its header and these rows.</summary>
    private static byte[] Workbook(params object?[][] rows) => Xlsx.Table(CommunityWorkbook.CommunitySheet, CommunityWorkbook.CommunityColumns, rows);
}

public sealed class CommunityImportTestsSqlite(SqliteFactory factory) : CommunityImportTests(factory), IClassFixture<SqliteFactory>;

public sealed class CommunityImportTestsPostgres(PostgresFactory factory) : CommunityImportTests(factory), IClassFixture<PostgresFactory>;
