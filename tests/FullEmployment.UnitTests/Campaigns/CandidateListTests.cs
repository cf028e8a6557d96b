using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Notices;

namespace FullEmployment.UnitTests.Campaigns;

// Inside the namespace: FullEmployment.Application (the project) would otherwise win the lookup.

public class CandidateListTests
{
    private const string Actor = CampaignWorld.Actor;

    private static CampaignApplication Forwarded(CampaignWorld world, string city = CampaignWorld.Lanzhou, decimal cityScore = 100m)
    {
        var application = world.NewApplication(city);
        application.Submit(world.Campaign, CampaignWorld.Eligible, Actor, world.Now);
        world.PrepareCounty(application);
        application.CountyForward(world.Campaign, world.QuotaUse(application), Actor, world.Now);
        world.PrepareCity(application);
        if (cityScore < 100m)
        {
            application.SheetFor(ReviewLevel.City)!.Judge("1.2", 4m - (100m - cityScore), "扣分");
        }

        return application;
    }

    private static (CampaignWorld World, CampaignApplication A, CampaignApplication B) TwoUnderNotice()
    {
        var world = new CampaignWorld();
        var a = Forwarded(world);
        var b = Forwarded(world);
        a.CityRecommend(world.Campaign, world.CityList, Actor, world.Now);
        b.CityRecommend(world.Campaign, world.CityList, Actor, world.Now);
        world.CityList.PublishNotice("兰州市推荐名单公示", world.Today, 5, CampaignWorld.Calendar);
        return (world, a, b);
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Recommendation_list_cannot_exceed_city_quota()
    {
        var world = new CampaignWorld();
        var first = Forwarded(world);
        var second = Forwarded(world);
        var third = Forwarded(world);
        first.CityRecommend(world.Campaign, world.CityList, Actor, world.Now);
        second.CityRecommend(world.Campaign, world.CityList, Actor, world.Now);

        var ex = Should.Throw<DomainException>(() => third.CityRecommend(world.Campaign, world.CityList, Actor, world.Now));

        ex.Message.ShouldContain("已达名额上限2个");
        ex.Clause.ShouldBe("A8.3");
        third.State.ShouldBe(ApplicationState.ForwardedToCity);
        world.CityList.Entries.Count.ShouldBe(2);
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_A_city_without_quota_cannot_open_a_list()
    {
        var world = new CampaignWorld();
        Should.Throw<DomainException>(() => new RecommendationList(world.Campaign, "629999")).Clause.ShouldBe("A8.3");
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_A_city_can_only_recommend_its_own_communities()
    {
        var world = new CampaignWorld();
        var fromJiayuguan = Forwarded(world, CampaignWorld.Jiayuguan);

        Should.Throw<DomainException>(() => fromJiayuguan.CityRecommend(world.Campaign, world.CityList, Actor, world.Now))
            .Message.ShouldContain("本市州");
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Entries_are_ranked_by_city_score()
    {
        var world = new CampaignWorld();
        var lower = Forwarded(world, cityScore: 98m);
        var higher = Forwarded(world);
        lower.CityRecommend(world.Campaign, world.CityList, Actor, world.Now);
        higher.CityRecommend(world.Campaign, world.CityList, Actor, world.Now);

        world.CityList.Entries.Single(e => e.ApplicationId == higher.Id).Rank.ShouldBe(1);
        world.CityList.Entries.Single(e => e.ApplicationId == lower.Id).Rank.ShouldBe(2);
        world.CityList.Entries.Single(e => e.ApplicationId == lower.Id).Score.ShouldBe(98m);
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_No_candidate_can_be_added_once_the_list_is_under_notice()
    {
        var world = new CampaignWorld();
        var first = Forwarded(world);
        var second = Forwarded(world);
        first.CityRecommend(world.Campaign, world.CityList, Actor, world.Now);
        world.CityList.PublishNotice("公示", world.Today, 5, CampaignWorld.Calendar);

        Should.Throw<DomainException>(() => second.CityRecommend(world.Campaign, world.CityList, Actor, world.Now));
        second.State.ShouldBe(ApplicationState.ForwardedToCity);
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_An_empty_list_cannot_be_published()
    {
        var world = new CampaignWorld();
        Should.Throw<DomainException>(() => world.CityList.PublishNotice("公示", world.Today, 5, CampaignWorld.Calendar));
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_List_notice_must_last_at_least_5_working_days()
    {
        var world = new CampaignWorld();
        Forwarded(world).CityRecommend(world.Campaign, world.CityList, Actor, world.Now);

        Should.Throw<DomainException>(() => world.CityList.PublishNotice("公示", world.Today, 3, CampaignWorld.Calendar));
        world.CityList.State.ShouldBe(CandidateListState.Draft);
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_List_cannot_go_up_before_the_notice_closes()
    {
        var (world, _, _) = TwoUnderNotice();
        world.Clock.SetUtcNow(world.CityList.Notice!.ClosesAt.AddMinutes(-1));

        var ex = Should.Throw<DomainException>(() => world.CityList.SendUp(world.Now));

        ex.Message.ShouldContain("公示期满前不能报送");
        world.CityList.State.ShouldBe(CandidateListState.UnderNotice);
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_List_cannot_go_up_with_an_unanswered_objection()
    {
        var (world, a, _) = TwoUnderNotice();
        world.CityList.SubmitObjection(a.Id, "群众", "该社区台账不实", world.Now);
        world.Clock.SetUtcNow(world.CityList.Notice!.ClosesAt);

        var ex = Should.Throw<DomainException>(() => world.CityList.SendUp(world.Now));

        ex.Message.ShouldContain("尚有1条异议未答复");
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Upheld_objection_removes_the_candidate_from_the_list()
    {
        var (world, a, b) = TwoUnderNotice();
        var objection = world.CityList.SubmitObjection(a.Id, "群众", "该社区虚报就业人数", world.Now);

        world.CityList.UpholdObjection(a, objection.Id, "经核实，异议成立", Actor, world.Now);

        objection.Status.ShouldBe(ObjectionStatus.Upheld);
        objection.Reply.ShouldBe("经核实，异议成立");
        world.CityList.Contains(a.Id).ShouldBeFalse();
        world.CityList.Entries.ShouldHaveSingleItem().Rank.ShouldBe(1);
        a.State.ShouldBe(ApplicationState.RemovedByObjection);
        b.State.ShouldBe(ApplicationState.Recommended);
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Dismissed_objection_keeps_the_candidate_and_the_list_goes_up_after_close()
    {
        var (world, a, _) = TwoUnderNotice();
        var objection = world.CityList.SubmitObjection(a.Id, "群众", "有异议", world.Now);
        world.CityList.DismissObjection(objection.Id, "经核实，异议不成立", Actor, world.Now);
        world.Clock.SetUtcNow(world.CityList.Notice!.ClosesAt);

        world.CityList.SendUp(world.Now);

        objection.Status.ShouldBe(ObjectionStatus.Dismissed);
        world.CityList.State.ShouldBe(CandidateListState.SentUp);
        world.CityList.Contains(a.Id).ShouldBeTrue();
        a.ForwardToProvince(world.Campaign, world.CityList, Actor, world.Now);
        a.State.ShouldBe(ApplicationState.ForwardedToProvince);
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_An_objection_needs_a_reply_and_is_answered_once()
    {
        var (world, a, _) = TwoUnderNotice();
        var objection = world.CityList.SubmitObjection(a.Id, "群众", "有异议", world.Now);

        Should.Throw<DomainException>(() => world.CityList.DismissObjection(objection.Id, " ", Actor, world.Now));
        world.CityList.DismissObjection(objection.Id, "不成立", Actor, world.Now);
        Should.Throw<DomainException>(() => world.CityList.UpholdObjection(a, objection.Id, "成立", Actor, world.Now))
            .Message.ShouldContain("已经答复");
        a.State.ShouldBe(ApplicationState.Recommended);
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_An_objection_must_name_a_candidate_on_the_list()
    {
        var (world, a, b) = TwoUnderNotice();
        Should.Throw<DomainException>(() => world.CityList.SubmitObjection(Guid.NewGuid(), "群众", "有异议", world.Now));

        var objection = world.CityList.SubmitObjection(a.Id, "群众", "有异议", world.Now);
        Should.Throw<DomainException>(() => world.CityList.UpholdObjection(b, objection.Id, "成立", Actor, world.Now));
        b.State.ShouldBe(ApplicationState.Recommended);
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Objections_are_taken_until_24_00_of_the_last_day_through_the_list()
    {
        var (world, a, _) = TwoUnderNotice();
        var closes = world.CityList.Notice!.ClosesAt;

        world.CityList.SubmitObjection(a.Id, "群众", "最后一分钟", closes.AddMinutes(-1));
        Should.Throw<DomainException>(() => world.CityList.SubmitObjection(a.Id, "群众", "晚了", closes));
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_No_objections_after_the_list_has_gone_up()
    {
        var (world, a, _) = TwoUnderNotice();
        world.SendUp(world.CityList);

        Should.Throw<DomainException>(() => world.CityList.SubmitObjection(a.Id, "群众", "晚了", world.Now));
        Should.Throw<DomainException>(() => world.CityList.SendUp(world.Now));
    }

    [Fact]
    [Trait("Clause", "A8.4")]
    public void A8_4_Proposed_list_upheld_objection_removes_the_candidate()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.Proposed);
        world.ProposedList.PublishNotice("拟认定名单公示", world.Today, 5, CampaignWorld.Calendar);
        world.ProposedList.Notice!.Subject.ShouldBe(NoticeSubject.ProvinceProposedList);
        var objection = world.ProposedList.SubmitObjection(application.Id, "群众", "有投诉未如实申报", world.Now);

        world.ProposedList.UpholdObjection(application, objection.Id, "异议成立", Actor, world.Now);

        world.ProposedList.Entries.ShouldBeEmpty();
        application.State.ShouldBe(ApplicationState.RemovedByObjection);
    }

    [Fact]
    [Trait("Clause", "A7")]
    public void A7_Proposed_list_quota_is_the_campaign_total()
    {
        var world = new CampaignWorld();
        world.ProposedList.Quota.ShouldBe(world.Campaign.TotalQuota);
    }
}
