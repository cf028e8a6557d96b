using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.UnitTests.Campaigns;

// Inside the namespace: FullEmployment.Application (the project) would otherwise win the lookup.

/// <summary>
/// A4.3, A18: a city's municipal campaign — per-county quotas, community → county → city, certification by the city from
/// its own list after the notice, no province step.
/// </summary>
public class MunicipalCampaignRuleTests
{
    private const string Actor = CampaignWorld.Actor;

    private static readonly DateTimeOffset Now = CampaignWorld.At(2025, 3, 3, 9, 0);

    public static TheoryData<ApplicationState, ApplicationAction> LegalMoves()
    {
        var data = new TheoryData<ApplicationState, ApplicationAction>();
        foreach (var (from, action) in CampaignApplication.MunicipalTransitions.Keys)
        {
            data.Add(from, action);
        }

        return data;
    }

    // Every state a municipal application can reach, with every action its table refuses. Propose needs a proposed list, which a
    // municipal campaign can't have: it has its own test below.
    public static TheoryData<ApplicationState, ApplicationAction> IllegalMoves()
    {
        var data = new TheoryData<ApplicationState, ApplicationAction>();
        var reachable = CampaignApplication.MunicipalTransitions.Values.Append(ApplicationState.Draft).Distinct();
        foreach (var state in reachable)
        {
            foreach (var action in Enum.GetValues<ApplicationAction>()
                .Where(a => a != ApplicationAction.Propose && !CampaignApplication.MunicipalTransitions.ContainsKey((state, a))))
            {
                data.Add(state, action);
            }
        }

        return data;
    }

