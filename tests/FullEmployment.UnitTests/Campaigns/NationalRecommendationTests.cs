using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.UnitTests.Campaigns;

public class NationalRecommendationTests
{
    private static readonly DateTimeOffset Now = CampaignWorld.At(2025, 3, 3, 9, 0);
    private static readonly DateOnly Today = new(2025, 3, 3);

    private static NationalRecommendation Recommendation(int quota = 2)
    {
        var template = DefaultScoreTemplate.Create(CampaignWorld.Province, Now);
        var campaign = new Campaign(CampaignKind.NationalRecommendation, CampaignWorld.Province, "2025年国家级推荐", 2025, quota, template,
            new AssessmentPeriod(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), CampaignWorld.Deadlines, CycleCheck.NotApplicable(2025));
        return new NationalRecommendation(campaign);
    }

    /// <summary>A community holding a provincial title since 2021 (and the municipal one before it).</summary>
    private static Community Provincial(string code, string name)
    {
        var community = new Community(code, "620100", "620102", new CommunityDetails(name, name + "街道", "兰州市城关区" + name, "城政发〔2012〕01号",
            "民备620102-" + code[^3..], new DateOnly(2012, 6, 1), "社区主任", "0931-8001001"));
        community.GrantTitle(TitleLevel.Municipal, "兰州市人力资源和社会保障局", "兰人社发〔2019〕1号", new DateOnly(2019, 6, 1), null,
            "甘人社备〔2019〕1号", new DateOnly(2019, 7, 1));
        community.GrantTitle(TitleLevel.Provincial, "甘肃省人力资源和社会保障厅", "甘人社通〔2021〕" + code[^2..] + "号", new DateOnly(2021, 11, 20), null);
        return community;
    }

    [Fact]
    [Trait("Clause", "A4.1")]
    public void A4_1_Only_a_national_round_has_a_national_recommendation_list()
    {
        var world = new CampaignWorld();
        Should.Throw<DomainException>(() => new NationalRecommendation(world.Campaign)).Clause.ShouldBe("A4.1");
    }

    [Fact]
    [Trait("Clause", "A4.1")]
    public void A4_1_The_list_is_limited_to_the_ministry_quota_and_has_no_duplicates()
    {
        var recommendation = Recommendation(quota: 2);
        var first = Provincial("620102001002", "雁南社区");
        recommendation.Add(first, Today);

        Should.Throw<DomainException>(() => recommendation.Add(first, Today)).Message.ShouldContain("已在推荐名单中");
        recommendation.Add(Provincial("620102001006", "乙社区"), Today);
        var over = Should.Throw<DomainException>(() => recommendation.Add(Provincial("620102001007", "丙社区"), Today));
        over.Message.ShouldContain("名额上限2个");
        over.Clause.ShouldBe("A4.1");
        recommendation.Candidates.Count.ShouldBe(2);
    }

    [Fact]
    [Trait("Clause", "A4.1")]
    public void A4_1_Only_a_community_with_a_provincial_title_in_force_and_not_yet_national_may_be_recommended()
    {
        var recommendation = Recommendation(quota: 5);
        var municipalOnly = new Community("620102001004", "620100", "620102", new CommunityDetails("草场街社区", "草场街街道", "兰州市城关区草场街",
            "城政发〔2012〕04号", "民备620102-004", new DateOnly(2012, 6, 1), null, null));
        municipalOnly.GrantTitle(TitleLevel.Municipal, "兰州市人力资源和社会保障局", "兰人社发〔2022〕4号", new DateOnly(2022, 6, 1), null,
            "甘人社备〔2022〕4号", new DateOnly(2022, 7, 1));
        var ended = new Community("620102001008", "620100", "620102", new CommunityDetails("已摘牌社区", "东岗街道", "兰州市城关区东岗",
            "城政发〔2012〕08号", "民备620102-008", new DateOnly(2012, 6, 1), null, null));
        ended.GrantTitle(TitleLevel.Provincial, "甘肃省人力资源和社会保障厅", "甘人社通〔2019〕8号", new DateOnly(2019, 11, 20), null,
            end: new TitleEnd(new DateOnly(2024, 12, 31), TitleEndReason.Reinspection, "复查不合格"));
        var national = Provincial("620102001003", "拱星墩社区");
        national.GrantTitle(TitleLevel.National, "人力资源和社会保障部", "人社部函〔2022〕3号", new DateOnly(2022, 12, 1), null);
        var notYet = Provincial("620102001009", "新命名社区");

        Should.Throw<DomainException>(() => recommendation.Add(municipalOnly, Today)).Message.ShouldContain("未持有有效的省级充分就业社区称号");
        Should.Throw<DomainException>(() => recommendation.Add(ended, Today)).Message.ShouldContain("未持有有效的省级充分就业社区称号");
        Should.Throw<DomainException>(() => recommendation.Add(national, Today)).Message.ShouldContain("已是国家级充分就业社区");
        // The provincial title counts from its grant date: the day before it is not yet in force.
        Should.Throw<DomainException>(() => recommendation.Add(notYet, new DateOnly(2021, 11, 19))).Clause.ShouldBe("A4.1");

        recommendation.Candidates.ShouldBeEmpty();
        NationalRecommendation.IneligibilityReason(notYet, Today).ShouldBeNull();
    }

