using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;

namespace FullEmployment.UnitTests.Campaigns;


/// <summary>
/// A8: each stage is its own officer's until its deadline; only after it may the organiser act in its place with a reason
/// (A8.2 county, A8.3 city, A8.4 province; A4.3 a municipal campaign's organising city).
/// </summary>
public sealed class StageDeadlineTests
{
    [Theory]
    [Trait("Clause", "A8.2")]
    [Trait("Clause", "A8")]
    [InlineData(ApplicationState.Submitted, "县区初审", 2025, 5, 31)]
    [InlineData(ApplicationState.ReturnedToCounty, "县区初审", 2025, 5, 31)]
    [InlineData(ApplicationState.Draft, "社区申报", 2025, 4, 30)]
    [InlineData(ApplicationState.ForwardedToCity, "市州评定", 2025, 6, 30)]
    [InlineData(ApplicationState.Recommended, "市州评定", 2025, 6, 30)]
    [InlineData(ApplicationState.ForwardedToProvince, "省级审核", 2025, 8, 31)]
    [InlineData(ApplicationState.Proposed, "省级审核", 2025, 8, 31)]
    public void A8_Each_open_state_is_judged_by_its_stages_deadline(ApplicationState state, string stage, int year, int month, int day)
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(state);

        application.Deadline(world.Campaign).ShouldBe(new StageDeadline(stage, new DateOnly(year, month, day)));
    }

    [Fact]
    [Trait("Clause", "A8.2")]
    public void A8_2_A_returned_application_waits_for_the_community_until_its_correction_date()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.ReturnedToCommunity);

        application.Deadline(world.Campaign).ShouldBe(new StageDeadline("退回修改", application.CorrectionDueDate!.Value));
    }

    [Fact]
    [Trait("Clause", "A4.3")]
    public void A4_3_A_municipal_candidate_on_the_citys_list_waits_for_the_citys_certification()
    {
        var world = new CampaignWorld(kind: CampaignKind.Municipal);
        var application = world.ApplicationIn(ApplicationState.Recommended);

        application.Deadline(world.Campaign).ShouldBe(new StageDeadline("市级认定", new DateOnly(2025, 8, 31)));
        world.CityList.Deadline(world.Campaign).ShouldBe(new StageDeadline("市级认定", new DateOnly(2025, 8, 31)));
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_A_citys_list_in_a_provincial_campaign_is_sent_up_by_the_city_deadline_and_the_proposed_list_by_the_provinces()
    {
        var world = new CampaignWorld();

        world.CityList.Deadline(world.Campaign).ShouldBe(new StageDeadline("市州评定", new DateOnly(2025, 6, 30)));
        world.ProposedList.Deadline(world.Campaign).ShouldBe(new StageDeadline("省级审核", new DateOnly(2025, 8, 31)));
    }

    [Fact]
    [Trait("Clause", "A8.2")]
    public void A8_2_Acting_in_the_countys_place_is_refused_until_its_deadline_has_ended_and_the_refusal_names_the_date()
    {
        var world = new CampaignWorld();
        var deadline = world.ApplicationIn(ApplicationState.Submitted).Deadline(world.Campaign)!;

        var refusal = deadline.OverrideRefusal(world.Campaign, CampaignWorld.At(2025, 5, 31, 23, 59));

        refusal.ShouldNotBeNull();
        refusal.ShouldContain("县区初审截止日期为2025年5月31日");
        refusal.ShouldContain("省人社厅只能在截止日期过后");
        deadline.OverrideRefusal(world.Campaign, CampaignWorld.At(2025, 6, 1, 0, 0)).ShouldBeNull();
    }

    [Fact]
    [Trait("Clause", "A8.2")]
    public void A8_2_In_a_municipal_campaign_the_refusal_names_the_organising_city()
    {
        var world = new CampaignWorld(kind: CampaignKind.Municipal);
        var deadline = world.ApplicationIn(ApplicationState.Submitted).Deadline(world.Campaign)!;

        deadline.OverrideRefusal(world.Campaign, world.Now)!.ShouldContain("组织创建的市州人社局只能在截止日期过后");
    }

    [Fact]
    [Trait("Clause", "A8")]
    public void A8_A_finished_application_has_no_stage_deadline()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.Submitted);
        application.Withdraw(CampaignWorld.Actor, world.Now);

        application.Deadline(world.Campaign).ShouldBeNull();
    }

    [Fact]
    [Trait("Clause", "A8.2")]
    public void A8_2_The_county_step_refuses_a_late_move_without_the_organisers_reason_naming_the_deadline()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.Submitted);
        world.Clock.SetUtcNow(CampaignWorld.At(2025, 6, 1, 0, 0));

        var late = Should.Throw<DomainException>(() => application.CountyReject(world.Campaign, ["材料不全"], CampaignWorld.Actor, world.Now));

        late.Message.ShouldBe("已超过县区初审截止日期（2025年5月31日24时），须由省人社厅填写延期理由后方可办理。");
        late.Clause.ShouldBe("A8");
    }

    [Theory]
    [Trait("Clause", "A16")]
    [InlineData(ApplicationState.Draft, ReviewLevel.County)]
    [InlineData(ApplicationState.Submitted, ReviewLevel.County)]
    [InlineData(ApplicationState.ReturnedToCommunity, ReviewLevel.County)]
    [InlineData(ApplicationState.ReturnedToCounty, ReviewLevel.County)]
    [InlineData(ApplicationState.ForwardedToCity, ReviewLevel.City)]
    [InlineData(ApplicationState.Recommended, ReviewLevel.City)]
    [InlineData(ApplicationState.ForwardedToProvince, ReviewLevel.Province)]
    [InlineData(ApplicationState.Proposed, ReviewLevel.Province)]
    public void A16_The_reviewing_level_of_an_open_application_is_the_stage_it_is_at(ApplicationState state, ReviewLevel level)
    {
        var world = new CampaignWorld();

        world.ApplicationIn(state).ReviewingLevel.ShouldBe(level);
    }

    [Fact]
    [Trait("Clause", "A16")]
    public void A16_A_finished_application_has_no_reviewing_level()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.Submitted);
        application.CountyReject(world.Campaign, ["材料不全"], CampaignWorld.Actor, world.Now);

        application.ReviewingLevel.ShouldBeNull();
        CampaignApplication.StateName(application.State).ShouldBe("县区不予推荐");
    }
}
