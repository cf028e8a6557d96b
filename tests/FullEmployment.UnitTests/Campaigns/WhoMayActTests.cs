using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Regions;
using static FullEmployment.Domain.Campaigns.ApplicationAction;

namespace FullEmployment.UnitTests.Campaigns;

/// <summary>
/// A8: who may take which action on an application now, with which deadline and whether a late reason is required: the
/// domain's one answer (<see cref="CampaignApplication.OptionsFor"/>) that pages and the API show and that the server's
/// check (<see cref="CampaignApplication.RefusalOf"/>) agrees with.
/// </summary>
public sealed class WhoMayActTests
{
    private static readonly CampaignActor County = new(Roles.CountyOfficer, CampaignWorld.Chengguan);
    private static readonly CampaignActor OtherCounty = new(Roles.CountyOfficer, CampaignWorld.Qilihe);
    private static readonly CampaignActor City = new(Roles.CityOfficer, CampaignWorld.Lanzhou);
    private static readonly CampaignActor OtherCity = new(Roles.CityOfficer, CampaignWorld.Jiayuguan);
    private static readonly CampaignActor Province = new(Roles.ProvinceOfficer, CampaignWorld.Province);
    private static readonly CampaignActor OtherCommunity = new(Roles.CommunityStaff, CampaignWorld.Chengguan + "009999");

    public enum Who
    {
        Community,
        County,
        City,
        Province,
        OtherCommunity,
        OtherCounty,
        OtherCity,
    }

    /// <summary>Before every deadline (3 March 2025): each open state's actions, by actor (list moves are made on the list's page).</summary>
    public static TheoryData<ApplicationState, Who, ApplicationAction[]> BeforeDeadlines() => new()
    {
        { ApplicationState.Draft, Who.Community, [Submit, Withdraw] },
        { ApplicationState.Draft, Who.County, [Disqualify] },
        { ApplicationState.Draft, Who.City, [] },
        { ApplicationState.Draft, Who.Province, [Disqualify] },
        { ApplicationState.Submitted, Who.Community, [Withdraw] },
        { ApplicationState.Submitted, Who.County, [ReturnForCorrection, CountyForward, CountyReject, Disqualify] },
        { ApplicationState.Submitted, Who.City, [] },
        { ApplicationState.Submitted, Who.Province, [Disqualify] },
        { ApplicationState.ReturnedToCommunity, Who.Community, [Withdraw, Resubmit] },
        { ApplicationState.ReturnedToCommunity, Who.County, [Disqualify] },
        { ApplicationState.ReturnedToCommunity, Who.Province, [Disqualify] },
        { ApplicationState.ForwardedToCity, Who.Community, [] },
        { ApplicationState.ForwardedToCity, Who.County, [] },
        { ApplicationState.ForwardedToCity, Who.City, [CityRecommend, CityReturnToCounty, CityReject, Disqualify] },
        { ApplicationState.ForwardedToCity, Who.Province, [Disqualify] },
        { ApplicationState.ReturnedToCounty, Who.County, [ReturnForCorrection, CountyForward, CountyReject, Disqualify] },
        { ApplicationState.ReturnedToCounty, Who.City, [] },
        { ApplicationState.Recommended, Who.City, [Disqualify] },
        { ApplicationState.Recommended, Who.County, [] },
        { ApplicationState.Recommended, Who.Province, [Disqualify] },
        { ApplicationState.ForwardedToProvince, Who.City, [] },
        { ApplicationState.ForwardedToProvince, Who.Province, [Propose, NotCertify, Disqualify] },
        { ApplicationState.Proposed, Who.Province, [Disqualify] },
        { ApplicationState.Certified, Who.Province, [] },
        { ApplicationState.RejectedByCounty, Who.Community, [] },
        { ApplicationState.Submitted, Who.OtherCommunity, [] },
        { ApplicationState.Submitted, Who.OtherCounty, [] },
        { ApplicationState.ForwardedToCity, Who.OtherCity, [] },
        { ApplicationState.ForwardedToCity, Who.OtherCounty, [] },
    };

    [Theory]
    [Trait("Clause", "A8.1")]
    [Trait("Clause", "A8.2")]
    [Trait("Clause", "A8.3")]
    [Trait("Clause", "A8.4")]
    [Trait("Clause", "A16")]
    [MemberData(nameof(BeforeDeadlines))]
    public void A8_Before_the_deadlines_each_stage_is_its_own_officers_and_the_wrong_role_or_region_gets_nothing(ApplicationState state, Who who,
        ApplicationAction[] expected)
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(state);

        var options = application.OptionsFor(ActorFor(who, application), world.Campaign, world.Now);

