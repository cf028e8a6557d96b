using FullEmployment.EndToEndTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FullEmployment.EndToEndTests.Public;

/// <summary>The public site without login (the demo data opens a city notice at start-up), and the province's rule pages.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PublicSitePageTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task A_visitor_reads_the_open_notice_objects_and_sees_the_content_back_as_text_then_browses_the_directory()
    {
        await Page.GotoAsync(BaseUrl + "/Public");
        (await Page.InnerTextAsync("header")).ShouldContain("甘肃省充分就业社区 公示公告");
        (await Page.InnerTextAsync("[data-testid=notice]")).ShouldContain("剩余工作日");
        await SaveScreenshotAsync("public-index");

        // The demo campaign's city notice (兰州市…公示): other tests in the same app publish notices of their own, on the same
        // day, and one of them (the municipal campaign's) has 兰州市 inside its title too.
        await Page.ClickAsync("[data-testid=notice] h2 a:text-matches('^兰州市')");
        (await Page.InnerTextAsync("[data-testid=candidate-table]")).ShouldContain("东岗社区");
        await Page.SelectOptionAsync("#Form_CandidateId", new SelectOptionValue { Index = 1 });
        await Page.FillAsync("#Form_Name", "王五");
        await Page.FillAsync("#Form_Phone", "13912345678");
        await Page.FillAsync("#Form_Content", "<b>加粗</b><script>alert(1)</script>公示数据不实");
        await Page.ClickAsync("button:text('提交异议')");

        (await Page.InnerTextAsync("[data-testid=receipt]")).ShouldContain("您的异议已提交");
        (await Page.InnerTextAsync("[data-testid=submitted-content]")).ShouldBe("<b>加粗</b><script>alert(1)</script>公示数据不实");
        (await Page.InnerTextAsync("main")).ShouldNotContain("13912345678");
        await SaveScreenshotAsync("public-objection-receipt");

        await Page.ClickAsync("a:text('称号社区名录')");
        var rows = Page.Locator("[data-testid=directory-table] tbody tr");
        (await rows.CountAsync()).ShouldBeGreaterThan(0);
        await Page.SelectOptionAsync("#Level", "Provincial");
        await Page.ClickAsync("button:text('查询')");
        (await Page.InnerTextAsync("[data-testid=directory-table] tbody")).ShouldContain("省级");
        await SaveScreenshotAsync("public-directory");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("[data-testid=export]"));
        download.SuggestedFilename.ShouldEndWith(".xlsx");
    }

    [Fact]
    public async Task The_province_edits_a_calendar_year_and_reviews_a_score_template()
    {
        Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await LoginAsync("province", WebAppFixture.DemoPassword);
        await Page.ClickAsync("a.nav-link:text('规则设置')");
        await Page.ClickAsync("a:has-text('工作日历')");
        await Page.FillAsync("#year", "2030");
        await Page.ClickAsync("button:text('录入该年度')");
        await Page.FillAsync("#OffDays", "2030-01-01\n2030-02-03");
        await Page.FillAsync("#MakeUpWorkingDays", "2030-01-02");
        await Page.ClickAsync("button:text('保存')");
        (await Page.InnerTextAsync("[data-testid=calendar-errors]")).ShouldContain("不是周末");
        await SaveScreenshotAsync("settings-calendar-error");
        await Page.FillAsync("#MakeUpWorkingDays", "2030-01-05");
        await Page.ClickAsync("button:text('保存')");
        (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("2030年工作日历已保存");

        await Page.GotoAsync(BaseUrl + "/Settings/Templates");
        await Page.ClickAsync("[data-testid=templates] tbody tr:first-child td:first-child a");
        (await Page.InnerTextAsync("[data-testid=total-points]")).ShouldBe("100");
        await SaveScreenshotAsync("settings-template");
        await Page.ClickAsync("a:text('以此为基础新建版本')");
        await Page.FillAsync("#TemplateVersion", "2030-测试");
        await Page.FillAsync("#Items_4__MaxPoints", "3");
        await Page.ClickAsync("button:text('保存为草稿')");
        (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("已新建评分表版本 2030-测试");
        await Page.ClickAsync("[data-testid=publish]");
        (await Page.InnerTextAsync("[data-testid=template-errors]")).ShouldContain("必须为100分才能发布");
    }
}
