using FullEmployment.Domain;
using FullEmployment.EndToEndTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FullEmployment.EndToEndTests.Supervision;

/// <summary>
/// A support request (A15) through the UI: community staff raise it with a file, the county finds it in its to-do list and
/// answers with measures and departments, the community confirms it resolved; the province sees the counts and the chart per city.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SupportRequestTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Description = "端到端：社区就业服务站缺少自助服务终端，请协调解决。";

    // A one-pixel PNG: the file store checks the bytes, not the name.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    [Trait("Clause", "A15")]
    public async Task A15_A_support_request_raised_by_the_community_answered_by_the_county_and_confirmed_by_the_community()
    {
        Page.Dialog += (_, dialog) => dialog.AcceptAsync();

        // The community raises the difficulty from the 监督管理 menu, with a photo.
        await SwitchUserAsync("community");
        await Page.ClickAsync("#nav-supervision > a");
        await Page.ClickAsync("[data-testid=nav-support-requests]");
        await Page.ClickAsync("[data-testid=raise]");
        await Page.SelectOptionAsync("[data-testid=category]", "PremisesAndEquipment");
        await Page.FillAsync("[data-testid=description]", Description);
        await Page.SetInputFilesAsync("[data-testid=files]", new FilePayload { Name = "服务站现状.png", MimeType = "image/png", Buffer = Png });
        await SaveScreenshotAsync("support-1-community-raises");
        await Page.ClickAsync("[data-testid=submit]");
        var due = await Page.InnerTextAsync("[data-testid=due]");
        var raisedOn = ChinaTime.Today(Fixture.App.Clock);
        (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("困难诉求已提交");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("待答复");
        (await Page.InnerTextAsync("[data-testid=category]")).ShouldBe("场地设备");
        (await Page.InnerTextAsync("[data-testid=files-attachment]")).ShouldContain("服务站现状.png");
        due.ShouldContain("提出后 10 个工作日");
        var detailsUrl = new Uri(Page.Url).AbsolutePath;
        await SaveScreenshotAsync("support-2-community-raised");

        // The county has it in its to-do list and answers with the measures taken and the departments coordinated.
        await SwitchUserAsync("chengguan");
        var todo = Page.Locator($"#todo tr:has(a[href='{detailsUrl}'])");
        (await todo.InnerTextAsync()).ShouldContain("答复东岗社区的困难诉求（场地设备）");
        (await Page.Locator("[data-testid=support-panel]").CountAsync()).ShouldBe(1);
        await SaveScreenshotAsync("support-3-county-workbench");
        await todo.Locator("a").ClickAsync();
        (await Page.InnerTextAsync("[data-testid=description]")).ShouldBe(Description);
        await Page.FillAsync("[data-testid=measures-input]", "已调配两台自助服务终端，下周安装到位。");
        await Page.FillAsync("[data-testid=departments-input]", "区就业服务中心、东岗西路街道");
        await Page.ClickAsync("[data-testid=answer]");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("已答复待确认");
        (await Page.InnerTextAsync("[data-testid=measures]")).ShouldBe("已调配两台自助服务终端，下周安装到位。");
        (await Page.Locator("[data-testid=answer-form]").CountAsync()).ShouldBe(0);
        await SaveScreenshotAsync("support-4-county-answered");

        // The community confirms it resolved (asked to confirm first: it cannot be reopened afterwards).
        await SwitchUserAsync("community");
        var confirmTodo = Page.Locator($"#todo tr:has(a[href='{detailsUrl}'])");
        (await confirmTodo.InnerTextAsync()).ShouldContain("确认诉求答复");
        await confirmTodo.Locator("a").ClickAsync();
        (await Page.InnerTextAsync("[data-testid=departments]")).ShouldBe("区就业服务中心、东岗西路街道");
        await Page.FillAsync("#Remark", "终端已安装使用。");
        await Page.ClickAsync("[data-testid=confirm]");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("已解决");
        (await Page.Locator("[data-testid=confirm-form]").CountAsync()).ShouldBe(0);
        (await Page.InnerTextAsync("[data-testid=history]")).ShouldContain("终端已安装使用。");
        await SaveScreenshotAsync("support-5-community-confirmed");

        // The list shows it resolved, with its raising date; the filter keeps only resolved ones.
        await Page.GotoAsync(BaseUrl + "/Supervision/SupportRequests?State=Resolved");
        var row = Page.Locator($"[data-testid=support-table] tr:has(a[href='{detailsUrl}'])");
        (await row.InnerTextAsync()).ShouldContain("已解决");
        (await row.InnerTextAsync()).ShouldContain(raisedOn.ToString("yyyy-MM-dd"));
        await SaveScreenshotAsync("support-6-list");

        // The province sees open and overdue counts per city, as a chart and a table.
        await SwitchUserAsync("province");
        await Page.Locator("#support-chart").ScrollIntoViewIfNeededAsync();
        (await Page.Locator("[data-testid=support-city-table] tbody tr").CountAsync()).ShouldBe(14);
        (await Page.EvaluateAsync<bool>("() => !!Chart.getChart(document.getElementById('support-chart'))")).ShouldBeTrue();
        await SaveScreenshotAsync("support-7-province-workbench");
        BrowserErrors.Where(e => e.Contains("Content Security Policy", StringComparison.Ordinal)).ShouldBeEmpty();
    }
}
