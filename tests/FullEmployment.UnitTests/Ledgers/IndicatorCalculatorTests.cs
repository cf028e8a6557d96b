using FullEmployment.Domain.Ledgers;
using static FullEmployment.UnitTests.Ledgers.LedgerBuilder;

namespace FullEmployment.UnitTests.Ledgers;

public class IndicatorCalculatorTests
{
    private static readonly DateOnly ApplicationDate = D("2025-03-10");
    private static readonly AssessmentPeriod Period = AssessmentPeriod.DefaultFor(ApplicationDate); // 2024-03-01 … 2025-02-28
    private static readonly string A = TestIds.Person(1);
    private static readonly string B = TestIds.Person(2);
    private static readonly string C = TestIds.Person(3);

    private static IndicatorResult Compute(LedgerBuilder ledger, string id, AssessmentPeriod? period = null, IndicatorSettings? settings = null) =>
        new IndicatorCalculator(settings ?? new IndicatorSettings()).Calculate(ledger.Build(), period ?? Period, ApplicationDate)[id];

    private static IndicatorResult Reemployment(LedgerBuilder ledger) => Compute(ledger, IndicatorCalculator.Reemployment);

    [Fact]
    public void Report_holds_every_indicator_of_the_spec()
    {
        var report = new IndicatorCalculator().Calculate(new LedgerBuilder().Build(), Period, ApplicationDate);
        report.Indicators.Select(i => i.Id).ShouldBe(
            ["A5.3.3", "A5.3.2", "A5.3.1a", "A5.3.1b", "A5.4.2", "A5.4.1", "A5.4.3", "A5.3.4", "A5.5.2", "A5.1.4", "A5.2.1"]);
    }

    // ---- A5.3.3 re-employment rate ----

    [Fact]
    [Trait("Clause", "A5.3.3")]
    public void A5_3_3_Registered_person_employed_after_registration_is_reemployed()
    {
        var ledger = new LedgerBuilder()
            .Registered(A, "2024-04-01").Employed(A, "2024-06-01")
            .Registered(B, "2024-04-01");
        var result = Reemployment(ledger);
        result.Numerator.ShouldBe(1);
        result.Denominator.ShouldBe(2);
        result.Value.ShouldBe(0.5m);
        result.Threshold.ShouldBe(0.90m);
        result.Status.ShouldBe(IndicatorStatus.NotMet);
        result.NumeratorSubjects.Select(s => s.Key).ShouldBe([A]);
        result.DenominatorSubjects.Select(s => s.Key).ShouldBe([A, B], ignoreOrder: true);
    }

    [Fact]
    [Trait("Clause", "A5.3.3")]
    public void A5_3_3_All_reemployed_meets_the_90_percent_threshold()
    {
        var result = Reemployment(new LedgerBuilder().Registered(A, "2024-04-01").Employed(A, "2024-05-01"));
        result.Value.ShouldBe(1m);
        result.Status.ShouldBe(IndicatorStatus.Met);
    }

    [Fact]
    [Trait("Clause", "A5.3.3")]
    public void A5_3_3_No_registered_unemployed_is_not_applicable()
    {
        var result = Reemployment(new LedgerBuilder().Person(A));
        result.Denominator.ShouldBe(0);
        result.Status.ShouldBe(IndicatorStatus.NotApplicable);
    }

    [Theory]
    [Trait("Clause", "A5.3.3")]
    [InlineData("2023-06-01", "2024-03-01", true)]   // spell ends on S: overlaps
    [InlineData("2023-06-01", "2024-02-29", false)]  // ends the day before S
    [InlineData("2025-02-28", null, true)]           // registered on E
    [InlineData("2025-03-01", null, false)]          // registered the day after E
    public void A5_3_3_Registration_spell_must_overlap_the_period(string registeredOn, string? deregisteredOn, bool counted)
    {
        var ledger = new LedgerBuilder().Registered(A, registeredOn, deregisteredOn, deregisteredOn is null ? null : LeaveReason.Other);
        Reemployment(ledger).Denominator.ShouldBe(counted ? 1 : 0);
    }

