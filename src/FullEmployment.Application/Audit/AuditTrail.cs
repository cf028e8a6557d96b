using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Encodings.Web;
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
            UserName = actor.UserName,
            Role = actor.Role,
            Scope = actor.ScopeCode,
            ClientIp = actor.ClientIp,
            Action = action,
            TargetType = targetType,
            TargetId = AuditRedaction.Text(targetId),
            RegionCode = regionCode,
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

    private static string? Serialize(object? value) => value switch
    {
        null => null,
        string s => AuditRedaction.Text(s),
        _ => AuditRedaction.Node(JsonSerializer.SerializeToNode(value, Json))?.ToJsonString(Json),
    };
}
