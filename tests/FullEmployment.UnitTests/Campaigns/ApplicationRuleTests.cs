using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;

namespace FullEmployment.UnitTests.Campaigns;

// Inside the namespace: FullEmployment.Application (the project) would otherwise win the lookup.

public class ApplicationRuleTests
{
    private const string Actor = CampaignWorld.Actor;

    [Fact]
    [Trait("Clause", "A8.1")]
    public void A8_1_Applications_are_only_taken_by_a_published_campaign()
    {
        var world = new CampaignWorld();
        world.Campaign.Close("暂停", world.Now);

        Should.Throw<DomainException>(() => world.NewApplication()).Clause.ShouldBe("A8.1");
    }

    [Fact]
    [Trait("Clause", "A2")]
    public void A2_A_community_without_civil_affairs_filing_cannot_submit()
    {
        var world = new CampaignWorld();
        var application = world.NewApplication();

        var ex = Should.Throw<DomainException>(() =>
            application.Submit(world.Campaign, CampaignWorld.Eligible with { HasCivilAffairsFiling = false }, Actor, world.Now));

        ex.Clause.ShouldBe("A2");
        application.State.ShouldBe(ApplicationState.Draft);
    }

    [Fact]
    [Trait("Clause", "A5.1.1")]
    public void A5_1_1_A_provincial_application_needs_a_province_filed_municipal_title()
    {
        var world = new CampaignWorld();
        var application = world.NewApplication();

        var ex = Should.Throw<DomainException>(() =>
            application.Submit(world.Campaign, CampaignWorld.Eligible with { HasProvinceFiledMunicipalTitle = false }, Actor, world.Now));

        ex.Clause.ShouldBe("A5.1.1");
    }

    [Fact]
    [Trait("Clause", "A4.3")]
    public void A4_3_A_municipal_application_does_not_need_a_municipal_title_but_must_be_in_the_city()
    {
        var world = new CampaignWorld(kind: CampaignKind.Municipal);
        Should.Throw<DomainException>(() => world.NewApplication(CampaignWorld.Jiayuguan)).Clause.ShouldBe("A4.3");

        var application = world.NewApplication();
        application.Submit(world.Campaign, CampaignWorld.EligibleMunicipal, Actor, world.Now);

        application.State.ShouldBe(ApplicationState.Submitted);
    }

    [Fact]
    [Trait("Clause", "A16")]
    public void A16_A_community_disqualified_in_the_campaign_cannot_submit_again()
    {
        var world = new CampaignWorld();
        var application = world.NewApplication();

        Should.Throw<DomainException>(() =>
            application.Submit(world.Campaign, CampaignWorld.Eligible with { DisqualifiedInCampaign = true }, Actor, world.Now))
            .Clause.ShouldBe("A16");
    }

