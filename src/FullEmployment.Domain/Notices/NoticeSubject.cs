namespace FullEmployment.Domain.Notices;

/// <summary>What a public notice publishes.</summary>
public enum NoticeSubject
{
    /// <summary>A city's recommendation list (A8.3).</summary>
    CityRecommendationList,

    /// <summary>The province's proposed list (A8.4).</summary>
    ProvinceProposedList,
}
