using FullEmployment.Application.Common;
using FullEmployment.Application.Supervision;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Supervision.SupportRequests;

/// <summary>Support requests in the reader's scope (A15), with filters, paging and the audited xlsx export.</summary>
public sealed class IndexModel(Application.Supervision.SupportRequests requests, ICurrentActor actor) : PageModel
{
    [BindProperty(SupportsGet = true)] public SupportRequestState? State { get; set; }
    [BindProperty(SupportsGet = true)] public SupportCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int Size { get; set; } = 20;

    public PagedResult<SupportRequestRow> Result { get; private set; } = null!;

    public bool MayRaise => actor.IsInRole(Roles.CommunityStaff);

    public int DueWorkingDays => requests.DueWorkingDays;

    private SupportRequestFilter Filter => new(State, Category, string.IsNullOrWhiteSpace(Region) ? null : Region.Trim(), Overdue);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await requests.ListAsync(Filter, new PageRequest(PageNumber, Size), cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var file = await requests.ExportAsync(Filter, cancellationToken);
        return File(file.Content, Xlsx.ContentType, file.FileName);
    }

    public string PageLink(int page) => Url.Page("Index", new { State, Category, Region, Overdue, Size, p = page })!;

    public string ExportLink => Url.Page("Index", "Export", new { State, Category, Region, Overdue })!;
}
