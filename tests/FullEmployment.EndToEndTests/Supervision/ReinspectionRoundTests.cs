using FullEmployment.EndToEndTests.Infrastructure;
using Xunit.Abstractions;

namespace FullEmployment.EndToEndTests.Supervision;

/// <summary>
/// A re-inspection round through the UI (A9, A10) on the demo round in progress: 兰州 passes 草场街, orders 东岗 to rectify and
/// passes it after the community answers, fails 敦煌路's legacy star title; the province confirms the fail, after which the
/// community page shows the title ended (复查不合格) and the public directory no longer lists it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ReinspectionRoundTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Donggang = "620102001001";
    private const string Caochang = "620102001004";
    private const string Dunhuanglu = "620103001002";

    [Fact]
    [Trait("Clause", "A9")]
    [Trait("Clause", "A10")]
    public async Task A9_A10_A_pass_a_rectification_that_passes_and_a_fail_confirmed_by_the_province_through_the_UI()
    {
        Page.Dialog += (_, dialog) => dialog.AcceptAsync();

        // The province sees the round in progress and its chart on the workbench.
        await SwitchUserAsync("province");
        await Page.GotoAsync(BaseUrl + "/");
        (await Page.InnerTextAsync("[data-testid=reinspection-panel]")).ShouldContain("兰州市");
        await SaveScreenshotAsync("reinspection-1-province-workbench");
        await Page.ClickAsync("[data-testid=nav-supervision]");
        await Page.ClickAsync("[data-testid=nav-reinspections]");
        await Page.ClickAsync("[data-testid=rounds] a");
        var roundUrl = Page.Url;
        await SaveScreenshotAsync("reinspection-2-round");

        // A9: 兰州 passes 草场街 with a full sheet, two inspectors and the method.
        await SwitchUserAsync("lanzhou");
        await OpenRecordAsync(roundUrl, Caochang, "municipal");
        await FillResultAsync("Pass", "王明\n赵丽", "");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("复查合格");
        (await Page.InnerTextAsync("[data-testid=inspection]")).ShouldContain("王明、赵丽");
        await SaveScreenshotAsync("reinspection-3-city-passed");

        // The community sees its record and self-checks before the city acts; the city then orders rectification.
        await SwitchUserAsync("community");
        await OpenRecordAsync(roundUrl, Donggang, "municipal");
        await Page.FillAsync("#SelfAssessment", "自评93分，台账齐全，信息公开栏待更新。");
        await Page.ClickAsync("[data-testid=self-check-submit]");
        (await Page.InnerTextAsync("[data-testid=self-assessment]")).ShouldContain("自评93分");
        await SaveScreenshotAsync("reinspection-4-community-self-check");

        await SwitchUserAsync("lanzhou");
        await OpenRecordAsync(roundUrl, Donggang, "municipal");
        await FillResultAsync("Rectify", "王明，赵丽", "信息公开栏未更新。", "更新信息公开栏");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("限期整改");
        (await Page.InnerTextAsync("[data-testid=due-date]")).ShouldNotBeEmpty();
        await SaveScreenshotAsync("reinspection-5-city-rectify");

        await SwitchUserAsync("community");
        await OpenRecordAsync(roundUrl, Donggang, "municipal");
        await Page.FillAsync("#Answer", "已更新信息公开栏并拍照留存。");
        await Page.ClickAsync("[data-testid=answer-submit]");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("整改待复核");

        await SwitchUserAsync("lanzhou");
        await OpenRecordAsync(roundUrl, Donggang, "municipal");
        await Page.FillAsync("#Remark", "整改到位。");
        await Page.ClickAsync("[data-testid=recheck-pass]");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("复查合格");
        await SaveScreenshotAsync("reinspection-6-city-recheck-passed");

        // A9: 兰州 fails 敦煌路's legacy star title; only the province may review it (A10).
        await OpenRecordAsync(roundUrl, Dunhuanglu, "legacyProvincialStar");
        await FillResultAsync("Fail", "王明\n赵丽", "服务大厅已停用，援助台账缺失。");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("不合格待复核");
        (await Page.Locator("[data-testid=confirm-form]").CountAsync()).ShouldBe(0);

        await SwitchUserAsync("province");
        await OpenRecordAsync(roundUrl, Dunhuanglu, "legacyProvincialStar");
        await Page.FillAsync("[data-testid=review-remark]", "复核确认：服务大厅停用，不再具备条件。");
        await SaveScreenshotAsync("reinspection-7-province-review");
        await Page.ClickAsync("[data-testid=confirm-submit]");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("确认不合格（称号终止）");
        await SaveScreenshotAsync("reinspection-8-province-confirmed");

        // The community page shows the title ended with 复查不合格; the public directory no longer lists it.
        await Page.GotoAsync($"{BaseUrl}/Communities/Details/{Dunhuanglu}");
        var star = await Page.Locator("[data-testid=title-history] tbody tr:has-text('省级星级（原）')").InnerTextAsync();
        star.ShouldContain("复查不合格");
        star.ShouldNotContain("有效");
        await SaveScreenshotAsync("reinspection-9-community-page");
        await Context.ClearCookiesAsync();
        await Page.GotoAsync($"{BaseUrl}/Public/Directory?Level=LegacyProvincialStar");
        (await Page.InnerTextAsync("main")).ShouldNotContain("敦煌路社区");
        await SaveScreenshotAsync("reinspection-10-public-directory");

        // The printable sheet and result list.
        await SwitchUserAsync("lanzhou");
        await Page.GotoAsync(roundUrl.Split('?')[0] + "/Print");
        (await Page.InnerTextAsync("[data-testid=print-round]")).ShouldContain("草场街社区");
        await SaveScreenshotAsync("reinspection-11-result-list");
        // The pages keep to the content security policy (no inline styles or scripts).
        BrowserErrors.ShouldNotContain(e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    private async Task OpenRecordAsync(string roundUrl, string code, string level)
    {
        await Page.GotoAsync(roundUrl.Split('?')[0] + "?Size=200");
        await Page.ClickAsync($"[data-testid=records] tr[data-community='{code}'][data-level='{level}'] a");
    }

    private async Task FillResultAsync(string result, string inspectors, string findings, string? requiredItems = null)
    {
        var form = Page.Locator("[data-testid=result-form]");
        foreach (var (number, score) in new[] { ("1.2", "4"), ("1.3", "3"), ("1.5", "4"), ("5.1", "5") })
        {
            await form.Locator($"[data-testid='score-{number}']").FillAsync(score);
        }

        // The demo ledgers are empty here: on-site the city verifies the filing and the staff and corrects those auto items with a reason (A6).
        foreach (var (number, score) in new[] { ("1.1", "4"), ("1.4", "5") })
        {
            await form.Locator($"[data-testid='score-{number}']").FillAsync(score);
            await form.Locator($"[data-testid='remark-{number}']").FillAsync("现场核验备案文件及专职人员学历证书");
        }

        await Page.FillAsync("[data-testid=inspectors]", inspectors);
        await Page.FillAsync("[data-testid=findings]", findings);
        await Page.SelectOptionAsync("[data-testid=result-select]", result);
        if (requiredItems is not null)
        {
            await Page.FillAsync("[data-testid=required-items]", requiredItems);
        }

        await Page.ClickAsync("[data-testid=result-submit]");
    }
}
