using FullEmployment.Application.Common;
using FullEmployment.Application.Funds;
using FullEmployment.Domain.Funds;

namespace FullEmployment.Web.Api;

/// <summary>POST /api/v1/funds/allocations (issue 11 "Stable contracts"): the province computes a year's draft.</summary>
public sealed record CreateAllocationBody(int Year, DateOnly? AllocationDate);

/// <summary>confirm | recompute take only the version; issue takes the budget document number and date.</summary>
public sealed record AllocationActionBody(string? DocumentNumber, DateOnly? Date, int? Version);

public sealed record FundSettingsBody(DateOnly AllocationDate, decimal NationalAmount, decimal ProvincialAmount, decimal MunicipalAmount,
    decimal? InformationSystemCapShare, int? Version);

public sealed record LiftExclusionBody(string Reason, int? Version);

public static class FundsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var funds = api.MapGroup("/funds").RequireAuthorization();
        funds.MapGet("/allocations", (FundAllocations f, CancellationToken ct) => f.ListAsync(ct)).WithName("ListFundAllocations")
            .WithSummary("各年度资金分配（A12），金额限本辖区");
        funds.MapPost("/allocations", async (CreateAllocationBody b, FundAllocations f, CancellationToken ct) =>
        {
            var view = await f.CreateAsync(b.Year, b.AllocationDate, ct);
            return Results.Created($"/api/v1/funds/allocations/{view.Year}", view);
        }).WithName("CreateFundAllocation").WithSummary("省人社厅按分配基准日有效的称号生成年度资金分配草稿（每个社区一条，按最高级别，A12.2）");
        funds.MapGet("/allocations/{year:int}", (int year, string? city, string? county, string? level, string? q, FundAllocations f,
                CancellationToken ct) => f.GetAsync(year, new FundAllocationFilter(city, county, level, q), null, ct))
            .WithName("GetFundAllocation").WithSummary("年度资金分配名单（社区只见本社区，市州、县区只见本辖区；草稿仅省人社厅可见）");
        funds.MapGet("/allocations/{year:int}/lines.xlsx", async (int year, string? city, string? county, string? level, string? q,
            FundAllocations f, CancellationToken ct) =>
        {
            var file = await f.ExportAsync(year, new FundAllocationFilter(city, county, level, q), ct);
            return Results.File(file.Content, Xlsx.ContentType, file.FileName);
        }).WithName("ExportFundAllocation").WithSummary("导出分配名单（city 为某市州，供财政局使用）");
        funds.MapPost("/allocations/{year:int}/{action}", (int year, string action, AllocationActionBody? b, FundAllocations f, CancellationToken ct) =>
            FundAllocationStates.ParseAction(action) switch
            {
                FundAllocationAction.Recompute => f.RecomputeAsync(year, b?.Version, ct),
                FundAllocationAction.Confirm => f.ConfirmAsync(year, b?.Version, ct),
                FundAllocationAction.Issue => f.IssueAsync(year, b?.DocumentNumber, b?.Date, b?.Version, ct),
                _ => throw new NotFoundException($"未知操作“{action}”：可用 recompute、confirm、issue。"),
            }).WithName("FundAllocationAction").WithSummary("recompute（草稿重新计算）| confirm（确认锁定）| issue（下达，填预算文件号和日期）");
        funds.MapGet("/settings/{year:int}", (int year, FundAllocations f, CancellationToken ct) => f.GetSettingsAsync(year, ct))
            .WithName("GetFundSettings");
        funds.MapPut("/settings/{year:int}", (int year, FundSettingsBody b, FundAllocations f, CancellationToken ct) =>
            f.SaveSettingsAsync(new SaveFundSettingsInput(year, b.AllocationDate, b.NationalAmount, b.ProvincialAmount, b.MunicipalAmount,
                b.InformationSystemCapShare ?? FundSettings.DefaultInformationSystemCapShare, b.Version), ct))
            .WithName("SaveFundSettings").WithSummary("省人社厅设定年度分配基准日和各级补助金额（A12.1、A17）");
        funds.MapGet("/exclusions", (bool? includeLifted, string? q, int? page, int? pageSize, FundAllocations f, CancellationToken ct) =>
            f.ListExclusionsAsync(includeLifted ?? false, q, new PageRequest(page ?? 1, pageSize ?? 20), ct)).WithName("ListFundExclusions");
        funds.MapGet("/exclusions.xlsx", async (bool? includeLifted, string? q, FundAllocations f, CancellationToken ct) =>
        {
            var file = await f.ExportExclusionsAsync(includeLifted ?? false, q, ct);
            return Results.File(file.Content, Xlsx.ContentType, file.FileName);
        }).WithName("ExportFundExclusions").WithSummary("导出取消补助资格的社区（限本辖区）");
        funds.MapPost("/exclusions/{id:guid}/lift", (Guid id, LiftExclusionBody b, FundAllocations f, CancellationToken ct) =>
            f.LiftExclusionAsync(id, b.Reason, b.Version, ct)).WithName("LiftFundExclusion").WithSummary("省人社厅恢复补助资格，须写明理由（A14.2）");
    }
}
