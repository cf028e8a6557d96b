using FullEmployment.Domain.Funds;

namespace FullEmployment.Application.Funds;

public sealed record FundSettingsView(int Year, DateOnly AllocationDate, decimal NationalAmount, decimal ProvincialAmount, decimal MunicipalAmount,
    decimal InformationSystemCapShare, bool IsStored, int Version, string? UpdatedBy, DateTimeOffset? UpdatedAt, bool OutsideMeasuresValidity);

public sealed record SaveFundSettingsInput(int Year, DateOnly AllocationDate, decimal NationalAmount, decimal ProvincialAmount, decimal MunicipalAmount,
    decimal InformationSystemCapShare, int? Version);

/// <summary>Filters of the allocation page and its exports; each narrows the lines the reader may see anyway.</summary>
public sealed record FundAllocationFilter(string? CityCode = null, string? CountyCode = null, string? Level = null, string? Search = null);

public sealed record FundAllocationLineView(Guid Id, string CommunityCode, string CommunityName, string CityCode, string CityName, string? CountyCode,
    string CountyName, string Level, string LevelName, int TitleId, string TitleDocumentNumber, DateOnly TitleGrantedOn, decimal Amount);

public sealed record FundTotalView(string Code, string Name, int Communities, decimal Amount);

public sealed record FundDifferenceView(string Kind, string KindName, string CommunityCode, string CommunityName, string? CurrentLevelName,
    decimal? CurrentAmount, string? FreshLevelName, decimal? FreshAmount);

/// <summary>One year's allocation as the reader may see it: lines, totals and differences are within the reader's area.</summary>
public sealed record FundAllocationView(Guid Id, int Year, DateOnly AllocationDate, string State, string StateName, int Version,
    IReadOnlyList<FundAllocationLineView> Lines, decimal Total, int LineCount, PagedInfo Paging, IReadOnlyList<FundTotalView> ByCity,
    IReadOnlyList<FundTotalView> ByCounty, IReadOnlyList<FundTotalView> ByLevel, IReadOnlyList<FundDifferenceView> Differences,
    IReadOnlyList<string> Actions, IReadOnlyList<string> Warnings, string? DocumentNumber, DateOnly? IssuedOn, string ComputedBy,
    DateTimeOffset ComputedAt, string? ConfirmedBy, DateTimeOffset? ConfirmedAt, string? IssuedBy);

public sealed record PagedInfo(int Page, int PageSize, int Total)
{
    public int PageCount => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

public sealed record FundAllocationRow(int Year, DateOnly AllocationDate, string State, string StateName, int Lines, decimal Total,
    string? DocumentNumber, DateOnly? IssuedOn);

public sealed record FundExclusionView(Guid Id, string CommunityCode, string CommunityName, string CityName, string CountyName, int FromYear,
    string Reason, Guid? RecoveryId, string ImposedBy, DateTimeOffset ImposedAt, DateOnly? LiftedOn, string? LiftedBy, string? LiftReason,
    int Version);

/// <summary>One city's allocation by level, for the province's chart and its table.</summary>
public sealed record FundCityLevelRow(string CityCode, string CityName, decimal National, decimal Provincial, decimal Municipal, int Communities)
{
    public decimal Total => National + Provincial + Municipal;
}

public static class FundAllocationViews
{
    public static string LevelDisplay(string apiLevel) => apiLevel switch
    {
        "national" => "国家级",
        "provincial" => "省级",
        "municipal" => "市级",
        _ => apiLevel,
    };

    public static string KindApiName(FundAllocationDifferenceKind kind) => kind switch
    {
        FundAllocationDifferenceKind.Added => "added",
        FundAllocationDifferenceKind.Removed => "removed",
        _ => "changed",
    };
}
