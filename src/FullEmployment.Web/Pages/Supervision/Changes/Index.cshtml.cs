using FullEmployment.Application.Common;
using FullEmployment.Application.Supervision;
using FullEmployment.Domain;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Supervision.Changes;

/// <summary>A11: the change reports in the caller's scope, with filters, paging and an audited export.</summary>
public sealed class IndexModel(ChangeReports reports, ICurrentActor actor, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public ChangeKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public ChangeReportState? State { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int Size { get; set; } = 20;

    public PagedResult<ChangeReportView> Result { get; private set; } = null!;

    /// <summary>Community staff and the county step file reports (A11.1); others only read and act on them.</summary>
    public bool MayFile => actor.IsInRole(Roles.CommunityStaff, Roles.CountyOfficer, Roles.CityOfficer);

    public string? OwnCommunity => actor.IsInRole(Roles.CommunityStaff) ? actor.ScopeCode : null;

    private ChangeReportFilter Filter => new(Kind, State, Overdue, Q);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await reports.ListAsync(Filter, new PageRequest(PageNumber, Size), cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken) =>
        File(await reports.ExportAsync(Filter, cancellationToken), Xlsx.ContentType, $"民政变更报备-{ChinaTime.Today(clock):yyyyMMdd}.xlsx");

    public string PageLink(int page) => Url.Page("Index", new { Kind, State, Overdue, Q, Size, p = page })!;

    public string ExportLink => Url.Page("Index", "Export", new { Kind, State, Overdue, Q })!;
}