    [Fact]
    [Trait("Clause", "A16")]
    public void A16_Disqualification_needs_reason_and_evidence_and_keeps_them()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.ForwardedToCity);

        Should.Throw<DomainException>(() => application.Disqualify("虚报就业", " ", Actor, world.Now));
        application.Disqualify("虚报就业", "核查报告第3页", Actor, world.Now);

        application.State.ShouldBe(ApplicationState.Disqualified);
        application.DisqualificationReason.ShouldBe("虚报就业");
        application.DisqualificationEvidence.ShouldBe("核查报告第3页");
    }

    [Fact]
    [Trait("Clause", "A16")]
    public void A16_Disqualifying_a_listed_candidate_drops_it_from_its_list()
    {
        var world = new CampaignWorld();
        var first = world.ApplicationIn(ApplicationState.Recommended);
        var second = world.ApplicationIn(ApplicationState.Recommended);
        world.CityList.Entries.Count.ShouldBe(2);

        Should.Throw<DomainException>(() => first.Disqualify("虚报就业", "核查报告", Actor, world.Now)).Clause.ShouldBe("A16");
        first.Disqualify("虚报就业", "核查报告", Actor, world.Now, world.CityList);

        first.State.ShouldBe(ApplicationState.Disqualified);
        world.CityList.Contains(first.Id).ShouldBeFalse();
        world.CityList.Entries.Single().ApplicationId.ShouldBe(second.Id);
        world.CityList.Entries.Single().Rank.ShouldBe(1);
    }

    [Fact]
    [Trait("Clause", "A8.1")]
    public void A8_1_Submitting_needs_a_complete_self_assessment()
    {
        var world = new CampaignWorld();
        var application = new CampaignApplication(world.Campaign, 99, "620102001099", "社区", CampaignWorld.Lanzhou, "620102", Actor, world.Now);
        application.OpenScoreSheet(ReviewLevel.Self, world.Template, CampaignWorld.GoodIndicators);

        Should.Throw<DomainException>(() => application.Submit(world.Campaign, CampaignWorld.Eligible, Actor, world.Now))
            .Message.ShouldContain("尚未填写完整");
    }

    [Fact]
    [Trait("Clause", "A6")]
    public void A6_Sheets_must_use_the_campaign_pinned_template_version()
    {
        var world = new CampaignWorld();
        var application = world.NewApplication();
        var other = new ScoreTemplate("2025-1", "新版", CampaignWorld.Province);
        foreach (var item in world.Template.Items)
        {
            other.AddItem(item.Group, item.GroupName, item.Number, item.Text, item.MaxPoints, item.Rule, item.Mode, item.ClauseId, item.GateMinimum);
        }

        other.Publish(world.Now);

        Should.Throw<DomainException>(() => application.OpenScoreSheet(ReviewLevel.Self, other, CampaignWorld.GoodIndicators))
            .Message.ShouldContain("2023-1");
    }

    [Fact]
    [Trait("Clause", "A8.1")]
    public void A8_1_Submitted_self_assessment_is_locked_until_returned()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.Submitted);

        Should.Throw<DomainException>(() => application.SheetFor(ReviewLevel.Self)!.Judge("1.2", 4, null));
        Should.Throw<DomainException>(() => application.OpenScoreSheet(ReviewLevel.Self, world.Template, CampaignWorld.GoodIndicators));

        world.Perform(application, ApplicationAction.ReturnForCorrection);
        application.SheetFor(ReviewLevel.Self)!.Judge("1.2", 3, "公开栏不醒目");
        application.SheetFor(ReviewLevel.Self)!.Total.ShouldBe(99m);
    }

    [Fact]
    [Trait("Clause", "A8")]
    public void A8_Acting_after_a_stage_deadline_is_refused_without_a_province_override()
    {
        var world = new CampaignWorld();
        var application = world.NewApplication();
        world.Clock.SetUtcNow(CampaignWorld.At(2025, 5, 1, 0, 0));

        var ex = Should.Throw<DomainException>(() => application.Submit(world.Campaign, CampaignWorld.Eligible, Actor, world.Now));

        ex.Message.ShouldContain("已超过社区申报截止日期（2025年4月30日24时）");
        application.State.ShouldBe(ApplicationState.Draft);
    }

    [Fact]
    [Trait("Clause", "A8")]
    public void A8_Submitting_at_23_59_on_the_deadline_day_is_in_time()
    {
        var world = new CampaignWorld();
        var application = world.NewApplication();
        world.Clock.SetUtcNow(CampaignWorld.At(2025, 4, 30, 23, 59));

        application.Submit(world.Campaign, CampaignWorld.Eligible, Actor, world.Now);

        application.State.ShouldBe(ApplicationState.Submitted);
    }

    [Fact]
    [Trait("Clause", "A8")]
    public void A8_A_province_override_reason_allows_a_late_action_and_is_recorded()
    {
        var world = new CampaignWorld();
        var application = world.NewApplication();
        world.Clock.SetUtcNow(CampaignWorld.At(2025, 5, 3, 10, 0));

        application.Submit(world.Campaign, CampaignWorld.Eligible, Actor, world.Now, overrideReason: "系统故障导致无法按时提交");

        application.State.ShouldBe(ApplicationState.Submitted);
        application.History[^1].OverrideReason.ShouldBe("系统故障导致无法按时提交");
    }

    [Fact]
    [Trait("Clause", "A8.2")]
    public void A8_2_County_acting_after_its_deadline_needs_an_override()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.Submitted);
        world.PrepareCounty(application);
        world.Clock.SetUtcNow(CampaignWorld.At(2025, 6, 1, 0, 0));

        Should.Throw<DomainException>(() => application.CountyForward(world.Campaign, world.QuotaUse(application), Actor, world.Now)).Message.ShouldContain("县区初审");
        application.CountyForward(world.Campaign, world.QuotaUse(application), Actor, world.Now, "省厅同意延期");
        application.State.ShouldBe(ApplicationState.ForwardedToCity);
    }

    [Fact]
    [Trait("Clause", "A8.2")]
    public void A8_2_Return_for_correction_sets_a_due_date_not_later_than_the_county_deadline()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.Submitted);

        Should.Throw<DomainException>(() =>
            application.ReturnForCorrection(world.Campaign, new DateOnly(2025, 6, 1), "补材料", Actor, world.Now));
        Should.Throw<DomainException>(() => application.ReturnForCorrection(world.Campaign, world.Today.AddDays(-1), "补材料", Actor, world.Now));
        Should.Throw<DomainException>(() => application.ReturnForCorrection(world.Campaign, world.Today.AddDays(3), " ", Actor, world.Now));

        application.ReturnForCorrection(world.Campaign, world.Today.AddDays(3), "补材料", Actor, world.Now);
        application.CorrectionDueDate.ShouldBe(world.Today.AddDays(3));
        application.History[^1].Remark.ShouldBe("补材料");
    }

    [Fact]
    [Trait("Clause", "A8.2")]
    public void A8_2_Resubmitting_after_the_correction_due_date_needs_an_override()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.ReturnedToCommunity);
        world.Clock.Advance(TimeSpan.FromDays(6));

        Should.Throw<DomainException>(() => application.Resubmit(world.Campaign, Actor, world.Now)).Message.ShouldContain("退回修改");
        application.Resubmit(world.Campaign, Actor, world.Now, "省厅同意延期");
        application.State.ShouldBe(ApplicationState.Submitted);
        application.CorrectionDueDate.ShouldBeNull();
    }

    [Fact]
    [Trait("Clause", "A8.2")]
    public void A8_2_County_forward_needs_a_county_score_at_the_pass_mark()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.Submitted);
        world.PrepareCounty(application);
        var sheet = application.SheetFor(ReviewLevel.County)!;
        sheet.Judge("1.5", 0, "无书面制度");
        sheet.Judge("5.1", 0, "满意率低于80%");
        sheet.Judge("1.2", 2, "缺服务窗口和公开栏");

        var ex = Should.Throw<DomainException>(() => application.CountyForward(world.Campaign, world.QuotaUse(application), Actor, world.Now));

        ex.Message.ShouldBe("县区评分89分，低于达标分数线90分。");
        ex.Clause.ShouldBe("A6");
    }

    [Fact]
    [Trait("Clause", "A6")]
    public void A6_The_campaign_pass_mark_applies_when_forwarding()
    {
        var world = new CampaignWorld(passMark: 85);
        var application = world.ApplicationIn(ApplicationState.Submitted);
        world.PrepareCounty(application);
        var sheet = application.SheetFor(ReviewLevel.County)!;
        sheet.Judge("1.5", 0, "无书面制度");
        sheet.Judge("5.1", 0, "满意率低于80%");

        application.CountyForward(world.Campaign, world.QuotaUse(application), Actor, world.Now);

        application.State.ShouldBe(ApplicationState.ForwardedToCity);
    }

    [Fact]
    [Trait("Clause", "A5")]
    public void A5_County_forward_is_refused_when_a_gate_fails_whatever_the_total()
    {
        var world = new CampaignWorld(passMark: 80);
        var application = world.ApplicationIn(ApplicationState.Submitted);
        CampaignWorld.FillJudged(application.OpenScoreSheet(ReviewLevel.County, world.Template,
            CampaignWorld.GoodIndicators with { DifficultyEmploymentRate = 0.9m }));
        application.RecordInspection(ReviewLevel.County, world.Today, ["张三", "李四"], true, "");

        var ex = Should.Throw<DomainException>(() => application.CountyForward(world.Campaign, world.QuotaUse(application), Actor, world.Now));

        application.SheetFor(ReviewLevel.County)!.Total.ShouldBe(90m);
        ex.Message.ShouldContain("第3.2项");
        ex.Clause.ShouldBe("A5");
    }

    [Fact]
    [Trait("Clause", "A8.2")]
    public void A8_2_County_forward_needs_a_passed_on_site_inspection()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.Submitted);
        CampaignWorld.FillJudged(application.OpenScoreSheet(ReviewLevel.County, world.Template, CampaignWorld.GoodIndicators));

        Should.Throw<DomainException>(() => application.CountyForward(world.Campaign, world.QuotaUse(application), Actor, world.Now)).Message.ShouldContain("实地考察");

        application.RecordInspection(ReviewLevel.County, world.Today, ["张三", "李四"], passed: false, "服务大厅未设置");
        Should.Throw<DomainException>(() => application.CountyForward(world.Campaign, world.QuotaUse(application), Actor, world.Now)).Message.ShouldContain("实地考察");

        application.RecordInspection(ReviewLevel.County, world.Today, ["张三", "李四"], passed: true, "已整改");
        application.CountyForward(world.Campaign, world.QuotaUse(application), Actor, world.Now);
        application.State.ShouldBe(ApplicationState.ForwardedToCity);
    }

    [Fact]
    [Trait("Clause", "A8.2")]
    public void A8_2_On_site_inspection_needs_at_least_two_inspectors()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.Submitted);

        Should.Throw<DomainException>(() => application.RecordInspection(ReviewLevel.County, world.Today, ["张三"], true, ""))
            .Message.ShouldContain("不得少于2人");
        Should.Throw<DomainException>(() => application.RecordInspection(ReviewLevel.County, world.Today, ["张三", "张三 "], true, ""));
        Should.Throw<DomainException>(() => application.RecordInspection(ReviewLevel.County, world.Today, ["张三", "李四"], false, " "));
    }

    [Fact]
    [Trait("Clause", "A8.2")]
    public void A8_2_County_reject_needs_reasons()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.Submitted);

        Should.Throw<DomainException>(() => application.CountyReject(world.Campaign, [" "], Actor, world.Now));
        application.CountyReject(world.Campaign, ["台账不全", "无专职人员"], Actor, world.Now);
        application.RejectionReasons.ShouldBe(["台账不全", "无专职人员"]);
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_City_recommend_needs_the_city_score_at_the_pass_mark()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.ForwardedToCity);
        Should.Throw<DomainException>(() => application.CityRecommend(world.Campaign, world.CityList, Actor, world.Now));

        world.PrepareCity(application);
        application.SheetFor(ReviewLevel.City)!.Judge("1.5", 0, "无制度");
        application.SheetFor(ReviewLevel.City)!.Judge("5.1", 0, "不满意");
        application.SheetFor(ReviewLevel.City)!.Judge("1.2", 2, "缺");
        Should.Throw<DomainException>(() => application.CityRecommend(world.Campaign, world.CityList, Actor, world.Now));
        world.CityList.Entries.ShouldBeEmpty();
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_City_return_to_county_reopens_the_county_sheet()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.ReturnedToCounty);

        application.SheetFor(ReviewLevel.County)!.IsLocked.ShouldBeFalse();
        application.History[^1].Remark.ShouldBe("考察记录不全");
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Forward_to_province_needs_the_city_list_sent_up()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.Recommended);

        Should.Throw<DomainException>(() => application.ForwardToProvince(world.Campaign, world.CityList, Actor, world.Now))
            .Message.ShouldContain("公示尚未结束");
    }

    [Fact]
    [Trait("Clause", "A8.4")]
    public void A8_4_Propose_needs_a_passed_provincial_on_site_evaluation()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.ForwardedToProvince);
        CampaignWorld.FillJudged(application.OpenScoreSheet(ReviewLevel.Province, world.Template, CampaignWorld.GoodIndicators));

        Should.Throw<DomainException>(() => application.Propose(world.Campaign, world.ProposedList, Actor, world.Now))
            .Message.ShouldContain("实地考评");
    }

    [Fact]
    [Trait("Clause", "A8.4")]
    public void A8_4_Certify_needs_document_and_plaque_numbers_and_the_proposed_list_sent_up()
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(ApplicationState.Proposed);

        Should.Throw<DomainException>(() =>
            application.Certify(world.Campaign, world.ProposedList, "甘人社通〔2025〕1号", "GS-1", Actor, world.Now))
            .Message.ShouldContain("公示尚未结束");

        world.SendUp(world.ProposedList);
        Should.Throw<DomainException>(() => application.Certify(world.Campaign, world.ProposedList, " ", "GS-1", Actor, world.Now));
        Should.Throw<DomainException>(() => application.Certify(world.Campaign, world.ProposedList, "文号", "", Actor, world.Now));
        application.Certify(world.Campaign, world.ProposedList, "甘人社通〔2025〕1号", "GS-1", Actor, world.Now);
        application.State.ShouldBe(ApplicationState.Certified);
    }

    [Fact]
    [Trait("Clause", "A8")]
    public void A8_An_application_cannot_be_acted_on_with_another_campaign()
    {
        var world = new CampaignWorld();
        var other = new CampaignWorld();
        var application = world.NewApplication();

        Should.Throw<DomainException>(() => application.Submit(other.Campaign, CampaignWorld.Eligible, Actor, world.Now));
    }
}
