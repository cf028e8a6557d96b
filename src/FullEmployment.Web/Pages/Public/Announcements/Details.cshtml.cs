using FullEmployment.Application.Notices;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Public.Announcements;

public sealed class DetailsModel(PublicSite site) : PageModel
{
    public AnnouncementView Announcement { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => Announcement = await site.GetAnnouncementAsync(id, cancellationToken);
}
