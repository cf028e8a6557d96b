using FullEmployment.EndToEndTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FullEmployment.EndToEndTests.Campaigns;

/// <summary>
/// One municipal campaign of 兰州市 through the UI (A4.3, A18): the city's own template, quotas per county, publishing to the
/// counties, community → 城关区 → 兰州市, the notice with an objection filed on the public site and answered, and the city's
/// certification with the municipal title. There is no province step.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MunicipalCampaignPageTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string CampaignName = "端到端兰州市市级创建批次";

    // 东岗社区 (the demo account community) already holds a municipal title (A3.1); 酒泉路社区 in 城关区 holds none and
    // applies with its own demo account.
    private const string Applicant = "jiuquanlu";
    private const string ApplicantCommunity = "620102001005";

    [Fact]
    [Trait("Clause", "A4.3")]
    public async Task A4_3_Municipal_campaign_runs_from_the_citys_template_and_county_quotas_to_the_municipal_title()
    {
        Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        try
        {
            // A4.3: the city keeps its own score template: a copy of the provincial one, published by the city.
            await SwitchUserAsync("lanzhou");
            await Page.ClickAsync("[data-testid=nav-templates]");
            (await Page.InnerTextAsync("[data-testid=city-templates-hint]")).ShouldContain("本市州");
            await Page.ClickAsync("[data-testid=templates] tr:has-text('2023-1') a:text('以此为基础新建版本')");
            await Page.FillAsync("#TemplateVersion", "兰州2026-1");
            await Page.FillAsync("#Name", "兰州市市级充分就业社区量化评分表");
            await Page.ClickAsync("button:text('保存为草稿')");
            await Page.ClickAsync("[data-testid=publish]");
            (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("已发布");
            await Page.GotoAsync(BaseUrl + "/Settings/Templates");
            (await Page.InnerTextAsync("[data-testid=templates]")).ShouldContain("兰州市人社局");
            await SaveScreenshotAsync("municipal-1-city-template");

            // The city creates the campaign with its own template; the quota is allocated per county and must add up.
            await Page.GotoAsync(BaseUrl + "/Campaigns/Create");
            (await Page.InnerTextAsync("[data-testid=municipal-hint]")).ShouldContain("不报省人社厅");
            (await Page.InputValueAsync("#TemplateVersion")).ShouldBe("兰州2026-1");
            await Page.FillAsync("#Name", CampaignName);
            await Page.FillAsync("#TotalQuota", "2");
            await Page.FillAsync("#PassMark", "85");
            await Page.ClickAsync("button:text('保存草稿')");
            (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("已创建批次");
            var campaignUrl = Page.Url;
            await Page.FillAsync("[data-testid=quota-620102]", "2");
            await Page.FillAsync("[data-testid=quota-620103]", "1");
            await Page.ClickAsync("button:text('保存名额分配')");
            (await Page.InnerTextAsync("[data-testid=action-error]")).ShouldContain("超过名额总数2个");
            await Page.FillAsync("[data-testid=quota-620102]", "1");
            await Page.FillAsync("[data-testid=quota-620103]", "1");
            await Page.ClickAsync("button:text('保存名额分配')");
            (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("名额分配已保存");
            await SaveScreenshotAsync("municipal-2-county-quotas");
            await Page.ClickAsync("button:text('发布并通知各县区')");
            (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("已发布");
            (await Page.InnerTextAsync("[data-testid=quotas]")).ShouldContain("城关区");
            await SaveScreenshotAsync("municipal-3-published");

            // The county got the in-system notice.
            await SwitchUserAsync("chengguan");
            await Page.GotoAsync(BaseUrl + "/Campaigns/Inbox");
            (await Page.InnerTextAsync("[data-testid=messages]")).ShouldContain(CampaignName);

            // A3.1: 东岗社区 is already a municipal community and is refused; A8.1: 酒泉路社区 applies and submits (no A5.1.1).
            await SwitchUserAsync("community");
            await Page.GotoAsync(campaignUrl);
            await Page.ClickAsync("[data-testid=apply]");
            (await Page.InnerTextAsync("[data-testid=action-error]")).ShouldContain("已是市级充分就业社区");
            await SwitchUserAsync(Applicant);
            await Page.GotoAsync(campaignUrl);
            await Page.ClickAsync("[data-testid=apply]");
            var applicationUrl = Page.Url;
            applicationUrl.ShouldContain("/Campaigns/Applications/");
            await ScoreEverythingAsync();
            await Page.ClickAsync("[data-testid=act-Submit] button");
            (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("县区初审中");

            // A8.2: 城关区 scores, inspects and forwards within its quota.
            await SwitchUserAsync("chengguan");
            await Page.GotoAsync(applicationUrl);
            await ScoreEverythingAsync();
            await Page.FillAsync("#Inspectors", "赵刚，钱丽");
            await Page.FillAsync("#Findings", "服务大厅、窗口、公开栏齐全，台账规范。");
            await Page.ClickAsync("button:text('保存考察记录')");
            await Page.ClickAsync("[data-testid=act-CountyForward] button");
            (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("市州评定中");

            // A8.3: the city scores and recommends; there is no forwarding to the province.
            await SwitchUserAsync("lanzhou");
            await Page.GotoAsync(applicationUrl);
            await ScoreEverythingAsync();
            await Page.ClickAsync("[data-testid=act-CityRecommend] button");
            (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("已列入市州推荐名单");
            (await Page.Locator("[data-testid=act-ForwardToProvince]").CountAsync()).ShouldBe(0);
            await Page.GotoAsync(campaignUrl);
            (await Page.InnerTextAsync("[data-testid=quotas]")).ShouldContain("城关区");
            await Page.ClickAsync("[data-testid=lists] a");
            var listUrl = Page.Url;
            (await Page.InnerTextAsync("[data-testid=entries]")).ShouldContain("酒泉路社区");
            await Page.WaitForFunctionAsync("document.querySelector('[data-testid=notice-closes]').textContent.includes('公示截止')");
            await Page.ClickAsync("button:text('发布公示')");
            (await Page.InnerTextAsync("[data-testid=notice]")).ShouldContain("公示中");

            // The public files an objection on the public site, without logging in.
            await Context.ClearCookiesAsync();
            await Page.GotoAsync(BaseUrl + "/Public");
            await Page.ClickAsync($"a:text('{CampaignName}推荐名单公示')");
            await Page.SelectOptionAsync("#Form_CandidateId", new SelectOptionValue { Index = 1 });
            await Page.FillAsync("#Form_Name", "李女士");
            await Page.FillAsync("#Form_Phone", "13900001111");
            await Page.FillAsync("#Form_Content", "该社区服务大厅面积与申报材料不符，请核实。");
            await Page.ClickAsync("button:text('提交异议')");
            (await Page.InnerTextAsync("[data-testid=receipt]")).ShouldContain("异议已提交");
            await SaveScreenshotAsync("municipal-4-public-objection");

            // The city answers it: dismissed, the candidate stays.
            await SwitchUserAsync("lanzhou");
            await Page.GotoAsync(listUrl);
            (await Page.InnerTextAsync("[data-testid=objections]")).ShouldContain("服务大厅面积");
            await SaveScreenshotAsync("municipal-5-objection-to-answer");
            await Page.FillAsync("[data-testid^=answer-] textarea", "经实地核查，服务大厅面积与申报一致，异议不成立。");
            await Page.ClickAsync("[data-testid^=answer-] button");
            (await Page.InnerTextAsync("[data-testid=objections]")).ShouldContain("异议不成立");

            // The notice period passes; the city fixes its list and certifies: the municipal title, plaque and announcement.
            Fixture.App.Clock.Offset += TimeSpan.FromDays(14);
            await SwitchUserAsync("lanzhou");
            await Page.GotoAsync(listUrl);
            (await Page.InnerTextAsync("[data-testid=sendup-form]")).ShouldNotContain("省人社厅");
            await Page.ClickAsync("[data-testid=sendup-form] button");
            (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("已确定");
            await Page.FillAsync("#DocumentNumber", "兰人社发〔2026〕66号");
            await Page.FillAsync($"[data-testid=plaque-{ApplicantCommunity}]", "SJ-2026-066");
            await SaveScreenshotAsync("municipal-6-city-certify");
            await Page.ClickAsync("button:text('认定并发布公告')");
            (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("市级称号已授予");

            // The certify form is gone; the result shows instead (a second certification could only be refused).
            (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("已认定");
            (await Page.Locator("[data-testid=certify-form]").CountAsync()).ShouldBe(0);
            var result = await Page.InnerTextAsync("[data-testid=certification]");
            result.ShouldContain("兰人社发〔2026〕66号");
            result.ShouldContain("SJ-2026-066");
            result.ShouldContain("市级充分就业社区");
            await SaveScreenshotAsync("municipal-7-certified-list");
            await Page.ClickAsync("[data-testid=announcement-link]");
            (await Page.InnerTextAsync("main")).ShouldContain("酒泉路社区");
            await SaveScreenshotAsync("municipal-8-public-announcement");

            // The community sees its municipal title and the message; the county was told too.
            await SwitchUserAsync(Applicant);
            await Page.GotoAsync(applicationUrl);
            var certified = await Page.InnerTextAsync("[data-testid=certified]");
            certified.ShouldContain("市级充分就业社区");
            certified.ShouldContain("SJ-2026-066");
            await Page.GotoAsync(BaseUrl + "/Campaigns/Inbox");
            (await Page.InnerTextAsync("[data-testid=messages]")).ShouldContain("酒泉路社区已被认定为市级充分就业社区");
            await SaveScreenshotAsync("municipal-9-community-inbox");
            await SwitchUserAsync("chengguan");
            await Page.GotoAsync(BaseUrl + "/Campaigns/Inbox");
            (await Page.InnerTextAsync("[data-testid=messages]")).ShouldContain("酒泉路社区已被认定为市级充分就业社区");
        }
        finally
        {
            Fixture.App.RewindClock();
        }
    }
}
