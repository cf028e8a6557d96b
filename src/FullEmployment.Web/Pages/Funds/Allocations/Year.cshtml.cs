using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Common;
using FullEmployment.Application.Funds;
using FullEmployment.Domain;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Pages.Funds.Allocations;

/// <summary>
/// One year's allocation list (A12) within the reader's area: filters, paging, totals, exports, the differences against a fresh
/// computation once confirmed, and the province's actions the domain offers (recompute, confirm, issue).
/// </summary>
public sealed class YearModel(FundAllocations allocations, TimeProvider clock) : ActionFormPageModel
{
    private const int PageSize = 50;

    [FromRoute] public int Year { get; set; }
    [FromQuery(Name = "city")] public string? CityCode { get; set; }
    [FromQuery(Name = "county")] public string? CountyCode { get; set; }
    [FromQuery(Name = "level")] public string? Level { get; set; }
    [FromQuery(Name = "q")] public string? Search { get; set; }
    [FromQuery(Name = "p")] public int PageNumber { get; set; } = 1;

    [BindProperty][Display(Name = "预算文件号")] public string? DocumentNumber { get; set; }
    [BindProperty][Display(Name = "下达日期")] public DateOnly? IssuedOn { get; set; }

    public FundAllocationView Allocation { get; private set; } = null!;

    /// <summary>The cities and counties of the unfiltered list, for the filter's options.</summary>
    public IReadOnlyList<FundTotalView> Cities { get; private set; } = [];
    public IReadOnlyList<FundTotalView> Counties { get; private set; } = [];

    private FundAllocationFilter Filter => new(CityCode, CountyCode, Level, Search);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IssuedOn = ChinaTime.Today(clock);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var file = await allocations.ExportAsync(Year, Filter, cancellationToken);
        return File(file.Content, Xlsx.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnGetExportByCityAsync(CancellationToken cancellationToken)
    {
        var file = await allocations.ExportByCityAsync(Year, cancellationToken);
        return File(file.Content, Xlsx.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostRecomputeAsync(CancellationToken cancellationToken) =>
        AttemptAsync("Recompute", async () =>
        {
            var view = await allocations.RecomputeAsync(Year, Version, cancellationToken);
            TempData["Success"] = $"已重新计算：{view.LineCount}个社区，合计{view.Total:N2}元。";
            return RedirectToPage(new { year = Year });
        }, () => LoadAsync(cancellationToken));

    public Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken) =>
        AttemptAsync("Confirm", async () =>
        {
            await allocations.ConfirmAsync(Year, Version, cancellationToken);
            TempData["Success"] = $"{Year}年度资金分配名单已确认锁定。";
            return RedirectToPage(new { year = Year });
        }, () => LoadAsync(cancellationToken));

    public Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken) =>
        AttemptAsync("Issue", async () =>
        {
            var view = await allocations.IssueAsync(Year, DocumentNumber, IssuedOn ?? throw new DomainException("请填写下达日期。", "A12"), Version,
                cancellationToken);
            TempData["Success"] = $"{Year}年度补助资金已下达（{view.DocumentNumber}）。";
            return RedirectToPage(new { year = Year });
        }, () => LoadAsync(cancellationToken));

    public string Link(int page) =>
        $"/Funds/Allocations/{Year}?city={Uri.EscapeDataString(CityCode ?? "")}&county={Uri.EscapeDataString(CountyCode ?? "")}"
        + $"&level={Uri.EscapeDataString(Level ?? "")}&q={Uri.EscapeDataString(Search ?? "")}&p={page}";

    public string ExportLink(string? city) =>
        $"/Funds/Allocations/{Year}?handler=Export&city={Uri.EscapeDataString(city ?? "")}";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Allocation = await allocations.GetAsync(Year, Filter, new PageRequest(PageNumber, PageSize), cancellationToken);
        var all = await allocations.GetAsync(Year, new FundAllocationFilter(), new PageRequest(1, 1), cancellationToken, withDifferences: false);
        Cities = all.ByCity;
        Counties = string.IsNullOrEmpty(CityCode) ? all.ByCounty
            : all.ByCounty.Where(c => c.Code.StartsWith(CityCode[..4], StringComparison.Ordinal)).ToList();
        if (Version == 0)
        {
            Version = Allocation.Version;
        }
    }
}