    [Theory]
    [Trait("Clause", "A5.3.3")]
    [InlineData(null, null, true)]
    [InlineData(true, true, true)]
    [InlineData(null, true, true)]   // blank 劳动能力 counts as 有
    [InlineData(true, null, true)]   // blank 就业意愿 counts as 有
    [InlineData(false, true, false)]
    [InlineData(true, false, false)]
    public void A5_3_3_Only_persons_willing_and_able_count_blank_counts_as_yes(bool? capacity, bool? willing, bool counted)
    {
        var ledger = new LedgerBuilder().Person(A, capacity, willing).Registered(A, "2024-04-01");
        Reemployment(ledger).Denominator.ShouldBe(counted ? 1 : 0);
    }

    [Theory]
    [Trait("Clause", "A5.3.3")]
    [InlineData(LeaveReason.Retired, false)]
    [InlineData(LeaveReason.Deceased, false)]
    [InlineData(LeaveReason.MovedAway, false)]
    [InlineData(LeaveReason.LostWorkCapacity, false)]
    [InlineData(LeaveReason.Enrolled, false)]
    [InlineData(LeaveReason.Enlisted, false)]
    [InlineData(LeaveReason.Imprisoned, false)]
    [InlineData(LeaveReason.Employed, true)]
    [InlineData(LeaveReason.Other, true)]
    public void A5_3_3_Deregistration_that_leaves_the_labour_force_excludes_the_person(LeaveReason reason, bool counted)
    {
        var ledger = new LedgerBuilder().Registered(A, "2024-04-01", "2024-09-01", reason);
        Reemployment(ledger).Denominator.ShouldBe(counted ? 1 : 0);
    }

    [Fact]
    [Trait("Clause", "A5.3.3")]
    public void A5_3_3_Leaving_the_labour_force_after_E_does_not_exclude()
    {
        var ledger = new LedgerBuilder().Registered(A, "2024-04-01", "2025-03-01", LeaveReason.Retired);
        Reemployment(ledger).Denominator.ShouldBe(1);
    }

    [Fact]
    [Trait("Clause", "A5.3.3")]
    public void A5_3_3_Employment_on_E_counts_and_after_E_does_not()
    {
        var ledger = new LedgerBuilder()
            .Registered(A, "2024-04-01").Employed(A, "2025-02-28")
            .Registered(B, "2024-04-01").Employed(B, "2025-03-01");
        Reemployment(ledger).NumeratorSubjects.Select(s => s.Key).ShouldBe([A]);
    }

    [Fact]
    [Trait("Clause", "A5.3.3")]
    public void A5_3_3_Employment_before_registration_is_not_reemployment()
    {
        var ledger = new LedgerBuilder().Employed(A, "2024-01-01").Registered(A, "2024-04-01");
        Reemployment(ledger).Numerator.ShouldBe(0);
    }

    [Fact]
    [Trait("Clause", "A5.3.3")]
    public void A5_3_3_Person_employed_then_registered_unemployed_again_is_judged_on_the_new_spell()
    {
        var ledger = new LedgerBuilder()
            .Registered(A, "2024-04-01", "2024-06-01", LeaveReason.Employed).Employed(A, "2024-06-01")
            .Registered(A, "2024-10-01");
        var result = Reemployment(ledger);
        result.Denominator.ShouldBe(1);
        result.Numerator.ShouldBe(0);
    }

    // ---- A5.3.2 difficulty-person employment rate ----

    private static IndicatorResult DifficultyRate(LedgerBuilder ledger, AssessmentPeriod? period = null) =>
        Compute(ledger, IndicatorCalculator.DifficultyEmployment, period);

