using FullEmployment.Application.Common;
using FullEmployment.Application.Communities;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Regions;
using FullEmployment.Web.Infrastructure;

namespace FullEmployment.Web.Api;

public sealed record TitleDto(int Id, string Level, string GrantingAuthority, DateOnly GrantedOn, DateOnly? EndedOn, string? EndReason,
    string DocumentNumber, string? PlaqueNumber, string? ProvinceFilingNumber, DateOnly? ProvinceFiledOn);

public sealed record CommunityDto(string Code, string Name, string CityCode, string? CountyCode, string Street, string Address,
    string ApprovalDocumentNumber, string? CivilAffairsFilingNumber, DateOnly? CivilAffairsFiledOn, string? ContactName,
    string? ContactPhone, string Status, string? MergedIntoCode, int Version, IReadOnlyList<TitleDto> Titles)
{
    public static CommunityDto From(Community c) => new(c.Code, c.Name, c.CityCode, c.CountyCode, c.Street, c.Address,
        c.ApprovalDocumentNumber, c.CivilAffairsFilingNumber, c.CivilAffairsFiledOn, c.ContactName,
        FullEmployment.Domain.Ledgers.PhoneMask.Mask(c.ContactPhone), c.Status.ApiName(), c.MergedIntoCode, c.Version,
        c.Titles.OrderBy(t => t.GrantedOn).Select(t => new TitleDto(t.Id, t.Level.ApiName(), t.GrantingAuthority, t.GrantedOn, t.EndedOn,
            t.EndReason?.DisplayName(), t.DocumentNumber, t.PlaqueNumber, t.ProvinceFilingNumber, t.ProvinceFiledOn)).ToList());
}

public sealed record CommunityListItemDto(string Code, string Name, string CityCode, string? CountyCode, string Street, string Status, string? HighestTitle);

public sealed record CommunityPage(IReadOnlyList<CommunityListItemDto> Items, int Total);

/// <summary>
/// Body of POST and PUT, in the shape GET returns: <c>cityCode</c>, and <c>countyCode</c> (null only in a city without
/// counties). On PUT, <c>code</c> may be left out (the path names the community); the fields GET adds (status, titles, …) are
/// read-only and ignored.
/// </summary>
public sealed record CommunityBody(string? Code, string Name, string CityCode, string? CountyCode, string Street, string? Address,
    string ApprovalDocumentNumber, string? CivilAffairsFilingNumber, DateOnly? CivilAffairsFiledOn, string? ContactName, string? ContactPhone,
    int? Version)
{
    public CommunityInput ToInput(string code) => new(code, Name, RegionCode(), Street, Address ?? "",
        ApprovalDocumentNumber, CivilAffairsFilingNumber, CivilAffairsFiledOn, ContactName, ContactPhone);

    /// <summary>The registry takes the lowest level (the county, or a city without counties); both levels must agree.</summary>
    private string RegionCode()
    {
        var city = GansuRegions.All.FirstOrDefault(r => r.Level == RegionLevel.City && r.Code == CityCode)
            ?? throw Field("cityCode", CityCode, $"市州代码“{CityCode}”不存在。");
        if (CountyCode is null)
        {
            return GansuRegions.All.Any(r => r.ParentCode == city.Code)
                ? throw Field("countyCode", null, $"“{city.Name}”下设县区，须填写县区代码 countyCode。")
                : city.Code;
        }

        var county = GansuRegions.All.FirstOrDefault(r => r.Level == RegionLevel.County && r.Code == CountyCode)
            ?? throw Field("countyCode", CountyCode, $"县区代码“{CountyCode}”不存在。");
        return county.ParentCode == city.Code ? county.Code
            : throw Field("countyCode", CountyCode, $"县区“{county.Name}”不属于“{city.Name}”。");
    }

    public static InputRejectedException Field(string field, string? value, string message) => new(message, [new InputError(null, null, field, value, message)]);
}

public sealed record TitleBody(string Level, string GrantingAuthority, string DocumentNumber, DateOnly GrantedOn, string? PlaqueNumber,
    string? ProvinceFilingNumber, DateOnly? ProvinceFiledOn, int? Version);

public sealed record EndTitleBody(DateOnly EndedOn, string Reason, string? Remark, int? Version);

public static class CommunitiesApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", async (CommunityRegistry registry, string? region, string? level, string? status, string? q, int? page, int? pageSize,
            CancellationToken ct) =>
        {
            var filter = new CommunityFilter(region, TitleLevels.ParseApiName(level), CommunityStatuses.ParseApiName(status), q);
            var result = await registry.ListAsync(filter, new PageRequest(page ?? 1, pageSize ?? 20), ct);
            return new CommunityPage(result.Items.Select(r => new CommunityListItemDto(r.Code, r.Name, r.CityCode, r.CountyCode, r.Street,
                r.Status.ApiName(), r.HighestTitle?.ApiName())).ToList(), result.Total);
        }).WithName("ListCommunities").WithSummary("社区名录（限本辖区）");

        group.MapGet("/{code}", async (string code, CommunityRegistry registry, CancellationToken ct) =>
            CommunityDto.From(await registry.GetAsync(code, ct))).WithName("GetCommunity");

        group.MapPost("/", async (CommunityBody body, CommunityRegistry registry, CancellationToken ct) =>
        {
            var code = body.Code ?? throw CommunityBody.Field("code", null, "缺少必填字段“code”。");
            var community = await registry.CreateAsync(body.ToInput(code), ct);
            return Results.Created($"/api/v1/communities/{community.Code}", CommunityDto.From(community));
        }).WithName("CreateCommunity").RoundTrips<CommunityDto>();

        group.MapPut("/{code}", async (string code, CommunityBody body, CommunityRegistry registry, CancellationToken ct) =>
        {
            if (body.Code is { } bodyCode && bodyCode != code)
            {
                throw CommunityBody.Field("code", bodyCode, $"请求体的社区代码“{bodyCode}”与地址中的“{code}”不一致；社区代码不能修改。");
            }

            return CommunityDto.From(await registry.UpdateAsync(code, body.ToInput(code), body.Version, ct));
        }).WithName("UpdateCommunity").RoundTrips<CommunityDto>();

        group.MapPost("/{code}/titles", async (string code, TitleBody body, CommunityRegistry registry, CancellationToken ct) =>
        {
            var level = TitleLevels.ParseApiName(body.Level)
                ?? throw new FullEmployment.Domain.DomainException("称号级别应为 national、provincial、municipal 或 legacyProvincialStar。");
            await registry.GrantTitleAsync(code, new TitleInput(level, body.GrantingAuthority, body.DocumentNumber, body.GrantedOn,
                body.PlaqueNumber, body.ProvinceFilingNumber, body.ProvinceFiledOn), body.Version, ct);
            return Results.Created($"/api/v1/communities/{code}", CommunityDto.From(await registry.GetAsync(code, ct)));
        }).WithName("GrantTitle");

        group.MapPost("/{code}/titles/{titleId:int}/end", async (string code, int titleId, EndTitleBody body, CommunityRegistry registry,
            CancellationToken ct) =>
        {
            var reason = Enum.GetValues<TitleEndReason>().FirstOrDefault(r => r.ToString().Equals(body.Reason, StringComparison.OrdinalIgnoreCase)
                || r.DisplayName() == body.Reason, TitleEndReason.Other);
            await registry.EndTitleAsync(code, titleId, body.EndedOn, reason, body.Remark, body.Version, ct);
            return CommunityDto.From(await registry.GetAsync(code, ct));
        }).WithName("EndTitle");
    }
}
