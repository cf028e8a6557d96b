using FullEmployment.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Audit;

public sealed record AuditVerification(bool Intact, long EventsChecked, long? FirstBrokenSequence, string Message);

/// <summary>Recomputes the SHA-256 chain; any altered, removed or inserted row breaks it.</summary>
public sealed class AuditVerifier(AppDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var previous = AuditChainHead.GenesisHash;
        long expected = 1;
        long checkedCount = 0;
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

            previous = e.Hash;
            expected++;
            checkedCount++;
        }

        var head = await db.AuditChainHeads.AsNoTracking().FirstOrDefaultAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        if (head is not null && (head.LastSequence != checkedCount || head.LastHash != previous))
        {
            return Broken(checkedCount + 1, checkedCount, "审计链末端与链头记录不符（末尾事件可能被删除）。");
        }

        return new AuditVerification(true, checkedCount, null, $"审计链完整，共校验 {checkedCount} 条事件。");
    }

    private static AuditVerification Broken(long sequence, long checkedCount, string message) =>
        new(false, checkedCount, sequence, message);
}
