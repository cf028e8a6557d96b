using System.Globalization;
using FullEmployment.Domain;
using FullEmployment.Domain.Funds;
using FullEmployment.Domain.Notices;
using static FullEmployment.UnitTests.Funds.FundReportWorld;

namespace FullEmployment.UnitTests.Funds;

/// <summary>A13, A13.4, A14.1: the five categories, the category (4) cap, the spending limit, the due date and the reminders.</summary>
public sealed class FundReportRuleTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.FromSeed();

    private static DateOnly D(string value) => DateOnly.Parse(value, CultureInfo.InvariantCulture);

    [Theory]
    [Trait("Clause", "A13.4")]
    [InlineData(20_000, 4_000.00, true)]
    [InlineData(20_000, 4_000.01, false)]
    [InlineData(30_000, 6_000.00, true)]
    [InlineData(30_000, 6_000.01, false)]
    [InlineData(10_000, 2_000.00, true)]
    [InlineData(10_000, 2_000.01, false)]
    public void A13_4_Category_4_at_exactly_20_percent_passes_and_one_fen_more_is_refused(decimal allocated, decimal it, bool passes)
    {
        var report = Draft(received: allocated);
        report.Edit(Community, [Line(FundReportCategory.Publicity, 1_000m), Line(FundReportCategory.InformationNetwork, it)], 0m, null);

        var submit = () => report.Submit(Community, FundReportRules.DefaultInformationNetworkShare, Actor, Today, Now);

        if (passes)
        {
            submit();
            report.State.ShouldBe(FundReportState.CountyReview);
        }
        else
        {
            var refusal = Should.Throw<DomainException>(submit);
            refusal.Clause.ShouldBe("A13.4");
            refusal.Message.ShouldContain("A13.4");
            refusal.Message.ShouldContain(FundReportRules.Yuan(allocated * 0.2m));
            report.State.ShouldBe(FundReportState.Draft);
        }
    }

    [Fact]
    [Trait("Clause", "A13.4")]
    public void A13_4_The_cap_sums_every_category_4_line_and_ignores_the_other_categories()
    {
        var report = Draft();
        report.Edit(Community,
        [
            Line(FundReportCategory.InformationNetwork, 2_000m), Line(FundReportCategory.InformationNetwork, 2_000.01m),
            Line(FundReportCategory.Monitoring, 9_000m),
        ], 0m, null);

        Should.Throw<DomainException>(() => report.Submit(Community, 0.20m, Actor, Today, Now)).Clause.ShouldBe("A13.4");
        report.TotalOf(FundReportCategory.InformationNetwork).ShouldBe(4_000.01m);
    }

    [Fact]
    [Trait("Clause", "A13.4")]
    public void A13_4_The_share_is_configurable()
    {
        FundReportRules.EnsureInformationNetworkWithinCap(6_000m, 20_000m, 0.30m);
        Should.Throw<DomainException>(() => FundReportRules.EnsureInformationNetworkWithinCap(4_000m, 20_000m, 0.10m)).Clause.ShouldBe("A13.4");
        Should.Throw<DomainException>(() => FundReportRules.InformationNetworkCap(20_000m, 1.5m));
    }

    [Theory]
    [Trait("Clause", "A13")]
    [InlineData(0, 20_000.00, true)]
    [InlineData(0, 20_000.01, false)]
    [InlineData(1_500, 21_500.00, true)]
    [InlineData(1_500, 21_500.01, false)]
    public void A13_Spending_may_not_exceed_received_plus_carried_over(decimal carriedOver, decimal spent, bool passes)
    {
        var report = Draft();
        report.Edit(Community, [Line(FundReportCategory.Publicity, spent)], carriedOver, carriedOver > 0 ? "上年活动延期" : null);

        var submit = () => report.Submit(Community, 0.20m, Actor, Today, Now);

        if (passes)
        {
            submit();
        }
        else
        {
            Should.Throw<DomainException>(submit).Message.ShouldContain("超过到位资金");
        }
    }

    [Fact]
    [Trait("Clause", "A13")]
    public void A13_A_carried_over_balance_needs_its_reason_and_a_report_needs_a_line()
    {
        var report = Draft();
        Should.Throw<DomainException>(() => report.Submit(Community, 0.20m, Actor, Today, Now)).Message.ShouldContain("至少应有一笔");
        report.Edit(Community, [Line(FundReportCategory.Publicity, 100m)], 500m, "  ");
        Should.Throw<DomainException>(() => report.Submit(Community, 0.20m, Actor, Today, Now)).Message.ShouldContain("结转原因");
    }

    [Theory]
    [Trait("Clause", "A13")]
    [InlineData("publicity", FundReportCategory.Publicity)]
    [InlineData("services", FundReportCategory.Services)]
    [InlineData("entrepreneurship", FundReportCategory.Entrepreneurship)]
    [InlineData("it", FundReportCategory.InformationNetwork)]
    [InlineData("monitoring", FundReportCategory.Monitoring)]
    [InlineData("就业失业动态监测和调查统计", FundReportCategory.Monitoring)]
    public void A13_The_five_categories_parse_by_api_name_and_Chinese_name(string value, FundReportCategory category) =>
        FundReportCategories.Parse(value).ShouldBe(category);

    [Theory]
    [Trait("Clause", "A13")]
    [InlineData("office")]
    [InlineData("")]
    [InlineData("6")]
    [InlineData("办公用品")]
    public void A13_Anything_but_the_five_categories_is_refused(string value) =>
        Should.Throw<DomainException>(() => FundReportCategories.Parse(value)).Clause.ShouldBe("A13");

    [Fact]
    [Trait("Clause", "A13")]
    public void A13_A_line_needs_a_date_in_the_year_an_amount_in_fen_and_its_texts()
    {
        var report = Draft();
        Should.Throw<DomainException>(() => report.Edit(Community, [Line(FundReportCategory.Publicity, 100m, "2025-12-31")], 0m, null))
            .Message.ShouldContain("不在2026年度内");
        Should.Throw<DomainException>(() => report.Edit(Community, [Line(FundReportCategory.Publicity, 100.005m)], 0m, null))
            .Message.ShouldContain("精确到分");
        Should.Throw<DomainException>(() => report.Edit(Community, [Line(FundReportCategory.Publicity, 0m)], 0m, null));
        Should.Throw<DomainException>(() => report.Edit(Community, [Line(FundReportCategory.Publicity, 100m) with { VoucherNumber = " " }], 0m, null))
            .Message.ShouldContain("凭证或发票号");
        Should.Throw<DomainException>(() => report.Edit(Community, [Line((FundReportCategory)9, 100m)], 0m, null)).Clause.ShouldBe("A13");
        report.Lines.ShouldBeEmpty();
    }

    [Fact]
    [Trait("Clause", "A14.1")]
    public void A14_1_The_report_is_due_on_20_December_of_its_year() =>
        Draft().DueDate.ShouldBe(new DateOnly(2026, 12, 20));

    [Theory]
    [Trait("Clause", "A14.1")]
    [InlineData("2026-12-20", false)]
    [InlineData("2026-12-21", true)]
    [InlineData("2027-01-05", true)]
    public void A14_1_Late_submission_is_accepted_and_marked_overdue(string on, bool late)
    {
        var report = Filled();
        report.Submit(Community, 0.20m, Actor, D(on), Now);

        report.State.ShouldBe(FundReportState.CountyReview);
        report.SubmittedLate.ShouldBe(late);
    }

    [Fact]
    [Trait("Clause", "A14.1")]
    public void A14_1_A_resubmission_after_a_return_keeps_the_first_submissions_timeliness()
    {
        var report = Filled();
        report.Submit(Community, 0.20m, Actor, D("2026-12-18"), Now);
        report.Return(CountyFinance, "凭证不清", Actor, Now);
        report.Submit(Community, 0.20m, Actor, D("2026-12-28"), Now);

        report.SubmittedLate.ShouldBeFalse();
        report.FirstSubmittedOn.ShouldBe(D("2026-12-18"));
        report.SubmittedOn.ShouldBe(D("2026-12-28"));
    }

    [Fact]
    [Trait("Clause", "A14.1")]
    public void A14_1_An_unsubmitted_report_is_overdue_after_the_due_date_only()
    {
        var report = Filled();
        report.IsOverdue(D("2026-12-20")).ShouldBeFalse();
        report.IsOverdue(D("2026-12-21")).ShouldBeTrue();
        report.Submit(Community, 0.20m, Actor, D("2026-12-22"), Now);
        report.IsOverdue(D("2026-12-23")).ShouldBeFalse();
    }

    // 2026-12-20 is a Sunday: counting back, the 3rd working day before is Wed 12-16, the 10th Mon 12-07.
    [Theory]
    [Trait("Clause", "A14.1")]
    [InlineData("2026-12-04", FundReportReminderLevel.None)]
    [InlineData("2026-12-06", FundReportReminderLevel.None)]
    [InlineData("2026-12-07", FundReportReminderLevel.FirstReminder)]
    [InlineData("2026-12-15", FundReportReminderLevel.FirstReminder)]
    [InlineData("2026-12-16", FundReportReminderLevel.LastReminder)]
    [InlineData("2026-12-20", FundReportReminderLevel.LastReminder)]
    [InlineData("2026-12-21", FundReportReminderLevel.Overdue)]
    public void A14_1_The_community_is_reminded_10_and_3_working_days_before_the_due_date(string today, FundReportReminderLevel level)
    {
        var reminder = FundReportRules.ReminderOn(Calendar, FundReportRules.DueDate(2026), D(today));

        reminder.Level.ShouldBe(level);
        reminder.Warning.ShouldBeNull();
    }

    [Fact]
    [Trait("Clause", "A14.1")]
    public void A14_1_Working_days_are_counted_back_over_holidays()
    {
        // 2024-10-01..07 is the National Day holiday; Sunday 2024-09-29 and Saturday 2024-10-12 are make-up working days.
        FundReportRules.WorkingDaysBefore(Calendar, D("2024-10-09"), 3).ShouldBe(D("2024-09-29"));
        FundReportRules.WorkingDaysBefore(Calendar, D("2024-10-14"), 1).ShouldBe(D("2024-10-12"));
    }

    [Theory]
    [Trait("Clause", "A14.1")]
    [InlineData("2030-12-05", FundReportReminderLevel.None)]
    [InlineData("2030-12-06", FundReportReminderLevel.FirstReminder)]
    [InlineData("2030-12-15", FundReportReminderLevel.LastReminder)]
    public void A14_1_A_year_without_a_calendar_still_reminds_by_calendar_days_and_says_why(string today, FundReportReminderLevel level)
    {
        var reminder = FundReportRules.ReminderOn(Calendar, FundReportRules.DueDate(2030), D(today));

        reminder.Level.ShouldBe(level);
        reminder.Warning.ShouldNotBeNull().ShouldContain("2030年工作日历尚未配置");
    }
}
