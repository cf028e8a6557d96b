using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Application.Communities;

/// <summary>
/// The community page: the registry entry as shown (contact phone masked; the full number only through the audited reveal),
/// its titles and name history, and what the caller may do with it.
/// </summary>
public sealed record CommunityView
{
    public required string Code { get; init; }
    public required string Name { get; init; }

    /// <summary>City and county names, or the city with "（市直属）" where the community has no county.</summary>
    public required string RegionName { get; init; }

    public required string Street { get; init; }
    public required string Address { get; init; }
    public required string ApprovalDocumentNumber { get; init; }
    public required bool HasCivilAffairsFiling { get; init; }
    public required string? CivilAffairsFilingNumber { get; init; }
    public required DateOnly? CivilAffairsFiledOn { get; init; }
    public required string? ContactName { get; init; }
    public required string MaskedContactPhone { get; init; }
    public required bool HasContactPhone { get; init; }
    public required CommunityStatus Status { get; init; }
    public required string? MergedIntoCode { get; init; }
    public required TitleLevel? HighestTitle { get; init; }

    /// <summary>Newest grant first.</summary>
    public required IReadOnlyList<CommunityTitleView> Titles { get; init; }

    /// <summary>Oldest change first.</summary>
    public required IReadOnlyList<CommunityNameChangeView> NameHistory { get; init; }

    /// <summary>The domain offers 修改 (<see cref="Community.OpenActions"/>) and the caller maintains the registry here.</summary>
    public required bool MayEdit { get; init; }

    /// <summary>Why a dissolved or merged community has no action open (已撤销 / 已合并入…); null while active.</summary>
    public required string? ClosedReason { get; init; }

    /// <summary>The levels the caller may grant here (A10), highest first; none once the domain closes the community.</summary>
    public required IReadOnlyList<TitleLevel> GrantableLevels { get; init; }

    public required int Version { get; init; }

    internal static CommunityView Of(Community community, string regionName, DateOnly today, CommunityRegistry registry) => new()
    {
        Code = community.Code,
        Name = community.Name,
        RegionName = regionName,
        Street = community.Street,
        Address = community.Address,
        ApprovalDocumentNumber = community.ApprovalDocumentNumber,
        HasCivilAffairsFiling = community.HasCivilAffairsFiling,
        CivilAffairsFilingNumber = community.CivilAffairsFilingNumber,
        CivilAffairsFiledOn = community.CivilAffairsFiledOn,
        ContactName = community.ContactName,
        MaskedContactPhone = PhoneMask.Mask(community.ContactPhone),
        HasContactPhone = !string.IsNullOrEmpty(community.ContactPhone),
        Status = community.Status,
        MergedIntoCode = community.MergedIntoCode,
        HighestTitle = community.HighestTitleOn(today)?.Level,
        Titles = [.. community.Titles.OrderByDescending(t => t.GrantedOn).Select(t => new CommunityTitleView
        {
            Id = t.Id,
            Level = t.Level,
            GrantingAuthority = t.GrantingAuthority,
            DocumentNumber = t.DocumentNumber,
            GrantedOn = t.GrantedOn,
            PlaqueNumber = t.PlaqueNumber,
            IsFiledWithProvince = t.IsFiledWithProvince,
            ProvinceFilingNumber = t.ProvinceFilingNumber,
            EndedOn = t.EndedOn,
            EndReason = t.EndReason,
            IsInForce = t.IsInForceOn(today),
            MayEnd = t.EndedOn is null && registry.MayManageTitle(community, t.Level),
        })],
        NameHistory = [.. community.NameHistory.OrderBy(n => n.ChangedOn).Select(n => new CommunityNameChangeView(n.ChangedOn, n.OldName, n.NewName))],
        MayEdit = community.OpenActions.Contains(CommunityAction.EditDetails) && registry.MayMaintain(community.CityCode, community.CountyCode),
        GrantableLevels = community.OpenActions.Contains(CommunityAction.GrantTitle)
            ? [.. Enum.GetValues<TitleLevel>().Where(l => registry.MayManageTitle(community, l)).Reverse()]
            : [],
        ClosedReason = community.ClosedReason,
        Version = community.Version,
    };
}

public sealed record CommunityTitleView
{
    public required int Id { get; init; }
    public required TitleLevel Level { get; init; }
    public required string GrantingAuthority { get; init; }
    public required string DocumentNumber { get; init; }
    public required DateOnly GrantedOn { get; init; }
    public required string? PlaqueNumber { get; init; }
    public required bool IsFiledWithProvince { get; init; }
    public required string? ProvinceFilingNumber { get; init; }
    public required DateOnly? EndedOn { get; init; }
    public required TitleEndReason? EndReason { get; init; }

    /// <summary>In force today (China time).</summary>
    public required bool IsInForce { get; init; }

    /// <summary>Not ended, and the caller has authority over its level (A10).</summary>
    public required bool MayEnd { get; init; }
}

public sealed record CommunityNameChangeView(DateOnly ChangedOn, string OldName, string NewName);
