namespace FullEmployment.Domain.Communities;

/// <summary>A title held by a community from a date (A3.1), with its document and plaque.</summary>
public sealed class Title
{
    private Title() { }

    internal Title(TitleLevel level, string grantingAuthority, string documentNumber, DateOnly grantedOn,
        string? plaqueNumber, string? provinceFilingNumber, DateOnly? provinceFiledOn)
    {
        Level = level;
        GrantingAuthority = grantingAuthority;
        DocumentNumber = documentNumber;
        GrantedOn = grantedOn;
        PlaqueNumber = plaqueNumber;
        ProvinceFilingNumber = provinceFilingNumber;
        ProvinceFiledOn = provinceFiledOn;
    }

    public int Id { get; private set; }
    public int CommunityId { get; private set; }
    public TitleLevel Level { get; private set; }
    public string GrantingAuthority { get; private set; } = "";
    public string DocumentNumber { get; private set; } = "";
    public DateOnly GrantedOn { get; private set; }
    public string? PlaqueNumber { get; private set; }

    /// <summary>A5.1.1: a municipal title filed with the province department (报省人社厅备案).</summary>
    public string? ProvinceFilingNumber { get; private set; }
    public DateOnly? ProvinceFiledOn { get; private set; }

    public DateOnly? EndedOn { get; private set; }
    public TitleEndReason? EndReason { get; private set; }
    public string? EndRemark { get; private set; }
    public int Version { get; private set; }

    /// <summary>In force on D: granted on or before D and not ended on or before D.</summary>
    public bool IsInForceOn(DateOnly date) => GrantedOn <= date && (EndedOn is null || EndedOn > date);

    public bool IsFiledWithProvince => ProvinceFiledOn is not null && !string.IsNullOrWhiteSpace(ProvinceFilingNumber);

    internal void End(DateOnly endedOn, TitleEndReason reason, string? remark)
    {
        if (EndedOn is not null)
        {
            throw new DomainException($"该{Level.DisplayName()}称号已于{ChinaTime.Format(EndedOn.Value)}终止。");
        }

        if (endedOn < GrantedOn)
        {
            throw new DomainException("终止日期不得早于授予日期。");
        }

        EndedOn = endedOn;
        EndReason = reason;
        EndRemark = remark;
    }

    internal void RecordProvinceFiling(string filingNumber, DateOnly filedOn)
    {
        if (Level != TitleLevel.Municipal)
        {
            throw new DomainException("只有市级称号需要报省人社厅备案。", "A5.1.1");
        }

        ProvinceFilingNumber = filingNumber;
        ProvinceFiledOn = filedOn;
    }
}
