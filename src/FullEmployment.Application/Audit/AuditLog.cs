using System.Globalization;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Audit;

public sealed record AuditFilter(string? UserName = null, string? Action = null, string? Target = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>What auditors read: the events of their region, newest first. Reading is itself not audited; exporting is.</summary>
public sealed class AuditLog(AppDbContext db, AuditTrail audit)
{
    // An Excel cell holds at most 32,767 characters.
    private const int MaxCellLength = 32_000;

    public async Task<PagedResult<AuditEvent>> SearchAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.Sequence).Skip(page.Skip).Take(page.SafePageSize).ToListAsync(cancellationToken);
        return new PagedResult<AuditEvent>(items, total, page.SafePage, page.SafePageSize);
    }

    public async Task<List<AuditEvent>> ExportAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        var items = await Filtered(filter).OrderByDescending(e => e.Sequence).Take(100_000).ToListAsync(cancellationToken);
        audit.Record("audit.export", "audit", null, null, after: new { filter.UserName, filter.Action, filter.Target, filter.From, filter.To, rows = items.Count });
        await db.SaveChangesAsync(cancellationToken);
        return items;
    }

    /// <summary>The exported sheet; times in China time, long before/after values cut to what an Excel cell holds.</summary>
    public static byte[] ToXlsx(IEnumerable<AuditEvent> events)
    {
        return Xlsx.Table("审计日志", ["序号", "时间", "用户", "角色", "辖区", "IP", "操作", "对象类型", "对象", "区划", "变更前", "变更后"],
            events.Select(e => (IReadOnlyList<object?>)[e.Sequence, FormatTime(e.OccurredAt), e.UserName, e.Role is null ? null : Roles.DisplayName(e.Role),
                e.Scope, e.ClientIp, e.Action, e.TargetType, e.TargetId, e.RegionCode, CellText(e.Before), CellText(e.After)]));
    }

    /// <summary>An audit instant as auditors read it: China time, to the second.</summary>
    public static string FormatTime(DateTimeOffset instant) =>
        Domain.ChinaTime.ToChina(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string? CellText(string? value) =>
        value is { Length: > MaxCellLength } ? value[..MaxCellLength] + "…" : value;

    private IQueryable<AuditEvent> Filtered(AuditFilter filter)
    {
        audit.Actor.EnsureRole(Roles.Auditor);
        var scope = audit.Actor.ScopeCode ?? "";
        var query = db.AuditEvents.AsNoTracking();
        if (!scope.EndsWith("0000", StringComparison.Ordinal))
        {
            // A regional auditor sees the events whose target lies in the region (county codes share the city's first four digits).
            var prefix = scope.EndsWith("00", StringComparison.Ordinal) ? scope[..4] : scope;
            query = query.Where(e => e.RegionCode != null && e.RegionCode.StartsWith(prefix));
        }

        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            query = query.Where(e => e.UserName == filter.UserName.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action.StartsWith(filter.Action.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(filter.Target))
        {
            query = query.Where(e => e.TargetId != null && e.TargetId.Contains(filter.Target.Trim()));
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), Domain.ChinaTime.Offset);
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = Domain.ChinaTime.EndOf(to);
            query = query.Where(e => e.OccurredAt < end);
        }

        return query;
    }
}
