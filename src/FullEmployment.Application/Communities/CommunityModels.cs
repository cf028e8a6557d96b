using FullEmployment.Domain.Communities;

namespace FullEmployment.Application.Communities;

public sealed record CommunityInput(
    string Code,
    string Name,
    string RegionCode,
    string Street,
    string Address,
    string ApprovalDocumentNumber,
    string? CivilAffairsFilingNumber,
    DateOnly? CivilAffairsFiledOn,
    string? ContactName,
    string? ContactPhone);

public sealed record TitleInput(
    TitleLevel Level,
    string GrantingAuthority,
    string DocumentNumber,
    DateOnly GrantedOn,
    string? PlaqueNumber,
    string? ProvinceFilingNumber,
    DateOnly? ProvinceFiledOn,
    DateOnly? EndedOn = null,
    TitleEndReason? EndReason = null,
    string? EndRemark = null);

public enum CommunitySort
{
    Code,
    Name,
    Region,
    Status,
}

public sealed record CommunityFilter(
    string? RegionCode = null,
    TitleLevel? Level = null,
    CommunityStatus? Status = null,
    string? Search = null,
    CommunitySort Sort = CommunitySort.Code,
    bool Descending = false);

public sealed record CommunityRow(
    string Code,
    string Name,
    string CityCode,
    string CityName,
    string? CountyCode,
    string? CountyName,
    string Street,
    CommunityStatus Status,
    TitleLevel? HighestTitle,
    bool HasCivilAffairsFiling);

public static class CommunityStatuses
{
    public static string DisplayName(this CommunityStatus status) => status switch
    {
        CommunityStatus.Active => "正常",
        CommunityStatus.Dissolved => "已撤销",
        CommunityStatus.Merged => "已合并",
        _ => status.ToString(),
    };

    public static string ApiName(this CommunityStatus status) => status switch
    {
        CommunityStatus.Active => "active",
        CommunityStatus.Dissolved => "dissolved",
        CommunityStatus.Merged => "merged",
        _ => status.ToString(),
    };

    public static CommunityStatus? ParseApiName(string? value) => value switch
    {
        "active" => CommunityStatus.Active,
        "dissolved" => CommunityStatus.Dissolved,
        "merged" => CommunityStatus.Merged,
        _ => null,
    };
}

/// <summary>What one 社区 row of a registry import did.</summary>
public enum ImportedCommunity
{
    Added,
    Updated,
    Unchanged,
}
