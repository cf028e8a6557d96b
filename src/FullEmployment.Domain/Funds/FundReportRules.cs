using FullEmployment.Domain.Notices;

namespace FullEmployment.Domain.Funds;

/// <summary>The fund-usage report's rules, one method each with its clause (docs/reference/clauses.md A13, A14).</summary>
public static class FundReportRules
{
    /// <summary>A13.4: the measures' share of the year's subsidy that category (4) may take; the province may configure another.</summary>
    public const decimal DefaultInformationNetworkShare = 0.20m;

    /// <summary>A14.1: reports are due on 20 December of the allocation year.</summary>
    public const int DueMonth = 12;

    public const int DueDay = 20;

    /// <summary>A14.1: reminders 10 and 3 working days before the due date.</summary>
    public const int FirstReminderWorkingDays = 10;

    public const int LastReminderWorkingDays = 3;

    /// <summary>A14.1: the report of <paramref name="year"/> is due on 20 December of that year.</summary>
    public static DateOnly DueDate(int year) => new(year, DueMonth, DueDay);

    /// <summary>A14.1: late submission is accepted and marked 逾期: submitted after the due date.</summary>
    public static bool IsLate(DateOnly dueDate, DateOnly submittedOn) => submittedOn > dueDate;

    /// <summary>A13.4: the most category (4) may total: the share of the community's allocation line for the year.</summary>
    public static decimal InformationNetworkCap(decimal allocated, decimal share)
    {
        if (share is < 0m or > 1m)
        {
            throw new DomainException("信息网络建设支出比例上限应在0到100%之间。", "A13.4");
        }

        return allocated * share;
    }

    /// <summary>
    /// A13.4: category (4) lines total at most <paramref name="share"/> (20% by default) of the subsidy the province granted the
    /// community for the year. Exactly the cap passes; one fen more is refused.
    /// </summary>
    public static void EnsureInformationNetworkWithinCap(decimal informationNetworkTotal, decimal allocated, decimal share)
    {
        var cap = InformationNetworkCap(allocated, share);
        if (informationNetworkTotal > cap)
        {
            throw new DomainException(
                $"“{FundReportCategories.Name(FundReportCategory.InformationNetwork)}”支出合计{Yuan(informationNetworkTotal)}元，超过当年补助资金"
                + $"{Yuan(allocated)}元的{share * 100m:0.##}%（上限{Yuan(cap)}元），不能提交（A13.4）。",
                "A13.4");
        }
    }

    /// <summary>A13: spending cannot exceed what was received for the year plus the balance carried over into it.</summary>
    public static void EnsureSpendingCovered(decimal spent, decimal received, decimal carriedOver)
    {
        if (spent > received + carriedOver)
        {
            throw new DomainException(
                $"支出合计{Yuan(spent)}元超过到位资金{Yuan(received)}元与结转资金{Yuan(carriedOver)}元之和，不能提交。", "A13");
        }
    }

    /// <summary>An amount in yuan: positive (or zero when <paramref name="allowZero"/>) and in whole fen.</summary>
    public static decimal EnsureMoney(decimal amount, string what, bool allowZero = false, string clause = "A13")
    {
        if (amount < 0m || (!allowZero && amount == 0m))
        {
            throw new DomainException($"{what}应为{(allowZero ? "不小于0" : "大于0")}的金额。", clause);
        }

        if (decimal.Round(amount, 2) != amount)
        {
            throw new DomainException($"{what}最多精确到分（两位小数）。", clause);
        }

        return amount;
    }

    /// <summary>
    /// A14.1: whether the community's to-do list reminds it on <paramref name="today"/> of an unsubmitted report: from the 10th
    /// and from the 3rd working day before the due date, and once it is overdue. The working days are counted back from the
    /// due date, which is not counted. A due year without a calendar never silences the reminder: it then falls back to
    /// calendar days, 14 and 5 (a working week is 5 of 7 days, rounded up), and says so.
    /// </summary>
    public static FundReportReminder ReminderOn(WorkingDayCalendar calendar, DateOnly dueDate, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (today > dueDate)
        {
            return new FundReportReminder(FundReportReminderLevel.Overdue, null, null);
        }

        if (!calendar.IsConfigured(dueDate.Year))
        {
            var warning = $"{dueDate.Year}年工作日历尚未配置，按自然日提前提醒。";
            var first = dueDate.AddDays(-14);
            var last = dueDate.AddDays(-5);
            return Level(today, first, last, warning);
        }

        return Level(today, WorkingDaysBefore(calendar, dueDate, FirstReminderWorkingDays),
            WorkingDaysBefore(calendar, dueDate, LastReminderWorkingDays), null);
    }

    /// <summary>The <paramref name="workingDays"/>-th working day before <paramref name="date"/> (the date itself not counted).</summary>
    public static DateOnly WorkingDaysBefore(WorkingDayCalendar calendar, DateOnly date, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var day = date;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    public static string Yuan(decimal amount) => amount.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);

    private static FundReportReminder Level(DateOnly today, DateOnly first, DateOnly last, string? warning) =>
        today >= last ? new FundReportReminder(FundReportReminderLevel.LastReminder, last, warning)
        : today >= first ? new FundReportReminder(FundReportReminderLevel.FirstReminder, first, warning)
        : new FundReportReminder(FundReportReminderLevel.None, first, warning);
}

public enum FundReportReminderLevel
{
    None,

    /// <summary>From the 10th working day before the due date.</summary>
    FirstReminder,

    /// <summary>From the 3rd working day before the due date.</summary>
    LastReminder,

    /// <summary>Past the due date and still not submitted.</summary>
    Overdue,
}

/// <summary>Whether and how urgently a report is reminded, since when, and why the fallback was used if it was.</summary>
public sealed record FundReportReminder(FundReportReminderLevel Level, DateOnly? Since, string? Warning)
{
    public bool Reminds => Level != FundReportReminderLevel.None;
}
