using FullEmployment.Application.Data;
using FullEmployment.EndToEndTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FullEmployment.EndToEndTests.Communities;

[Collection(EndToEndCollection.Name)]
public sealed class RegistryTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Password = WebAppFixture.DemoPassword;

    [Fact]
    public async Task Officer_logs_in_and_sees_the_workbench_with_role_and_the_todo_list_behind_the_badge()
    {
        await LoginAsync("chengguan", Password);

        (await Page.InnerTextAsync("[data-testid=current-user]")).ShouldContain("县区人社局");
        // The demo campaign has an application submitted in 城关区 waiting for the county's review.
        var todoRows = await Page.Locator("#todo tbody tr").CountAsync();
        todoRows.ShouldBeGreaterThan(0);
        (await Page.InnerTextAsync("[data-testid=todo-count]")).Trim().ShouldBe(todoRows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await Page.InnerTextAsync("[data-testid=community-count]")).Trim().ShouldBe("5");
    }

    [Fact]
    public async Task Wrong_password_shows_a_chinese_error_and_stays_on_login()
    {
        await LoginAsync("chengguan", "Wrong@Pass2025");

        Page.Url.ShouldContain("/Account/Login");
        (await Page.InnerTextAsync("main form")).ShouldContain("用户名或密码错误");
    }

    [Fact]
    [Trait("Clause", "A2")]
    public async Task A2_City_officer_sees_only_the_communities_of_the_city_filtered_by_county()
    {
        await LoginAsync("lanzhou", Password);
        await Page.GotoAsync(BaseUrl + "/Communities");

        var rows = Page.Locator("[data-testid=community-table] tbody tr");
        (await rows.CountAsync()).ShouldBe(10);
        (await Page.InnerTextAsync("[data-testid=community-table]")).ShouldNotContain("五一社区");

        await Page.SelectOptionAsync("#Region", "620103");
        await Page.ClickAsync("button:text('查询')");
        (await rows.CountAsync()).ShouldBe(2);
        (await Page.InnerTextAsync("[data-testid=total]")).ShouldContain("共 2 条");
    }

    [Fact]
    [Trait("Clause", "A2")]
    public async Task A2_City_officer_of_a_city_without_counties_registers_a_community_then_renames_it_and_history_keeps_the_old_name()
    {
        // 嘉峪关市 has no counties: its city officers do the county step (docs/reference/regions.md).
        await LoginAsync("jiayuguan", Password);
        await Page.GotoAsync(BaseUrl + "/Communities/Create");
        await Page.FillAsync("#Form_Code", "620200009001");
        await Page.FillAsync("#Form_Name", "测试新建社区");
        await Page.FillAsync("#Form_Street", "新华街道");
        await Page.FillAsync("#Form_Address", "嘉峪关市新华路1号");
        await Page.FillAsync("#Form_ApprovalDocumentNumber", "城政发〔2024〕9号");
        await Page.FillAsync("#Form_CivilAffairsFilingNumber", "民备620200-901");
        await Page.FillAsync("#Form_CivilAffairsFiledOn", "2024-05-06");
        await Page.ClickAsync("button:text('保存')");

        (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("已登记社区");
        (await Page.InnerTextAsync("h1")).ShouldContain("测试新建社区");
        await SaveScreenshotAsync("registry-created");

        await Page.ClickAsync("[data-testid=edit]");
        await Page.FillAsync("#Form_Name", "测试更名社区");
        await Page.ClickAsync("button:text('保存')");

        (await Page.InnerTextAsync("h1")).ShouldContain("测试更名社区");
        (await Page.InnerTextAsync("main")).ShouldContain("名称沿革");
        (await Page.InnerTextAsync("main")).ShouldContain("测试新建社区");
    }

    [Fact]
    [Trait("Clause", "A2")]
    public async Task A2_Missing_required_fields_keep_the_input_and_show_chinese_messages()
    {
        await LoginAsync("chengguan", Password);
        await Page.GotoAsync(BaseUrl + "/Communities/Create");
        await Page.FillAsync("#Form_Code", "62010200900");
        await Page.FillAsync("#Form_Name", "未完成的社区");
        await Page.ClickAsync("button:text('保存')");

        (await Page.InputValueAsync("#Form_Name")).ShouldBe("未完成的社区");
        var text = await Page.InnerTextAsync("main form");
        text.ShouldContain("社区代码应为12位数字");
        text.ShouldContain("请填写所属街道（乡镇）");
    }

    [Fact]
    [Trait("Clause", "A2")]
    public async Task A2_Export_downloads_an_xlsx_of_the_filtered_list()
    {
        await LoginAsync("province", Password);
        await Page.GotoAsync(BaseUrl + "/Communities?Level=Provincial");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("[data-testid=export]"));

        download.SuggestedFilename.ShouldEndWith(".xlsx");
        var path = await download.PathAsync();
        new FileInfo(path!).Length.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public async Task Contact_phone_is_masked_until_revealed_and_the_reveal_is_audited()
    {
        await LoginAsync("province", Password);
        await Page.GotoAsync(BaseUrl + "/Communities/Details/620102001002");

        (await Page.InnerTextAsync("[data-testid=phone]")).ShouldContain("****");
        await Page.ClickAsync("button:text('查看完整号码')");

        (await Page.InnerTextAsync("[data-testid=phone]")).Trim().ShouldBe("0931-8001002");
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.AuditEvents.CountAsync(e => e.Action == "community.reveal-phone" && e.UserName == "province" && e.TargetId == "620102001002"))
            .ShouldBe(1);
    }

    [Fact]
    [Trait("Clause", "A2")]
    public async Task A2_Region_tree_lists_all_cities_with_community_counts_and_jiayuguan_without_counties()
    {
        await LoginAsync("province", Password);
        await Page.GotoAsync(BaseUrl + "/Regions");

        var tree = await Page.InnerTextAsync("[data-testid=region-tree]");
        tree.ShouldContain("甘肃省");
        tree.ShouldContain("临夏回族自治州");
        tree.ShouldContain("积石山保安族东乡族撒拉族自治县");
        tree.ShouldContain("不设县区，社区直属市");
        (await Page.Locator("[data-testid=region-tree] > ul > li").CountAsync()).ShouldBe(14);
    }
}
