using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.UnitTests.Campaigns;

public class NationalRecommendationTests
{
    private static readonly DateTimeOffset Now = CampaignWorld.At(2025, 3, 3, 9, 0);

    private static NationalRecommendation Recommendation(int quota = 2)
    {
        var template = DefaultScoreTemplate.Create(CampaignWorld.Province, Now);
        var campaign = new Campaign(CampaignKind.NationalRecommendation, CampaignWorld.Province, "2025年国家级推荐", 2025, quota, template,
            new AssessmentPeriod(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), CampaignWorld.Deadlines, CycleCheck.NotApplicable(2025));
        return new NationalRecommendation(campaign);
    }

    [Fact]
    public void A4_1_Only_a_national_round_has_a_national_recommendation_list()
    {
        var world = new CampaignWorld();
        Should.Throw<DomainException>(() => new NationalRecommendation(world.Campaign)).Clause.ShouldBe("A4.1");
    }

    [Fact]
    public void A4_1_The_list_is_limited_to_the_ministry_quota_and_has_no_duplicates()
    {
        var recommendation = Recommendation(quota: 2);
        var community = 1;
        recommendation.Add(community, "620102001000", "甲社区");

        Should.Throw<DomainException>(() => recommendation.Add(community, "620102001000", "甲社区"));
        recommendation.Add(2, "620102001002", "乙社区");
        Should.Throw<DomainException>(() => recommendation.Add(3, "620102001003", "丙社区")).Message.ShouldContain("名额上限2个");
    }

    [Fact]
    public void A4_1_Removing_a_candidate_re_ranks_the_rest()
    {
        var recommendation = Recommendation();
        var first = 4;
        var second = 5;
        recommendation.Add(first, "620102001000", "甲社区");
        recommendation.Add(second, "620102001000", "乙社区");

        recommendation.Remove(first);

        recommendation.Candidates.ShouldHaveSingleItem().Rank.ShouldBe(1);
    }

    [Fact]
    public void A4_1_Outcomes_are_recorded_after_submission_and_conclude_the_round()
    {
        var recommendation = Recommendation();
        var granted = 6;
        var notGranted = 7;
        recommendation.Add(granted, "620102001000", "甲社区");
        recommendation.Add(notGranted, "620102001000", "乙社区");
        Should.Throw<DomainException>(() => recommendation.RecordGranted(granted, "人社部函〔2025〕1号", new DateOnly(2025, 12, 1)));

        recommendation.Submit(Now);
        Should.Throw<DomainException>(() => recommendation.Add(8, "620102001008", "丙社区"));
        Should.Throw<DomainException>(() => recommendation.RecordGranted(granted, " ", new DateOnly(2025, 12, 1)));
        recommendation.RecordGranted(granted, "人社部函〔2025〕1号", new DateOnly(2025, 12, 1));
        recommendation.State.ShouldBe(NationalRecommendationState.Submitted);
        Should.Throw<DomainException>(() => recommendation.RecordNotGranted(granted, new DateOnly(2025, 12, 1)));
        recommendation.RecordNotGranted(notGranted, new DateOnly(2025, 12, 1), "未入选");

        recommendation.State.ShouldBe(NationalRecommendationState.Concluded);
        recommendation.Candidates.Single(c => c.CommunityId == granted).DocumentNumber.ShouldBe("人社部函〔2025〕1号");
        recommendation.Candidates.Single(c => c.CommunityId == notGranted).Outcome.ShouldBe(NationalOutcome.NotGranted);
    }

    [Fact]
    public void A4_1_An_empty_list_cannot_be_submitted()
    {
        Should.Throw<DomainException>(() => Recommendation().Submit(Now));
    }
}
