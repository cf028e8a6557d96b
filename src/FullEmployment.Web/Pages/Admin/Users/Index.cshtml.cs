using FullEmployment.Application.Common;
using FullEmployment.Application.Identity;
using FullEmployment.Domain;
using FullEmployment.Domain.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Admin.Users;

/// <summary>Accounts within the security administrator's scope; only security administrators reach this page.</summary>
public sealed class IndexModel(UserAdministration users, ICurrentActor actor, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int Size { get; set; } = 20;

    public PagedResult<UserRow> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        actor.EnsureRole(Roles.SecurityAdmin);
        Result = await users.ListAsync(Q, new PageRequest(PageNumber, Size), cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        actor.EnsureRole(Roles.SecurityAdmin);
        var rows = await users.ExportAsync(Q, cancellationToken);
        return File(UserAdministration.ToXlsx(rows), Xlsx.ContentType, $"用户-{ChinaTime.Today(clock):yyyyMMdd}.xlsx");
    }

    public string PageLink(int page) => Url.Page("Index", new { Q, Size, p = page })!;

    public string ExportLink => Url.Page("Index", "Export", new { Q })!;
}
