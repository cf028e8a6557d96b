namespace FullEmployment.Domain.Funds;

/// <summary>Where a fund-usage report stands (A14).</summary>
public enum FundReportState
{
    /// <summary>Being written by the community; not yet submitted.</summary>
    Draft,

    /// <summary>Returned for revision with remarks by a reviewer of either stage; the community edits and resubmits.</summary>
    Returned,

    /// <summary>A14.1: county HR and county finance review, both must sign off.</summary>
    CountyReview,

    /// <summary>A14.1: city HR and city finance re-review, both must sign off (嘉峪关: the only stage).</summary>
    CityReview,

    /// <summary>A14.2: a reviewer of the county stage proposed recovery; the other officer of that stage decides.</summary>
    CountyRecoveryProposed,

    /// <summary>A14.2: a reviewer of the city stage proposed recovery; the other officer of that stage decides.</summary>
    CityRecoveryProposed,

    /// <summary>Both stages signed off; final.</summary>
    Approved,

    /// <summary>A14.2: recovery decided; refunds and accountability records follow.</summary>
    Recovered,
}

/// <summary>The intent-named moves of a report.</summary>
public enum FundReportAction
{
    Edit,
    Submit,
    Approve,
    Return,
    ProposeRecovery,
    AgreeRecovery,
    DeclineRecovery,
    RecordRefund,
    RecordAccountability,
}

/// <summary>The two review stages (A14.1).</summary>
public enum FundReviewStage
{
    County,
    City,
}

/// <summary>The two sides of a stage: human resources and finance (A14.1).</summary>
public enum FundReviewSide
{
    HumanResources,
    Finance,
}

/// <summary>What the acting account is to one report, from the stored report's region.</summary>
[Flags]
public enum FundReportParty
{
    None = 0,
    Community = 1,
    CountyHumanResources = 2,
    CountyFinance = 4,
    CityHumanResources = 8,
    CityFinance = 16,
}