    [Fact]
    [Trait("Clause", "A5.3.2")]
    public void A5_3_2_Difficulty_person_employed_at_E_counts_as_employed()
    {
        var ledger = new LedgerBuilder()
            .Difficulty(A, "2024-01-10").Employed(A, "2024-12-01")
            .Difficulty(B, "2024-01-10");
        var result = DifficultyRate(ledger);
        result.Numerator.ShouldBe(1);
        result.Denominator.ShouldBe(2);
        result.Threshold.ShouldBe(0.95m);
        result.Status.ShouldBe(IndicatorStatus.NotMet);
    }

    [Theory]
    [Trait("Clause", "A5.3.2")]
    [InlineData(LeaveReason.Retired)]
    [InlineData(LeaveReason.Deceased)]
    [InlineData(LeaveReason.MovedAway)]
    [InlineData(LeaveReason.LostWorkCapacity)]
    public void A5_3_2_Difficulty_person_who_left_the_labour_force_is_excluded_from_denominator(LeaveReason reason)
    {
        var ledger = new LedgerBuilder().Difficulty(A, "2024-01-10", "2024-08-01", reason).Difficulty(B, "2024-01-10").Employed(B, "2024-05-01");
        var result = DifficultyRate(ledger);
        result.DenominatorSubjects.Select(s => s.Key).ShouldBe([B]);
        result.Status.ShouldBe(IndicatorStatus.Met);
    }

    [Fact]
    [Trait("Clause", "A5.3.2")]
    public void A5_3_2_Difficulty_person_who_retired_is_excluded_from_denominator()
    {
        var ledger = new LedgerBuilder().Difficulty(A, "2024-01-10", "2024-08-01", LeaveReason.Retired);
        DifficultyRate(ledger).Status.ShouldBe(IndicatorStatus.NotApplicable);
    }

    [Fact]
    [Trait("Clause", "A5.3.2")]
    public void A5_3_2_Exit_with_reason_employment_within_the_period_counts_as_employed()
    {
        var ledger = new LedgerBuilder().Difficulty(A, "2024-01-10", "2024-06-01", LeaveReason.Employed);
        var result = DifficultyRate(ledger);
        result.Numerator.ShouldBe(1);
        result.Denominator.ShouldBe(1);
    }

    [Fact]
    [Trait("Clause", "A5.3.2")]
    public void A5_3_2_Exit_for_other_reason_within_the_period_counts_in_denominator_only()
    {
        var ledger = new LedgerBuilder().Difficulty(A, "2024-01-10", "2024-06-01", LeaveReason.Other);
        var result = DifficultyRate(ledger);
        result.Numerator.ShouldBe(0);
        result.Denominator.ShouldBe(1);
    }

    [Theory]
    [Trait("Clause", "A5.3.2")]
    [InlineData("2024-01-10", "2024-02-29", 0)] // ended the day before S
    [InlineData("2024-01-10", "2024-03-01", 1)] // ended on S
    [InlineData("2025-02-28", null, 1)]         // identified on E
    [InlineData("2025-03-01", null, 0)]         // identified after E
    public void A5_3_2_Identification_must_be_in_force_within_the_period(string identifiedOn, string? endedOn, int denominator)
    {
        var ledger = new LedgerBuilder().Difficulty(A, identifiedOn, endedOn, endedOn is null ? null : LeaveReason.Other);
        DifficultyRate(ledger).Denominator.ShouldBe(denominator);
    }

    [Fact]
    [Trait("Clause", "A5.3.2")]
    public void A5_3_2_Person_employed_then_registered_unemployed_again_is_not_employed_at_E()
    {
        var ledger = new LedgerBuilder().Difficulty(A, "2024-01-10").Employed(A, "2024-05-01").Registered(A, "2024-11-01");
        DifficultyRate(ledger).Numerator.ShouldBe(0);
    }

    [Fact]
    [Trait("Clause", "A5.3.2")]
    public void A5_3_2_Registration_on_the_same_day_as_employment_does_not_end_it()
    {
        // "No unemployment registration dated after that employment": same day is not after.
        var ledger = new LedgerBuilder().Difficulty(A, "2024-01-10").Registered(A, "2024-05-01").Employed(A, "2024-05-01");
        DifficultyRate(ledger).Numerator.ShouldBe(1);
    }

