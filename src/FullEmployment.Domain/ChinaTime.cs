using System.Globalization;

namespace FullEmployment.Domain;

/// <summary>Legal dates are China dates (UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The China date an instant falls on.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToChina(instant).DateTime);

    public static DateTimeOffset ToChina(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The instant a China date ends (24:00 China time), in UTC.</summary>
    public static DateTimeOffset EndOf(DateOnly date) =>
        new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>Chinese prose date, e.g. 2025年3月10日.</summary>
    public static string Format(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>Chinese prose date of an instant in China time, e.g. 2025年3月10日.</summary>
    public static string Format(DateTimeOffset instant) => Format(DateOf(instant));

    /// <summary>An instant to the minute in China time, as lists and histories show it, e.g. 2025-03-10 14:05.</summary>
    public static string FormatMinute(DateTimeOffset instant) =>
        ToChina(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
