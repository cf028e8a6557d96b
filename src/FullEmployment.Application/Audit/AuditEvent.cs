using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FullEmployment.Application.Audit;

/// <summary>One appended, hash-chained audit record. Never updated or deleted.</summary>
public sealed class AuditEvent
{
    // Column widths (AuditEventConfiguration); AuditTrail cuts longer values to fit, so an audit write never fails on them.
    public const int UserNameLength = 100;
    public const int RoleLength = 40;
    public const int ScopeLength = 12;
    public const int ClientIpLength = 64;
    public const int ActionLength = 100;
    public const int TargetTypeLength = 60;
    public const int TargetIdLength = 100;
    public const int RegionCodeLength = 6;

    public long Id { get; set; }
    public long Sequence { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string? UserName { get; set; }
    public string? Role { get; set; }
    public string? Scope { get; set; }
    public string? ClientIp { get; set; }
    public string Action { get; set; } = "";
    public string? TargetType { get; set; }
    public string? TargetId { get; set; }

    /// <summary>The target's region (county or city code), so regional auditors see their events.</summary>
    public string? RegionCode { get; set; }

    public string? Before { get; set; }
    public string? After { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public string ComputeHash()
    {
        var canonical = string.Join('\u001f',
            Sequence.ToString(CultureInfo.InvariantCulture),
            OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            UserName, Role, Scope, ClientIp, Action, TargetType, TargetId, RegionCode, Before, After, PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>The single row holding the chain's tip; updating it first serialises appends across connections and nodes.</summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public int Id { get; set; } = SingletonId;
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = GenesisHash;
}
