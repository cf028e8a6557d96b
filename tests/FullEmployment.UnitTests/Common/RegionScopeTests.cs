using FullEmployment.Application.Common;

namespace FullEmployment.UnitTests.Common;

/// <summary>Scope is the target record's region: its community, county and city (docs/reference/design.md "Roles and scope").</summary>
public sealed class RegionScopeTests
{
    [Theory]
    [InlineData("province-officer", "620000", "620200", null, "620200001001", true)]
    [InlineData("city-officer", "620100", "620100", "620102", "620102001001", true)]
    [InlineData("city-officer", "620100", "620200", null, "620200001001", false)]
    [InlineData("city-officer", "620200", "620200", null, "620200001001", true)]
    [InlineData("city-finance", "620100", "620100", "620103", "620103001001", true)]
    [InlineData("county-officer", "620102", "620100", "620102", "620102001002", true)]
    [InlineData("county-officer", "620102", "620100", "620103", "620103001001", false)]
    [InlineData("county-officer", "620102", "620200", null, "620200001001", false)]
    [InlineData("county-finance", "620102", "620100", "620103", "620103001001", false)]
    [InlineData("community-staff", "620102001001", "620100", "620102", "620102001001", true)]
    [InlineData("community-staff", "620102001001", "620100", "620102", "620102001002", false)]
    [InlineData("auditor", "620100", "620100", "620102", "620102001001", true)]
    [InlineData("auditor", "620102", "620100", "620103", "620103001001", false)]
    [InlineData("security-admin", "620000", "620200", null, "620200001001", true)]
    [InlineData(null, "620000", "620100", "620102", "620102001001", false)]
    [InlineData("province-officer", null, "620100", "620102", "620102001001", false)]
    public void Covers_the_targets_community_county_or_city(string? role, string? scope, string city, string? county, string community, bool covered) =>
        RegionScope.Covers(role, scope, city, county, community).ShouldBe(covered);

    [Theory]
    [InlineData("620000", "620102", true)]
    [InlineData("620000", "620200", true)]
    [InlineData("620100", "620102", true)]
    [InlineData("620100", "620100", true)]
    [InlineData("620100", "620200", false)]
    [InlineData("620100", "621002", false)]
    [InlineData("620102", "620102", true)]
    [InlineData("620102", "620103", false)]
    [InlineData("620102", "620100", false)]
    public void CoversRegion_nests_by_code_prefix(string scope, string region, bool covered) =>
        RegionScope.CoversRegion(scope, region).ShouldBe(covered);
}
