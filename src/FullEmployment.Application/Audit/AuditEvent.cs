using System.Buffers;
using System.Buffers.Binary;
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

    /// <summary>
    /// HMAC-SHA256 of the event's canonical form under the audit key (<see cref="AuditKey"/>), which lives outside the
    /// database; null on the events written before keyed sealing began (ADR 0003, "Keyed seal").
    /// </summary>
    public string? AuditHmac { get; set; }

    /// <summary>Links the event to <see cref="PreviousHash"/> (version 2 hash) and seals it under <paramref name="key"/>.</summary>
    public void Seal(AuditKey key)
    {
        Hash = Convert.ToHexStringLower(SHA256.HashData(Canonical()));
        AuditHmac = key.Seal(this);
    }

    /// <summary>The chain hash: version 2 (typed, length-prefixed fields) for sealed events, version 1 for the earlier ones.</summary>
    public string ComputeHash() =>
        AuditHmac is null ? ComputeLegacyHash() : Convert.ToHexStringLower(SHA256.HashData(Canonical()));

    /// <summary>
    /// Version 2's bytes: a version tag, then each field typed and length-prefixed, so null and "" differ and no value
    /// can borrow a separator from its neighbour.
    /// </summary>
    public byte[] Canonical()
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        buffer.Write(CanonicalVersionTag);
        WriteInteger(buffer, Sequence);
        WriteInteger(buffer, OccurredAt.UtcTicks);
        foreach (var field in (ReadOnlySpan<string?>)[UserName, Role, Scope, ClientIp, Action, TargetType, TargetId, RegionCode, Before, After, PreviousHash])
        {
            WriteText(buffer, field);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Version 1, kept to verify the events written before sealing began: fields joined by U+001F, so null and "" hash alike.</summary>
    public string ComputeLegacyHash()
    {
        var canonical = string.Join('\u001f',
            Sequence.ToString(CultureInfo.InvariantCulture),
            OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            UserName, Role, Scope, ClientIp, Action, TargetType, TargetId, RegionCode, Before, After, PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static ReadOnlySpan<byte> CanonicalVersionTag => "fe-audit-v2"u8;

    private static void WriteInteger(ArrayBufferWriter<byte> buffer, long value)
    {
        buffer.Write("I"u8);
        BinaryPrimitives.WriteInt64BigEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    private static void WriteText(ArrayBufferWriter<byte> buffer, string? value)
    {
        if (value is null)
        {
            buffer.Write("N"u8);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        buffer.Write("S"u8);
        BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), bytes.Length);
        buffer.Advance(4);
        buffer.Write(bytes);
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
