using FullEmployment.Application.Regions;

namespace FullEmployment.Web.Api;

public sealed record RegionDto(string Code, string Name, string Level, string? ParentCode);

public static class RegionsApi
{
    public static void Map(RouteGroupBuilder api) =>
        // Administrative divisions are public facts: no login needed.
        api.MapGet("/regions", async (RegionDirectory regions, CancellationToken ct) =>
                (await regions.ListAsync(ct)).Select(r => new RegionDto(r.Code, r.Name, RegionDirectory.LevelApiName(r.Level), r.ParentCode)))
            .AllowAnonymous()
            .WithName("ListRegions")
            .WithSummary("甘肃省行政区划（省、市州、县区）");
}
