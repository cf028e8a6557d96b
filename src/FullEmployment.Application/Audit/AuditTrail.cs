using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using FullEmployment.Application.Common;

namespace FullEmployment.Application.Audit;

/// <summary>
/// Collects the audit events of one unit of work; <see cref="Data.AppDbContext"/> appends them to the chain
/// inside the same transaction as the change, so a failed audit write fails the change.
/// </summary>
public sealed class AuditTrail(ICurrentActor actor, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
    };

    private readonly List<AuditEvent> _pending = [];

    public IReadOnlyList<AuditEvent> Pending => _pending;

    public ICurrentActor Actor => actor;

    public void Record(string action, string? targetType = null, string? targetId = null, string? regionCode = null,
        object? before = null, object? after = null)
    {
        // Truncate so the hashed instant survives the round trip: PostgreSQL keeps microseconds, and SQLite's
        // DateTimeOffsetToBinaryConverter keeps only 0.1 ms (1,000 ticks).
        var now = clock.GetUtcNow();
        var stored = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 1_000), TimeSpan.Zero);
        _pending.Add(new AuditEvent
        {
            OccurredAt = stored,
            // Cut to the column widths here, the one place events are built: a 200-character path or user name
            // typed by a visitor must not fail the write (PostgreSQL enforces varchar lengths, SQLite does not).
            UserName = Fit(actor.UserName, AuditEvent.UserNameLength),
            Role = Fit(actor.Role, AuditEvent.RoleLength),
            Scope = Fit(actor.ScopeCode, AuditEvent.ScopeLength),
            ClientIp = Fit(actor.ClientIp, AuditEvent.ClientIpLength),
            Action = Fit(action, AuditEvent.ActionLength)!,
            TargetType = Fit(targetType, AuditEvent.TargetTypeLength),
            TargetId = Fit(AuditRedaction.Text(targetId), AuditEvent.TargetIdLength),
            RegionCode = Fit(regionCode, AuditEvent.RegionCodeLength),
            Before = Serialize(before),
            After = Serialize(after),
        });
    }

    internal List<AuditEvent> TakePending()
    {
        var events = _pending.ToList();
        _pending.Clear();
        return events;
    }

    internal void Restore(IEnumerable<AuditEvent> events) => _pending.InsertRange(0, events);

    /// <summary>Drops the events of a change that was abandoned before saving.</summary>
    public void Discard() => _pending.Clear();

    /// <summary>
    /// <paramref name="value"/> cut to <paramref name="length"/> UTF-16 units with a trailing "…" when longer, never
    /// splitting a surrogate pair (a CJK extension character or emoji stays whole or goes).
    /// </summary>
    internal static string? Fit(string? value, int length)
    {
        if (value is null || value.Length <= length)
        {
            return value;
        }

        var cut = length - 1;
        if (char.IsHighSurrogate(value[cut - 1]))
        {
            cut--;
        }

        return string.Concat(value.AsSpan(0, cut), "…");
    }

    private static string? Serialize(object? value) => value switch
    {
        null => null,
        string s => AuditRedaction.Text(s),
        _ => AuditRedaction.Node(JsonSerializer.SerializeToNode(value, Json))?.ToJsonString(Json),
    };
}
