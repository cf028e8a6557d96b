using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Notices;
using FullEmployment.Application.Seeding;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Notices;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FullEmployment.IntegrationTests.Campaigns.CampaignData;

namespace FullEmployment.IntegrationTests.Campaigns;

public sealed class CampaignFlowTests
{
    [DatabaseTheory]
    [Trait("Clause", "A8")]
    public async Task A8_A_provincial_campaign_runs_end_to_end_to_a_granted_title_and_an_announcement(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var s = await new CampaignScenario(factory).PublishAsync();

        // A7: every city got the campaign notice.
        var inbox = await factory.As<Inbox, PagedResult<MessageView>>(Roles.CityOfficer, Lanzhou, i => i.ListAsync(new PageRequest()));
        inbox.Items.ShouldContain(m => m.RelatedId == s.CampaignId.ToString());

        // A8.1 → A8.3: apply, county forward, city recommend.
        var recommended = await s.RecommendedAsync();
        recommended.State.ShouldBe(ApplicationState.Recommended);
        var view = await s.ViewAsync(recommended.Id);
        view.Headline.Frozen.ShouldBeTrue();
        view.Headline.Indicators.Input.QualifiedStaffCount.ShouldBe(2);
        view.Sheets.Select(x => x.Level).ShouldBe([ReviewLevel.Self, ReviewLevel.County, ReviewLevel.City]);
        view.Sheets.ShouldAllBe(x => x.Total == 92m && x.Passes);

        // A8.3: notice of 5 working days from Monday 3 March 2025, an objection, answered.
        var list = await s.CityListAsync();
        list.Entries.Single().CommunityCode.ShouldBe(Donggang);
        list = await s.Lists(Roles.CityOfficer, Lanzhou, l => l.PublishNoticeAsync(
            new PublishNoticeInput(list.Id, list.Version, "兰州市2025年省级充分就业社区推荐名单公示", new DateOnly(2025, 3, 3))));
        list.Notice!.LastDay.ShouldBe(new DateOnly(2025, 3, 7));
        var open = await factory.As<PublicSite, IReadOnlyList<PublicNoticeView>>(Roles.CommunityStaff, "x", p => p.OpenNoticesAsync());
        open.Single().Candidates.Single().CommunityName.ShouldBe("东岗社区");
        open.Single().WorkingDaysLeft.ShouldBe(5);
        await factory.As<PublicSite, ObjectionReceipt>(Roles.CommunityStaff, "x", p => p.SubmitObjectionAsync(
            new ObjectionSubmission(list.Notice.Id, recommended.Id, "王某", "13812345678", "该社区台账有疑问")));
        list = await s.CityListAsync();
        list.Objections.Single().ObjectorPhone.ShouldBe("138****5678");
        list = await s.Lists(Roles.CityOfficer, Lanzhou, l => l.AnswerObjectionAsync(
            new AnswerObjectionInput(list.Id, list.Version, list.Objections.Single().Id, Uphold: false, "经核实台账完整，异议不成立")));

        // Send up only after 24:00 of the last day.
        s.SetChinaTime(2025, 3, 8, 0, 1);
        list = await s.Lists(Roles.CityOfficer, Lanzhou, l => l.SendUpAsync(new SendUpInput(list.Id, list.Version)));
        list.State.ShouldBe(CandidateListState.SentUp);
        var atProvince = await s.ViewAsync(recommended.Id);
        atProvince.State.ShouldBe(ApplicationState.ForwardedToProvince);

        // A8.4: review, on-site evaluation, proposed list, notice, certification.
        var a = await s.Scoring(Roles.ProvinceOfficer, Province, w => w.ScoreAsync(
            new ScoreInput(atProvince.Id, atProvince.Version, ReviewLevel.Province, CampaignScenario.FullJudged)));
        a = await s.Scoring(Roles.ProvinceOfficer, Province, w => w.RecordInspectionAsync(
            new InspectionInput(a.Id, a.Version, new DateOnly(2025, 3, 8), ["省厅甲", "省厅乙"], true, "符合省级标准")));
        a = await s.AtProvince(Roles.ProvinceOfficer, Province, w => w.ProposeAsync(new ActionInput(a.Id, a.Version)));
        a.State.ShouldBe(ApplicationState.Proposed);
        var proposed = await s.ProposedListAsync();
        proposed = await s.Lists(Roles.ProvinceOfficer, Province, l => l.PublishNoticeAsync(
            new PublishNoticeInput(proposed.Id, proposed.Version, "2025年省级充分就业社区拟认定名单公示", new DateOnly(2025, 3, 10))));
        s.SetChinaTime(2025, 3, 15);
        proposed = await s.Lists(Roles.ProvinceOfficer, Province, l => l.SendUpAsync(new SendUpInput(proposed.Id, proposed.Version)));
        await s.Lists(Roles.ProvinceOfficer, Province, l => l.CertifyAsync(
            new CertifyInput(proposed.Id, proposed.Version, "甘人社通〔2025〕18号", [new PlaqueAssignment(a.Id, "GS-2025-001")])));

        (await s.ViewAsync(a.Id)).State.ShouldBe(ApplicationState.Certified);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var community = await db.Communities.Include(c => c.Titles).SingleAsync(c => c.Code == Donggang);
        var title = community.Titles.Single(t => t.Level == TitleLevel.Provincial);
        title.DocumentNumber.ShouldBe("甘人社通〔2025〕18号");
        title.PlaqueNumber.ShouldBe("GS-2025-001");
        title.GrantedOn.ShouldBe(new DateOnly(2025, 3, 15));
        var announcement = await factory.As<PublicSite, PagedResult<AnnouncementView>>(Roles.CommunityStaff, "x", p => p.AnnouncementsAsync(new PageRequest()));
        announcement.Items.Single().Communities.Single().CommunityName.ShouldBe("东岗社区");
        foreach (var (role, code) in new[] { (Roles.CityOfficer, Lanzhou), (Roles.CountyOfficer, Chengguan), (Roles.CommunityStaff, Donggang) })
        {
            var messages = await factory.As<Inbox, PagedResult<MessageView>>(role, code, i => i.ListAsync(new PageRequest()));
            messages.Items.ShouldContain(m => m.RelatedId == a.Id.ToString());
        }

        var directory = await factory.As<PublicSite, PagedResult<DirectoryRow>>(Roles.CommunityStaff, "x",
            p => p.DirectoryAsync(new DirectoryFilter(TitleLevel.Provincial), new PageRequest()));
        directory.Items.ShouldContain(r => r.CommunityName == "东岗社区" && r.Level == "省级");
        (await db.AuditEvents.CountAsync(e => e.TargetType == "application" && e.TargetId == a.Id.ToString())).ShouldBeGreaterThan(8);
    }

