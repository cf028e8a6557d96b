using System.Globalization;
using FullEmployment.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Audit;

/// <summary>
/// The outcome of a verification: <see cref="Tip"/> is the chain's head when intact (what <c>fe audit anchor</c> prints);
/// <see cref="SealedFrom"/> the first event carrying a keyed seal.
/// </summary>
public sealed record AuditVerification(bool Intact, long EventsChecked, long? FirstBrokenSequence, string Message)
{
    public AuditAnchor? Tip { get; init; }

    public long? SealedFrom { get; init; }
}

/// <summary>
/// A head of the chain recorded outside the system (a daily note, a ticket, a letter): the hash of event
/// <see cref="Count"/>. Written and read as "HASH:COUNT"; the count may be left off.
/// </summary>
public sealed record AuditAnchor(string Hash, long? Count)
{
    public static AuditAnchor? Parse(string text)
    {
        var parts = text.Trim().Split(':');
        var hash = parts[0].ToLowerInvariant();
        if (parts.Length > 2 || hash.Length != 64 || !hash.All(Uri.IsHexDigit))
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return new AuditAnchor(hash, null);
        }

        return long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? new AuditAnchor(hash, count) : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Hash}:{Count}");
}

/// <summary>
/// Recomputes the chain and checks every keyed seal: an altered, removed or inserted row breaks the hashes, and a row
/// rewritten with every later hash recomputed still fails its seal, since the key is not in the database. Events from
/// before sealing began (null seal) are checked by hash alone; they are covered by the first sealed event, whose
/// seal includes their tip. An anchor proves that nothing up to it was rewritten even by someone holding the key.
/// </summary>
public sealed class AuditVerifier(AppDbContext db, AuditKey key)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default) =>
        await VerifyAsync(null, cancellationToken);

    public async Task<AuditVerification> VerifyAsync(AuditAnchor? anchor, CancellationToken cancellationToken = default)
    {
        var previous = AuditChainHead.GenesisHash;
        long expected = 1;
        long checkedCount = 0;
        long? sealedFrom = null;
        long? anchoredAt = anchor is { Count: 0 } && anchor.Hash == AuditChainHead.GenesisHash ? 0 : null;
        await foreach (var e in db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (e.Sequence != expected)
            {
                return Broken(e.Sequence, checkedCount, $"审计事件序号不连续：应为 {expected}，实为 {e.Sequence}（记录可能被删除或插入）。");
            }

            if (e.PreviousHash != previous)
            {
                return Broken(e.Sequence, checkedCount, $"审计事件 #{e.Sequence} 的前序哈希与上一事件不符。");
            }

            if (e.ComputeHash() != e.Hash)
            {
                return Broken(e.Sequence, checkedCount, $"审计事件 #{e.Sequence} 的内容已被改动（哈希不符）。");
            }

            if (e.AuditHmac is null && sealedFrom is not null)
            {
                return Broken(e.Sequence, checkedCount, $"审计事件 #{e.Sequence} 没有密钥封印，而自 #{sealedFrom} 起的事件都应有封印（封印被去除，事件可能被改写）。");
            }

            if (e.AuditHmac is not null)
            {
                if (!key.IsSealed(e))
                {
                    return Broken(e.Sequence, checkedCount, $"审计事件 #{e.Sequence} 的密钥封印不符：事件被改写后重新计算了哈希，或审计密钥不是写入时的密钥。");
                }

                sealedFrom ??= e.Sequence;
            }

            if (anchor is not null && (anchor.Count == e.Sequence || (anchor.Count is null && anchor.Hash == e.Hash)))
            {
                if (anchor.Hash != e.Hash)
                {
                    return Broken(e.Sequence, checkedCount, $"锚点记录的第 {e.Sequence} 条事件哈希与现在的不符：该事件或它之前的事件已被改写。");
                }

                anchoredAt = e.Sequence;
            }

            previous = e.Hash;
            expected++;
            checkedCount++;
        }

        var head = await db.AuditChainHeads.AsNoTracking().FirstOrDefaultAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        if (head is not null && (head.LastSequence != checkedCount || head.LastHash != previous))
        {
            return Broken(checkedCount + 1, checkedCount, "审计链末端与链头记录不符（末尾事件可能被删除）。");
        }

        if (checkedCount > 0 && sealedFrom is null)
        {
            return Broken(1, checkedCount, "审计链中没有带密钥封印的事件（封印可能被全部去除后重写了审计链）。");
        }

        if (anchor is not null && anchoredAt is null)
        {
            return Broken(Math.Min(anchor.Count ?? checkedCount + 1, checkedCount + 1), checkedCount, anchor.Count is { } count && count > checkedCount
                ? $"锚点记录了 {count} 条事件，审计链现只有 {checkedCount} 条：事件已被删除。"
                : "审计链中没有锚点记录的哈希：锚点之前的事件已被改写。");
        }

        var sealing = sealedFrom switch
        {
            null => "",
            1 => "全部事件均有密钥封印",
            { } first => $"自 #{first} 起有密钥封印（此前 {first - 1} 条为启用密钥前的记录，由 #{first} 的封印连带保护）",
        };
        var anchored = anchoredAt is null ? "" : $"；锚点（第 {anchoredAt} 条）及之前的事件未被改写";
        return new AuditVerification(true, checkedCount, null, $"审计链完整，共校验 {checkedCount} 条事件{(sealing.Length > 0 ? "，" + sealing : "")}{anchored}。")
        {
            Tip = new AuditAnchor(previous, checkedCount),
            SealedFrom = sealedFrom,
        };
    }

    private static AuditVerification Broken(long sequence, long checkedCount, string message) =>
        new(false, checkedCount, sequence, message);
}
