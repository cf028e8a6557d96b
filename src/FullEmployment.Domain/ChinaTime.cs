namespace FullEmployment.Domain;

/// <summary>Legal dates are China dates (UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    public static DateTimeOffset ToChina(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The instant a China date ends (24:00 China time), in UTC.</summary>
    public static DateTimeOffset EndOf(DateOnly date) =>
        new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>Chinese prose date, e.g. 2025年3月10日.</summary>
    public static string Format(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