    private static Campaign Draft(int total = 3) =>
        new(CampaignKind.Municipal, CampaignWorld.Lanzhou, "兰州市2025年市级充分就业社区创建", 2025, total,
            DefaultScoreTemplate.Create(CampaignWorld.Province, Now), new AssessmentPeriod(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)),
            CampaignWorld.Deadlines, CycleCheck.NotApplicable(2025), passMark: 85);

    /// <summary>An application of <paramref name="county"/> submitted and prepared by the county, ready to forward.</summary>
    private static CampaignApplication AtCounty(CampaignWorld world, string county = CampaignWorld.Chengguan)
    {
        var application = world.NewApplication(countyCode: county);
        application.Submit(world.Campaign, CampaignWorld.EligibleMunicipal, Actor, world.Now);
        world.PrepareCounty(application);
        return application;
    }

    private static CampaignApplication Forwarded(CampaignWorld world, string county = CampaignWorld.Chengguan)
    {
        var application = AtCounty(world, county);
        application.CountyForward(world.Campaign, world.QuotaUse(application), Actor, world.Now);
        world.PrepareCity(application);
        return application;
    }

    [Fact]
    [Trait("Clause", "A4.3")]
    public void A4_3_County_allocations_must_sum_to_the_total_before_publishing()
    {
        var campaign = Draft(total: 3);
        campaign.AllocateQuota(CampaignWorld.Chengguan, 2);

        var ex = Should.Throw<DomainException>(() => campaign.Publish(Now));

        ex.Clause.ShouldBe("A4.3");
        ex.Message.ShouldContain("各县区名额合计2个");
        campaign.State.ShouldBe(CampaignState.Draft);
        campaign.AllocateQuota(CampaignWorld.Qilihe, 1);
        campaign.Publish(Now);
        campaign.CountyQuotaFor(CampaignWorld.Chengguan).ShouldBe(2);
        campaign.CountyQuotaFor("620104").ShouldBe(0);
        campaign.QuotaFor(CampaignWorld.Lanzhou).ShouldBe(3);
    }

    [Fact]
    [Trait("Clause", "A4.3")]
    public void A4_3_County_allocations_cannot_exceed_the_total()
    {
        var campaign = Draft(total: 3);
        campaign.AllocateQuota(CampaignWorld.Chengguan, 2);

        Should.Throw<DomainException>(() => campaign.AllocateQuota(CampaignWorld.Qilihe, 2)).Message.ShouldContain("超过名额总数3个");
    }

    [Fact]
    [Trait("Clause", "A4.3")]
    public void A4_3_A_city_cannot_allocate_its_quota_to_another_citys_county()
    {
        var campaign = Draft();

        var ex = Should.Throw<DomainException>(() => campaign.AllocateQuota("620902", 1));

        ex.Clause.ShouldBe("A4.3");
        campaign.Allocations.ShouldBeEmpty();
    }

    [Fact]
    [Trait("Clause", "A4.3")]
    public void A4_3_A_city_without_counties_holds_its_quota_itself()
    {
        var campaign = new Campaign(CampaignKind.Municipal, CampaignWorld.Jiayuguan, "嘉峪关市2025年市级创建", 2025, 2,
            DefaultScoreTemplate.Create(CampaignWorld.Province, Now), new AssessmentPeriod(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)),
            CampaignWorld.Deadlines, CycleCheck.NotApplicable(2025));
        campaign.AllocateQuota(CampaignWorld.Jiayuguan, 2);
        campaign.Publish(Now);
        var application = new CampaignApplication(campaign, 1, "620200001009", "某社区", CampaignWorld.Jiayuguan, null, Actor, Now);

        application.CountyStepRegionCode.ShouldBe(CampaignWorld.Jiayuguan);
        campaign.CountyQuotaFor(application.CountyStepRegionCode).ShouldBe(2);
    }

    [Fact]
    [Trait("Clause", "A4.3")]
    public void A4_3_A_county_cannot_forward_beyond_its_quota()
    {
        var world = new CampaignWorld(kind: CampaignKind.Municipal);
        Forwarded(world, CampaignWorld.Qilihe);
        var second = AtCounty(world, CampaignWorld.Qilihe);

        var ex = Should.Throw<DomainException>(() => second.CountyForward(world.Campaign, world.QuotaUse(second), Actor, world.Now));

        ex.Clause.ShouldBe("A4.3");
        ex.Message.ShouldBe("该县区在本批次中的名额为1个，已报送1个，不能再报送。");
        second.State.ShouldBe(ApplicationState.Submitted);
    }

    [Fact]
    [Trait("Clause", "A4.3")]
    public void A4_3_A_county_without_quota_cannot_forward()
    {
        var world = new CampaignWorld(kind: CampaignKind.Municipal);
        var application = AtCounty(world, "620104");

        Should.Throw<DomainException>(() => application.CountyForward(world.Campaign, world.QuotaUse(application), Actor, world.Now))
            .Message.ShouldContain("没有分配名额");
    }

    [Fact]
    [Trait("Clause", "A4.3")]
    public void A4_3_A_place_is_freed_when_the_city_rejects_the_countys_candidate()
    {
        var world = new CampaignWorld(kind: CampaignKind.Municipal);
        var first = Forwarded(world, CampaignWorld.Qilihe);
        first.CityReject(world.Campaign, "综合评定未达标", Actor, world.Now);
        var second = AtCounty(world, CampaignWorld.Qilihe);

        second.CountyForward(world.Campaign, world.QuotaUse(second), Actor, world.Now);

        second.State.ShouldBe(ApplicationState.ForwardedToCity);
    }

    [Fact]
    [Trait("Clause", "A4.3")]
    public void A4_3_The_quota_count_must_be_the_applications_own_county()
    {
        var world = new CampaignWorld(kind: CampaignKind.Municipal);
        var application = AtCounty(world, CampaignWorld.Qilihe);

        Should.Throw<DomainException>(() => application.CountyForward(world.Campaign, new CountyQuotaUse(CampaignWorld.Chengguan, 0), Actor, world.Now))
            .Clause.ShouldBe("A4.3");
        application.State.ShouldBe(ApplicationState.Submitted);
    }

    [Fact]
    [Trait("Clause", "A4.3")]
    public void A4_3_The_city_list_takes_no_more_from_one_county_than_its_quota()
    {
        var world = new CampaignWorld(kind: CampaignKind.Municipal);
        var first = Forwarded(world, CampaignWorld.Qilihe);
        first.CityRecommend(world.Campaign, world.CityList, Actor, world.Now);
        // A count that ignored the first candidate gets the second past the county; the list still refuses it.
        var second = AtCounty(world, CampaignWorld.Qilihe);
        second.CountyForward(world.Campaign, new CountyQuotaUse(CampaignWorld.Qilihe, 0), Actor, world.Now);
        world.PrepareCity(second);

        var ex = Should.Throw<DomainException>(() => second.CityRecommend(world.Campaign, world.CityList, Actor, world.Now));

        ex.Clause.ShouldBe("A4.3");
        ex.Message.ShouldBe("名单中已有该县区社区1个，已达该县区名额1个。");
        second.State.ShouldBe(ApplicationState.ForwardedToCity);
        world.CityList.Entries.Count.ShouldBe(1);
    }

    [Fact]
    [Trait("Clause", "A4.3")]
    public void A4_3_The_city_list_cannot_exceed_the_campaign_total()
    {
        var world = new CampaignWorld(kind: CampaignKind.Municipal);
        foreach (var county in new[] { CampaignWorld.Chengguan, CampaignWorld.Chengguan, CampaignWorld.Qilihe })
        {
            Forwarded(world, county).CityRecommend(world.Campaign, world.CityList, Actor, world.Now);
        }

        // A count that ignored the county's earlier candidates gets a fourth past the county; the list's total refuses it first.
        var extra = AtCounty(world, CampaignWorld.Chengguan);
        extra.CountyForward(world.Campaign, new CountyQuotaUse(CampaignWorld.Chengguan, 0), Actor, world.Now);
        world.PrepareCity(extra);

        var ex = Should.Throw<DomainException>(() => extra.CityRecommend(world.Campaign, world.CityList, Actor, world.Now));

        ex.Message.ShouldContain("已达名额上限3个");
        world.CityList.Entries.Count.ShouldBe(3);
    }

    [Fact]
    [Trait("Clause", "A4.3")]
    public void A4_3_Municipal_campaign_runs_community_county_city_and_the_city_certifies_from_its_own_list()
    {
        var world = new CampaignWorld(kind: CampaignKind.Municipal);
        var application = Forwarded(world);
        application.CityRecommend(world.Campaign, world.CityList, Actor, world.Now);
        world.SendUp(world.CityList);

        application.Certify(world.Campaign, world.CityList, "兰人社发〔2025〕12号", "SJ-2025-012", Actor, world.Now);
        world.CityList.RecordCertification(world.Campaign, "兰人社发〔2025〕12号", world.Now);

        application.State.ShouldBe(ApplicationState.Certified);
        application.PlaqueNumber.ShouldBe("SJ-2025-012");
        application.History.Select(h => h.Action).ShouldBe([ApplicationAction.Submit, ApplicationAction.CountyForward,
            ApplicationAction.CityRecommend, ApplicationAction.Certify]);
        world.CityList.State.ShouldBe(CandidateListState.Certified);
        world.CityList.CertificationDocumentNumber.ShouldBe("兰人社发〔2025〕12号");
    }

    [Fact]
    [Trait("Clause", "A4.3")]
    public void A4_3_The_city_cannot_certify_before_its_notice_has_closed()
    {
        var world = new CampaignWorld(kind: CampaignKind.Municipal);
        var application = Forwarded(world);
        application.CityRecommend(world.Campaign, world.CityList, Actor, world.Now);
        world.CityList.PublishNotice("推荐名单公示", world.Today, 5, CampaignWorld.Calendar);

        Should.Throw<DomainException>(() => application.Certify(world.Campaign, world.CityList, "兰人社发〔2025〕12号", "SJ-1", Actor, world.Now))
            .Message.ShouldContain("公示尚未结束");
        Should.Throw<DomainException>(() => world.CityList.RecordCertification(world.Campaign, "兰人社发〔2025〕12号", world.Now))
            .Message.ShouldContain("不能认定");
        application.State.ShouldBe(ApplicationState.Recommended);
    }

    [Fact]
    [Trait("Clause", "A4.3")]
    public void A4_3_A_certified_list_refuses_a_second_certification()
    {
        var world = new CampaignWorld(kind: CampaignKind.Municipal);
        Forwarded(world).CityRecommend(world.Campaign, world.CityList, Actor, world.Now);
        world.SendUp(world.CityList);
        world.CityList.RecordCertification(world.Campaign, "兰人社发〔2025〕12号", world.Now);

        var ex = Should.Throw<DomainException>(() => world.CityList.RecordCertification(world.Campaign, "兰人社发〔2025〕13号", world.Now));

        ex.Message.ShouldContain("不能重复认定");
        world.CityList.CertificationDocumentNumber.ShouldBe("兰人社发〔2025〕12号");
    }

    [Fact]
    [Trait("Clause", "A8.4")]
    public void A8_4_A_provincial_city_list_is_not_certified_but_sent_to_the_province()
    {
        var world = new CampaignWorld();
        world.ApplicationIn(ApplicationState.Recommended);
        world.SendUp(world.CityList);

        world.CityList.IsFinalFor(world.Campaign).ShouldBeFalse();
        world.ProposedList.IsFinalFor(world.Campaign).ShouldBeTrue();
        Should.Throw<DomainException>(() => world.CityList.RecordCertification(world.Campaign, "甘人社发〔2025〕1号", world.Now))
            .Clause.ShouldBe("A8.3");
    }

    [Fact]
    [Trait("Clause", "A4.3")]
    public void A4_3_The_province_steps_are_refused_in_a_municipal_campaign()
    {
        var world = new CampaignWorld(kind: CampaignKind.Municipal);
        var application = world.ApplicationIn(ApplicationState.Recommended);
        world.SendUp(world.CityList);
        var provincialList = new CampaignWorld().ProposedList;

        foreach (var act in new Action[]
        {
            () => application.ForwardToProvince(world.Campaign, world.CityList, Actor, world.Now),
            () => application.Propose(world.Campaign, provincialList, Actor, world.Now),
            () => application.NotCertify(world.Campaign, "不予认定", Actor, world.Now),
            () => _ = new ProposedList(world.Campaign),
        })
        {
            var ex = Should.Throw<DomainException>(act);
            ex.Clause.ShouldBe("A4.3");
        }

        application.State.ShouldBe(ApplicationState.Recommended);
        application.Can(ApplicationAction.ForwardToProvince).ShouldBeFalse();
        application.Can(ApplicationAction.Certify).ShouldBeTrue();
    }

    [Fact]
    [Trait("Clause", "A4.3")]
    public void A4_3_Municipal_eligibility_does_not_apply_the_municipal_title_requirement_of_A5_1_1()
    {
        CampaignApplication.EnsureEligible(CampaignKind.Municipal, CampaignWorld.EligibleMunicipal);

        Should.Throw<DomainException>(() => CampaignApplication.EnsureEligible(CampaignKind.Provincial, CampaignWorld.EligibleMunicipal))
            .Clause.ShouldBe("A5.1.1");
    }

    [Fact]
    [Trait("Clause", "A3.1")]
    public void A3_1_A_community_already_holding_a_municipal_title_cannot_apply_to_a_municipal_campaign()
    {
        var world = new CampaignWorld(kind: CampaignKind.Municipal);
        var application = world.NewApplication();

        var ex = Should.Throw<DomainException>(() => application.Submit(world.Campaign, CampaignWorld.Eligible, Actor, world.Now));

        ex.Clause.ShouldBe("A3.1");
        application.State.ShouldBe(ApplicationState.Draft);
    }

    [Fact]
    [Trait("Clause", "A2")]
    [Trait("Clause", "A16")]
    public void A2_A16_Municipal_eligibility_still_needs_the_civil_affairs_filing_and_no_disqualification()
    {
        Should.Throw<DomainException>(() => CampaignApplication.EnsureEligible(CampaignKind.Municipal,
            CampaignWorld.EligibleMunicipal with { HasCivilAffairsFiling = false })).Clause.ShouldBe("A2");
        Should.Throw<DomainException>(() => CampaignApplication.EnsureEligible(CampaignKind.Municipal,
            CampaignWorld.EligibleMunicipal with { DisqualifiedInCampaign = true })).Clause.ShouldBe("A16");
    }

    [Fact]
    [Trait("Clause", "A8")]
    public void A8_Late_actions_in_a_municipal_campaign_name_the_organising_city_as_the_one_to_give_a_reason()
    {
        var world = new CampaignWorld(kind: CampaignKind.Municipal);
        var application = AtCounty(world);
        world.Clock.SetUtcNow(CampaignWorld.At(2025, 6, 1, 9, 0));

        Should.Throw<DomainException>(() => application.CountyForward(world.Campaign, world.QuotaUse(application), Actor, world.Now))
            .Message.ShouldContain("须由组织创建的市州人社局填写延期理由");
    }

    [Theory]
    [Trait("Clause", "A4.3")]
    [MemberData(nameof(LegalMoves))]
    public void A4_3_Every_legal_municipal_move_reaches_the_state_in_the_municipal_table(ApplicationState from, ApplicationAction action)
    {
        var world = new CampaignWorld(kind: CampaignKind.Municipal);
        var application = world.ApplicationIn(from);

        world.Perform(application, action);

        application.State.ShouldBe(CampaignApplication.MunicipalTransitions[(from, action)]);
        application.History[^1].Action.ShouldBe(action);
    }

    [Theory]
    [Trait("Clause", "A4.3")]
    [MemberData(nameof(IllegalMoves))]
    public void A4_3_Every_illegal_municipal_move_is_refused_and_changes_nothing(ApplicationState from, ApplicationAction action)
    {
        var world = new CampaignWorld(kind: CampaignKind.Municipal);
        var application = world.ApplicationIn(from);
        var historyBefore = application.History.Count;

        var ex = Should.Throw<DomainException>(() => world.Perform(application, action));

        ex.Message.ShouldBeOneOf($"申报当前为“{CampaignApplication.StateName(from)}”，不能{CampaignApplication.ActionName(action)}。",
            "市级创建由组织创建的市州人社局认定，没有报送省人社厅和省级审核环节。");
        application.State.ShouldBe(from);
        application.History.Count.ShouldBe(historyBefore);
    }

    [Fact]
    [Trait("Clause", "A4.3")]
    public void A4_3_The_municipal_table_has_no_province_states()
    {
        var reachable = CampaignApplication.MunicipalTransitions.Values.Append(ApplicationState.Draft).ToHashSet();

        reachable.ShouldNotContain(ApplicationState.ForwardedToProvince);
        reachable.ShouldNotContain(ApplicationState.Proposed);
        reachable.ShouldNotContain(ApplicationState.NotCertified);
        reachable.ShouldContain(ApplicationState.Certified);
        CampaignApplication.MunicipalTransitions[(ApplicationState.Recommended, ApplicationAction.Certify)].ShouldBe(ApplicationState.Certified);
    }
}
