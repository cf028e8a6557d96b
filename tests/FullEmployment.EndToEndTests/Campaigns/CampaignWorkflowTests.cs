using System.Text;
using FullEmployment.Application.Notices;
using FullEmployment.EndToEndTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FullEmployment.EndToEndTests.Campaigns;

/// <summary>One provincial campaign through the UI (A7, A8.1–A8.4): publishing to certification.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CampaignWorkflowTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Community = "620102001001";

    [Fact]
    [Trait("Clause", "A8")]
    public async Task A8_Provincial_campaign_runs_from_publishing_to_certification_and_the_community_shows_the_provincial_title()
    {
        Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        try
        {
            // A4.2, A7: the province creates a second campaign in the cycle (with a reason), allocates and publishes.
            await SwitchUserAsync("province");
            await Page.GotoAsync(BaseUrl + "/Campaigns/Create");
            await Page.FillAsync("#Name", "端到端省级创建批次");
            await Page.FillAsync("#TotalQuota", "2");
            await Page.ClickAsync("button:text('保存草稿')");
            (await Page.InnerTextAsync("main form")).ShouldContain("A4.2");
            await Page.FillAsync("#CycleOverrideReason", "国家进度要求本年度增加一批。");
            await Page.ClickAsync("button:text('保存草稿')");
            (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("已创建批次");
            var campaignUrl = Page.Url;

            await Page.FillAsync("[data-testid=quota-620100]", "2");
            await Page.ClickAsync("button:text('保存名额分配')");
            (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("名额分配已保存");
            await Page.SetInputFilesAsync("#Attachment", new FilePayload
            {
                Name = "创建通知.pdf",
                MimeType = "application/pdf",
                Buffer = Encoding.UTF8.GetBytes("%PDF-1.4 notice"),
            });
            await Page.ClickAsync("button:text('发布并通知各市州')");
            (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("已发布");
            await SaveScreenshotAsync("campaign-1-published");

            // A8.1: the community applies, fills the form and its self-assessment, uploads evidence and submits.
            await SwitchUserAsync("community");
            await Page.GotoAsync(campaignUrl);
            await Page.ClickAsync("[data-testid=apply]");
            var applicationUrl = Page.Url;
            applicationUrl.ShouldContain("/Campaigns/Applications/");
            await Page.FillAsync("#Form_Households", "3200");
            await Page.FillAsync("#Form_Population", "8600");
            await Page.FillAsync("#Form_ContactName", "王主任");
            await Page.FillAsync("#Form_Staff_0__Name", "张敏");
            await Page.FillAsync("#Form_Staff_0__Education", "本科");
            await Page.FillAsync("#Form_Narrative", "社区建有就业服务站，实行一站式服务。");
            await Page.ClickAsync("button:text('保存申报表')");
            (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("申报表已保存");
            await ScoreEverythingAsync();
            await Page.SetInputFilesAsync("#EvidenceFile", new FilePayload
            {
                Name = "就业援助台账.pdf",
                MimeType = "application/pdf",
                Buffer = Encoding.UTF8.GetBytes("%PDF-1.4 evidence"),
            });
            await Page.ClickAsync("[data-testid=evidence-upload] button");
            (await Page.InnerTextAsync("[data-testid=evidence]")).ShouldContain("就业援助台账.pdf");
            await Page.ClickAsync("[data-testid=act-Submit] button");
            (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("县区初审中");
            await SaveScreenshotAsync("campaign-2-submitted");

            // A8.2: the county scores, inspects with two inspectors and a photo, and forwards.
            await SwitchUserAsync("chengguan");
            await Page.GotoAsync(applicationUrl);
            await ScoreEverythingAsync();
            await Page.FillAsync("#Inspectors", "赵刚，钱丽");
            await Page.FillAsync("#Findings", "服务大厅、窗口、公开栏齐全，台账规范。");
            await Page.SetInputFilesAsync("#Photos", new FilePayload { Name = "现场.jpg", MimeType = "image/jpeg", Buffer = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10] });
            await Page.ClickAsync("button:text('保存考察记录')");
            (await Page.InnerTextAsync("main")).ShouldContain("赵刚、钱丽");
            await Page.ClickAsync("[data-testid=act-CountyForward] button");
            (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("市州评定中");
            await SaveScreenshotAsync("campaign-3-county-forwarded");

            // A8.3: the city scores, recommends, publishes the notice; an objection comes in and is dismissed.
            await SwitchUserAsync("lanzhou");
            await Page.GotoAsync(applicationUrl);
            await ScoreEverythingAsync();
            await Page.ClickAsync("[data-testid=act-CityRecommend] button");
            await Page.GotoAsync(campaignUrl);
            await Page.ClickAsync("[data-testid=lists] a");
            (await Page.InnerTextAsync("[data-testid=entries]")).ShouldContain("东岗社区");
            (await Page.GetAttributeAsync("[data-testid=sendup-form] button", "disabled")).ShouldNotBeNull();
            await Page.WaitForFunctionAsync("document.querySelector('[data-testid=notice-closes]').textContent.includes('公示截止')");
            await Page.ClickAsync("button:text('发布公示')");
            (await Page.InnerTextAsync("[data-testid=notice]")).ShouldContain("公示中");
            var listUrl = Page.Url;
            await FileObjectionAsync();
            await Page.ReloadAsync();
            await SaveScreenshotAsync("campaign-4-city-notice-with-objection");
            await Page.FillAsync("[data-testid^=answer-] textarea", "经核查，就业困难人员就业率数据与台账一致，异议不成立。");
            await Page.ClickAsync("[data-testid^=answer-] button");
            (await Page.InnerTextAsync("[data-testid=objections]")).ShouldContain("异议不成立");

            // The notice period passes (5 working days, counted on the calendar).
            Fixture.App.Clock.Offset += TimeSpan.FromDays(14);
            await SwitchUserAsync("lanzhou");
            await Page.GotoAsync(listUrl);
            await Page.ClickAsync("[data-testid=sendup-form] button");
            (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("已报送");
            await SaveScreenshotAsync("campaign-5-city-sent-up");
            await Page.GotoAsync(BaseUrl + "/Campaigns/Inbox");
            (await Page.InnerTextAsync("[data-testid=messages]")).ShouldContain("端到端省级创建批次");
            (await Page.InnerTextAsync("[data-testid=messages]")).ShouldContain("创建通知.pdf");

            // A8.4: the province reviews on site, proposes, publishes its notice, confirms the list and certifies.
            await SwitchUserAsync("province");
            await Page.GotoAsync(applicationUrl);
            await ScoreEverythingAsync();
            await Page.FillAsync("#Inspectors", "孙伟，周敏");
            await Page.FillAsync("#Findings", "实地考评合格。");
            await Page.ClickAsync("button:text('保存考察记录')");
            await Page.ClickAsync("[data-testid=act-Propose] button");
            (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("已列入拟认定名单");
            await Page.GotoAsync(campaignUrl);
            await Page.ClickAsync("[data-testid=lists] a:text('省级拟认定名单')");
            await Page.ClickAsync("button:text('发布公示')");
            var proposedUrl = Page.Url;
            Fixture.App.Clock.Offset += TimeSpan.FromDays(14);
            await SwitchUserAsync("province");
            await Page.GotoAsync(proposedUrl);
            await Page.ClickAsync("[data-testid=sendup-form] button");
            await Page.FillAsync("#DocumentNumber", "甘人社发〔2026〕99号");
            await Page.FillAsync($"[data-testid=plaque-{Community}]", "GS-2026-099");
            await SaveScreenshotAsync("campaign-6-province-certify");
            await Page.ClickAsync("button:text('认定并发布公告')");
            (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("已认定");

            // The community sees its provincial title and the message.
            await SwitchUserAsync("community");
            await Page.GotoAsync(applicationUrl);
            var certified = await Page.InnerTextAsync("[data-testid=certified]");
            certified.ShouldContain("省级充分就业社区");
            certified.ShouldContain("GS-2026-099");
            await SaveScreenshotAsync("campaign-7-certified");
            await Page.GotoAsync(BaseUrl + "/Campaigns/Inbox");
            (await Page.InnerTextAsync("[data-testid=messages]")).ShouldContain("省级充分就业社区");
            await SaveScreenshotAsync("campaign-8-inbox");
        }
        finally
        {
            Fixture.App.RewindClock();
        }
    }

    /// <summary>The public site's objection form is built elsewhere: the objection is filed through the same use case.</summary>
    private async Task FileObjectionAsync()
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var site = scope.ServiceProvider.GetRequiredService<PublicSite>();
        var notice = (await site.OpenNoticesAsync()).Single(n => n.CampaignName == "端到端省级创建批次");
        await site.SubmitObjectionAsync(new ObjectionSubmission(notice.Id, notice.Candidates.Single().CandidateId, "李女士", "13900001111",
            "该社区服务大厅面积与申报不符。"));
    }
}
