namespace FullEmployment.Domain.Notices;

/// <summary>
/// Working days net of statutory holidays, counting weekend make-up working days (调休). Built from the
/// configured <see cref="CalendarYear"/>s; a date in a year with no calendar is refused, never guessed.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<int> _years;
    private readonly HashSet<DateOnly> _offDays;
    private readonly HashSet<DateOnly> _makeUpWorkingDays;

    public WorkingDayCalendar(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var list = years.ToList();
        _years = [.. list.Select(y => y.Year)];
        if (_years.Count != list.Count)
        {
            throw new DomainException("同一年份的工作日历只能配置一份。");
        }

        _offDays = [.. list.SelectMany(y => y.OffDays)];
        _makeUpWorkingDays = [.. list.SelectMany(y => y.MakeUpWorkingDays)];
    }

    /// <summary>The calendar seeded with 2020–2026 (docs/reference/calendar.md).</summary>
    public static WorkingDayCalendar FromSeed() => new(HolidaySeed.CreateYears());

    public IReadOnlyCollection<int> ConfiguredYears => _years;

    public bool IsConfigured(int year) => _years.Contains(year);

    public bool IsWorkingDay(DateOnly date)
    {
        if (!IsConfigured(date.Year))
        {
            throw new DomainException(
                $"{date.Year}年的工作日历尚未配置，无法计算工作日，请省人社厅先录入{date.Year}年的节假日安排。", "A8.3");
        }

        if (_makeUpWorkingDays.Contains(date))
        {
            return true;
        }

        return !_offDays.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The <paramref name="workingDays"/>-th working day after <paramref name="from"/>; <paramref name="from"/> itself is not counted.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int workingDays)
    {
        if (workingDays < 0)
        {
            throw new DomainException("工作日天数不能为负数。");
        }

        var date = from;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The last day of a notice of <paramref name="workingDays"/> working days published on <paramref name="start"/>:
    /// the start counts as the first working day if it is one (docs/reference/calendar.md).
    /// </summary>
    public DateOnly NoticeLastDay(DateOnly start, int workingDays) => AddWorkingDays(start.AddDays(-1), workingDays);

    /// <summary>The instant such a notice closes: 24:00 China time of its last day.</summary>
    public DateTimeOffset NoticeClosesAt(DateOnly start, int workingDays) => ChinaTime.EndOf(NoticeLastDay(start, workingDays));

    /// <summary>From this month on, next year's calendar is needed: a notice published in late December runs into January.</summary>
    public const int NextYearNeededFromMonth = 11;

    /// <summary>
    /// A8.3: the years whose calendar is missing although notices published today may need them: this year, and from
    /// 1 November next year too. Empty when nothing is missing.
    /// </summary>
    public IReadOnlyList<int> MissingYears(DateOnly today)
    {
        var needed = today.Month >= NextYearNeededFromMonth ? new[] { today.Year, today.Year + 1 } : [today.Year];
        return [.. needed.Where(year => !IsConfigured(year))];
    }

    /// <summary>
    /// The latest start date, no later than <paramref name="today"/> and at most <paramref name="lookBackDays"/> days
    /// before it, of a notice of <paramref name="workingDays"/> working days that is still open on <paramref name="today"/>
    /// and whose period lies in configured years; null when the calendar allows none.
    /// </summary>
    public DateOnly? LatestStartOfNoticeOpenOn(DateOnly today, int workingDays, int lookBackDays)
    {
        for (var start = today; start >= today.AddDays(-lookBackDays); start = start.AddDays(-1))
        {
            // Walking back, the first period that ends in configured years ends latest; earlier starts end no later.
            if (TryNoticeLastDay(start, workingDays, out var lastDay))
            {
                return lastDay >= today ? start : null;
            }
        }

        return null;
    }

    private bool TryNoticeLastDay(DateOnly start, int workingDays, out DateOnly lastDay)
    {
        lastDay = start.AddDays(-1);
        for (var counted = 0; counted < workingDays;)
        {
            lastDay = lastDay.AddDays(1);
            if (!IsConfigured(lastDay.Year))
            {
                return false;
            }

            if (IsWorkingDay(lastDay))
            {
                counted++;
            }
        }

        return true;
    }
}
