using FullEmployment.Domain.Campaigns;

namespace FullEmployment.UnitTests.Campaigns;

public class AutoScoringTests
{
    private static readonly AutoScoringInput Good = CampaignWorld.GoodIndicators;

    private static AutoItemScore Item(AutoScoringInput input, string number) => AutoScoring.Compute(input).Single(s => s.Number == number);

    [Fact]
    [Trait("Clause", "A6")]
    public void A6_Good_indicators_give_full_auto_points()
    {
        var scores = AutoScoring.Compute(Good);

        scores.Sum(s => s.Score).ShouldBe(84m);
        scores.Where(s => s.GateMet.HasValue).ShouldAllBe(s => s.GateMet == true);
        scores.Select(s => s.Number).ShouldBe(["1.1", "1.4", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "5.2"]);
    }

    [Fact]
    [Trait("Clause", "A5.1.1")]
    public void A5_1_1_No_province_filed_municipal_title_scores_0_and_fails_the_gate()
    {
        Item(Good with { MunicipalTitleFiledWithProvince = false }, "1.1").ShouldBe(new AutoItemScore("1.1", 0m, false));
    }

    [Theory]
    [Trait("Clause", "A5.1.4")]
    [InlineData(3, 5, true)]
    [InlineData(2, 5, true)]
    [InlineData(1, 3, true)]
    [InlineData(0, 0, false)]
    public void A5_1_4_Qualified_staff_score_and_gate(int staff, int score, bool gate)
    {
        Item(Good with { QualifiedStaffCount = staff }, "1.4").ShouldBe(new AutoItemScore("1.4", score, gate));
    }

    [Fact]
    [Trait("Clause", "A5.2.1")]
    public void A5_2_1_Ledger_score_is_share_of_complete_rows_less_2_per_stale_kind_floor_0()
    {
        Item(Good with { LedgerCompleteShare = 0.9m, StaleLedgerKinds = 1 }, "2.1").Score.ShouldBe(5.2m);
        Item(Good with { LedgerCompleteShare = 0.5m, StaleLedgerKinds = 3 }, "2.1").Score.ShouldBe(0m);
    }

    [Fact]
    [Trait("Clause", "A5.2.2")]
    public void A5_2_2_Report_score_loses_1_per_mismatch_and_late_report_floor_0()
    {
        Item(Good with { ReportMismatches = 2, LateReports = 1 }, "2.2").Score.ShouldBe(4m);
        Item(Good with { ReportMismatches = 3, LateReports = 5 }, "2.2").Score.ShouldBe(0m);
    }

    [Theory]
    [Trait("Clause", "A5.3.1")]
    [InlineData(1, 0)]
    [InlineData(0, 1)]
    public void A5_3_1_Any_breach_of_timely_assistance_scores_0_and_fails_the_gate(int familyBreaches, int willingBreaches)
    {
        Item(Good with { ZeroEmploymentFamilyBreaches = familyBreaches, WillingWorkerAssistanceBreaches = willingBreaches }, "3.1")
            .ShouldBe(new AutoItemScore("3.1", 0m, false));
    }

    [Fact]
    [Trait("Clause", "A5.3.2")]
    public void A5_3_2_Difficulty_employment_rate_gate_is_95_percent()
    {
        Item(Good with { DifficultyEmploymentRate = 0.95m }, "3.2").ShouldBe(new AutoItemScore("3.2", 10m, true));
        Item(Good with { DifficultyEmploymentRate = 0.949m }, "3.2").ShouldBe(new AutoItemScore("3.2", 0m, false));
    }

    [Fact]
    [Trait("Clause", "A5.3.3")]
    public void A5_3_3_Reemployment_gives_8_at_90_percent_plus_2_times_tracking_coverage()
    {
        Item(Good with { ReemploymentRate = 0.9m, ReemploymentTrackingCoverage = 0.5m }, "3.3").ShouldBe(new AutoItemScore("3.3", 9m, true));
        Item(Good with { ReemploymentRate = 0.89m, ReemploymentTrackingCoverage = 1m }, "3.3").ShouldBe(new AutoItemScore("3.3", 2m, false));
    }

    [Fact]
    [Trait("Clause", "A5.3.4")]
    public void A5_3_4_and_A5_4_1_and_A5_4_3_Are_proportional_and_truncated_to_one_decimal()
    {
        Item(Good with { KeyGroupEmployedShare = 0.87m }, "3.4").Score.ShouldBe(4.3m);
        Item(Good with { TrainingReferralShare = 0.5m }, "4.1").Score.ShouldBe(2.5m);
        Item(Good with { QuarterlyTrackingShare = 0.999m }, "4.3").Score.ShouldBe(4.9m);
    }

    [Fact]
    [Trait("Clause", "A5.4.2")]
    public void A5_4_2_Monthly_assistance_gate_needs_full_coverage()
    {
        Item(Good with { MonthlyAssistanceCoverage = 0.996m }, "4.2").ShouldBe(new AutoItemScore("4.2", 9.9m, false));
        Item(Good with { MonthlyAssistanceCoverage = 1m }, "4.2").ShouldBe(new AutoItemScore("4.2", 10m, true));
    }

    [Fact]
    [Trait("Clause", "A5.5.2")]
    public void A5_5_2_A_valid_complaint_in_three_years_scores_0_and_fails_the_gate()
    {
        Item(Good with { ValidComplaints = 1 }, "5.2").ShouldBe(new AutoItemScore("5.2", 0m, false));
    }
}
