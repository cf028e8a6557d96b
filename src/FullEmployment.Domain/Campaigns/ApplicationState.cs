namespace FullEmployment.Domain.Campaigns;

/// <summary>Where a community's application (申报, A8) stands.</summary>
public enum ApplicationState
{
    /// <summary>Being prepared by the community with its self-assessment (A8.1).</summary>
    Draft,

    /// <summary>At the county bureau for preliminary scoring and on-site inspection (A8.2).</summary>
    Submitted,

    /// <summary>Sent back by the county to fix and resubmit by a due date (A8.2).</summary>
    ReturnedToCommunity,

    /// <summary>Passed the county, at the city for comprehensive evaluation (A8.3).</summary>
    ForwardedToCity,

    RejectedByCounty,

    /// <summary>Not recommended after the city's evaluation (A8.3).</summary>
    RejectedByCity,

    /// <summary>On the city's recommendation list (A8.3).</summary>
    Recommended,

    /// <summary>Sent back by the city to the county (A8.3).</summary>
    ReturnedToCounty,

    /// <summary>Sent up by the city after its notice, at the province for review (A8.4).</summary>
    ForwardedToProvince,

    /// <summary>On the province's proposed list (A8.4).</summary>
    Proposed,

    Certified,

    NotCertified,

    Withdrawn,

    /// <summary>Falsification found; barred from this campaign (A16).</summary>
    Disqualified,

    /// <summary>Taken off a list because an objection during the public notice was upheld (A8.3, A8.4).</summary>
    RemovedByObjection,
}

/// <summary>The intent-named moves of the application workflow.</summary>
public enum ApplicationAction
{
    Submit,
    Withdraw,
    ReturnForCorrection,
    Resubmit,
    CountyForward,
    CountyReject,
    CityRecommend,
    CityReturnToCounty,
    CityReject,
    ForwardToProvince,
    Propose,
    NotCertify,
    Certify,
    UpholdObjection,
    Disqualify,
}

/// <summary>Who may apply: facts from the community registry at the moment of submission.</summary>
/// <param name="HasCivilAffairsFiling">A2: the community is filed with civil affairs.</param>
/// <param name="HasProvinceFiledMunicipalTitle">A5.1.1: it holds an active municipal title filed with the province.</param>
/// <param name="DisqualifiedInCampaign">A16: an earlier application in this campaign was disqualified.</param>
/// <param name="HoldsMunicipalTitle">A3.1: it holds a municipal title in force (filed with the province or not).</param>
public sealed record ApplicantEligibility(bool HasCivilAffairsFiling, bool HasProvinceFiledMunicipalTitle, bool DisqualifiedInCampaign,
    bool HoldsMunicipalTitle);

/// <summary>A4.3: how many places of its quota the county step's region already uses in a campaign when it forwards.</summary>
/// <param name="RegionCode">The county, or the city where it has no counties.</param>
/// <param name="Forwarded">Its applications in <see cref="CampaignApplication.HoldingCountyQuota"/> states.</param>
public sealed record CountyQuotaUse(string RegionCode, int Forwarded);

/// <summary>A site visit by the county (实地考察, A8.2) or the province (实地考评, A8.4).</summary>
public sealed class OnSiteInspection
{
    // A8.2 [I]: at least two inspectors.
    public const int MinimumInspectors = 2;

    private List<string> _inspectors = [];

    internal OnSiteInspection(ReviewLevel level, DateOnly date, IReadOnlyList<string> inspectors, bool passed, string findings)
    {
        Id = Guid.NewGuid();
        Level = level;
        Date = date;
        _inspectors = [.. inspectors];
        Passed = passed;
        Findings = findings;
    }

    private OnSiteInspection() { }

    public Guid Id { get; private set; }

    public ReviewLevel Level { get; private set; }

    public DateOnly Date { get; private set; }

    public IReadOnlyList<string> Inspectors => _inspectors;

    public bool Passed { get; private set; }

    public string Findings { get; private set; } = string.Empty;
}

/// <summary>One step in an application's history.</summary>
public sealed class ApplicationHistoryEntry
{
    internal ApplicationHistoryEntry(DateTimeOffset at, string actor, ApplicationAction action, ApplicationState from, ApplicationState to,
        string? remark, string? overrideReason)
    {
        At = at;
        Actor = actor;
        Action = action;
        From = from;
        To = to;
        Remark = remark;
        OverrideReason = overrideReason;
    }

    private ApplicationHistoryEntry() { }

    public int Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; } = string.Empty;

    public ApplicationAction Action { get; private set; }

    public ApplicationState From { get; private set; }

    public ApplicationState To { get; private set; }

    public string? Remark { get; private set; }

    /// <summary>The province's reason for acting after a stage deadline, when it did.</summary>
    public string? OverrideReason { get; private set; }
}
