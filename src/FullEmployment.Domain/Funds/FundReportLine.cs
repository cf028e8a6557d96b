namespace FullEmployment.Domain.Funds;

/// <summary>What the community enters for one expense line (A13), before it is checked.</summary>
public sealed record FundReportLineInput(DateOnly Date, FundReportCategory Category, string Description, decimal Amount, string Payee,
    string VoucherNumber, Guid? FileId = null);

/// <summary>One expense of a fund-usage report: date, amount, payee, description, voucher or invoice number, optional file (A13).</summary>
public sealed class FundReportLine
{
    public const int DescriptionLength = 500;
    public const int PayeeLength = 200;
    public const int VoucherLength = 100;

    internal FundReportLine(Guid reportId, int position, FundReportLineInput input, int year)
    {
        if (!Enum.IsDefined(input.Category))
        {
            throw new DomainException("资金用途只能是规定的五类之一。", "A13");
        }

        if (input.Date.Year != year)
        {
            throw new DomainException($"第{position}行：支出日期{ChinaTime.Format(input.Date)}不在{year}年度内。", "A14.1");
        }

        Id = Guid.NewGuid();
        ReportId = reportId;
        Position = position;
        Date = input.Date;
        Category = input.Category;
        Description = Text(input.Description, DescriptionLength, "用途说明", position);
        Amount = FundReportRules.EnsureMoney(input.Amount, $"第{position}行金额");
        Payee = Text(input.Payee, PayeeLength, "收款单位或个人", position);
        VoucherNumber = Text(input.VoucherNumber, VoucherLength, "凭证或发票号", position);
        FileId = input.FileId;
    }

    private FundReportLine() { }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    /// <summary>The line's place in the report, from 1.</summary>
    public int Position { get; private set; }

    public DateOnly Date { get; private set; }

    public FundReportCategory Category { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public decimal Amount { get; private set; }

    public string Payee { get; private set; } = string.Empty;

    public string VoucherNumber { get; private set; } = string.Empty;

    /// <summary>The scanned voucher or invoice, when the community attached one.</summary>
    public Guid? FileId { get; private set; }

    private static string Text(string? value, int length, string what, int position)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException($"第{position}行：请填写{what}。", "A13");
        }

        var trimmed = value.Trim();
        return trimmed.Length <= length ? trimmed : throw new DomainException($"第{position}行：{what}不得超过{length}个字。", "A13");
    }
}

/// <summary>One reviewer's act on a report: who signed what, at which stage and round, and when (A14.1); never changed.</summary>
public sealed class FundReportSignOff
{
    internal FundReportSignOff(Guid reportId, int round, FundReviewStage stage, FundReviewSide side, FundReportAction action, string actor,
        DateTimeOffset at, string? remarks)
    {
        Id = Guid.NewGuid();
        ReportId = reportId;
        Round = round;
        Stage = stage;
        Side = side;
        Action = action;
        Actor = actor;
        At = at;
        Remarks = string.IsNullOrWhiteSpace(remarks) ? null : remarks.Trim();
    }

    private FundReportSignOff() { }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    /// <summary>Which submission it belongs to: 1 for the first, one more after each return.</summary>
    public int Round { get; private set; }

    public FundReviewStage Stage { get; private set; }

    public FundReviewSide Side { get; private set; }

    public FundReportAction Action { get; private set; }

    public string Actor { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }

    public string? Remarks { get; private set; }
}
