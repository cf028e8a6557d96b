using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Identity;

/// <summary>Who a CLI command about one community acts as (`fe ledger import`, `fe indicators`).</summary>
public sealed class CommandLineActors(AppDbContext db)
{
    /// <summary>`--as USER` acts with that account's role and scope; otherwise the operator acts as the community's county office.</summary>
    public async Task<ICurrentActor> ForCommunityAsync(string? userName, string communityCode, CancellationToken cancellationToken = default)
    {
        if (userName is not null)
        {
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken)
                ?? throw new DomainException($"用户“{userName}”不存在。");
            return new FixedActor(user.UserName, user.Role, user.ScopeCode, "cli", user.Id);
        }

        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Code == communityCode, cancellationToken)
            ?? throw new DomainException($"社区“{communityCode}”不存在。");
        // The county step's office (the city's own where it has no counties, 嘉峪关市).
        return new FixedActor("fe-cli", CountyStep.OfficerRole(community.CountyCode), CountyStep.RegionOf(community.CityCode, community.CountyCode),
            "cli");
    }

    /// <summary>`--as USER` acts with that account's role and scope; otherwise the operator acts as the region's own office.</summary>
    public async Task<ICurrentActor> ForRegionAsync(string? userName, string regionCode, CancellationToken cancellationToken = default)
    {
        if (userName is not null)
        {
            return await ForCommunityAsync(userName, regionCode, cancellationToken);
        }

        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == regionCode, cancellationToken)
            ?? throw new DomainException($"行政区划“{regionCode}”不存在。");
        var role = region.Level switch
        {
            RegionLevel.Province => Roles.ProvinceOfficer,
            RegionLevel.City => Roles.CityOfficer,
            _ => Roles.CountyOfficer,
        };
        return new FixedActor("fe-cli", role, region.Code, "cli");
    }
}
