using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Regions;

public sealed record RegionNode(string Code, string Name, RegionLevel Level, string? ParentCode, int CommunityCount, IReadOnlyList<RegionNode> Children);

public sealed class RegionDirectory(AppDbContext db, RegionCache cache)
{
    public async Task<List<Region>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. await cache.AllAsync(db, cancellationToken)];

    /// <summary>The province tree with the number of communities the actor can see under each region.</summary>
    public async Task<RegionNode> TreeAsync(ICurrentActor actor, CancellationToken cancellationToken = default)
    {
        var regions = await ListAsync(cancellationToken);
        var counts = await db.Communities.AsNoTracking().WithinScope(actor)
            .GroupBy(c => new { c.CityCode, c.CountyCode })
            .Select(g => new { g.Key.CityCode, g.Key.CountyCode, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byCounty = counts.Where(c => c.CountyCode != null).ToDictionary(c => c.CountyCode!, c => c.Count);
        var byCity = counts.GroupBy(c => c.CityCode).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));

        RegionNode Build(Region region)
        {
            var children = regions.Where(r => r.ParentCode == region.Code).Select(Build).ToList();
            var count = region.Level switch
            {
                RegionLevel.Province => byCity.Values.Sum(),
                RegionLevel.City => byCity.GetValueOrDefault(region.Code),
                _ => byCounty.GetValueOrDefault(region.Code),
            };
            return new RegionNode(region.Code, region.Name, region.Level, region.ParentCode, count, children);
        }

        return Build(regions.Single(r => r.Level == RegionLevel.Province));
    }

    public static string LevelApiName(RegionLevel level) => level switch
    {
        RegionLevel.Province => "province",
        RegionLevel.City => "city",
        _ => "county",
    };
}
