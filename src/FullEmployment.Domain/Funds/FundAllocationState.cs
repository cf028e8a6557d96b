namespace FullEmployment.Domain.Funds;

public enum FundAllocationState
{
    /// <summary>Computed from the titles in force; recomputed on request.</summary>
    Draft = 1,

    /// <summary>Locked: later title changes show only as differences against a fresh computation.</summary>
    Confirmed = 2,

    /// <summary>下达: issued with the budget document number and date.</summary>
    Issued = 3,
}

public enum FundAllocationAction
{
    Recompute = 1,
    Confirm = 2,
    Issue = 3,
}

public enum FundAllocationDifferenceKind
{
    Added = 1,
    Removed = 2,
    Changed = 3,
}

public static class FundAllocationStates
{
    public static string DisplayName(this FundAllocationState state) => state switch
    {
        FundAllocationState.Draft => "草稿",
        FundAllocationState.Confirmed => "已确认",
        FundAllocationState.Issued => "已下达",
        _ => state.ToString(),
    };

    public static string ApiName(this FundAllocationState state) => state switch
    {
        FundAllocationState.Draft => "draft",
        FundAllocationState.Confirmed => "confirmed",
        FundAllocationState.Issued => "issued",
        _ => state.ToString(),
    };

    public static string DisplayName(this FundAllocationAction action) => action switch
    {
        FundAllocationAction.Recompute => "重新计算",
        FundAllocationAction.Confirm => "确认名单",
        FundAllocationAction.Issue => "下达资金",
        _ => action.ToString(),
    };

    public static string ApiName(this FundAllocationAction action) => action switch
    {
        FundAllocationAction.Recompute => "recompute",
        FundAllocationAction.Confirm => "confirm",
        FundAllocationAction.Issue => "issue",
        _ => action.ToString(),
    };

    public static FundAllocationAction? ParseAction(string? value) => value switch
    {
        "recompute" => FundAllocationAction.Recompute,
        "confirm" => FundAllocationAction.Confirm,
        "issue" => FundAllocationAction.Issue,
        _ => null,
    };

    public static string DisplayName(this FundAllocationDifferenceKind kind) => kind switch
    {
        FundAllocationDifferenceKind.Added => "新增",
        FundAllocationDifferenceKind.Removed => "减少",
        FundAllocationDifferenceKind.Changed => "变化",
        _ => kind.ToString(),
    };
}
