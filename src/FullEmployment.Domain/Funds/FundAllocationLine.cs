using FullEmployment.Domain.Communities;

namespace FullEmployment.Domain.Funds;

/// <summary>
/// One community's subsidy in a year's allocation (A12.2: exactly one, at its highest level), with the title it rests on.
/// The registry facts are copied so a confirmed list keeps what was decided when the registry changes later.
/// </summary>
public sealed class FundAllocationLine
{
    public FundAllocationLine(string communityCode, string communityName, string cityCode, string? countyCode, TitleLevel level, int titleId,
        string titleDocumentNumber, DateOnly titleGrantedOn, decimal amount)
    {
        Id = Guid.NewGuid();
        CommunityCode = communityCode;
        CommunityName = communityName;
        CityCode = cityCode;
        CountyCode = countyCode;
        Level = level;
        TitleId = titleId;
        TitleDocumentNumber = titleDocumentNumber;
        TitleGrantedOn = titleGrantedOn;
        Amount = amount;
    }

    private FundAllocationLine() { }

    public Guid Id { get; private set; }

    public Guid AllocationId { get; private set; }

    public string CommunityCode { get; private set; } = "";

    public string CommunityName { get; private set; } = "";

    public string CityCode { get; private set; } = "";

    /// <summary>Null where the city has no counties (嘉峪关市).</summary>
    public string? CountyCode { get; private set; }

    public TitleLevel Level { get; private set; }

    public int TitleId { get; private set; }

    public string TitleDocumentNumber { get; private set; } = "";

    public DateOnly TitleGrantedOn { get; private set; }

    public decimal Amount { get; private set; }

    /// <summary>Whether two computations agree on this community's subsidy (the title it rests on, its level and amount).</summary>
    public bool SameSubsidyAs(FundAllocationLine other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return TitleId == other.TitleId && Level == other.Level && Amount == other.Amount;
    }
}

/// <summary>A line a fresh computation adds, removes or changes against the confirmed list.</summary>
public sealed record FundAllocationDifference(FundAllocationDifferenceKind Kind, string CommunityCode, FundAllocationLine? Current,
    FundAllocationLine? Fresh);

/// <summary>A subtotal of a list: by city, county or level.</summary>
public sealed record FundAllocationTotal(string Key, int Communities, decimal Amount);
