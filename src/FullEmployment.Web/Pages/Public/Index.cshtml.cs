using FullEmployment.Application.Notices;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Public;

public sealed class IndexModel(PublicSite site) : PageModel
{
    public IReadOnlyList<PublicNoticeView> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Notices = await site.OpenNoticesAsync(cancellationToken);
}
