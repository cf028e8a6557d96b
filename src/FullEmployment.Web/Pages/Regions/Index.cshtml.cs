using FullEmployment.Application.Common;
using FullEmployment.Application.Regions;
using FullEmployment.Domain.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Regions;

public sealed class IndexModel(RegionDirectory regions, ICurrentActor actor) : PageModel
{
    public RegionNode Tree { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        actor.EnsureRole([.. Roles.Officers]);
        Tree = await regions.TreeAsync(actor, cancellationToken);
    }
}
