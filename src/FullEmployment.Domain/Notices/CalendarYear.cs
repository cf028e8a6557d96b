namespace FullEmployment.Domain.Notices;

/// <summary>
/// One year's published holiday arrangement, editable by the province: holiday dates that are off and
/// weekend dates that are make-up working days (调休). Every other date follows Monday–Friday.
/// </summary>
public sealed class CalendarYear
{
    private List<DateOnly> _offDays = [];
    private List<DateOnly> _makeUpWorkingDays = [];

    public CalendarYear(int year, IEnumerable<DateOnly> offDays, IEnumerable<DateOnly> makeUpWorkingDays)
    {
        if (year is < 1900 or > 2999)
        {
            throw new DomainException($"年份 {year} 无效。");
        }

        Year = year;
        Replace(offDays, makeUpWorkingDays);
    }

    private CalendarYear() { }

    public int Year { get; private set; }

    /// <summary>Optimistic-concurrency version, managed by the persistence layer.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<DateOnly> OffDays => _offDays;

    public IReadOnlyList<DateOnly> MakeUpWorkingDays => _makeUpWorkingDays;

    /// <summary>Replaces the year's arrangement, e.g. when the State Council's notice is entered or corrected.</summary>
    public void Replace(IEnumerable<DateOnly> offDays, IEnumerable<DateOnly> makeUpWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(offDays);
        ArgumentNullException.ThrowIfNull(makeUpWorkingDays);
        var off = offDays.Distinct().Order().ToList();
        var work = makeUpWorkingDays.Distinct().Order().ToList();

        foreach (var day in off.Where(d => d.Year != Year && !IsNewYearSpanStart(d, off)))
        {
            throw new DomainException($"{Year}年工作日历中的放假日期 {ChinaTime.Format(day)} 不在该年度内。");
        }

        foreach (var day in work)
        {
            if (day.Year != Year)
            {
                throw new DomainException($"{Year}年工作日历中的调休上班日期 {ChinaTime.Format(day)} 不在该年度内。");
            }

            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                throw new DomainException($"调休上班日期 {ChinaTime.Format(day)} 不是周末，无需设置为调休上班日。");
            }

            if (off.Contains(day))
            {
                throw new DomainException($"日期 {ChinaTime.Format(day)} 不能同时是放假日和调休上班日。");
            }
        }

        _offDays = off;
        _makeUpWorkingDays = work;
    }

    // The New Year span may begin in the previous December and run into 1 January (2023's began on 2022-12-31).
    private bool IsNewYearSpanStart(DateOnly day, List<DateOnly> off)
    {
        if (day.Year != Year - 1 || day.Month != 12)
        {
            return false;
        }

        for (var d = day.AddDays(1); d.Year == Year - 1; d = d.AddDays(1))
        {
            if (!off.Contains(d))
            {
                return false;
            }
        }

        return off.Contains(new DateOnly(Year, 1, 1));
    }
}
