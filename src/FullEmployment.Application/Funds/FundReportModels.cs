using FullEmployment.Application.Common;
using FullEmployment.Domain.Funds;

namespace FullEmployment.Application.Funds;

/// <summary>One expense line as the API and the editor send it; the category by API name (publicity | services | entrepreneurship | it | monitoring).</summary>
public sealed record FundReportLineBody(DateOnly Date, string? Category, string? Description, decimal Amount, string? Payee, string? VoucherNumber,
    Guid? FileId = null);

/// <summary>What the community writes: the year, the lines, and any balance carried over with its reason.</summary>
public sealed record FundReportInput(int Year, IReadOnlyList<FundReportLineBody> Lines, decimal? CarriedOver, string? CarriedOverReason);

public sealed record FundReportFilter(int? Year = null, FundReportState? State = null, string? Region = null, bool Overdue = false,
    string? CommunityCode = null);

/// <summary>The answer to a write: {id, state, dueDate, received} plus the new version.</summary>
public sealed record FundReportResult(Guid Id, string State, string StateName, DateOnly DueDate, decimal Received, int Version);

public sealed record FundReportRow(Guid Id, string CommunityCode, string CommunityName, string CityCode, string? CountyCode, int Year,
    FundReportState State, string StateName, decimal Received, decimal Spent, decimal InformationNetwork, DateOnly DueDate, DateOnly? SubmittedOn,
    bool SubmittedLate, bool Overdue, decimal RecoveryOutstanding, int Version);

public sealed record FundReportLineView(Guid Id, int Position, DateOnly Date, string Category, string CategoryName, string Description, decimal Amount,
    string Payee, string VoucherNumber, Guid? FileId);

public sealed record FundCategoryTotal(string Category, string CategoryName, decimal Total);

public sealed record FundSignOffView(int Round, string Stage, string Side, string Action, string ActionName, string Actor, DateTimeOffset At,
    string? Remarks);

/// <summary>Which sides of a stage have signed in the current round, by whom and when (A14.1).</summary>
public sealed record FundStageView(string Stage, string StageName, FundSignOffView? HumanResources, FundSignOffView? Finance);

public sealed record RecoveryRefundView(Guid Id, decimal Amount, string VoucherNumber, DateOnly PaidOn, string RecordedBy);

public sealed record RecoveryView(Guid Id, string Stage, string Reason, string ReasonName, decimal Amount, string Findings, DateOnly RefundDueOn,
    string Status, string ProposedBy, DateTimeOffset ProposedAt, string? DecidedBy, DateOnly? DecidedOn, string? DeclineRemark, decimal Refunded,
    decimal Outstanding, bool RefundOverdue, IReadOnlyList<RecoveryRefundView> Refunds);

public sealed record AccountabilityView(Guid Id, string SubjectKind, string Subject, string Measure, string Basis, DateOnly On, string RecordedBy);

/// <summary>An action the current actor may take, by API name and Chinese name.</summary>
public sealed record FundReportOption(string Action, string Name);

public sealed record FundReportView(Guid Id, string CommunityCode, string CommunityName, string CityCode, string? CountyCode, string RegionName,
    int Year, string State, string StateName, int Version, DateOnly DueDate, decimal Received, decimal CarriedOver, string? CarriedOverReason,
    decimal Spent, decimal InformationNetworkCap, decimal InformationNetworkShare, bool SubmittedLate, bool Overdue, DateOnly? FirstSubmittedOn,
    DateOnly? SubmittedOn, string? ReturnRemarks, int Round, IReadOnlyList<FundReportLineView> Lines, IReadOnlyList<FundCategoryTotal> Totals,
    IReadOnlyList<FundStageView> Stages, IReadOnlyList<FundSignOffView> SignOffs, IReadOnlyList<RecoveryView> Recoveries,
    IReadOnlyList<AccountabilityView> Accountability, IReadOnlyList<FundReportOption> Options, string? Reminder);

public sealed record ProposeRecoveryInput(Guid Id, int? Version, decimal Amount, string? Reason, string? Findings, DateOnly RefundDueOn);

public sealed record RefundInput(Guid Id, int? Version, decimal Amount, string? VoucherNumber, DateOnly PaidOn);

public sealed record AccountabilityBody(Guid Id, int? Version, string? SubjectKind, string? Subject, string? Measure, string? Basis, DateOnly On);

/// <summary>Counts for a county or city workbench: reports by state, overdue, recoveries outstanding.</summary>
public sealed record FundReportSummary(int Year, int Expected, IReadOnlyList<(string StateName, int Count)> ByState, int NotStarted, int Overdue,
    int RecoveriesOutstanding, decimal OutstandingAmount, IReadOnlyList<FundCityReportCount> PerCity, IReadOnlyList<FundShareRow> InformationNetworkShares,
    decimal InformationNetworkCapShare);

/// <summary>The province's per-city figures: reports expected (allocation lines), submitted, submitted on time.</summary>
public sealed record FundCityReportCount(string CityCode, string CityName, int Expected, int Submitted, int OnTime);

/// <summary>One community's category (4) share of what it received.</summary>
public sealed record FundShareRow(string CommunityCode, string CommunityName, decimal Received, decimal InformationNetwork, decimal Share);

/// <summary>A report waiting for the actor (the finance and HR workbench panels and the to-do list).</summary>
public sealed record FundReportWaiting(FundReportRow Row, string ActionName);

internal static class FundReportMapping
{
    public static FundReportResult Result(FundReport r) =>
        new(r.Id, FundReport.StateApiName(r.State), FundReport.StateName(r.State), r.DueDate, r.Received, r.Version);

    public static FundReportLineInput ToInput(FundReportLineBody line) => new(line.Date, FundReportCategories.Parse(line.Category),
        line.Description ?? "", line.Amount, line.Payee ?? "", line.VoucherNumber ?? "", line.FileId);

    public static PagedResult<T> Page<T>(IReadOnlyList<T> rows, PageRequest page) =>
        new([.. rows.Skip(page.Skip).Take(page.SafePageSize)], rows.Count, page.SafePage, page.SafePageSize);
}
