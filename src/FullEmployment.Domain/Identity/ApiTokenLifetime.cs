namespace FullEmployment.Domain.Identity;

/// <summary>
/// How long an integration client's bearer token lives: the configured maximum (90 days unless set), which may
/// itself be at most a year; a token may be asked for a shorter life, never a longer one.
/// </summary>
public static class ApiTokenLifetime
{
    public const string SettingKey = "ApiTokens:MaxLifetimeDays";
    public const int DefaultMaxDays = 90;
    public const int CeilingDays = 365;

    /// <summary>The maximum in force; a setting outside 1…365 days is refused rather than silently capped.</summary>
    public static int MaxDays(int? configured)
    {
        var days = configured ?? DefaultMaxDays;
        if (days is < 1 or > CeilingDays)
        {
            throw new DomainException($"设置 {SettingKey} 为 {days} 天，令牌最长有效期应在 1 到 {CeilingDays} 天之间。");
        }

        return days;
    }

    /// <summary>The life of a new token: the requested days, or the maximum when none is asked for.</summary>
    public static TimeSpan Of(int? requestedDays, int maxDays)
    {
        var days = requestedDays ?? maxDays;
        if (days < 1)
        {
            throw new DomainException("令牌有效天数至少为 1 天。");
        }

        if (days > maxDays)
        {
            throw new DomainException($"令牌有效期最长 {maxDays} 天，不能签发 {days} 天的令牌。");
        }

        return TimeSpan.FromDays(days);
    }
}
