using FullEmployment.Application.Common;
using FullEmployment.Application.Notices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Public.Announcements;

public sealed class IndexModel(PublicSite site) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedResult<AnnouncementView> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await site.AnnouncementsAsync(new PageRequest(PageNumber, 20), cancellationToken);

    public string PageLink(int page) => Url.Page("Index", new { p = page })!;
}