    [Fact]
    [Trait("Clause", "A4.1")]
    public void A4_1_Candidates_are_reordered_and_removing_one_re_ranks_the_rest()
    {
        var recommendation = Recommendation(quota: 3);
        recommendation.Add(Provincial("620102001002", "甲社区"), Today);
        recommendation.Add(Provincial("620102001006", "乙社区"), Today);
        recommendation.Add(Provincial("620102001007", "丙社区"), Today);

        recommendation.Move("620102001007", 1);
        Names(recommendation).ShouldBe(["丙社区", "甲社区", "乙社区"]);
        recommendation.Move("620102001002", 3);
        Names(recommendation).ShouldBe(["丙社区", "乙社区", "甲社区"]);
        Should.Throw<DomainException>(() => recommendation.Move("620102001002", 4)).Message.ShouldContain("名次应在1至3之间");
        Should.Throw<DomainException>(() => recommendation.Move("620102001002", 0)).Clause.ShouldBe("A4.1");
        Should.Throw<DomainException>(() => recommendation.Move("620102009999", 1)).Message.ShouldContain("不在推荐名单中");

        recommendation.Remove("620102001007");

        Names(recommendation).ShouldBe(["乙社区", "甲社区"]);
        recommendation.Candidates.OrderBy(c => c.Rank).Select(c => c.Rank).ShouldBe([1, 2]);
    }

    [Fact]
    [Trait("Clause", "A4.1")]
    public void A4_1_After_submission_the_list_is_frozen()
    {
        var recommendation = Recommendation(quota: 3);
        recommendation.Add(Provincial("620102001002", "甲社区"), Today);
        recommendation.Add(Provincial("620102001006", "乙社区"), Today);
        recommendation.Submit(Now);

        recommendation.State.ShouldBe(NationalRecommendationState.Submitted);
        recommendation.SubmittedAt.ShouldBe(Now);
        Should.Throw<DomainException>(() => recommendation.Add(Provincial("620102001007", "丙社区"), Today)).Message.ShouldContain("已报送");
        Should.Throw<DomainException>(() => recommendation.Move("620102001006", 1)).Message.ShouldContain("已报送");
        Should.Throw<DomainException>(() => recommendation.Remove("620102001002")).Message.ShouldContain("已报送");
        Should.Throw<DomainException>(() => recommendation.Submit(Now)).Clause.ShouldBe("A4.1");
        Names(recommendation).ShouldBe(["甲社区", "乙社区"]);
    }

    [Fact]
    [Trait("Clause", "A4.1")]
    public void A4_1_Outcomes_are_recorded_after_submission_and_conclude_the_round()
    {
        var recommendation = Recommendation();
        recommendation.Add(Provincial("620102001002", "甲社区"), Today);
        recommendation.Add(Provincial("620102001006", "乙社区"), Today);
        Should.Throw<DomainException>(() => recommendation.RecordGranted("620102001002", "人社部函〔2025〕1号", new DateOnly(2025, 12, 1)))
            .Message.ShouldContain("尚未报送");
        Should.Throw<DomainException>(() => recommendation.RecordNotGranted("620102001006", new DateOnly(2025, 12, 1))).Clause.ShouldBe("A4.1");

        recommendation.Submit(Now);
        Should.Throw<DomainException>(() => recommendation.RecordGranted("620102001002", " ", new DateOnly(2025, 12, 1))).Message.ShouldContain("文号");
        Should.Throw<DomainException>(() => recommendation.RecordGranted("620102001002", "人社部函〔2025〕1号", new DateOnly(2025, 3, 2)))
            .Message.ShouldContain("不能早于推荐名单报送日期2025年3月3日");
        Should.Throw<DomainException>(() => recommendation.RecordGranted("620102009999", "人社部函〔2025〕1号", new DateOnly(2025, 12, 1)))
            .Message.ShouldContain("不在推荐名单中");
        recommendation.RecordGranted("620102001002", " 人社部函〔2025〕1号 ", new DateOnly(2025, 12, 1));
        recommendation.State.ShouldBe(NationalRecommendationState.Submitted);
        Should.Throw<DomainException>(() => recommendation.RecordNotGranted("620102001002", new DateOnly(2025, 12, 1))).Message.ShouldContain("结果已登记");
        recommendation.RecordNotGranted("620102001006", new DateOnly(2025, 12, 1), "未入选");

        recommendation.State.ShouldBe(NationalRecommendationState.Concluded);
        var granted = recommendation.Candidates.Single(c => c.CommunityCode == "620102001002");
        granted.Outcome.ShouldBe(NationalOutcome.Granted);
        granted.DocumentNumber.ShouldBe("人社部函〔2025〕1号");
        var notGranted = recommendation.Candidates.Single(c => c.CommunityCode == "620102001006");
        notGranted.Outcome.ShouldBe(NationalOutcome.NotGranted);
        notGranted.Remark.ShouldBe("未入选");
        Should.Throw<DomainException>(() => recommendation.RecordNotGranted("620102001006", new DateOnly(2025, 12, 2))).Clause.ShouldBe("A4.1");
    }

    [Fact]
    [Trait("Clause", "A4.1")]
    public void A4_1_An_empty_list_cannot_be_submitted()
    {
        Should.Throw<DomainException>(() => Recommendation().Submit(Now)).Message.ShouldContain("推荐名单为空");
    }

    private static string[] Names(NationalRecommendation r) => [.. r.Candidates.OrderBy(c => c.Rank).Select(c => c.CommunityName)];
}
