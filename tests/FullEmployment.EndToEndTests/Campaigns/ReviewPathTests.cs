using System.Text.Json;
using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Data;
using FullEmployment.Application.Identity;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using FullEmployment.EndToEndTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FullEmployment.EndToEndTests.Campaigns;

/// <summary>
/// The paths off the straight line (A8.2, A8.3, A16) through the UI: return for correction with a due date and resubmission,
/// the city sending one back to the county, the county's rejection with reasons, the province's disqualification.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ReviewPathTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Password = WebAppFixture.DemoPassword;
    private const string CampaignName = "端到端审核退回路径批次";
    private const string Donggang = "620102001001";
    private const string Caochang = "620102001004";
    private const string Xizhan = "620103001001";
    private const string CaochangStaff = "caochang-e2e";

    private static readonly AutoScoringInput Good = new(true, 2, 0.98m, 0, 0, 0, 0, 0, 0.97m, 0.93m, 1m, 0.9m, 1m, 1m, 1m, 0);

    [Fact]
    [Trait("Clause", "A8.2")]
    [Trait("Clause", "A8.3")]
    [Trait("Clause", "A16")]
    public async Task A8_2_A8_3_A16_Returned_resubmitted_sent_back_rejected_and_disqualified_applications_through_the_UI()
    {
        Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        var ids = await ArrangeAsync();
        var today = ChinaTime.Today(Fixture.App.Clock);
        var due = today.AddDays(7);

        // A8.2: the county returns 东岗's application for correction by a due date, saying what to fix.
        await SwitchUserAsync("chengguan");
        await Page.GotoAsync($"{BaseUrl}/Campaigns/Applications/{ids[Donggang]}");
        await Page.FillAsync("[data-testid=act-ReturnForCorrection] input[name=DueDate]", due.ToString("yyyy-MM-dd"));
        await Page.FillAsync("[data-testid=act-ReturnForCorrection] textarea[name=Remark]", "请补充就业困难人员一对一援助记录的佐证材料。");
        await Page.ClickAsync("[data-testid=act-ReturnForCorrection] button");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("退回社区修改");
        await SaveScreenshotAsync("review-1-county-returned");

        // The community finds it in its to-do list with the due date, reads the requirement, corrects and resubmits.
        await SwitchUserAsync("community");
        await Page.GotoAsync(BaseUrl + "/");
        var todo = Page.Locator($"#todo tr:has(a[href='/Campaigns/Applications/{ids[Donggang]}'])");
        (await todo.InnerTextAsync()).ShouldContain("退回社区修改");
        (await todo.InnerTextAsync()).ShouldContain(ChinaTime.Format(due));
        await SaveScreenshotAsync("review-2-community-todo");
        await todo.Locator("a").ClickAsync();
        var returned = await Page.InnerTextAsync("[data-testid=returned]");
        returned.ShouldContain(ChinaTime.Format(due));
        returned.ShouldContain("请补充就业困难人员一对一援助记录的佐证材料。");
        await Page.FillAsync("#Form_Narrative", "已补充就业困难人员一对一援助记录，并上传佐证材料。");
        await Page.ClickAsync("button:text('保存申报表')");
        (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("申报表已保存");
        await Page.ClickAsync("[data-testid=act-Resubmit] button");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("县区初审中");
        (await Page.Locator("[data-testid=returned]").CountAsync()).ShouldBe(0);
        await SaveScreenshotAsync("review-3-community-resubmitted");

        // The county now scores, inspects and forwards the corrected application.
        await SwitchUserAsync("chengguan");
        await Page.GotoAsync($"{BaseUrl}/Campaigns/Applications/{ids[Donggang]}");
        (await Page.InnerTextAsync("main")).ShouldContain("已补充就业困难人员一对一援助记录");
        await ScoreEverythingAsync();
        await Page.FillAsync("#Inspectors", "赵刚，钱丽");
        await Page.FillAsync("#Findings", "整改到位，台账规范。");
        await Page.ClickAsync("button:text('保存考察记录')");
        await Page.ClickAsync("[data-testid=act-CountyForward] button");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("市州评定中");

        // A8.3: the city sends 草场街's application back to the county with its reason.
        await SwitchUserAsync("lanzhou");
        await Page.GotoAsync($"{BaseUrl}/Campaigns/Applications/{ids[Caochang]}");
        await Page.FillAsync("[data-testid=act-CityReturnToCounty] textarea[name=Remark]", "县区评分依据不足，请复核后重新报送。");
        await Page.ClickAsync("[data-testid=act-CityReturnToCounty] button");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("退回县区");
        (await Page.Locator("[data-testid=actions]").CountAsync()).ShouldBe(0);
        await SaveScreenshotAsync("review-4-city-returned-to-county");

        // A8.2: the county sees it waiting, reads why, and rejects it with two reasons.
        await SwitchUserAsync("chengguan");
        await Page.GotoAsync(BaseUrl + "/");
        await Page.ClickAsync($"#todo a[href='/Campaigns/Applications/{ids[Caochang]}']");
        (await Page.InnerTextAsync("[data-testid=returned]")).ShouldContain("县区评分依据不足，请复核后重新报送。");
        await Page.FillAsync("[data-testid=act-CountyReject] textarea[name=Reasons]", "就业困难人员就业率未达到95%\n台账超过90天未更新");
        await Page.ClickAsync("[data-testid=act-CountyReject] button");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("县区不予推荐");

        // The community reads the reasons and can do nothing more with the application.
        await SwitchUserAsync(CaochangStaff);
        await Page.GotoAsync($"{BaseUrl}/Campaigns/Applications/{ids[Caochang]}");
        var reasons = await Page.InnerTextAsync("[data-testid=rejection-reasons]");
        reasons.ShouldContain("就业困难人员就业率未达到95%");
        reasons.ShouldContain("台账超过90天未更新");
        (await Page.Locator("[data-testid=actions]").CountAsync()).ShouldBe(0);
        await SaveScreenshotAsync("review-5-community-sees-rejection");

        // A16: the province disqualifies 西站's application for falsified ledger entries.
        await SwitchUserAsync("province");
        await Page.GotoAsync($"{BaseUrl}/Campaigns/Applications/{ids[Xizhan]}");
        await Page.FillAsync("[data-testid=act-Disqualify] textarea[name=DisqualifyReason]", "台账中3名人员的就业登记系虚构。");
        await Page.FillAsync("[data-testid=act-Disqualify] textarea[name=DisqualifyEvidence]", "电话回访及社保缴费记录核查。");
        await Page.ClickAsync("[data-testid=act-Disqualify] button");
        (await Page.InnerTextAsync("[data-testid=state]")).ShouldBe("已取消申报资格");
        (await Page.InnerTextAsync("[data-testid=disqualified]")).ShouldContain("台账中3名人员的就业登记系虚构。");
        (await Page.Locator("[data-testid=actions]").CountAsync()).ShouldBe(0);
        await SaveScreenshotAsync("review-6-province-disqualified");

        // The county, whose application it was, sees the outcome and has nothing left to do.
        await SwitchUserAsync("lanzhou");
        await Page.GotoAsync($"{BaseUrl}/Campaigns/Applications/{ids[Xizhan]}");
        (await Page.InnerTextAsync("[data-testid=disqualified]")).ShouldContain("本批次不得再申报");
    }

    /// <summary>
    /// A fresh published provincial campaign (so the demo one stays as other tests expect) with 东岗 and 西站 at the county
    /// and 草场街 at the city, plus a staff account for 草场街. Arranged on the domain like the demo seed; every review step is UI.
    /// </summary>
    private async Task<Dictionary<string, Guid>> ArrangeAsync()
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = Fixture.App.Clock;
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var template = await db.Set<ScoreTemplate>().AsNoTracking().SingleAsync(t => t.TemplateVersion == DefaultScoreTemplate.Version);
        var years = await db.Set<Campaign>().Where(c => c.Kind == CampaignKind.Provincial && c.State != CampaignState.Closed)
            .Select(c => c.CreationYear).ToListAsync();
        var campaign = new Campaign(CampaignKind.Provincial, "620000", CampaignName, today.Year, 3, template,
            new AssessmentPeriod(new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31)),
            new StageDeadlines(today.AddDays(30), today.AddDays(60), today.AddDays(90), today.AddDays(150)),
            ProvincialCycle.Check(today.Year, years, "端到端测试另设批次。"));
        campaign.AllocateQuota("620100", 3);
        campaign.Publish(now);
        db.Add(campaign);

        var ids = new Dictionary<string, Guid>();
        foreach (var code in new[] { Donggang, Caochang, Xizhan })
        {
            var community = await db.Communities.SingleAsync(c => c.Code == code);
            var application = new CampaignApplication(campaign, community.Id, community.Code, community.Name, community.CityCode, community.CountyCode,
                "端到端测试", now);
            FillJudged(application.OpenScoreSheet(ReviewLevel.Self, template, Good));
            db.Add(application);
            db.Add(new ApplicationDossier
            {
                ApplicationId = application.Id,
                FormJson = JsonSerializer.Serialize(new ApplicationForm(3200, 8600, 5400, 120m, "社区主任", "0931-8000000",
                    [new FormStaff("张敏", "本科", true, "就业服务专干")], $"{community.Name}建有就业服务站。"), new JsonSerializerOptions(JsonSerializerDefaults.Web)),
                SnapshotJson = JsonSerializer.Serialize(new IndicatorSnapshot(today, campaign.AssessmentPeriod.Start, campaign.AssessmentPeriod.End, Good, []),
                    new JsonSerializerOptions(JsonSerializerDefaults.Web)),
                SnapshotTakenAt = now,
            });
            application.Submit(campaign, new ApplicantEligibility(true, true, false, true), "端到端测试", now);
            if (code == Caochang)
            {
                FillJudged(application.OpenScoreSheet(ReviewLevel.County, template, Good));
                application.RecordInspection(ReviewLevel.County, today, ["王建国", "刘芳"], true, "场地、制度、台账均符合要求");
                application.CountyForward(campaign, new CountyQuotaUse(application.CountyStepRegionCode, 0), "端到端测试", now);
            }

            ids[code] = application.Id;
        }

        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .AddAsync(new NewUser(CaochangStaff, "草场街社区工作人员", Roles.CommunityStaff, Caochang, Password, false), checkActor: false);
        return ids;
    }

    private static void FillJudged(ScoreSheet sheet)
    {
        foreach (var line in sheet.Lines.Where(l => l.Mode == ScoringMode.Judged))
        {
            sheet.Judge(line.Number, line.MaxPoints, null);
        }
    }
}