    // ---- A5.3.1a zero-employment families ----

    private static readonly AssessmentPeriod Year2024 = new(D("2024-01-01"), D("2024-12-31"));

    private static IndicatorResult Families(LedgerBuilder ledger, AssessmentPeriod? period = null) =>
        Compute(ledger, IndicatorCalculator.ZeroEmploymentFamilies, period ?? Year2024);

    [Theory]
    [Trait("Clause", "A5.3.1a")]
    [InlineData("2024-02-29", 0)] // identified 01-31 + 1 calendar month = 02-29 (leap year)
    [InlineData("2024-03-01", 1)]
    public void A5_3_1a_Deadline_of_a_month_end_identification_is_the_last_day_of_next_month(string employedOn, int breaches)
    {
        var ledger = new LedgerBuilder().Person(A, family: "F1").Family("F1", "2024-01-31", A).Employed(A, employedOn);
        var result = Families(ledger);
        result.Numerator.ShouldBe(breaches);
        result.Denominator.ShouldBe(1);
        result.Status.ShouldBe(breaches == 0 ? IndicatorStatus.Met : IndicatorStatus.NotMet);
    }

    [Fact]
    [Trait("Clause", "A5.3.1a")]
    public void A5_3_1a_Deadline_in_a_common_year_is_February_28()
    {
        var period = new AssessmentPeriod(D("2025-01-01"), D("2025-12-31"));
        var onTime = new LedgerBuilder().Person(A, family: "F1").Family("F1", "2025-01-31", A).Employed(A, "2025-02-28");
        var late = new LedgerBuilder().Person(A, family: "F1").Family("F1", "2025-01-31", A).Employed(A, "2025-03-01");
        Families(onTime, period).Numerator.ShouldBe(0);
        Families(late, period).Numerator.ShouldBe(1);
    }

    [Fact]
    [Trait("Clause", "A5.3.1a")]
    public void A5_3_1a_Any_member_by_family_number_clears_the_family()
    {
        var ledger = new LedgerBuilder()
            .Person(A, family: "F1").Person(B, family: "F1")
            .Family("F1", "2024-05-10", A).Employed(B, "2024-06-10");
        Families(ledger).Numerator.ShouldBe(0);
    }

    [Fact]
    [Trait("Clause", "A5.3.1a")]
    public void A5_3_1a_Employment_before_identification_does_not_clear()
    {
        var ledger = new LedgerBuilder().Person(A, family: "F1").Family("F1", "2024-05-10", A).Employed(A, "2024-05-09");
        Families(ledger).Numerator.ShouldBe(1);
    }

    [Fact]
    [Trait("Clause", "A5.3.1a")]
    public void A5_3_1a_Uncleared_family_breaches_only_once_E_is_past_the_deadline()
    {
        var past = new LedgerBuilder().Person(A, family: "F1").Family("F1", "2024-11-30", A);
        var notYet = new LedgerBuilder().Person(A, family: "F1").Family("F1", "2024-12-10", A);
        Families(past).Numerator.ShouldBe(1);    // deadline 12-30 < E 12-31
        Families(notYet).Numerator.ShouldBe(0);  // deadline 2025-01-10 ≥ E
        Families(notYet).Denominator.ShouldBe(1);
    }

    [Fact]
    [Trait("Clause", "A5.3.1a")]
    public void A5_3_1a_Family_cleared_before_S_or_identified_after_E_is_not_judged()
    {
        var ledger = new LedgerBuilder()
            .Person(A, family: "F1").Family("F1", "2023-11-01", A).Employed(A, "2023-12-31")
            .Person(B, family: "F2").Family("F2", "2025-01-01", B);
        Families(ledger).Status.ShouldBe(IndicatorStatus.NotApplicable);
    }

