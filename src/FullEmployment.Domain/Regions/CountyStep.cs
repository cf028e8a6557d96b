using FullEmployment.Domain.Identity;

namespace FullEmployment.Domain.Regions;

/// <summary>
/// Who does a community's county step (A8.2, and the registry and ledgers kept at that level): its county's officers, or
/// the city's where the city has no counties (嘉峪关市).
/// </summary>
public static class CountyStep
{
    /// <summary>The region that does the county step: the county, or the city without counties.</summary>
    public static string RegionOf(string cityCode, string? countyCode) => countyCode ?? cityCode;

    /// <summary>The role of the county step's officers.</summary>
    public static string OfficerRole(string? countyCode) => countyCode is null ? Roles.CityOfficer : Roles.CountyOfficer;

    /// <summary>Whether an actor with <paramref name="role"/> bound to <paramref name="scopeCode"/> is the county step's officer.</summary>
    public static bool IsOfficer(string? role, string? scopeCode, string cityCode, string? countyCode) =>
        role == OfficerRole(countyCode) && scopeCode == RegionOf(cityCode, countyCode);
}
