using FullEmployment.EndToEndTests.Infrastructure;
using Xunit.Abstractions;

namespace FullEmployment.EndToEndTests.Funds;

/// <summary>
/// The yearly allocation through the UI (A12): the province computes 2028's draft (2027 is the year FundReportPageTests allocates
/// after its recovery), confirms it (dialog) and issues it with the budget
/// document; the demo's confirmed 2026 list is what Lanzhou's finance bureau reads, and 东岗社区's staff see their own line on their workbench.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class FundAllocationPageTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    [Trait("Clause", "A12")]
    public async Task A12_Province_allocates_confirms_in_a_dialog_and_issues_a_year()
    {
        var dialogs = new List<string>();
        Page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.AcceptAsync();
        };
        await SwitchUserAsync("province");
        (await Page.InnerTextAsync("[data-testid=fund-allocation-panel]")).ShouldContain("兰州市");
        await Page.Locator("[data-testid=fund-allocation-panel]").ScrollIntoViewIfNeededAsync();
        await SaveScreenshotAsync("funds-0-province-workbench");

        await Page.ClickAsync("#nav-funds .dropdown-toggle");
        await Page.ClickAsync("[data-testid=nav-allocations]");
        (await Page.InnerTextAsync("[data-testid=allocations]")).ShouldContain("2026年度");
        await Page.FillAsync("#Year", "2028");
        await Page.ClickAsync("[data-testid=create-submit]");

        (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("已生成2028年度资金分配草稿");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("草稿");
        var lines = await Page.InnerTextAsync("[data-testid=lines]");
        lines.ShouldContain("东岗社区");
        (await Page.InnerTextAsync("[data-testid=by-level]")).ShouldContain("省级");
        await SaveScreenshotAsync("funds-1-draft");

        await Page.ClickAsync("[data-testid=confirm]");
        dialogs.ShouldHaveSingleItem().ShouldContain("确认后名单锁定");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("已确认");
        (await Page.Locator("[data-testid=recompute]").CountAsync()).ShouldBe(0);

        await Page.FillAsync("#DocumentNumber", "甘财社〔2026〕88号");
        await SaveScreenshotAsync("funds-2-confirmed");
        await Page.ClickAsync("[data-testid=issue]");
        dialogs.Count.ShouldBe(2);
        dialogs[1].ShouldContain("下达后不能撤回");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("已下达");
        (await Page.InnerTextAsync("[data-testid=issued]")).ShouldContain("甘财社〔2026〕88号");
        await SaveScreenshotAsync("funds-3-issued");

        await Page.SelectOptionAsync("[data-testid=filters] select[name=city]", "620200");
        await Page.ClickAsync("[data-testid=filters] button");
        await Page.WaitForURLAsync("**city=620200**");
        (await Page.InnerTextAsync("[data-testid=lines]")).ShouldNotContain("东岗社区");
        await Page.GotoAsync($"{BaseUrl}/Funds/Allocations/2028/Print");
        (await Page.InnerTextAsync("[data-testid=print-allocation]")).ShouldContain("合计");
        await SaveScreenshotAsync("funds-4-print");
    }

    [Fact]
    [Trait("Clause", "A12")]
    public async Task A12_City_finance_reads_its_citys_confirmed_list_and_community_staff_see_their_own_line_on_their_workbench()
    {
        await SwitchUserAsync("lanzhou-finance");
        await Page.GotoAsync($"{BaseUrl}/Funds/Allocations/2026");
        var lines = await Page.InnerTextAsync("[data-testid=lines]");
        lines.ShouldContain("东岗社区");
        lines.ShouldNotContain("嘉峪关市");
        (await Page.Locator("[data-testid=actions]").CountAsync()).ShouldBe(0);
        await SaveScreenshotAsync("funds-5-city-finance");

        await SwitchUserAsync("community");
        var workbench = await Page.InnerTextAsync("[data-testid=community-workbench]");
        workbench.ShouldContain("2026年度补助资金");
        workbench.ShouldContain("本社区指标");
        (await Page.Locator("[data-testid=community-count]").CountAsync()).ShouldBe(0);
        await SaveScreenshotAsync("funds-6-community-workbench");
    }
}