    [Fact]
    [Trait("Clause", "A5.3.1a")]
    public void A5_3_1a_Family_cleared_on_S_is_judged()
    {
        var ledger = new LedgerBuilder().Person(A, family: "F1").Family("F1", "2023-12-15", A).Employed(A, "2024-01-01");
        var result = Families(ledger);
        result.Denominator.ShouldBe(1);
        result.Numerator.ShouldBe(0);
    }

    // ---- A5.3.1b willing workers assisted within six months ----

    private static IndicatorResult WishesAssisted(LedgerBuilder ledger) => Compute(ledger, IndicatorCalculator.WillingWorkersAssisted);

    [Theory]
    [Trait("Clause", "A5.3.1b")]
    [InlineData("2024-11-30", 0)] // registered 05-31 + 6 calendar months = 11-30
    [InlineData("2024-12-01", 1)]
    public void A5_3_1b_First_assistance_must_come_within_six_calendar_months(string assistedOn, int breaches)
    {
        var ledger = new LedgerBuilder().Wish(A, "2024-05-31").Assisted(A, assistedOn);
        var result = WishesAssisted(ledger);
        result.Numerator.ShouldBe(breaches);
        result.Denominator.ShouldBe(1);
    }

    [Fact]
    [Trait("Clause", "A5.3.1b")]
    public void A5_3_1b_Month_end_registration_deadline_falls_on_February_28()
    {
        var onTime = new LedgerBuilder().Wish(A, "2024-08-31").Assisted(A, "2025-02-28");
        WishesAssisted(onTime).Numerator.ShouldBe(0);
    }

    [Fact]
    [Trait("Clause", "A5.3.1b")]
    public void A5_3_1b_Assistance_before_the_registration_does_not_count()
    {
        var ledger = new LedgerBuilder().Wish(A, "2024-04-01").Assisted(A, "2024-03-31");
        WishesAssisted(ledger).Numerator.ShouldBe(1);
    }

    [Fact]
    [Trait("Clause", "A5.3.1b")]
    public void A5_3_1b_Unassisted_registration_breaches_only_once_E_is_past_the_deadline()
    {
        var ledger = new LedgerBuilder().Wish(A, "2024-08-27").Wish(B, "2024-08-28");
        var result = WishesAssisted(ledger);
        result.NumeratorSubjects.Select(s => s.Key).ShouldBe([A]); // A: deadline 02-27 < E; B: deadline 02-28 = E
        result.Denominator.ShouldBe(2);
    }

    [Theory]
    [Trait("Clause", "A5.3.1b")]
    [InlineData("2024-02-29", 0)]
    [InlineData("2024-03-01", 1)]
    [InlineData("2025-02-28", 1)]
    [InlineData("2025-03-01", 0)]
    public void A5_3_1b_Only_registrations_dated_within_the_period_are_judged(string registeredOn, int denominator)
    {
        var ledger = new LedgerBuilder().Wish(A, registeredOn).Assisted(A, registeredOn);
        WishesAssisted(ledger).Denominator.ShouldBe(denominator);
    }

    // ---- A5.4.2 monthly assistance coverage ----

    private static IndicatorResult Monthly(LedgerBuilder ledger) => Compute(ledger, IndicatorCalculator.MonthlyAssistance);

    private static string[] MonthDays(string day) =>
        [.. Period.Months().Select(m => $"{m.Start:yyyy-MM}-{day}")];

    [Fact]
    [Trait("Clause", "A5.4.2")]
    public void A5_4_2_Assistance_every_month_covers_every_required_month()
    {
        var ledger = new LedgerBuilder().Difficulty(A, "2024-01-10").Assisted(A, MonthDays("15"));
        var result = Monthly(ledger);
        result.Denominator.ShouldBe(12);
        result.Numerator.ShouldBe(12);
        result.Value.ShouldBe(1m);
        result.Status.ShouldBe(IndicatorStatus.Met);
    }

