using FullEmployment.Domain.Communities;

namespace FullEmployment.Domain.Funds;

/// <summary>
/// One year's subsidy settings (A12.1, A17): the allocation date and the amount per title level, in yuan. The province
/// edits them; every change is versioned (concurrency column) and audited by the application layer.
/// </summary>
public sealed class FundSettings
{
    /// <summary>A12.1 amounts in yuan.</summary>
    public const decimal DefaultNationalAmount = 30_000m;

    public const decimal DefaultProvincialAmount = 20_000m;

    public const decimal DefaultMunicipalAmount = 10_000m;

    /// <summary>A13.4: information-network spending (category 4) at most this share of the year's subsidy.</summary>
    public const decimal DefaultInformationSystemCapShare = 0.20m;

    public FundSettings(int year, DateOnly allocationDate, decimal nationalAmount, decimal provincialAmount, decimal municipalAmount,
        decimal informationSystemCapShare, string updatedBy, DateTimeOffset updatedAt)
    {
        Id = Guid.NewGuid();
        Year = year;
        Apply(allocationDate, nationalAmount, provincialAmount, municipalAmount, informationSystemCapShare, updatedBy, updatedAt);
    }

    private FundSettings() { }

    public Guid Id { get; private set; }

    public int Version { get; private set; }

    public int Year { get; private set; }

    /// <summary>A12.1 [I]: titles in force on this date are subsidised; 1 January unless the province sets another day of the year.</summary>
    public DateOnly AllocationDate { get; private set; }

    public decimal NationalAmount { get; private set; }

    /// <summary>Also the amount of a legacy provincial star title (A12.1).</summary>
    public decimal ProvincialAmount { get; private set; }

    public decimal MunicipalAmount { get; private set; }

    public decimal InformationSystemCapShare { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The measures' values for a year nobody has configured (A12.1; allocation date 1 January [I]).</summary>
    public static FundSettings DefaultFor(int year, string by, DateTimeOffset at) =>
        new(year, new DateOnly(year, 1, 1), DefaultNationalAmount, DefaultProvincialAmount, DefaultMunicipalAmount,
            DefaultInformationSystemCapShare, by, at);

    public void Change(DateOnly allocationDate, decimal nationalAmount, decimal provincialAmount, decimal municipalAmount,
        decimal informationSystemCapShare, string updatedBy, DateTimeOffset updatedAt) =>
        Apply(allocationDate, nationalAmount, provincialAmount, municipalAmount, informationSystemCapShare, updatedBy, updatedAt);

    /// <summary>A12.1: the amount for a level; a legacy provincial star title is paid as provincial.</summary>
    public decimal AmountFor(TitleLevel level) => level switch
    {
        TitleLevel.National => NationalAmount,
        TitleLevel.Provincial or TitleLevel.LegacyProvincialStar => ProvincialAmount,
        TitleLevel.Municipal => MunicipalAmount,
        _ => throw new DomainException($"未知称号级别“{level}”。", "A12.1"),
    };

    private void Apply(DateOnly allocationDate, decimal nationalAmount, decimal provincialAmount, decimal municipalAmount,
        decimal informationSystemCapShare, string updatedBy, DateTimeOffset updatedAt)
    {
        if (allocationDate.Year != Year)
        {
            throw new DomainException($"资金分配基准日应在{Year}年内。", "A12.1");
        }

        if (nationalAmount <= 0 || provincialAmount <= 0 || municipalAmount <= 0)
        {
            throw new DomainException("各级补助金额应大于0元。", "A12.1");
        }

        if (decimal.Round(nationalAmount, 2) != nationalAmount || decimal.Round(provincialAmount, 2) != provincialAmount
            || decimal.Round(municipalAmount, 2) != municipalAmount)
        {
            throw new DomainException("补助金额最多精确到分。", "A12.1");
        }

        if (informationSystemCapShare is <= 0 or > 1)
        {
            throw new DomainException("信息网络建设支出上限比例应在0到100%之间。", "A13.4");
        }

        AllocationDate = allocationDate;
        NationalAmount = nationalAmount;
        ProvincialAmount = provincialAmount;
        MunicipalAmount = municipalAmount;
        InformationSystemCapShare = informationSystemCapShare;
        UpdatedBy = updatedBy;
        UpdatedAt = updatedAt;
    }
}
