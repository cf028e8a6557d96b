using FullEmployment.Application.Common;
using FullEmployment.Application.Funds;
using FullEmployment.Domain;
using FullEmployment.Domain.Funds;
using FullEmployment.Domain.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Funds.Reports;

/// <summary>Fund-usage reports in the reader's scope (A13, A14), with filters, paging and the audited xlsx export.</summary>
public sealed class IndexModel(FundReports reports, ICurrentActor actor, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public FundReportState? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int Size { get; set; } = 20;

    public PagedResult<FundReportRow> Result { get; private set; } = null!;

    /// <summary>Community staff write their own report; the link opens this year's (or a new one).</summary>
    public bool MayReport => actor.IsInRole(Roles.CommunityStaff);

    public int CurrentYear => ChinaTime.Today(clock).Year;

    private FundReportFilter Filter => new(Year, State, string.IsNullOrWhiteSpace(Region) ? null : Region.Trim(), Overdue);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await reports.ListAsync(Filter, new PageRequest(PageNumber, Size), cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var file = await reports.ExportAsync(Filter, cancellationToken);
        return File(file.Content, Xlsx.ContentType, file.FileName);
    }

    /// <summary>The province panel's figures (per city, category-4 shares) as xlsx.</summary>
    public async Task<IActionResult> OnGetExportSummaryAsync(int year, CancellationToken cancellationToken)
    {
        var file = await reports.ExportSummaryAsync(year, cancellationToken);
        return File(file.Content, Xlsx.ContentType, file.FileName);
    }

    public string PageLink(int page) => Url.Page("Index", new { Year, State, Region, Overdue, Size, p = page })!;

    public string ExportLink => Url.Page("Index", "Export", new { Year, State, Region, Overdue })!;
}