    [Fact]
    [Trait("Clause", "A5.4.2")]
    public void A5_4_2_One_month_without_assistance_fails_the_100_percent_threshold()
    {
        var ledger = new LedgerBuilder().Difficulty(A, "2024-01-10").Assisted(A, [.. MonthDays("15").Where(d => !d.StartsWith("2024-07", StringComparison.Ordinal))]);
        var result = Monthly(ledger);
        result.Numerator.ShouldBe(11);
        result.Status.ShouldBe(IndicatorStatus.NotMet);
        result.DenominatorSubjects.Except(result.NumeratorSubjects).Single().Detail.ShouldBe("2024-07");
    }

    [Fact]
    [Trait("Clause", "A5.4.2")]
    public void A5_4_2_Months_from_the_first_day_employed_are_not_required()
    {
        // Identified 05-10 unemployed; employed 08-15: May, June, July and August are required.
        var ledger = new LedgerBuilder().Difficulty(A, "2024-05-10").Employed(A, "2024-08-15");
        var result = Monthly(ledger);
        result.DenominatorSubjects.Select(s => s.Detail).ShouldBe(["2024-05", "2024-06", "2024-07", "2024-08"]);
    }

    [Fact]
    [Trait("Clause", "A5.4.2")]
    public void A5_4_2_In_the_month_of_identification_employment_is_checked_on_the_identification_day()
    {
        // Not employed on 05-01 but employed on 05-10, the identification day: May is not required.
        var ledger = new LedgerBuilder().Difficulty(A, "2024-05-10").Employed(A, "2024-05-05")
            .Difficulty(B, "2024-05-10").Employed(B, "2024-05-20");
        var result = Monthly(ledger);
        result.DenominatorSubjects.ShouldBe([new IndicatorSubject(B, "2024-05")]);
    }

    [Fact]
    [Trait("Clause", "A5.4.2")]
    public void A5_4_2_Month_after_the_identification_ended_is_not_required()
    {
        var ledger = new LedgerBuilder().Difficulty(A, "2024-01-10", "2024-04-15", LeaveReason.Other);
        Monthly(ledger).DenominatorSubjects.Select(s => s.Detail).ShouldBe(["2024-03", "2024-04"]);
    }

    [Fact]
    [Trait("Clause", "A5.4.2")]
    public void A5_4_2_No_difficulty_persons_is_not_applicable() =>
        Monthly(new LedgerBuilder().Person(A)).Status.ShouldBe(IndicatorStatus.NotApplicable);

    // ---- A5.4.1 training referrals ----

    [Fact]
    [Trait("Clause", "A5.4.1")]
    public void A5_4_1_Share_of_difficulty_persons_referred_to_training_within_the_period()
    {
        var ledger = new LedgerBuilder()
            .Difficulty(A, "2024-01-10").Training(A, "2025-02-28")
            .Difficulty(B, "2024-01-10").Training(B, "2024-02-29")
            .Difficulty(C, "2024-01-10").Training(C, "2024-03-01");
        var result = Compute(ledger, IndicatorCalculator.TrainingReferral);
        result.NumeratorSubjects.Select(s => s.Key).ShouldBe([A, C], ignoreOrder: true);
        result.Denominator.ShouldBe(3);
        result.Threshold.ShouldBeNull();
        result.Status.ShouldBe(IndicatorStatus.Met);
    }

    [Fact]
    [Trait("Clause", "A5.4.1")]
    public void A5_4_1_No_difficulty_persons_is_not_applicable() =>
        Compute(new LedgerBuilder(), IndicatorCalculator.TrainingReferral).Status.ShouldBe(IndicatorStatus.NotApplicable);

    // ---- A5.4.3 (A5.3.3) quarterly tracking ----

    private static IndicatorResult Tracking(LedgerBuilder ledger) => Compute(ledger, IndicatorCalculator.Tracking);

    [Fact]
    [Trait("Clause", "A5.4.3")]
    public void A5_4_3_Each_quarter_unemployed_on_its_first_day_needs_an_assistance_record()
    {
        // Registered before S: required in all five (clipped) quarters; no record in Q3.
        var ledger = new LedgerBuilder().Registered(A, "2024-01-10")
            .Assisted(A, "2024-03-31", "2024-06-30", "2024-10-01", "2025-02-28");
        var result = Tracking(ledger);
        result.Denominator.ShouldBe(5);
        result.Numerator.ShouldBe(4);
        result.DenominatorSubjects.Except(result.NumeratorSubjects).Single().Detail.ShouldBe("2024年第3季度");
    }

