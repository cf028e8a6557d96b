namespace FullEmployment.Domain.Audit;

/// <summary>
/// How long audit events are kept: the configured days, never fewer than 180 (《网络安全法》第二十一条: network logs
/// are kept for at least six months). Nothing in the system deletes events; a purge, when one is added, may remove
/// only events older than this.
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
}
