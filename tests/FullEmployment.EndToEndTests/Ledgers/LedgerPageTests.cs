using System.Text;
using FullEmployment.Application.Common;
using FullEmployment.Domain.Ledgers;
using FullEmployment.EndToEndTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FullEmployment.EndToEndTests.Ledgers;

[Collection(EndToEndCollection.Name)]
public sealed class LedgerPageTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Password = WebAppFixture.DemoPassword;
    private const string Community = "620102001001";

    /// <summary>Two persons of 东岗社区: one registered unemployed and re-employed, with assistance in between.</summary>
    private static readonly string Zhang = Id("62010219850512003");
    private static readonly string Li = Id("62010219920101002");

    [Fact]
    [Trait("Clause", "A5")]
    public async Task A5_Community_staff_imports_a_workbook_then_sees_masked_list_timeline_and_indicators()
    {
        await LoginAsync("community", Password);
        await Page.ClickAsync("[data-testid=nav-ledger]");
        (await Page.InnerTextAsync("h1")).ShouldContain("东岗社区");
        await Page.ClickAsync("[data-testid=import-link]");

        await Page.SetInputFilesAsync("#Upload", new FilePayload
        {
            Name = "台账.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = Workbook(),
        });
        await Page.ClickAsync("button:text('导入')");

        (await Page.InnerTextAsync("[data-testid=import-summary]")).ShouldContain("导入完成");
        var counts = await Page.InnerTextAsync("[data-testid=import-counts]");
        counts.ShouldContain("人员");
        counts.ShouldContain("援助记录");
        await SaveScreenshotAsync("ledger-import-summary");

        // Importing the same file again changes nothing.
        await Page.SetInputFilesAsync("#Upload", new FilePayload { Name = "台账.xlsx", MimeType = "application/octet-stream", Buffer = Workbook() });
        await Page.ClickAsync("button:text('导入')");
        (await Page.InnerTextAsync("[data-testid=import-summary]")).ShouldContain("新增 0 条");

        await Page.GotoAsync($"{BaseUrl}/Ledgers/{Community}/Kind/Person");
        var table = await Page.InnerTextAsync("[data-testid=ledger-table]");
        table.ShouldContain("张建国");
        table.ShouldContain(IdNumber.Mask(Zhang));
        table.ShouldNotContain(Zhang);
        table.ShouldNotContain("13912345678");
        await SaveScreenshotAsync("ledger-person-list");

        // Reveal is a POST of its own (audited) and shows the full number for that row only.
        await Page.Locator("tr", new() { HasText = "张建国" }).Locator("[data-testid=reveal]").ClickAsync();
        (await Page.InnerTextAsync("[data-testid=revealed-id]")).Trim().ShouldBe(Zhang);

        await Page.Locator("tr", new() { HasText = "张建国" }).Locator("[data-testid=timeline-link]").ClickAsync();
        var timeline = await Page.InnerTextAsync("[data-testid=timeline]");
        timeline.ShouldContain("失业登记");
        timeline.ShouldContain("援助记录");
        timeline.ShouldContain("就业记录");
        timeline.IndexOf("失业登记", StringComparison.Ordinal).ShouldBeLessThan(timeline.IndexOf("就业记录", StringComparison.Ordinal));
        await SaveScreenshotAsync("ledger-person-timeline");

        await Page.GotoAsync($"{BaseUrl}/Ledgers/{Community}/Indicators");
        var reemployment = Page.Locator("[data-indicator='A5.3.3']");
        (await reemployment.InnerTextAsync()).ShouldContain("100%");
        (await reemployment.InnerTextAsync()).ShouldContain("达标");
        await SaveScreenshotAsync("ledger-indicators");

        await reemployment.Locator("a").First.ClickAsync();
        (await Page.InnerTextAsync("[data-testid=drill-denominator]")).ShouldContain(IdNumber.Mask(Zhang));
        (await Page.InnerTextAsync("[data-testid=drill-numerator]")).ShouldContain("张建国");
        await SaveScreenshotAsync("ledger-drilldown");

        await Page.GotoAsync($"{BaseUrl}/Ledgers/{Community}");
        await SaveScreenshotAsync("ledger-home");
    }

    [Fact]
    [Trait("Clause", "A5")]
    public async Task A5_A_bad_csv_shows_every_error_with_sheet_row_column_and_offers_the_error_report()
    {
        await LoginAsync("community", Password);
        await Page.GotoAsync($"{BaseUrl}/Ledgers/{Community}/Import");
        var bad = Zhang[..17] + (Zhang[17] == '0' ? '1' : '0');
        var csv = $"身份证号,姓名,联系电话\n{bad},王错号,13800000000\n{Li},,13800000001\n";
        await Page.SetInputFilesAsync("#Upload", new FilePayload { Name = "人员.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await Page.SelectOptionAsync("#CsvKind", "Person");
        await Page.ClickAsync("button:text('导入')");

        (await Page.InnerTextAsync("[data-testid=import-error]")).ShouldContain("未写入任何数据");
        var errors = Page.Locator("[data-testid=import-errors] tbody tr");
        (await errors.CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        var text = await Page.InnerTextAsync("[data-testid=import-errors]");
        text.ShouldContain("身份证号");
        text.ShouldContain("姓名");
        await SaveScreenshotAsync("ledger-import-errors");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("[data-testid=error-report]"));
        download.SuggestedFilename.ShouldEndWith(".xlsx");
    }

    [Fact]
    [Trait("Clause", "A5")]
    public async Task A5_A_form_entry_with_a_bad_id_keeps_the_input_and_shows_the_message_next_to_the_field()
    {
        await LoginAsync("community", Password);
        await Page.GotoAsync($"{BaseUrl}/Ledgers/{Community}/Kind/Person/Edit");
        await Page.FillAsync("#Values_0", "12345");
        await Page.FillAsync("#Values_1", "赵表单");
        await Page.ClickAsync("button:text('保存')");

        (await Page.InputValueAsync("#Values_1")).ShouldBe("赵表单");
        (await Page.Locator("[data-testid=field-error]").CountAsync()).ShouldBeGreaterThan(0);
        await SaveScreenshotAsync("ledger-form-errors");
    }

    [Fact]
    [Trait("Clause", "A5")]
    public async Task A5_A_record_entered_on_the_form_is_deleted_only_with_a_reason_after_confirmation()
    {
        var zhao = Id("62010219880808004");
        await LoginAsync("community", Password);
        await Page.GotoAsync($"{BaseUrl}/Ledgers/{Community}/Kind/Person/Edit");
        await Page.FillAsync("#Values_0", zhao);
        await Page.FillAsync("#Values_1", "赵删除");
        await Page.ClickAsync("button:text('保存')");
        (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("已保存");

        await Page.Locator("tr", new() { HasText = "赵删除" }).Locator("a:text('更正')").ClickAsync();
        (await Page.InputValueAsync("#Values_0")).ShouldBe(IdNumber.Mask(zhao));
        await Page.FillAsync("#Reason", "重复录入");
        Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await Page.ClickAsync("[data-testid=delete]");

        (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("已删除");
        (await Page.InnerTextAsync("[data-testid=ledger-table]")).ShouldNotContain("赵删除");
    }

    [Fact]
    [Trait("Clause", "A5")]
    public async Task A5_County_officer_sees_the_roll_up_of_the_county_and_links_from_community_details()
    {
        await LoginAsync("chengguan", Password);
        await Page.ClickAsync("nav >> text=指标汇总");
        (await Page.InnerTextAsync("[data-testid=rollup-table]")).ShouldContain("东岗社区");
        await SaveScreenshotAsync("ledger-rollup");
        var rollUpExport = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("[data-testid=export]"));
        rollUpExport.SuggestedFilename.ShouldStartWith("指标汇总-620102");

        await Page.GotoAsync($"{BaseUrl}/Ledgers/{Community}/Kind/Person");
        var listExport = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("[data-testid=export]"));
        listExport.SuggestedFilename.ShouldEndWith(".xlsx");

        await Page.GotoAsync($"{BaseUrl}/Communities/Details/{Community}");
        await Page.ClickAsync("[data-testid=ledger-links] >> text=诚信核查");
        (await Page.InnerTextAsync("h1")).ShouldContain("诚信核查");
        await SaveScreenshotAsync("ledger-integrity");
    }

    [Fact]
    [Trait("Clause", "A16")]
    public async Task A16_Province_officer_reads_a_ledger_and_the_duplicates_but_may_not_edit_and_staff_see_only_their_community()
    {
        await LoginAsync("province", Password);
        var integrity = await Page.GotoAsync($"{BaseUrl}/Ledgers/{Community}/Integrity");
        integrity!.Status.ShouldBe(200);
        (await Page.InnerTextAsync("main")).ShouldContain("全省重复身份证号");
        (await Page.Locator("[data-testid=duplicates]").CountAsync()).ShouldBe(1);
        await SaveScreenshotAsync("ledger-integrity-province");

        var edit = await Page.GotoAsync($"{BaseUrl}/Ledgers/{Community}/Kind/Person/Edit");
        edit!.Status.ShouldBe(403);

        await Page.Context.ClearCookiesAsync();
        await LoginAsync("community", Password);
        var other = await Page.GotoAsync($"{BaseUrl}/Ledgers/620102001002");
        other!.Status.ShouldBe(404);
        var rollUp = await Page.GotoAsync($"{BaseUrl}/Ledgers/RollUp");
        rollUp!.Status.ShouldBe(403);
    }

    private static string Id(string first17) => first17 + IdNumber.CheckCharacter(first17);

    private static byte[] Workbook() => XlsxWriter.Build(workbook =>
    {
        workbook.AddTable("人员", ["身份证号", "姓名", "联系电话", "家庭编号", "劳动能力", "就业意愿"],
            [[Zhang, "张建国", "13912345678", "F001", "有", "有"], [Li, "李秀英", "13987654321", "F002", "有", "有"]]);
        workbook.AddTable("失业登记", ["身份证号", "登记日期"], [[Zhang, "2026-01-10"]]);
        workbook.AddTable("援助记录", ["身份证号", "援助日期", "援助方式", "经办人"], [[Zhang, "2026-02-01", "岗位推荐", "王专干"]]);
        workbook.AddTable("就业记录", ["身份证号", "就业日期", "就业形式", "就业单位"], [[Zhang, "2026-03-01", "单位就业", "兰州某公司"]]);
    });
}