    [Fact]
    [Trait("Clause", "A5.4.3")]
    public void A5_4_3_Quarter_starting_before_the_registration_is_not_required()
    {
        var ledger = new LedgerBuilder().Registered(A, "2024-05-10");
        Tracking(ledger).DenominatorSubjects.Select(s => s.Detail).ShouldBe(["2024年第3季度", "2024年第4季度", "2025年第1季度"]);
    }

    [Fact]
    [Trait("Clause", "A5.4.3")]
    public void A5_4_3_Quarter_starting_employed_is_not_required()
    {
        var ledger = new LedgerBuilder().Registered(A, "2024-01-10").Employed(A, "2024-08-01");
        Tracking(ledger).DenominatorSubjects.Select(s => s.Detail).ShouldBe(["2024年第1季度", "2024年第2季度", "2024年第3季度"]);
    }

    [Fact]
    [Trait("Clause", "A5.4.3")]
    public void A5_4_3_No_registered_unemployed_is_not_applicable() =>
        Tracking(new LedgerBuilder()).Status.ShouldBe(IndicatorStatus.NotApplicable);

    // ---- A5.3.4 key groups ----

    [Fact]
    [Trait("Clause", "A5.3.4")]
    public void A5_3_4_Share_of_key_group_registrants_employed_at_E()
    {
        var ledger = new LedgerBuilder()
            .Wish(A, "2024-04-01").Employed(A, "2024-09-01")
            .Wish(B, "2024-04-01").Employed(B, "2024-09-01").Registered(B, "2024-12-01")
            .Wish(C, "2024-02-29").Employed(C, "2024-09-01");
        var result = Compute(ledger, IndicatorCalculator.KeyGroupOutcome);
        result.NumeratorSubjects.Select(s => s.Key).ShouldBe([A]);
        result.DenominatorSubjects.Select(s => s.Key).ShouldBe([A, B], ignoreOrder: true);
        result.Value.ShouldBe(0.5m);
    }

    // ---- A5.5.2 complaints ----

    [Fact]
    [Trait("Clause", "A5.5.2")]
    public void A5_5_2_Valid_complaints_in_the_three_calendar_years_before_the_application_year_count()
    {
        var ledger = new LedgerBuilder()
            .Complaint("2021-12-31", valid: true)
            .Complaint("2022-01-01", valid: true)
            .Complaint("2024-12-31", valid: false)
            .Complaint("2025-01-05", valid: true);
        var result = Compute(ledger, IndicatorCalculator.ValidComplaints);
        result.Value.ShouldBe(1m);
        result.Denominator.ShouldBe(2);
        result.Threshold.ShouldBe(0m);
        result.Status.ShouldBe(IndicatorStatus.NotMet);
    }

    [Fact]
    [Trait("Clause", "A5.5.2")]
    public void A5_5_2_No_complaints_meets_the_condition_rather_than_being_not_applicable()
    {
        var result = Compute(new LedgerBuilder(), IndicatorCalculator.ValidComplaints);
        result.Value.ShouldBe(0m);
        result.Status.ShouldBe(IndicatorStatus.Met);
    }

    // ---- A5.1.4 staff ----

