namespace FullEmployment.Domain.Notices;

/// <summary>
/// The State Council's holiday notices for 2020–2026 (docs/reference/calendar.md): off spans and weekend make-up working days.
/// The province edits these as <see cref="CalendarYear"/> data; this is the seed.
/// </summary>
public static class HolidaySeed
{
    public const int FirstYear = 2020;
    public const int LastYear = 2026;

    /// <summary>Fresh, unsaved calendar years 2020–2026.</summary>
    public static IReadOnlyList<CalendarYear> CreateYears() =>
    [
        Year(2020,
            [Day(2020, 1, 1), .. Span(2020, 1, 24, 2020, 2, 2), .. Span(2020, 4, 4, 2020, 4, 6), .. Span(2020, 5, 1, 2020, 5, 5),
             .. Span(2020, 6, 25, 2020, 6, 27), .. Span(2020, 10, 1, 2020, 10, 8)],
            [Day(2020, 1, 19), Day(2020, 4, 26), Day(2020, 5, 9), Day(2020, 6, 28), Day(2020, 9, 27), Day(2020, 10, 10)]),
        Year(2021,
            [.. Span(2021, 1, 1, 2021, 1, 3), .. Span(2021, 2, 11, 2021, 2, 17), .. Span(2021, 4, 3, 2021, 4, 5), .. Span(2021, 5, 1, 2021, 5, 5),
             .. Span(2021, 6, 12, 2021, 6, 14), .. Span(2021, 9, 19, 2021, 9, 21), .. Span(2021, 10, 1, 2021, 10, 7)],
            [Day(2021, 2, 7), Day(2021, 2, 20), Day(2021, 4, 25), Day(2021, 5, 8), Day(2021, 9, 18), Day(2021, 9, 26), Day(2021, 10, 9)]),
        Year(2022,
            [.. Span(2022, 1, 1, 2022, 1, 3), .. Span(2022, 1, 31, 2022, 2, 6), .. Span(2022, 4, 3, 2022, 4, 5), .. Span(2022, 4, 30, 2022, 5, 4),
             .. Span(2022, 6, 3, 2022, 6, 5), .. Span(2022, 9, 10, 2022, 9, 12), .. Span(2022, 10, 1, 2022, 10, 7)],
            [Day(2022, 1, 29), Day(2022, 1, 30), Day(2022, 4, 2), Day(2022, 4, 24), Day(2022, 5, 7), Day(2022, 10, 8), Day(2022, 10, 9)]),
        // 2023's New Year span starts on 2022-12-31.
        Year(2023,
            [.. Span(2022, 12, 31, 2023, 1, 2), .. Span(2023, 1, 21, 2023, 1, 27), Day(2023, 4, 5), .. Span(2023, 4, 29, 2023, 5, 3),
             .. Span(2023, 6, 22, 2023, 6, 24), .. Span(2023, 9, 29, 2023, 10, 6)],
            [Day(2023, 1, 28), Day(2023, 1, 29), Day(2023, 4, 23), Day(2023, 5, 6), Day(2023, 6, 25), Day(2023, 10, 7), Day(2023, 10, 8)]),
        Year(2024,
            [Day(2024, 1, 1), .. Span(2024, 2, 10, 2024, 2, 17), .. Span(2024, 4, 4, 2024, 4, 6), .. Span(2024, 5, 1, 2024, 5, 5),
             Day(2024, 6, 10), .. Span(2024, 9, 15, 2024, 9, 17), .. Span(2024, 10, 1, 2024, 10, 7)],
            [Day(2024, 2, 4), Day(2024, 2, 18), Day(2024, 4, 7), Day(2024, 4, 28), Day(2024, 5, 11), Day(2024, 9, 14), Day(2024, 9, 29), Day(2024, 10, 12)]),
        Year(2025,
            [Day(2025, 1, 1), .. Span(2025, 1, 28, 2025, 2, 4), .. Span(2025, 4, 4, 2025, 4, 6), .. Span(2025, 5, 1, 2025, 5, 5),
             .. Span(2025, 5, 31, 2025, 6, 2), .. Span(2025, 10, 1, 2025, 10, 8)],
            [Day(2025, 1, 26), Day(2025, 2, 8), Day(2025, 4, 27), Day(2025, 9, 28), Day(2025, 10, 11)]),
        Year(2026,
            [.. Span(2026, 1, 1, 2026, 1, 3), .. Span(2026, 2, 15, 2026, 2, 23), .. Span(2026, 4, 4, 2026, 4, 6), .. Span(2026, 5, 1, 2026, 5, 5),
             .. Span(2026, 6, 19, 2026, 6, 21), .. Span(2026, 9, 25, 2026, 9, 27), .. Span(2026, 10, 1, 2026, 10, 7)],
            [Day(2026, 1, 4), Day(2026, 2, 14), Day(2026, 2, 28), Day(2026, 5, 9), Day(2026, 9, 20), Day(2026, 10, 10)]),
    ];

    private static CalendarYear Year(int year, DateOnly[] offDays, DateOnly[] makeUpWorkingDays) => new(year, offDays, makeUpWorkingDays);

    private static DateOnly Day(int year, int month, int day) => new(year, month, day);

    private static IEnumerable<DateOnly> Span(int fromYear, int fromMonth, int fromDay, int toYear, int toMonth, int toDay)
    {
        var to = new DateOnly(toYear, toMonth, toDay);
        for (var d = new DateOnly(fromYear, fromMonth, fromDay); d <= to; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
