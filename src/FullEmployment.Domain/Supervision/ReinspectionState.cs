namespace FullEmployment.Domain.Supervision;

/// <summary>Where one title's re-inspection stands (A9, A10).</summary>
public enum ReinspectionState
{
    /// <summary>Assigned to the community's city; the community may prepare its self-check.</summary>
    NotStarted,

    /// <summary>The city passed it, first time or after rectification.</summary>
    Passed,

    /// <summary>限期整改: the community must answer the required items by the due date.</summary>
    Rectifying,

    /// <summary>The community answered the rectification; the city re-checks.</summary>
    RectificationAnswered,

    /// <summary>The city failed it; awaiting the review of the competent authority (A10).</summary>
    Failed,

    /// <summary>The reviewer confirmed the fail: the title ended with reason 复查不合格.</summary>
    Confirmed,

    /// <summary>The reviewer overturned the fail: the title stays.</summary>
    Overturned,
}

/// <summary>The intent-named moves of a re-inspection record.</summary>
public enum ReinspectionAction
{
    SelfCheck,
    Pass,
    Rectify,
    Fail,
    AnswerRectification,
    RecheckPass,
    RecheckFail,
    Confirm,
    Overturn,
}

/// <summary>The city's first result (the API's "pass" | "rectify" | "fail").</summary>
public enum ReinspectionResult
{
    Pass,
    Rectify,
    Fail,
}

/// <summary>What the acting account is to one record; an account may be several (a city reviewing its own municipal fail).</summary>
[Flags]
public enum ReinspectionParty
{
    None = 0,

    /// <summary>The community's own staff.</summary>
    Community = 1,

    /// <summary>The officers of the community's city, who inspect (嘉峪关's city officers too: the city does it, not the county).</summary>
    InspectingCity = 2,

    /// <summary>A10: the province for national, provincial and legacy-star titles; the managing city for a municipal one.</summary>
    Reviewer = 4,
}
