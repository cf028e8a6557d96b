using FullEmployment.Domain;
using FullEmployment.Domain.Notices;

namespace FullEmployment.UnitTests.Notices;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.FromSeed();

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Adding_one_working_day_to_2025_09_30_skips_the_National_Day_holiday()
    {
        Calendar.AddWorkingDays(D(2025, 9, 30), 1).ShouldBe(D(2025, 10, 9));
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_The_start_date_is_not_counted_when_adding_working_days()
    {
        Calendar.AddWorkingDays(D(2025, 3, 3), 1).ShouldBe(D(2025, 3, 4));
        Calendar.AddWorkingDays(D(2025, 3, 7), 1).ShouldBe(D(2025, 3, 10));
        Calendar.AddWorkingDays(D(2025, 3, 7), 0).ShouldBe(D(2025, 3, 7));
    }

    [Theory]
    [Trait("Clause", "A8.3")]
    [InlineData(2025, 9, 28)]
    [InlineData(2025, 10, 11)]
    [InlineData(2026, 2, 14)]
    [InlineData(2026, 2, 28)]
    [InlineData(2023, 1, 28)]
    public void A8_3_Weekend_make_up_days_are_working_days(int y, int m, int d)
    {
        var date = D(y, m, d);
        date.DayOfWeek.ShouldBeOneOf(DayOfWeek.Saturday, DayOfWeek.Sunday);
        Calendar.IsWorkingDay(date).ShouldBeTrue();
    }

    [Theory]
    [Trait("Clause", "A8.3")]
    [InlineData(2025, 10, 1)]
    [InlineData(2025, 10, 8)]
    [InlineData(2026, 2, 23)]
    [InlineData(2024, 6, 10)]
    [InlineData(2023, 1, 2)]
    [InlineData(2020, 1, 31)]
    public void A8_3_Statutory_holidays_on_weekdays_are_not_working_days(int y, int m, int d)
    {
        Calendar.IsWorkingDay(D(y, m, d)).ShouldBeFalse();
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Ordinary_weekdays_work_and_weekends_rest()
    {
        Calendar.IsWorkingDay(D(2025, 3, 5)).ShouldBeTrue();
        Calendar.IsWorkingDay(D(2025, 3, 8)).ShouldBeFalse();
        Calendar.IsWorkingDay(D(2025, 3, 9)).ShouldBeFalse();
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Adding_working_days_counts_the_make_up_Saturday_after_Spring_Festival_2026()
    {
        // 2026-02-13 Fri → 02-14 Sat is a make-up working day.
        Calendar.AddWorkingDays(D(2026, 2, 13), 1).ShouldBe(D(2026, 2, 14));
        // then 02-15..02-23 off → 02-24.
        Calendar.AddWorkingDays(D(2026, 2, 13), 2).ShouldBe(D(2026, 2, 24));
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_A_notice_of_5_working_days_starting_2025_09_26_ends_on_2025_10_09()
    {
        // 09-26 Fri (1), 09-28 make-up Sun (2), 09-29 (3), 09-30 (4), 10-01..10-08 off, 10-09 (5).
        Calendar.NoticeLastDay(D(2025, 9, 26), 5).ShouldBe(D(2025, 10, 9));
        Calendar.NoticeClosesAt(D(2025, 9, 26), 5).ShouldBe(new DateTimeOffset(2025, 10, 9, 16, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_A_notice_starting_on_a_holiday_counts_from_the_next_working_day()
    {
        // 10-09 (1), 10-10 (2), 10-11 make-up Sat (3), 10-13 (4), 10-14 (5).
        Calendar.NoticeLastDay(D(2025, 10, 4), 5).ShouldBe(D(2025, 10, 14));
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Working_days_between_dates_excludes_the_start_and_includes_the_end()
    {
        Calendar.WorkingDaysBetween(D(2025, 9, 30), D(2025, 10, 9)).ShouldBe(1);
        Calendar.WorkingDaysBetween(D(2025, 9, 25), D(2025, 10, 9)).ShouldBe(5);
        Calendar.WorkingDaysBetween(D(2025, 10, 9), D(2025, 9, 25)).ShouldBe(-5);
        Calendar.WorkingDaysBetween(D(2025, 3, 3), D(2025, 3, 3)).ShouldBe(0);
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_New_Year_2023_span_starting_2022_12_31_is_off()
    {
        Calendar.IsWorkingDay(D(2022, 12, 31)).ShouldBeFalse();
        Calendar.AddWorkingDays(D(2022, 12, 30), 1).ShouldBe(D(2023, 1, 3));
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Unconfigured_year_2027_is_refused_not_guessed()
    {
        var ex = Should.Throw<DomainException>(() => Calendar.IsWorkingDay(D(2027, 1, 4)));
        ex.Message.ShouldContain("2027年的工作日历尚未配置");

        Should.Throw<DomainException>(() => Calendar.AddWorkingDays(D(2026, 12, 31), 1)).Message.ShouldContain("2027年的工作日历尚未配置");
        Calendar.IsConfigured(2027).ShouldBeFalse();
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Seed_configures_2020_to_2026()
    {
        Calendar.ConfiguredYears.Order().ShouldBe([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Negative_working_days_are_refused()
    {
        Should.Throw<DomainException>(() => Calendar.AddWorkingDays(D(2025, 3, 3), -1));
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_A_year_entered_later_becomes_usable()
    {
        var year2027 = new CalendarYear(2027, [D(2027, 1, 1)], []);
        var calendar = new WorkingDayCalendar([.. HolidaySeed.CreateYears(), year2027]);

        calendar.AddWorkingDays(D(2026, 12, 31), 1).ShouldBe(D(2027, 1, 4));
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_The_same_year_cannot_be_configured_twice()
    {
        Should.Throw<DomainException>(() => new WorkingDayCalendar([new CalendarYear(2027, [], []), new CalendarYear(2027, [], [])]));
    }

    [Theory]
    [Trait("Clause", "A8.3")]
    [InlineData(2026, 6, 15, 2026, 6, 15)]
    [InlineData(2026, 12, 20, 2026, 12, 20)]
    [InlineData(2026, 12, 30, 2026, 12, 25)]
    [InlineData(2026, 12, 31, 2026, 12, 25)]
    public void A8_3_A_notice_open_today_starts_as_late_as_the_configured_years_allow(int y, int m, int d, int sy, int sm, int sd)
    {
        var today = D(y, m, d);
        var start = Calendar.LatestStartOfNoticeOpenOn(today, PublicNotice.MinimumWorkingDays, 14);

        start.ShouldBe(D(sy, sm, sd));
        var lastDay = Calendar.NoticeLastDay(start!.Value, PublicNotice.MinimumWorkingDays);
        lastDay.ShouldBeGreaterThanOrEqualTo(today);
        lastDay.Year.ShouldBe(2026);
    }

    [Theory]
    [Trait("Clause", "A8.3")]
    [InlineData(2027, 3, 1)]
    [InlineData(2027, 12, 30)]
    [InlineData(2019, 12, 31)]
    public void A8_3_No_notice_can_be_open_on_a_day_whose_year_has_no_calendar(int y, int m, int d)
    {
        Calendar.LatestStartOfNoticeOpenOn(D(y, m, d), PublicNotice.MinimumWorkingDays, 14).ShouldBeNull();
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Next_years_calendar_is_missing_from_1_November_on()
    {
        Calendar.MissingYears(D(2026, 10, 31)).ShouldBeEmpty();
        Calendar.MissingYears(D(2026, 11, 1)).ShouldBe([2027]);
        Calendar.MissingYears(D(2026, 12, 31)).ShouldBe([2027]);
        Calendar.MissingYears(D(2027, 3, 1)).ShouldBe([2027]);
        Calendar.MissingYears(D(2027, 12, 30)).ShouldBe([2027, 2028]);
        Calendar.MissingYears(D(2025, 11, 1)).ShouldBeEmpty();
    }
}

public class CalendarYearTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Make_up_working_day_must_be_a_weekend()
    {
        var ex = Should.Throw<DomainException>(() => new CalendarYear(2027, [], [D(2027, 2, 3)]));
        ex.Message.ShouldContain("不是周末");
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Dates_must_lie_inside_the_year()
    {
        Should.Throw<DomainException>(() => new CalendarYear(2027, [D(2028, 1, 1)], []));
        Should.Throw<DomainException>(() => new CalendarYear(2027, [], [D(2026, 12, 26)]));
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_A_New_Year_span_may_start_on_the_previous_31_December()
    {
        var year = new CalendarYear(2023, [D(2022, 12, 31), D(2023, 1, 1), D(2023, 1, 2)], []);
        year.OffDays.ShouldContain(D(2022, 12, 31));
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_A_previous_December_date_that_does_not_run_into_1_January_is_refused()
    {
        Should.Throw<DomainException>(() => new CalendarYear(2023, [D(2022, 12, 30), D(2023, 1, 2)], []));
        Should.Throw<DomainException>(() => new CalendarYear(2023, [D(2022, 12, 31)], []));
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_A_day_cannot_be_both_off_and_a_make_up_working_day()
    {
        var ex = Should.Throw<DomainException>(() => new CalendarYear(2027, [D(2027, 2, 6)], [D(2027, 2, 6)]));
        ex.Message.ShouldContain("不能同时");
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_The_province_can_replace_a_year_and_invalid_edits_leave_it_unchanged()
    {
        var year = new CalendarYear(2027, [D(2027, 1, 1)], []);

        Should.Throw<DomainException>(() => year.Replace([D(2027, 1, 1)], [D(2027, 1, 5)]));
        year.MakeUpWorkingDays.ShouldBeEmpty();

        year.Replace([D(2027, 1, 1), D(2027, 2, 8)], [D(2027, 2, 6)]);
        year.OffDays.ShouldBe([D(2027, 1, 1), D(2027, 2, 8)]);
        year.MakeUpWorkingDays.ShouldBe([D(2027, 2, 6)]);
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Seeded_years_pass_validation_and_2025_has_its_five_make_up_days()
    {
        var years = HolidaySeed.CreateYears();
        years.Count.ShouldBe(7);
        years.Single(y => y.Year == 2025).MakeUpWorkingDays.ShouldBe(
            [D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11)]);
        years.Single(y => y.Year == 2020).OffDays.ShouldContain(D(2020, 2, 2));
    }
}
