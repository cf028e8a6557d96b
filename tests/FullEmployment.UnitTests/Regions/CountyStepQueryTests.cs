using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Regions;

namespace FullEmployment.UnitTests.Regions;

/// <summary>A8.2: the county-step rule's query expressions answer exactly what <see cref="CountyStep"/>'s methods answer.</summary>
public sealed class CountyStepQueryTests
{
    private sealed record Located(string City, string? County);

    private static readonly Located[] Records =
    [
        new("620100", "620102"), // 兰州市城关区
        new("620100", "620103"), // 兰州市七里河区
        new("620200", null),     // 嘉峪关市, no counties
    ];

    public static TheoryData<string, string> Actors => new()
    {
        { Roles.CountyOfficer, "620102" },
        { Roles.CountyOfficer, "620200" },
        { Roles.CityOfficer, "620100" },
        { Roles.CityOfficer, "620200" },
        { Roles.ProvinceOfficer, "620000" },
        { Roles.CommunityStaff, "620102001001" },
    };

    [Theory]
    [Trait("Clause", "A8.2")]
    [MemberData(nameof(Actors))]
    public void A8_2_The_officer_query_selects_the_records_whose_county_step_the_actor_does(string role, string scope)
    {
        var query = CountyStep.OfficerIs<Located>(role, scope, r => r.City, r => r.County).Compile();

        Records.Where(query).ShouldBe(Records.Where(r => CountyStep.IsOfficer(role, scope, r.City, r.County)));
    }

    [Fact]
    [Trait("Clause", "A8.2")]
    public void A8_2_Jiayuguans_city_officers_and_a_countys_officers_each_get_their_own_records()
    {
        Records.Where(CountyStep.OfficerIs<Located>(Roles.CityOfficer, "620200", r => r.City, r => r.County).Compile()).ShouldBe([Records[2]]);
        Records.Where(CountyStep.OfficerIs<Located>(Roles.CityOfficer, "620100", r => r.City, r => r.County).Compile()).ShouldBeEmpty();
        Records.Where(CountyStep.OfficerIs<Located>(Roles.CountyOfficer, "620103", r => r.City, r => r.County).Compile()).ShouldBe([Records[1]]);
    }

    [Fact]
    [Trait("Clause", "A8.2")]
    public void A8_2_The_region_expressions_are_the_county_or_the_city_without_counties()
    {
        var region = CountyStep.RegionSelector<Located>(r => r.City, r => r.County).Compile();

        Records.Select(region).ShouldBe(Records.Select(r => CountyStep.RegionOf(r.City, r.County)));
        Records.Select(region).ShouldBe(["620102", "620103", "620200"]);
        Records.Where(CountyStep.RegionIs<Located>("620200", r => r.City, r => r.County).Compile()).ShouldBe([Records[2]]);
        Records.Where(CountyStep.RegionIs<Located>("620100", r => r.City, r => r.County).Compile()).ShouldBeEmpty();
    }
}