        options.Actions.Select(p => p.Action).ShouldBe(expected, ignoreOrder: true);
        options.Actions.ShouldAllBe(p => !p.LateReasonRequired);
    }

    [Fact]
    [Trait("Clause", "A8.2")]
    [Trait("Clause", "A8")]
    public void A8_2_After_the_county_deadline_the_county_may_no_longer_act_and_the_province_acts_with_a_reason()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.Submitted);
        world.Clock.SetUtcNow(CampaignWorld.At(2025, 6, 1, 0, 0));

        var county = application.OptionsFor(County, world.Campaign, world.Now);
        var province = application.OptionsFor(Province, world.Campaign, world.Now);

        // A16 has no deadline: the county may still disqualify, without a reason.
        county.Actions.ShouldBe([new PermittedAction(Disqualify, null, false)]);
        var deadline = new StageDeadline("县区初审", new DateOnly(2025, 5, 31));
        province.Actions.ShouldBe([
            new PermittedAction(ReturnForCorrection, deadline, true), new PermittedAction(CountyForward, deadline, true),
            new PermittedAction(CountyReject, deadline, true), new PermittedAction(Disqualify, null, false)], ignoreOrder: true);
    }

    [Fact]
    [Trait("Clause", "A8.2")]
    public void A8_2_A_returned_application_is_late_after_its_correction_date_not_the_application_deadline()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.ReturnedToCommunity);
        var due = application.CorrectionDueDate!.Value;
        world.Clock.SetUtcNow(ChinaTime.EndOf(due));

        // Still before the application deadline (30 April), yet the correction date has passed.
        ChinaTime.Today(world.Clock).ShouldBeLessThan(world.Campaign.Deadlines.Application);
        application.OptionsFor(new CampaignActor(Roles.CommunityStaff, application.CommunityCode), world.Campaign, world.Now)
            .Actions.Select(p => p.Action).ShouldBe([Withdraw]);
        application.PermitFor(Resubmit, Province, world.Campaign, world.Now)
            .ShouldBe(new PermittedAction(Resubmit, new StageDeadline("退回修改", due), true));
    }

    [Fact]
    [Trait("Clause", "A8.2")]
    public void A8_2_In_a_city_without_counties_the_city_officer_does_the_county_step()
    {
        var world = new CampaignWorld();
        var application = world.NewApplication(CampaignWorld.Jiayuguan, "");
        world.Perform(application, Submit);
        var jiayuguan = new CampaignActor(Roles.CityOfficer, CampaignWorld.Jiayuguan);

        application.OptionsFor(jiayuguan, world.Campaign, world.Now).Actions.Select(p => p.Action)
            .ShouldBe([ReturnForCorrection, CountyForward, CountyReject, Disqualify], ignoreOrder: true);
        application.OptionsFor(jiayuguan, world.Campaign, world.Now).ScoringLevel.ShouldBe(ReviewLevel.County);
        application.OptionsFor(jiayuguan, world.Campaign, world.Now).MayInspect.ShouldBeTrue();
        application.OptionsFor(new CampaignActor(Roles.CountyOfficer, CampaignWorld.Jiayuguan), world.Campaign, world.Now).Actions.ShouldBeEmpty();
        application.OptionsFor(City, world.Campaign, world.Now).Actions.ShouldBeEmpty();
    }

    [Fact]
    [Trait("Clause", "A4.3")]
    [Trait("Clause", "A8")]
    public void A4_3_In_a_municipal_campaign_the_organising_city_acts_late_and_the_province_never()
    {
        var world = new CampaignWorld(kind: CampaignKind.Municipal);
        var application = world.ApplicationIn(ApplicationState.Submitted);
        world.Clock.SetUtcNow(CampaignWorld.At(2025, 6, 1, 0, 0));

        application.OptionsFor(City, world.Campaign, world.Now).Actions.Where(p => p.LateReasonRequired).Select(p => p.Action)
            .ShouldBe([ReturnForCorrection, CountyForward, CountyReject], ignoreOrder: true);
        application.OptionsFor(Province, world.Campaign, world.Now).Actions.ShouldBeEmpty();
    }

    [Theory]
    [Trait("Clause", "A6")]
    [Trait("Clause", "A8.2")]
    [Trait("Clause", "A8.4")]
    [InlineData(ApplicationState.Draft, Who.Community, ReviewLevel.Self, false, true)]
    [InlineData(ApplicationState.ReturnedToCommunity, Who.Community, ReviewLevel.Self, false, true)]
    [InlineData(ApplicationState.Submitted, Who.Community, null, false, false)]
    [InlineData(ApplicationState.Submitted, Who.County, ReviewLevel.County, true, false)]
    [InlineData(ApplicationState.Submitted, Who.Province, null, false, false)]
    [InlineData(ApplicationState.ForwardedToCity, Who.City, ReviewLevel.City, false, false)]
    [InlineData(ApplicationState.ForwardedToProvince, Who.Province, ReviewLevel.Province, true, false)]
    [InlineData(ApplicationState.ForwardedToProvince, Who.City, null, false, false)]
    public void A6_Each_level_scores_and_inspects_only_while_it_holds_the_application(ApplicationState state, Who who, ReviewLevel? scoring,
        bool mayInspect, bool mayEditDossier)
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(state);

        var options = application.OptionsFor(ActorFor(who, application), world.Campaign, world.Now);

        options.ScoringLevel.ShouldBe(scoring);
        options.MayInspect.ShouldBe(mayInspect);
        options.MayEditDossier.ShouldBe(mayEditDossier);
    }

    public static TheoryData<ApplicationState, Who, int, int> EveryStateActorAndDate()
    {
        var data = new TheoryData<ApplicationState, Who, int, int>();
        ApplicationState[] states =
        [
            ApplicationState.Draft, ApplicationState.Submitted, ApplicationState.ReturnedToCommunity, ApplicationState.ForwardedToCity,
            ApplicationState.ReturnedToCounty, ApplicationState.Recommended, ApplicationState.ForwardedToProvince, ApplicationState.Proposed,
        ];
        foreach (var state in states)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                // Before every deadline, between the county's and the city's, and after all of them.
                foreach (var (month, day) in new[] { (3, 3), (6, 1), (9, 1) })
                {
                    data.Add(state, who, month, day);
                }
            }
        }

        return data;
    }

    [Theory]
    [Trait("Clause", "A8")]
    [MemberData(nameof(EveryStateActorAndDate))]
    public void A8_What_the_page_offers_is_exactly_what_the_server_accepts(ApplicationState state, Who who, int month, int day)
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(state);
        // Reaching a list's state closes its notice a few days on; the earliest date then means "before every deadline".
        if (CampaignWorld.At(2025, month, day, 9, 0) > world.Now)
        {
            world.Clock.SetUtcNow(CampaignWorld.At(2025, month, day, 9, 0));
        }

        var actor = ActorFor(who, application);

        foreach (var action in Enum.GetValues<ApplicationAction>().Where(a => !CampaignApplication.ListActions.Contains(a) && application.Can(a)))
        {
            var permit = application.PermitFor(action, actor, world.Campaign, world.Now);
            var late = application.DeadlineOf(action, world.Campaign)?.HasPassed(world.Now) ?? false;
            // The server: no 403 for the reason given (or not), and the aggregate's own deadline check then needs one only when late.
            var accepted = late
                ? application.RefusalOf(action, actor, world.Campaign, world.Now, "延期理由", "拒绝") is null
                : application.RefusalOf(action, actor, world.Campaign, world.Now, null, "拒绝") is null;
            (permit is not null).ShouldBe(accepted, $"{state} {who} {action} {month}-{day}");
            permit?.LateReasonRequired.ShouldBe(late);
        }
    }

    [Theory]
    [Trait("Clause", "A8")]
    [InlineData(Who.County, "县区自行延期", "超过阶段截止日期办理须由省人社厅填写延期理由，其他角色不能填写。")]
    [InlineData(Who.Province, "延期理由", "县区初审截止日期为2025年5月31日，截止前由本环节的部门办理；省人社厅只能在截止日期过后填写延期理由代为办理。")]
    [InlineData(Who.City, null, "拒绝")]
    public void A8_The_server_refuses_a_reason_from_anyone_but_the_organiser_and_before_the_deadline(Who who, string? reason, string refusal)
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.Submitted);

        application.RefusalOf(CountyForward, ActorFor(who, application), world.Campaign, world.Now, reason, "拒绝").ShouldBe(refusal);
    }

    [Theory]
    [Trait("Clause", "A8.2")]
    [InlineData("620100", "620102", Roles.CountyOfficer, "620102")]
    [InlineData("620200", null, Roles.CityOfficer, "620200")]
    public void A8_2_The_county_step_is_the_countys_or_the_citys_without_counties(string city, string? county, string role, string region)
    {
        CountyStep.OfficerRole(county).ShouldBe(role);
        CountyStep.RegionOf(city, county).ShouldBe(region);
        CountyStep.IsOfficer(role, region, city, county).ShouldBeTrue();
        CountyStep.IsOfficer(role == Roles.CityOfficer ? Roles.CountyOfficer : Roles.CityOfficer, region, city, county).ShouldBeFalse();
        CountyStep.IsOfficer(role, "620103", city, county).ShouldBeFalse();
    }

    private static CampaignActor ActorFor(Who who, CampaignApplication application) => who switch
    {
        Who.Community => new CampaignActor(Roles.CommunityStaff, application.CommunityCode),
        Who.County => County,
        Who.City => City,
        Who.Province => Province,
        Who.OtherCommunity => OtherCommunity,
        Who.OtherCounty => OtherCounty,
        _ => OtherCity,
    };
}
