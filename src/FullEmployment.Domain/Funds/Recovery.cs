namespace FullEmployment.Domain.Funds;

/// <summary>A14.2: why funds are recovered.</summary>
public enum RecoveryReason
{
    /// <summary>使用不规范.</summary>
    Irregular,

    /// <summary>使用不充分.</summary>
    Insufficient,

    /// <summary>使用效果不好.</summary>
    Ineffective,
}

public enum RecoveryStatus
{
    /// <summary>Proposed by one officer of the stage; the other decides.</summary>
    Proposed,

    /// <summary>Both officers of the stage agreed: the funds are recovered and the community excluded.</summary>
    Decided,

    /// <summary>The other officer of the stage did not agree; the report went back to that stage's review.</summary>
    Declined,
}

/// <summary>
/// A14.2: a recovery of a report's funds: the amount (up to what was received), the reason with findings and the refund due
/// date; decided when both officers of the stage agree. Refunds are recorded one by one; what is outstanding is derived.
/// </summary>
public sealed class Recovery
{
    public const int FindingsLength = 2000;

    private readonly List<RecoveryRefund> _refunds = [];

    internal Recovery(Guid reportId, FundReviewStage stage, FundReviewSide proposedBySide, decimal amount, decimal received,
        RecoveryReason reason, string findings, DateOnly refundDueOn, string actor, DateOnly today, DateTimeOffset now)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new DomainException("追回原因只能是使用不规范、使用不充分或使用效果不好。", "A14.2");
        }

        FundReportRules.EnsureMoney(amount, "追回金额", clause: "A14.2");
        if (amount > received)
        {
            throw new DomainException(
                $"追回金额{FundReportRules.Yuan(amount)}元不得超过到位资金{FundReportRules.Yuan(received)}元。", "A14.2");
        }

        if (string.IsNullOrWhiteSpace(findings))
        {
            throw new DomainException("追回须写明发现的问题。", "A14.2");
        }

        if (findings.Trim().Length > FindingsLength)
        {
            throw new DomainException($"发现的问题不得超过{FindingsLength}个字。", "A14.2");
        }

        if (refundDueOn <= today)
        {
            throw new DomainException("退回期限应晚于今天。", "A14.2");
        }

        Id = Guid.NewGuid();
        ReportId = reportId;
        Stage = stage;
        ProposedBySide = proposedBySide;
        Amount = amount;
        Reason = reason;
        Findings = findings.Trim();
        RefundDueOn = refundDueOn;
        ProposedBy = actor;
        ProposedAt = now;
        Status = RecoveryStatus.Proposed;
    }

    private Recovery() { }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    public FundReviewStage Stage { get; private set; }

    public FundReviewSide ProposedBySide { get; private set; }

    public decimal Amount { get; private set; }

    public RecoveryReason Reason { get; private set; }

    public string Findings { get; private set; } = string.Empty;

    public DateOnly RefundDueOn { get; private set; }

    public string ProposedBy { get; private set; } = string.Empty;

    public DateTimeOffset ProposedAt { get; private set; }

    public RecoveryStatus Status { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The China date of the decision: the exclusion runs from it.</summary>
    public DateOnly? DecidedOn { get; private set; }

    public string? DeclineRemark { get; private set; }

    public IReadOnlyList<RecoveryRefund> Refunds => _refunds;

    public decimal Refunded => _refunds.Sum(r => r.Amount);

    /// <summary>What is still to be refunded: nothing unless decided.</summary>
    public decimal Outstanding => Status == RecoveryStatus.Decided ? Amount - Refunded : 0m;

    /// <summary>Refund overdue on <paramref name="today"/>: decided, not fully refunded, past the refund due date.</summary>
    public bool IsRefundOverdue(DateOnly today) => Outstanding > 0m && today > RefundDueOn;

    public static string ReasonName(RecoveryReason reason) => reason switch
    {
        RecoveryReason.Irregular => "使用不规范",
        RecoveryReason.Insufficient => "使用不充分",
        RecoveryReason.Ineffective => "使用效果不好",
        _ => reason.ToString(),
    };

    public static string ReasonApiName(RecoveryReason reason) => reason switch
    {
        RecoveryReason.Irregular => "irregular",
        RecoveryReason.Insufficient => "insufficient",
        RecoveryReason.Ineffective => "ineffective",
        _ => reason.ToString(),
    };

    public static RecoveryReason ParseReason(string? value)
    {
        var trimmed = value?.Trim();
        foreach (var reason in Enum.GetValues<RecoveryReason>())
        {
            if (ReasonApiName(reason) == trimmed || ReasonName(reason) == trimmed)
            {
                return reason;
            }
        }

        throw new DomainException("追回原因应为 irregular（使用不规范）、insufficient（使用不充分）或 ineffective（使用效果不好）。", "A14.2");
    }

    internal void Decide(string actor, DateOnly today, DateTimeOffset now)
    {
        Status = RecoveryStatus.Decided;
        DecidedBy = actor;
        DecidedAt = now;
        DecidedOn = today;
    }

    internal void Decline(string actor, string remark, DateTimeOffset now)
    {
        Status = RecoveryStatus.Declined;
        DecidedBy = actor;
        DecidedAt = now;
        DeclineRemark = remark.Trim();
    }

    internal RecoveryRefund AddRefund(decimal amount, string voucherNumber, DateOnly paidOn, string actor, DateOnly today, DateTimeOffset now)
    {
        FundReportRules.EnsureMoney(amount, "退回金额", clause: "A14.2");
        if (amount > Outstanding)
        {
            throw new DomainException(
                $"退回金额{FundReportRules.Yuan(amount)}元超过尚未退回的{FundReportRules.Yuan(Outstanding)}元。", "A14.2");
        }

        if (string.IsNullOrWhiteSpace(voucherNumber) || voucherNumber.Trim().Length > FundReportLine.VoucherLength)
        {
            throw new DomainException($"请填写退回凭证号（不超过{FundReportLine.VoucherLength}个字）。", "A14.2");
        }

        if (paidOn > today)
        {
            throw new DomainException("退回日期不能晚于今天。", "A14.2");
        }

        if (DecidedOn is { } decided && paidOn < decided)
        {
            throw new DomainException($"退回日期不得早于追回决定之日（{ChinaTime.Format(decided)}）。", "A14.2");
        }

        var refund = new RecoveryRefund(Id, amount, voucherNumber.Trim(), paidOn, actor, now);
        _refunds.Add(refund);
        return refund;
    }
}

/// <summary>One refund of recovered funds, with its voucher and date (A14.2).</summary>
public sealed class RecoveryRefund
{
    internal RecoveryRefund(Guid recoveryId, decimal amount, string voucherNumber, DateOnly paidOn, string actor, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        RecoveryId = recoveryId;
        Amount = amount;
        VoucherNumber = voucherNumber;
        PaidOn = paidOn;
        RecordedBy = actor;
        RecordedAt = now;
    }

    private RecoveryRefund() { }

    public Guid Id { get; private set; }

    public Guid RecoveryId { get; private set; }

    public decimal Amount { get; private set; }

    public string VoucherNumber { get; private set; } = string.Empty;

    public DateOnly PaidOn { get; private set; }

    public string RecordedBy { get; private set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; private set; }
}
