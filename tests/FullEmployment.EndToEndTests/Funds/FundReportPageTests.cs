using FullEmployment.EndToEndTests.Infrastructure;
using Xunit.Abstractions;

namespace FullEmployment.EndToEndTests.Funds;

/// <summary>
/// Fund-usage reports through the UI (A13, A14): 东岗社区 writes its 2026 report, sees the category totals follow its lines and the
/// A13.4 refusal over the cap, submits; 城关区财政局 returns it, the community fixes it, both county officers and both city officers
/// sign off; then 雁南社区's demo report ends in recovery decided by both county officers, with a refund recorded, and the province's
/// draft for 2027 leaves 雁南社区 out (A14.2) while its 2026 list still holds it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class FundReportPageTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    [Trait("Clause", "A14.1")]
    public async Task A14_A_community_reports_finance_returns_it_both_stages_approve_and_another_report_ends_in_recovery()
    {
        var dialogs = new List<string>();
        Page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.AcceptAsync();
        };

        await SwitchUserAsync("community");
        await Page.GotoAsync($"{BaseUrl}/Funds/Reports/Edit?year=2026");
        (await Page.InnerTextAsync("[data-testid=received]")).ShouldContain("10,000.00");
        await FillLineAsync(0, "2026-03-10", "publicity", "就业政策宣传册", "3000", "兰州印务公司", "FP-0310");
        await FillLineAsync(1, "2026-04-12", "it", "台账录入计算机", "2000.01", "科技办公设备公司", "FP-0412");
        (await Page.InnerTextAsync("[data-testid=total-it]")).ShouldBe("2,000.01");
        (await Page.InnerTextAsync("[data-testid=spent-total]")).ShouldBe("5,000.01");
        (await Page.IsVisibleAsync("[data-testid=cap-warning]")).ShouldBeTrue();
        await SaveScreenshotAsync("fund-report-1-over-cap-live");

        await Page.ClickAsync("[data-testid=submit]");
        var refusal = await Page.InnerTextAsync("[data-testid=action-error]");
        refusal.ShouldContain("A13.4");
        (await Page.InputValueAsync("input[name='Items[1].Amount']")).ShouldBe("2000.01");
        await SaveScreenshotAsync("fund-report-2-refused-A13.4");

        await Page.FillAsync("input[name='Items[1].Amount']", "2000");
        (await Page.IsVisibleAsync("[data-testid=cap-warning]")).ShouldBeFalse();
        await Page.ClickAsync("[data-testid=submit]");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("县区审核中");
        var reportUrl = Page.Url;

        await SwitchUserAsync("chengguan-finance");
        (await Page.InnerTextAsync("[data-testid=fund-waiting]")).ShouldContain("东岗社区");
        await SaveScreenshotAsync("fund-report-2b-county-finance-workbench");
        await Page.GotoAsync(reportUrl);
        await Page.FillAsync("[data-testid=return-remarks-input]", "第2笔计算机缺少验收单，请补充说明。");
        await Page.ClickAsync("[data-testid=return]");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("退回修改");
        await SaveScreenshotAsync("fund-report-3-returned-by-county-finance");

        await SwitchUserAsync("community");
        await Page.GotoAsync(reportUrl);
        await Page.ClickAsync("[data-testid=edit]");
        (await Page.InnerTextAsync("[data-testid=return-remarks]")).ShouldContain("缺少验收单");
        await Page.FillAsync("input[name='Items[1].Description']", "台账录入计算机（附验收单）");
        await Page.ClickAsync("[data-testid=submit]");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("县区审核中");

        await SwitchUserAsync("chengguan");
        await Page.Locator("[data-testid=fund-report-panel]").ScrollIntoViewIfNeededAsync();
        await SaveScreenshotAsync("fund-report-3b-county-workbench");
        await SignAsync("chengguan", reportUrl, "县区审核中");
        (await Page.InnerTextAsync("[data-testid=stage-County]")).ShouldContain("chengguan");
        (await Page.IsVisibleAsync("[data-testid=pending-County-finance]")).ShouldBeTrue();
        await SaveScreenshotAsync("fund-report-4-county-hr-signed");
        await SignAsync("chengguan-finance", reportUrl, "市州复审中");
        await SignAsync("lanzhou-finance", reportUrl, "市州复审中");
        await SignAsync("lanzhou", reportUrl, "审核通过");
        var stages = await Page.InnerTextAsync("[data-testid=stages]");
        stages.ShouldContain("chengguan-finance");
        stages.ShouldContain("lanzhou-finance");
        await SaveScreenshotAsync("fund-report-5-approved-both-stages");
        dialogs.Count(d => d.Contains("确认签署同意")).ShouldBe(4);

        // A second report (雁南社区, demo: county HR signed) ends in recovery.
        await SwitchUserAsync("chengguan-finance");
        await Page.ClickAsync("[data-testid=fund-waiting] a:has-text('雁南社区')");
        await Page.FillAsync("[data-testid=recovery-amount]", "3000");
        await Page.SelectOptionAsync("[data-testid=recovery-reason]", "insufficient");
        await Page.FillAsync("[data-testid=recovery-findings]", "春风行动招聘会未举办，场地费未实际支出。");
        await Page.ClickAsync("[data-testid=propose-recovery]");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("县区提议追回");
        var recoveryUrl = Page.Url;

        await SwitchUserAsync("chengguan");
        await Page.GotoAsync(recoveryUrl);
        await SaveScreenshotAsync("fund-report-6-recovery-proposed");
        await Page.ClickAsync("[data-testid=agree-recovery]");
        dialogs.Last().ShouldContain("此操作不可撤销");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("已决定追回");

        await SwitchUserAsync("chengguan-finance");
        await Page.GotoAsync(recoveryUrl);
        await Page.FillAsync("[data-testid=refund-amount]", "1000");
        await Page.FillAsync("[data-testid=refund-voucher]", "TH-2026-01");
        await Page.ClickAsync("[data-testid=refund]");
        (await Page.InnerTextAsync("[data-testid=outstanding]")).ShouldContain("2,000.00");
        await SaveScreenshotAsync("fund-report-7-recovered-refund");

        await SwitchUserAsync("province");
        await Page.Locator("[data-testid=fund-report-panel]").ScrollIntoViewIfNeededAsync();
        (await Page.InnerTextAsync("[data-testid=fund-city-table]")).ShouldContain("兰州市");
        await SaveScreenshotAsync("fund-report-8-province-panel");

        // A14.2: the next year's allocation leaves the excluded community out.
        await Page.GotoAsync($"{BaseUrl}/Funds/Allocations/2026");
        (await Page.InnerTextAsync("[data-testid=lines]")).ShouldContain("雁南社区");
        await Page.GotoAsync($"{BaseUrl}/Funds/Allocations");
        await Page.FillAsync("#Year", "2027");
        await Page.ClickAsync("[data-testid=create-submit]");
        (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("已生成2027年度资金分配草稿");
        var nextYear = await Page.InnerTextAsync("[data-testid=lines]");
        nextYear.ShouldContain("东岗社区");
        nextYear.ShouldNotContain("雁南社区");
        await SaveScreenshotAsync("fund-report-9-next-year-without-excluded");
        await Page.GotoAsync($"{BaseUrl}/Funds/Exclusions");
        (await Page.InnerTextAsync("[data-testid=exclusions]")).ShouldContain("雁南社区");
        await SaveScreenshotAsync("fund-report-10-exclusions");
        var export = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("[data-testid=export]"));
        export.SuggestedFilename.ShouldStartWith("取消补助资格社区-");
        BrowserErrors.ShouldBeEmpty();
    }

    private async Task FillLineAsync(int row, string date, string category, string description, string amount, string payee, string voucher)
    {
        await Page.FillAsync($"input[name='Items[{row}].Date']", date);
        await Page.SelectOptionAsync($"select[name='Items[{row}].Category']", category);
        await Page.FillAsync($"input[name='Items[{row}].Description']", description);
        await Page.FillAsync($"input[name='Items[{row}].Amount']", amount);
        await Page.FillAsync($"input[name='Items[{row}].Payee']", payee);
        await Page.FillAsync($"input[name='Items[{row}].VoucherNumber']", voucher);
    }

    private async Task SignAsync(string user, string reportUrl, string expectedState)
    {
        await SwitchUserAsync(user);
        await Page.GotoAsync(reportUrl);
        await Page.ClickAsync("[data-testid=approve]");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe(expectedState);
    }
}
