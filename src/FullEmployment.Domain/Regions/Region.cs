namespace FullEmployment.Domain.Regions;

public enum RegionLevel
{
    Province = 1,
    City = 2,
    County = 3,
}

/// <summary>An administrative division (GB/T 2260 code), A2.</summary>
public sealed class Region
{
    private Region() { }

    public Region(string code, string name, RegionLevel level, string? parentCode)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            throw new DomainException($"行政区划代码“{code}”应为6位数字。", "A2");
        }

        Code = code;
        Name = name;
        Level = level;
        ParentCode = parentCode;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public RegionLevel Level { get; private set; }
    public string? ParentCode { get; private set; }
    public DateOnly? RetiredOn { get; private set; }
}
