using FullEmployment.Domain.Ledgers;
using static FullEmployment.UnitTests.Ledgers.LedgerBuilder;

namespace FullEmployment.UnitTests.Ledgers;

public class IntegrityCheckerTests
{
    private static readonly DateOnly ApplicationDate = D("2025-03-10");
    private static readonly AssessmentPeriod Period = AssessmentPeriod.DefaultFor(ApplicationDate);
    private static readonly DateTimeOffset SubmittedAt = new(2025, 3, 10, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly string A = TestIds.Person(1);
    private static readonly string B = TestIds.Person(2);

    private static List<IntegrityFinding> Check(LedgerBuilder ledger, Func<string, IReadOnlyCollection<int>>? elsewhere = null) =>
        [.. new IntegrityChecker().Check(ledger.Build(), new IntegrityContext
        {
            Period = Period, ReferenceDate = ApplicationDate, SubmittedAt = SubmittedAt, ActiveElsewhere = elsewhere,
        })];

    [Fact]
    [Trait("Clause", "A16")]
    public void A16_Check1_Same_id_active_in_another_community_is_flagged()
    {
        var ledger = new LedgerBuilder { CommunityId = 7 }.Person(A).Person(B);
        var findings = Check(ledger, id => id == A ? [7, 9] : [7]);
        var finding = findings.ShouldHaveSingleItem();
        finding.Rule.ShouldBe(1);
        finding.IdNumber.ShouldBe(A);
        finding.Evidence.ShouldContain("9");
        finding.MaskedIdNumber.ShouldBe(IdNumber.Mask(A));
    }

    [Fact]
    [Trait("Clause", "A16")]
    public void A16_Check1_Person_who_moved_away_is_not_active()
    {
        var ledger = new LedgerBuilder().Registered(A, "2024-01-01", "2024-06-01", LeaveReason.MovedAway);
        IntegrityChecker.ActiveIdNumbers(ledger.Build(), ApplicationDate).ShouldBeEmpty();
        Check(ledger, _ => [2]).ShouldNotContain(f => f.Rule == 1);
    }

    [Fact]
    [Trait("Clause", "A16")]
    public void A16_Check2_Employment_while_registration_stays_open_is_flagged()
    {
        var findings = Check(new LedgerBuilder().Registered(A, "2024-04-01").Employed(A, "2024-06-01"));
        findings.ShouldHaveSingleItem().Rule.ShouldBe(2);
    }

    [Fact]
    [Trait("Clause", "A16")]
    public void A16_Check2_Deregistration_for_employment_without_an_employment_record_is_flagged()
    {
        var flagged = Check(new LedgerBuilder().Registered(A, "2024-04-01", "2024-06-01", LeaveReason.Employed));
        flagged.ShouldHaveSingleItem().Rule.ShouldBe(2);
        var fine = Check(new LedgerBuilder().Registered(A, "2024-04-01", "2024-06-01", LeaveReason.Employed).Employed(A, "2024-06-01"));
        fine.ShouldBeEmpty();
    }

    [Fact]
    [Trait("Clause", "A16")]
    public void A16_Check3_Record_created_after_submission_but_dated_before_it_is_flagged()
    {
        var ledger = new LedgerBuilder()
            .Employed(A, "2025-02-01", createdAt: SubmittedAt.AddHours(1))
            .Employed(B, "2025-03-11", createdAt: SubmittedAt.AddDays(2));
        var finding = Check(ledger).ShouldHaveSingleItem();
        finding.Rule.ShouldBe(3);
        finding.IdNumber.ShouldBe(A);
    }

    [Fact]
    [Trait("Clause", "A16")]
    public void A16_Check4_More_than_half_of_the_periods_employment_entered_in_the_last_30_days_is_flagged()
    {
        var late = SubmittedAt.AddDays(-10);
        var burst = new LedgerBuilder()
            .Employed(A, "2024-05-01", createdAt: late).Employed(B, "2024-06-01", createdAt: late)
            .Employed(TestIds.Person(3), "2024-07-01");
        Check(burst).ShouldHaveSingleItem().Rule.ShouldBe(4);

        var half = new LedgerBuilder().Employed(A, "2024-05-01", createdAt: late).Employed(B, "2024-06-01");
        Check(half).ShouldBeEmpty();
    }

    [Theory]
    [Trait("Clause", "A16")]
    [InlineData("20100101", 1)]   // 14 at registration
    [InlineData("19600101", 1)]   // a man of 64
    [InlineData("19900101", 0)]
    public void A16_Check5_Registered_unemployed_outside_working_age_is_flagged(string birth, int findings)
    {
        var id = TestIds.Make(1, birth);
        var result = Check(new LedgerBuilder().Registered(id, "2024-04-01"));
        result.Count(f => f.Rule == 5).ShouldBe(findings);
    }

    [Fact]
    [Trait("Clause", "A16")]
    public void A16_Check5_Woman_of_55_is_past_the_statutory_retirement_age()
    {
        var woman = TestIds.Make(2, "19690101");
        var man = TestIds.Make(1, "19690101");
        var result = Check(new LedgerBuilder().Difficulty(woman, "2024-04-01").Difficulty(man, "2024-04-01"));
        result.ShouldHaveSingleItem().IdNumber.ShouldBe(woman);
    }

    [Fact]
    [Trait("Clause", "A16")]
    public void A16_Check5_Open_registration_of_a_person_who_has_since_reached_retirement_age_is_flagged()
    {
        var man = TestIds.Make(1, "19650301");
        Check(new LedgerBuilder().Registered(man, "2020-01-01")).ShouldHaveSingleItem().Rule.ShouldBe(5);
    }

    [Fact]
    [Trait("Clause", "A16")]
    public void A16_Check5_Invalid_id_number_of_a_difficulty_person_is_flagged()
    {
        var finding = Check(new LedgerBuilder().Difficulty("110105194912310021", "2024-04-01")).ShouldHaveSingleItem();
        finding.Rule.ShouldBe(5);
        finding.Evidence.ShouldContain("校验码");
    }

    [Theory]
    [Trait("Clause", "A16")]
    [InlineData(LeaveReason.Deceased, 1)]
    [InlineData(LeaveReason.MovedAway, 1)]
    [InlineData(LeaveReason.Retired, 0)]
    public void A16_Check6_Assistance_after_death_or_departure_is_flagged(LeaveReason reason, int findings)
    {
        var ledger = new LedgerBuilder().Difficulty(A, "2024-01-01", "2024-06-01", reason).Assisted(A, "2024-06-01", "2024-06-02");
        Check(ledger).Count(f => f.Rule == 6).ShouldBe(findings);
    }
}
