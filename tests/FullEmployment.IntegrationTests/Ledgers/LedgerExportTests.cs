using FullEmployment.Application.Common;
using FullEmployment.Application.Ledgers;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Ledgers;

/// <summary>The ledger export read back (issue 8, item 9): the import layout, Chinese text, masked ID numbers kept as text.</summary>
public sealed class LedgerExportTests(DemoApps apps) : IntegrationTest(apps)
{
    private const string Community = "620102001001";
    private static readonly FixedActor Chengguan = new("chengguan", Roles.CountyOfficer, "620102");
    private static readonly string P1 = LedgerFiles.Id(new DateOnly(1985, 4, 12), 11);
    private static readonly string P2 = LedgerFiles.Id(new DateOnly(1990, 7, 3), 22);

    [DatabaseTheory]
    public async Task An_exported_ledger_reads_back_in_the_import_layout_with_Chinese_text_and_masked_ids_as_text(Database database)
    {
        Use(database);

        var file = LedgerFiles.Workbook(("人员", [LedgerKinds.IdNumber, LedgerKinds.Name, LedgerKinds.Gender, LedgerKinds.Address],
            [[P1, "张伟", "男", "兰州市城关区东岗西路1号"], [P2, "李娜", "女", ""]]));
        var imported = await Factory.WithScopeAsync(Chengguan, sp => sp.GetRequiredService<LedgerImports>()
            .ImportFileAsync(Community, new MemoryStream(file), "台账.xlsx", null));
        imported.Succeeded.ShouldBeTrue(imported.Message);

        var export = await Factory.WithScopeAsync(Chengguan, sp => sp.GetRequiredService<LedgerQueries>()
            .ExportAsync(Community, LedgerKind.Person, new LedgerFilter()));

        using var workbook = XlsxReader.Open(new MemoryStream(export));
        workbook.SheetNames.ShouldBe(["人员"]);
        var rows = workbook.ReadRows("人员").ToList();
        rows[0].Cells.Select(c => c.Text).ShouldBe(LedgerKinds.Get(LedgerKind.Person).Columns.Select(c => c.Name));
        var zhang = rows.Skip(1).Single(r => r[1].Text == "张伟");
        zhang[0].Kind.ShouldBe(XlsxValueKind.Text);
        zhang[0].Text.ShouldBe(IdNumber.Mask(P1));
        rows.Skip(1).ShouldContain(r => r[1].Text == "李娜");
        zhang.Cells.ShouldContain(c => c.Text == "兰州市城关区东岗西路1号");
    }
}
