using FullEmployment.Domain;
using FullEmployment.Domain.Ledgers;
using static FullEmployment.UnitTests.Ledgers.LedgerBuilder;

namespace FullEmployment.UnitTests.Ledgers;

public class IdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    public void Valid_numbers_pass_GB11643(string id) => IdNumber.Validate(id).ShouldBeNull();

    [Fact]
    public void Wrong_check_digit_is_refused() =>
        IdNumber.Validate("110105194912310021").ShouldBe("身份证号校验码错误");

    [Fact]
    public void Impossible_birth_date_is_refused()
    {
        var first17 = "62010219900230123";
        IdNumber.Validate(first17 + IdNumber.CheckCharacter(first17)).ShouldBe("身份证号中的出生日期无效");
    }

    [Fact]
    public void Birth_date_after_the_reference_date_is_refused()
    {
        var id = TestIds.Make(1, "20250301");
        IdNumber.Validate(id, D("2025-02-28")).ShouldBe("身份证号中的出生日期晚于当前日期");
        IdNumber.Validate(id, D("2025-03-01")).ShouldBeNull();
    }

    [Fact]
    public void Unknown_province_code_is_refused() =>
        IdNumber.Validate(TestIds.Make(1, region: "990102")).ShouldBe("身份证号地区码无效");

    [Theory]
    [InlineData("", "身份证号不能为空")]
    [InlineData("62010219900101123", "身份证号应为18位")]
    [InlineData("6201021990010112AX", "身份证号前17位应为数字")]
    [InlineData("62010219900101123Y", "身份证号第18位应为数字或X")]
    public void Malformed_numbers_are_refused_with_a_reason(string id, string message) =>
        IdNumber.Validate(id).ShouldBe(message);

    [Fact]
    public void Birth_date_and_gender_come_from_the_number()
    {
        var male = IdNumber.Parse(TestIds.Make(123, "19900307"));
        male.BirthDate.ShouldBe(D("1990-03-07"));
        male.Gender.ShouldBe(Gender.Male);
        IdNumber.Parse(TestIds.Make(124)).Gender.ShouldBe(Gender.Female);
    }

    [Fact]
    public void Parse_of_an_invalid_number_throws_a_domain_exception() =>
        Should.Throw<DomainException>(() => IdNumber.Parse("110105194912310021")).Message.ShouldBe("身份证号校验码错误");

    [Fact]
    public void Mask_keeps_first_six_and_last_four() =>
        IdNumber.Mask("62010219900307123x").ShouldBe("620102********123X");

    [Fact]
    public void Phone_mask_keeps_first_three_and_last_four() =>
        PhoneMask.Mask("13812341234").ShouldBe("138****1234");
}

public class AssessmentPeriodTests
{
    [Fact]
    public void Default_period_is_the_twelve_full_months_before_the_submission_month()
    {
        var period = AssessmentPeriod.DefaultFor(D("2025-03-10"));
        period.Start.ShouldBe(D("2024-03-01"));
        period.End.ShouldBe(D("2025-02-28"));
    }

    [Fact]
    public void Default_period_for_a_January_submission_is_the_previous_calendar_year()
    {
        var period = AssessmentPeriod.DefaultFor(D("2025-01-02"));
        period.Start.ShouldBe(D("2024-01-01"));
        period.End.ShouldBe(D("2024-12-31"));
    }

    [Fact]
    [Trait("Clause", "A5.5.2")]
    public void A_given_period_without_an_application_date_is_judged_the_day_after_it_ends_whatever_today_is()
    {
        AssessmentPeriod.ForRequest(D("2024-01-01"), D("2024-12-31"), null, D("2025-03-10"))
            .ShouldBe((new AssessmentPeriod(D("2024-01-01"), D("2024-12-31")), D("2025-01-01")));
        AssessmentPeriod.ForRequest(D("2024-01-01"), D("2024-12-31"), null, D("2026-03-10")).ApplicationDate.ShouldBe(D("2025-01-01"));
        AssessmentPeriod.ForRequest(D("2024-01-01"), D("2024-12-31"), D("2025-03-10"), D("2026-03-10")).ApplicationDate.ShouldBe(D("2025-03-10"));
        AssessmentPeriod.ForRequest(null, null, null, D("2025-03-10")).ShouldBe((AssessmentPeriod.DefaultFor(D("2025-03-10")), D("2025-03-10")));
        AssessmentPeriod.ForRequest(D("2024-01-01"), null, D("2025-01-02"), D("2025-03-10")).Period.ShouldBe(AssessmentPeriod.DefaultFor(D("2025-01-02")));
    }

    [Fact]
    public void End_before_start_is_refused() =>
        Should.Throw<DomainException>(() => new AssessmentPeriod(D("2024-02-01"), D("2024-01-31")));

    [Fact]
    public void Quarters_overlapping_the_period_are_clipped_to_it()
    {
        var quarters = AssessmentPeriod.DefaultFor(D("2025-03-10")).Quarters().ToList();
        quarters.Select(q => (q.Start, q.End)).ShouldBe(
        [
            (D("2024-03-01"), D("2024-03-31")),
            (D("2024-04-01"), D("2024-06-30")),
            (D("2024-07-01"), D("2024-09-30")),
            (D("2024-10-01"), D("2024-12-31")),
            (D("2025-01-01"), D("2025-02-28")),
        ]);
    }

    [Fact]
    public void Months_cover_the_period_one_calendar_month_each()
    {
        var months = AssessmentPeriod.DefaultFor(D("2025-03-10")).Months().ToList();
        months.Count.ShouldBe(12);
        months[11].ShouldBe(new AssessmentPeriod(D("2025-02-01"), D("2025-02-28")));
    }
}

public class LedgerKindsTests
{
    [Fact]
    public void Kinds_are_the_sheets_of_the_spec_in_order() =>
        LedgerKinds.All.Select(k => k.SheetName).ShouldBe(
            ["人员", "失业登记", "就业记录", "就业困难人员", "零就业家庭", "援助记录", "培训推荐", "就业愿望登记", "投诉", "工作人员"]);

    [Fact]
    public void Natural_key_columns_are_required_columns_of_their_kind()
    {
        foreach (var kind in LedgerKinds.All)
        {
            foreach (var key in kind.NaturalKey)
            {
                kind.Column(key).ShouldNotBeNull().Required.ShouldBeTrue();
            }
        }
    }

    [Fact]
    public void Labels_map_both_ways()
    {
        LedgerLabels.DeregistrationReasons.TryParse("丧失劳动能力", out var reason).ShouldBeTrue();
        reason.ShouldBe(LeaveReason.LostWorkCapacity);
        reason.ToLabel().ShouldBe("丧失劳动能力");
        LedgerLabels.DifficultyExitReasons.TryParse("入学", out _).ShouldBeFalse();
        EducationLevel.College.IsCollegeOrAbove().ShouldBeTrue();
        EducationLevel.VocationalSecondary.IsCollegeOrAbove().ShouldBeFalse();
    }
}
