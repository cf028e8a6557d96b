namespace FullEmployment.Domain.Ledgers;

/// <summary>The months the indicators cover: S = <see cref="Start"/>, E = <see cref="End"/>, both inclusive.</summary>
public sealed record AssessmentPeriod
{
    public AssessmentPeriod(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new DomainException("考核期结束日期不能早于开始日期");
        }

        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    /// <summary>
    /// The default period: the twelve full calendar months before the month of submission
    /// (submitted 2025-03-10 → 2024-03-01 … 2025-02-28).
    /// </summary>
    public static AssessmentPeriod DefaultFor(DateOnly submittedOn)
    {
        var monthStart = new DateOnly(submittedOn.Year, submittedOn.Month, 1);
        return new AssessmentPeriod(monthStart.AddMonths(-12), monthStart.AddDays(-1));
    }

    /// <summary>
    /// The period and application date of an indicator request (API, pages, CLI): a given period without an
    /// application date is judged on the day after it ends, so a past period's figures (A5.1.4 stable staff, A5.5.2
    /// complaint window) do not move as time passes; without a period, the default period of the application date,
    /// which is <paramref name="today"/> unless given.
    /// </summary>
    public static (AssessmentPeriod Period, DateOnly ApplicationDate) ForRequest(DateOnly? from, DateOnly? to, DateOnly? on, DateOnly today)
    {
        if (from is { } start && to is { } end)
        {
            return (new AssessmentPeriod(start, end), on ?? end.AddDays(1));
        }

        var applicationDate = on ?? today;
        return (DefaultFor(applicationDate), applicationDate);
    }

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>The calendar months overlapping the period, each clipped to it (A5.4.2).</summary>
    public IEnumerable<AssessmentPeriod> Months() => Segments(1);

    /// <summary>The calendar quarters overlapping the period, each clipped to it (A5.3.3/A5.4.3 tracking).</summary>
    public IEnumerable<AssessmentPeriod> Quarters() => Segments(3);

    private IEnumerable<AssessmentPeriod> Segments(int months)
    {
        var first = new DateOnly(Start.Year, ((Start.Month - 1) / months * months) + 1, 1);
        for (var segmentStart = first; segmentStart <= End; segmentStart = segmentStart.AddMonths(months))
        {
            var segmentEnd = segmentStart.AddMonths(months).AddDays(-1);
            yield return new AssessmentPeriod(
                segmentStart < Start ? Start : segmentStart,
                segmentEnd > End ? End : segmentEnd);
        }
    }

    public override string ToString() => $"{Start:yyyy-MM-dd}至{End:yyyy-MM-dd}";
}
