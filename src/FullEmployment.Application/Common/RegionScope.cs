using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;

namespace FullEmployment.Application.Common;

/// <summary>
/// Scope is always the target record's region (its community's county and city), never the creator's department.
/// Region codes nest by prefix: a county 620102 lies in city 6201xx, a community 620102xxxxxx in county 620102.
/// </summary>
public static class RegionScope
{
    public static bool Covers(string? role, string? scopeCode, string cityCode, string? countyCode, string communityCode)
    {
        if (role is null || scopeCode is null)
        {
            return false;
        }

        return Roles.ScopeKindOf(role) switch
        {
            ScopeKind.Community => communityCode == scopeCode,
            ScopeKind.County => countyCode == scopeCode,
            ScopeKind.City => cityCode == scopeCode,
            ScopeKind.Province => true,
            ScopeKind.AnyRegion => CoversRegion(scopeCode, countyCode ?? cityCode),
            _ => false,
        };
    }

    public static bool Covers(this ICurrentActor actor, Community community) =>
        Covers(actor.Role, actor.ScopeCode, community.CityCode, community.CountyCode, community.Code);

    /// <summary>Whether region scope S contains region R (both 6-digit codes).</summary>
    public static bool CoversRegion(string scopeCode, string regionCode)
    {
        if (scopeCode.EndsWith("0000", StringComparison.Ordinal))
        {
            return regionCode.StartsWith(scopeCode[..2], StringComparison.Ordinal);
        }

        if (scopeCode.EndsWith("00", StringComparison.Ordinal))
        {
            return regionCode.StartsWith(scopeCode[..4], StringComparison.Ordinal);
        }

        return regionCode == scopeCode;
    }

    /// <summary>Only the communities the actor may read; workflow roles only (auditors and security admins see none).</summary>
    public static IQueryable<Community> WithinScope(this IQueryable<Community> communities, ICurrentActor actor)
    {
        var scope = actor.ScopeCode;
        return actor.Role switch
        {
            Roles.ProvinceOfficer => communities,
            Roles.CityOfficer or Roles.CityFinance => communities.Where(c => c.CityCode == scope),
            Roles.CountyOfficer or Roles.CountyFinance => communities.Where(c => c.CountyCode == scope),
            Roles.CommunityStaff => communities.Where(c => c.Code == scope),
            _ => communities.Where(c => false),
        };
    }
}