    [Theory]
    [Trait("Clause", "A5.1.4")]
    [InlineData(EducationLevel.College, true, "2024-03-10", null, true)]        // exactly 12 months before
    [InlineData(EducationLevel.Postgraduate, true, "2020-01-01", null, true)]
    [InlineData(EducationLevel.College, true, "2024-03-11", null, false)]       // one day short
    [InlineData(EducationLevel.HighSchool, true, "2020-01-01", null, false)]
    [InlineData(EducationLevel.VocationalSecondary, true, "2020-01-01", null, false)]
    [InlineData(EducationLevel.Bachelor, false, "2020-01-01", null, false)]     // not full-time
    [InlineData(EducationLevel.Bachelor, true, "2020-01-01", "2025-03-09", false)] // left before the application date
    [InlineData(EducationLevel.Bachelor, true, "2020-01-01", "2025-03-10", true)]  // leaves on the application date
    public void A5_1_4_Qualified_staff_are_full_time_college_or_above_in_post_twelve_months(
        EducationLevel education, bool fullTime, string startedOn, string? leftOn, bool qualified)
    {
        var result = Compute(new LedgerBuilder().Staff("李四", education, fullTime, startedOn, leftOn), IndicatorCalculator.QualifiedStaff);
        result.Value.ShouldBe(qualified ? 1m : 0m);
        result.Status.ShouldBe(qualified ? IndicatorStatus.Met : IndicatorStatus.NotMet);
    }

    [Fact]
    [Trait("Clause", "A5.1.4")]
    public void A5_1_4_Minimum_number_of_staff_is_configurable()
    {
        var ledger = new LedgerBuilder().Staff("李四", EducationLevel.College, true, "2020-01-01");
        var result = Compute(ledger, IndicatorCalculator.QualifiedStaff, settings: new IndicatorSettings { QualifiedStaffMinimum = 2 });
        result.Threshold.ShouldBe(2m);
        result.Status.ShouldBe(IndicatorStatus.NotMet);
    }

    // ---- A5.2.1 ledger completeness ----

    [Fact]
    [Trait("Clause", "A5.2.1")]
    public void A5_2_1_Share_of_rows_with_every_required_field_present_and_valid()
    {
        var ledger = new LedgerBuilder().Person(A).Registered(A, "2024-04-01").Person("110105194912310021");
        var result = Compute(ledger, IndicatorCalculator.LedgerCompleteness);
        result.Denominator.ShouldBe(3);
        result.Numerator.ShouldBe(2);
        result.DenominatorSubjects.Except(result.NumeratorSubjects).Single().ShouldBe(new IndicatorSubject("110105194912310021", "人员"));
    }

    [Fact]
    [Trait("Clause", "A5.2.1")]
    public void A5_2_1_Kinds_without_a_row_changed_in_the_last_90_days_are_stale()
    {
        var fresh = new DateTimeOffset(2024, 12, 11, 0, 0, 0, TimeSpan.FromHours(8)); // 90th day back from 2025-03-10
        var old = new DateTimeOffset(2024, 12, 10, 23, 0, 0, TimeSpan.FromHours(8));
        var ledger = new LedgerBuilder().Registered(A, "2024-04-01", createdAt: fresh).Employed(A, "2024-05-01", createdAt: old);
        var report = new IndicatorCalculator().Calculate(ledger.Build(), Period, ApplicationDate);
        report.StaleKinds.ShouldNotContain(LedgerKind.UnemploymentRegistration);
        report.StaleKinds.ShouldContain(LedgerKind.Employment);
        report.StaleKinds.ShouldContain(LedgerKind.Person);     // stamped 2024-01-01
        report.StaleKinds.ShouldContain(LedgerKind.Complaint);  // no rows at all
    }

    [Fact]
    public void Indicators_over_500_persons_give_the_expected_rates()
    {
        var ledger = new LedgerBuilder();
        for (var i = 1; i <= 500; i++)
        {
            var id = TestIds.Person(i);
            ledger.Registered(id, "2024-01-10").Difficulty(id, "2024-01-10").Assisted(id, MonthDays("10"));
            if (i % 2 == 0)
            {
                ledger.Employed(id, "2024-09-01");
            }
        }

        var report = new IndicatorCalculator().Calculate(ledger.Build(), Period, ApplicationDate);
        report[IndicatorCalculator.Reemployment].Value.ShouldBe(0.5m);
        report[IndicatorCalculator.MonthlyAssistance].Value.ShouldBe(1m);
    }
}
