namespace FullEmployment.Domain.Audit;

/// <summary>
/// How long audit events are kept: the configured days, never fewer than 180 (《网络安全法》第二十一条: network logs
/// are kept for at least six months). A purge may remove only events older than that.
/// </summary>
public static class AuditRetention
{
    public const string SettingKey = "Audit:RetentionDays";
    public const int MinimumDays = 180;

    /// <summary>The retention in force; a setting below the legal minimum is refused at start-up, never raised silently.</summary>
    public static int Days(int? configured)
    {
        var days = configured ?? MinimumDays;
        if (days < MinimumDays)
        {
            throw new DomainException($"设置 {SettingKey} 为 {days} 天，审计日志至少保存 {MinimumDays} 天（《网络安全法》第二十一条），请改为不少于 {MinimumDays} 的天数。");
        }

        return days;
    }

    /// <summary>
    /// The instant before which events may be purged when asked for <paramref name="before"/>; refused when that would
    /// remove an event younger than <paramref name="retentionDays"/>.
    /// </summary>
    public static DateTimeOffset PurgeCutoff(DateOnly before, DateTimeOffset now, int retentionDays)
    {
        var cutoff = new DateTimeOffset(before.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
        var oldestKept = now.AddDays(-retentionDays);
        if (cutoff > oldestKept)
        {
            throw new DomainException($"审计日志须保存 {retentionDays} 天：最多只能清除 {ChinaTime.ToChina(oldestKept):yyyy-MM-dd HH:mm} 之前的事件，不能清除 {before:yyyy-MM-dd} 之前的全部事件。");
        }

        return cutoff;
    }
}
