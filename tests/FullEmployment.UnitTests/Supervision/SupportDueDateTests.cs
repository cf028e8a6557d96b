using FullEmployment.Domain;
using FullEmployment.Domain.Notices;
using FullEmployment.Domain.Supervision;

namespace FullEmployment.UnitTests.Supervision;

public class SupportDueDateTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.FromSeed();

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    [Trait("Clause", "A15")]
    public void A15_Due_10_working_days_after_raising_the_raising_day_not_counted()
    {
        // Mon 2026-06-01 (not counted) → 06-02 … 06-05, 06-08 … 06-12, 06-15: the tenth working day.
        var due = SupportDueDate.Compute(Calendar, D(2026, 6, 1), SupportRequest.DefaultDueWorkingDays);

        due.DueOn.ShouldBe(D(2026, 6, 15));
        due.Warning.ShouldBeNull();
        due.WorkingDays.ShouldBe(10);
    }

    [Fact]
    [Trait("Clause", "A15")]
    public void A15_Due_date_skips_National_Day_and_counts_the_make_up_Saturday()
    {
        // 2026-09-24 Thu: 09-25..27 and 10-01..07 off; Sat 10-10 is a make-up working day.
        SupportDueDate.Compute(Calendar, D(2026, 9, 24), 10).DueOn.ShouldBe(D(2026, 10, 15));
    }

    [Fact]
    [Trait("Clause", "A15")]
    public void A15_The_period_is_configurable()
    {
        SupportDueDate.Compute(Calendar, D(2026, 6, 1), 5).DueOn.ShouldBe(D(2026, 6, 8));
    }

    [Theory]
    [Trait("Clause", "A15")]
    [InlineData(0)]
    [InlineData(61)]
    public void A15_A_period_outside_1_to_60_working_days_is_refused(int days)
    {
        Should.Throw<DomainException>(() => SupportDueDate.Compute(Calendar, D(2026, 6, 1), days)).Message
            .ShouldBe("诉求答复期限应在1到60个工作日之间。");
    }

    [Fact]
    [Trait("Clause", "A15")]
    public void A15_A_period_reaching_a_year_without_calendar_gives_no_due_date_and_a_Chinese_warning_not_a_crash()
    {
        var due = SupportDueDate.Compute(Calendar, D(2026, 12, 24), 10);

        due.DueOn.ShouldBeNull();
        due.Warning.ShouldBe("2027年工作日历尚未配置，无法推算答复期限；诉求已受理，期限待省人社厅录入2027年节假日安排后确定。");
    }

    [Fact]
    [Trait("Clause", "A15")]
    public void A15_Once_the_year_is_configured_the_same_period_has_a_due_date()
    {
        var calendar = new WorkingDayCalendar([.. HolidaySeed.CreateYears(), new CalendarYear(2027, [D(2027, 1, 1)], [])]);

        // 12-25, 28, 29, 30, 31 (5), 2027-01-04 … 01-08 (10).
        SupportDueDate.Compute(calendar, D(2026, 12, 24), 10).DueOn.ShouldBe(D(2027, 1, 8));
    }
}
