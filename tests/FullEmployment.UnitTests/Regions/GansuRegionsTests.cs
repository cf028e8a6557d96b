using FullEmployment.Domain;
using FullEmployment.Domain.Regions;

namespace FullEmployment.UnitTests.Regions;

public sealed class GansuRegionsTests
{
    [Fact]
    [Trait("Clause", "A2")]
    public void A2_Gansu_has_one_province_14_cities_and_86_counties()
    {
        GansuRegions.All.Count.ShouldBe(101);
        GansuRegions.All.Count(r => r.Level == RegionLevel.Province).ShouldBe(1);
        GansuRegions.All.Count(r => r.Level == RegionLevel.City).ShouldBe(14);
        GansuRegions.All.Count(r => r.Level == RegionLevel.County).ShouldBe(86);
        GansuRegions.All.Select(r => r.Code).Distinct().Count().ShouldBe(101);
    }

    [Fact]
    [Trait("Clause", "A2")]
    public void A2_Jiayuguan_is_a_city_without_counties()
    {
        var jiayuguan = GansuRegions.All.Single(r => r.Code == "620200");

        jiayuguan.Name.ShouldBe("嘉峪关市");
        jiayuguan.Level.ShouldBe(RegionLevel.City);
        GansuRegions.All.ShouldNotContain(r => r.ParentCode == "620200");
    }

    [Fact]
    [Trait("Clause", "A2")]
    public void A2_Every_county_lies_in_a_city_sharing_its_first_four_digits()
    {
        var cities = GansuRegions.All.Where(r => r.Level == RegionLevel.City).ToDictionary(r => r.Code);

        GansuRegions.All.Where(r => r.Level == RegionLevel.County).ShouldAllBe(c =>
            cities.ContainsKey(c.ParentCode!) && c.Code.StartsWith(c.ParentCode!.Substring(0, 4)));
        cities.Values.ShouldAllBe(c => c.ParentCode == GansuRegions.ProvinceCode);
    }

    [Fact]
    [Trait("Clause", "A2")]
    public void A2_A_region_code_has_six_digits() =>
        Should.Throw<DomainException>(() => new Region("62010", "错误", RegionLevel.County, "620100"));
}
