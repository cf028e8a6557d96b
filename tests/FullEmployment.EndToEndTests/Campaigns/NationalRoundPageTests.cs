using FullEmployment.Application.Common;
using FullEmployment.EndToEndTests.Infrastructure;
using Xunit.Abstractions;

namespace FullEmployment.EndToEndTests.Campaigns;

/// <summary>A national round through the UI (A4.1): create, build and order the list, print, export, submit, record the ministry's outcomes.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class NationalRoundPageTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Name = "端到端国家级推荐批次";
    private const string Yannan = "620102001002";
    private const string Peili = "620105001001";
    private const string Xifeng = "620902001001";

    [Fact]
    [Trait("Clause", "A4.1")]
    public async Task A4_1_Province_recommends_provincial_communities_submits_and_records_a_grant_that_becomes_a_national_title()
    {
        Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await SwitchUserAsync("province");

        // A national round is a campaign of its own kind; creating it leads straight to its list. What it doesn't use
        // (template, pass mark, period, deadlines, the A4.2 reason) is hidden while it is chosen.
        await Page.GotoAsync(BaseUrl + "/Campaigns/Create");
        string[] notForNational = ["#TemplateVersion", "#PassMark", "#AssessmentFrom", "#ApplicationDeadline", "#ProvinceDeadline", "#CycleOverrideReason"];
        foreach (var field in notForNational)
        {
            (await Page.IsVisibleAsync(field)).ShouldBeTrue(field);
        }

        await Page.SelectOptionAsync("#Kind", "NationalRecommendation");
        foreach (var field in notForNational)
        {
            (await Page.IsVisibleAsync(field)).ShouldBeFalse(field);
        }

        (await Page.InnerTextAsync("[data-testid=national-hint]")).ShouldContain("不适用");
        await Page.FillAsync("#Name", Name);
        await Page.FillAsync("#TotalQuota", "2");
        await SaveScreenshotAsync("national-0-create");
        await Page.ClickAsync("button:text('保存草稿')");
        (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("已创建国家级推荐批次");
        var roundUrl = Page.Url;
        roundUrl.ShouldContain("/Campaigns/National/");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("名单编制中");

        // Only provincial communities not yet national are offered: 拱星墩 (national) and 东岗 (municipal) are not.
        var eligible = await Page.InnerTextAsync("[data-testid=eligible]");
        eligible.ShouldContain("雁南社区");
        eligible.ShouldContain("培黎社区");
        eligible.ShouldNotContain("拱星墩社区");
        eligible.ShouldNotContain("东岗社区");
        await Page.FillAsync("[data-testid=eligible-search] input[name=Q]", "雁南");
        await Page.ClickAsync("[data-testid=eligible-search] button");
        (await Page.InnerTextAsync("[data-testid=eligible]")).ShouldNotContain("培黎社区");
        await Page.ClickAsync($"[data-testid=add-{Yannan}]");
        (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("已将雁南社区加入推荐名单");
        await Page.FillAsync("[data-testid=eligible-search] input[name=Q]", "");
        await Page.ClickAsync("[data-testid=eligible-search] button");
        await Page.ClickAsync($"[data-testid=add-{Peili}]");
        // The quota (2) is reached: the remaining offers are disabled.
        (await Page.GetAttributeAsync($"[data-testid=add-{Xifeng}]", "disabled")).ShouldNotBeNull();

        // Reorder and swap one community for another.
        await Page.ClickAsync($"[data-testid=up-{Peili}]");
        (await Page.InnerTextAsync("[data-testid=candidates] tbody tr:first-child")).ShouldContain("培黎社区");
        await Page.ClickAsync($"[data-testid=remove-{Yannan}]");
        await Page.ClickAsync($"[data-testid=add-{Xifeng}]");
        var list = await Page.InnerTextAsync("[data-testid=candidates]");
        list.ShouldNotContain("雁南社区");
        list.IndexOf("培黎社区", StringComparison.Ordinal).ShouldBeLessThan(list.IndexOf("西峰社区", StringComparison.Ordinal));
        await SaveScreenshotAsync("national-1-list");

        // Print and export show the list in its order.
        await Page.ClickAsync("[data-testid=print]");
        var printed = await Page.InnerTextAsync("[data-testid=print-list]");
        printed.IndexOf("培黎社区", StringComparison.Ordinal).ShouldBeLessThan(printed.IndexOf("西峰社区", StringComparison.Ordinal));
        await SaveScreenshotAsync("national-2-print");
        await Page.GotoAsync(roundUrl);
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("[data-testid=export]"));
        download.SuggestedFilename.ShouldEndWith(".xlsx");
        // Playwright keeps the download under a name without extension: it is read as a stream.
        await using (var file = File.OpenRead(await download.PathAsync()))
        using (var workbook = XlsxReader.Open(file))
        {
            var rows = workbook.ReadRows(workbook.SheetNames[0]).ToList();
            rows[0][2].Text.ShouldBe("社区名称");
            rows[1][2].Text.ShouldBe("培黎社区");
            rows[2][2].Text.ShouldBe("西峰社区");
        }

        // Submitting (after the confirmation) freezes the list.
        await Page.ClickAsync("[data-testid=submit-form] button");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("已报送人社部");
        (await Page.Locator("[data-testid=eligible]").CountAsync()).ShouldBe(0);
        (await Page.Locator($"[data-testid=remove-{Peili}]").CountAsync()).ShouldBe(0);

        // The province's to-do list now asks for the ministry's outcomes of this round, and still for the demo round's draft list.
        await Page.GotoAsync(BaseUrl + "/");
        var roundPath = new Uri(roundUrl).AbsolutePath;
        (await Page.InnerTextAsync($"#todo tr:has(a[href='{roundPath}'])")).ShouldContain($"{Name}：2个社区待登记人社部结果");
        (await Page.InnerTextAsync("#todo")).ShouldContain("国家级充分就业社区推荐：推荐名单编制中（已列入2个社区），待报送人社部");
        await SaveScreenshotAsync("national-todo");
        await Page.ClickAsync($"#todo a[href='{roundPath}']");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("已报送人社部");

        // The ministry's outcome: a grant without a document number is refused beside its form, then recorded properly.
        await Page.ClickAsync($"[data-testid=outcome-{Peili}] button");
        (await Page.InnerTextAsync($"[data-testid=outcome-{Peili}] [data-testid=action-error]")).ShouldContain("人社部文号");
        await Page.FillAsync($"#DocumentNumber-{Peili}", "人社部函〔2025〕88号");
        await Page.FillAsync($"#PlaqueNumber-{Peili}", "GJ-2025-088");
        await Page.ClickAsync($"[data-testid=outcome-{Peili}] button");
        (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("国家级称号已记入");
        await Page.SelectOptionAsync($"#Granted-{Xifeng}", "false");
        await Page.FillAsync($"#Remark-{Xifeng}", "部里名额有限，本轮未入选。");
        await Page.ClickAsync($"[data-testid=outcome-{Xifeng}] button");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("结果已登记");
        var outcomes = await Page.InnerTextAsync("[data-testid=candidates]");
        outcomes.ShouldContain("人社部函〔2025〕88号");
        outcomes.ShouldContain("部里名额有限，本轮未入选。");
        await SaveScreenshotAsync("national-3-outcomes");

        // The granted community now holds the national title; the campaigns list shows the round's progress.
        await Page.ClickAsync($"[data-testid=candidate-{Peili}] a");
        var titles = await Page.InnerTextAsync("[data-testid=title-history]");
        titles.ShouldContain("国家级");
        titles.ShouldContain("人社部函〔2025〕88号");
        await SaveScreenshotAsync("national-4-community-title");
        await Page.GotoAsync(BaseUrl + "/Campaigns?Kind=NationalRecommendation");
        (await Page.InnerTextAsync($"[data-testid=campaign-table] tr:has-text('{Name}')")).ShouldContain("结果已登记");

        // A city officer neither sees the round in the list nor reaches its page.
        await SwitchUserAsync("lanzhou");
        (await Page.GotoAsync(roundUrl))!.Status.ShouldBe(404);
        await Page.GotoAsync(BaseUrl + "/Campaigns");
        (await Page.InnerTextAsync("[data-testid=campaign-table]")).ShouldNotContain(Name);
    }
}
