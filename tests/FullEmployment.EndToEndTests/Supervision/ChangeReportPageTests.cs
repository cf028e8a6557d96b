using FullEmployment.EndToEndTests.Infrastructure;
using Xunit.Abstractions;

namespace FullEmployment.EndToEndTests.Supervision;

/// <summary>
/// Civil-affairs changes through the UI (A11): the province consents to the demo's pending rename of 胜利社区, and 嘉峪关's
/// city officers (the county step) record a dissolution of 五一社区 after confirming, which ends its title and freezes its ledger.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ChangeReportPageTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Shengli = "620200001002";
    private const string Wuyi = "620200001001";

    [Fact]
    [Trait("Clause", "A11.4")]
    public async Task A11_4_Province_consents_to_a_rename_the_name_changes_history_keeps_the_old_name_and_the_title_continues()
    {
        await SwitchUserAsync("province");

        // The workbench shows the demo's overdue, unreported dissolution of 陈坪社区.
        (await Page.InnerTextAsync("[data-testid=overdue-unreported]")).ShouldContain("陈坪社区");
        await SaveScreenshotAsync("changes-0-workbench");

        await Page.ClickAsync("#nav-supervision .dropdown-toggle");
        await Page.ClickAsync("[data-testid=nav-changes]");
        var table = await Page.InnerTextAsync("[data-testid=change-table]");
        table.ShouldContain("胜利社区");
        table.ShouldContain("逾期未报");
        await SaveScreenshotAsync("changes-1-list");

        await Page.ClickAsync("[data-testid=change-table] a:text('胜利社区')");
        (await Page.InnerTextAsync("[data-testid=change-state]")).ShouldBe("待同意");
        await SaveScreenshotAsync("changes-2-rename");
        await Page.ClickAsync("[data-testid=do-Consent]");

        (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("已同意更名");
        (await Page.InnerTextAsync("[data-testid=change-state]")).ShouldBe("已同意更名");
        (await Page.InnerTextAsync("[data-testid=plaque-note]")).ShouldContain("牌匾按新名称换发");
        await SaveScreenshotAsync("changes-3-consented");

        await Page.GotoAsync($"{BaseUrl}/Communities/Details/{Shengli}");
        (await Page.InnerTextAsync("h1")).ShouldContain("胜利新村社区");
        var main = await Page.InnerTextAsync("main");
        main.ShouldContain("名称沿革");
        main.ShouldContain("胜利社区");
        main.ShouldContain("有效");
        await SaveScreenshotAsync("changes-4-renamed-community");
    }

    [Fact]
    [Trait("Clause", "A11.2")]
    public async Task A11_2_The_county_step_records_a_dissolution_after_confirming_and_the_title_ends_on_the_decision_date()
    {
        await SwitchUserAsync("jiayuguan");

        await Page.GotoAsync(BaseUrl + "/Supervision/Changes");
        await Page.ClickAsync("[data-testid=file-change]");
        await Page.FillAsync("#Code", Wuyi);
        await Page.SelectOptionAsync("#Kind", "Dissolution");
        await Page.FillAsync("#DocumentNumber", "嘉民发〔2026〕21号");
        await Page.FillAsync("#DecisionDate", "2026-06-10");
        await SaveScreenshotAsync("changes-5-file-dissolution");
        var expected = await Page.Locator("form:has([data-testid=submit-change])").GetAttributeAsync("data-confirm");
        expected.ShouldNotBeNull().ShouldContain("不可撤销");
        var fileUrl = Page.Url;

        // The browser's confirmation really gates the step: dismissed, nothing is filed and the input stays.
        var dialogs = new List<string>();
        var accept = false;
        Page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await (accept ? dialog.AcceptAsync() : dialog.DismissAsync());
        };
        await Page.ClickAsync("[data-testid=submit-change]");
        await Page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        dialogs.ShouldBe([expected]);
        Page.Url.ShouldBe(fileUrl);
        (await Page.InputValueAsync("#DocumentNumber")).ShouldBe("嘉民发〔2026〕21号");

        accept = true;
        await Page.ClickAsync("[data-testid=submit-change]");
        (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("已报备");
        dialogs.ShouldBe([expected, expected]);
        (await Page.InnerTextAsync("[data-testid=change-state]")).ShouldBe("已生效");
        await SaveScreenshotAsync("changes-6-dissolved");

        await Page.GotoAsync($"{BaseUrl}/Communities/Details/{Wuyi}");
        var main = await Page.InnerTextAsync("main");
        main.ShouldContain("已撤销");
        main.ShouldContain("2026年6月10日 社区撤销");
        // A11.2: the page renders what the domain still offers: no 修改, no 登记称号, and why.
        (await Page.InnerTextAsync("[data-testid=closed-reason]")).Trim().ShouldStartWith("已撤销");
        (await Page.Locator("[data-testid=edit]").CountAsync()).ShouldBe(0);
        (await Page.Locator("a:text('登记称号')").CountAsync()).ShouldBe(0);
        await SaveScreenshotAsync("changes-7-dissolved-community");

        // A11.2: the ledger is read-only from now on.
        await Page.GotoAsync($"{BaseUrl}/Ledgers/{Wuyi}");
        (await Page.Locator("a:text('新增')").CountAsync()).ShouldBe(0);
    }
}