    [DatabaseTheory(Database.Sqlite)]
    public async Task Demo_data_has_a_campaign_in_progress_with_every_stage_and_an_open_notice_with_an_objection(Database database)
    {
        await using var factory = CampaignData.Start(database);
        _ = factory.Server;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync("Demo#Passw0rd1", mustChangePassword: false);
            await scope.ServiceProvider.GetRequiredService<CampaignDemoData>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<CampaignDemoData>().SeedAsync();
        }

        var rows = await factory.As<ApplicationQueries, PagedResult<ApplicationRow>>(Roles.ProvinceOfficer, Province,
            w => w.ListAsync(new ApplicationFilter(), new PageRequest()));
        rows.Items.Select(r => r.State).ShouldBe([ApplicationState.Recommended, ApplicationState.Submitted, ApplicationState.ForwardedToCity,
            ApplicationState.ReturnedToCommunity, ApplicationState.Draft], ignoreOrder: true);
        var notices = await factory.As<PublicSite, IReadOnlyList<PublicNoticeView>>(Roles.CommunityStaff, "x", p => p.OpenNoticesAsync());
        notices.Single().Candidates.Single().CommunityName.ShouldBe("东岗社区");
        var todo = await factory.As<TodoList, IReadOnlyList<TodoItem>>(Roles.CityOfficer, Lanzhou, t => t.ForCurrentUserAsync());
        todo.ShouldContain(t => t.Title.Contains("1条异议待答复"));
        todo.ShouldContain(t => t.Title.StartsWith("西站社区", StringComparison.Ordinal));
        var countyTodo = await factory.As<TodoList, IReadOnlyList<TodoItem>>(Roles.CountyOfficer, Chengguan, t => t.ForCurrentUserAsync());
        countyTodo.ShouldContain(t => t.Title.StartsWith("草场街社区", StringComparison.Ordinal) && t.WorkingDaysLeft > 0);
    }

    [DatabaseTheory(Database.Sqlite)]
    public async Task Demo_data_has_an_untitled_community_with_its_own_account_and_a_national_round_with_a_draft_list(Database database)
    {
        await using var factory = CampaignData.Start(database);
        _ = factory.Server;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var accounts = await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync("Demo#Passw0rd1", mustChangePassword: false);
            accounts.ShouldContain(a => a.UserName == "jiuquanlu" && a.Role == Roles.CommunityStaff && a.ScopeCode == Yuanjiu);
            await scope.ServiceProvider.GetRequiredService<CampaignDemoData>().SeedAsync();

            // 酒泉路社区 may apply in a municipal campaign (A4.3): filed with civil affairs, no title.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var jiuquanlu = await db.Communities.AsNoTracking().Include(c => c.Titles).SingleAsync(c => c.Code == Yuanjiu);
            jiuquanlu.Name.ShouldBe("酒泉路社区");
            jiuquanlu.CivilAffairsFilingNumber.ShouldNotBeNullOrWhiteSpace();
            jiuquanlu.Titles.ShouldBeEmpty();
        }

        var rounds = await factory.As<CampaignAdministration, IReadOnlyList<CampaignRow>>(Roles.ProvinceOfficer, Province, c => c.ListAsync());
        var round = rounds.Single(r => r.Kind == CampaignKind.NationalRecommendation);
        round.StateName.ShouldBe("名单编制中");
        var list = await factory.As<NationalRounds, NationalRecommendationView>(Roles.ProvinceOfficer, Province, n => n.GetAsync(round.Id));
        list.Candidates.Select(c => c.CommunityName).ShouldBe(["雁南社区", "胜利社区"]);
        var todo = await factory.As<TodoList, IReadOnlyList<TodoItem>>(Roles.ProvinceOfficer, Province, t => t.ForCurrentUserAsync());
        todo.ShouldContain(t => t.Url == $"/Campaigns/National/{round.Id}" && t.Title.Contains("待报送人社部"));
    }

    [DatabaseTheory(Database.Sqlite)]
    [Trait("Clause", "A8.3")]
    [InlineData(2026, 12, 20)]
    [InlineData(2026, 12, 30)]
    [InlineData(2026, 12, 31)]
    public async Task A8_3_Demo_data_keeps_an_open_notice_near_a_year_end_whose_next_calendar_is_missing(Database database, int year, int month, int day)
    {
        await using var factory = CampaignData.Start(database);
        factory.Clock.SetUtcNow(new DateTimeOffset(year, month, day, 9, 0, 0, ChinaTime.Offset).ToUniversalTime());
        var notBuilt = await SeedDemoAsync(factory);

        notBuilt.ShouldBeEmpty();
        var notice = (await factory.As<PublicSite, IReadOnlyList<PublicNoticeView>>(Roles.CommunityStaff, "x", p => p.OpenNoticesAsync())).Single();
        notice.Candidates.Single().CommunityName.ShouldBe("东岗社区");
        var today = new DateOnly(year, month, day);
        notice.StartDate.ShouldBeLessThanOrEqualTo(today);
        notice.LastDay.ShouldBeGreaterThanOrEqualTo(today);
        notice.LastDay.Year.ShouldBe(2026);
    }

    [DatabaseTheory(Database.Sqlite)]
    [Trait("Clause", "A8.3")]
    [InlineData(2027, 3, 1)]
    [InlineData(2027, 12, 30)]
    public async Task A8_3_Demo_data_without_this_years_calendar_says_what_it_did_not_build_and_builds_the_rest(Database database, int year, int month, int day)
    {
        await using var factory = CampaignData.Start(database);
        factory.Clock.SetUtcNow(new DateTimeOffset(year, month, day, 9, 0, 0, ChinaTime.Offset).ToUniversalTime());
        var notBuilt = await SeedDemoAsync(factory);

        notBuilt.Single().ShouldContain($"{year}年");
        notBuilt.Single().ShouldContain("工作日历未配置");
        (await factory.As<PublicSite, IReadOnlyList<PublicNoticeView>>(Roles.CommunityStaff, "x", p => p.OpenNoticesAsync())).ShouldBeEmpty();
        var rows = await factory.As<ApplicationQueries, PagedResult<ApplicationRow>>(Roles.ProvinceOfficer, Province,
            w => w.ListAsync(new ApplicationFilter(), new PageRequest()));
        rows.Items.Select(r => r.State).ShouldBe([ApplicationState.Recommended, ApplicationState.Submitted, ApplicationState.ForwardedToCity,
            ApplicationState.ReturnedToCommunity, ApplicationState.Draft], ignoreOrder: true);
        var lists = await factory.As<AppDbContext, List<CandidateListState>>(Roles.ProvinceOfficer, Province,
            db => db.Set<RecommendationList>().AsNoTracking().Select(l => l.State).ToListAsync());
        lists.ShouldBe([CandidateListState.Draft]);
    }

    private static async Task<IReadOnlyList<string>> SeedDemoAsync(FullEmploymentFactory factory)
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync("Demo#Passw0rd1", mustChangePassword: false);
        return await scope.ServiceProvider.GetRequiredService<CampaignDemoData>().SeedAsync();
    }
}
