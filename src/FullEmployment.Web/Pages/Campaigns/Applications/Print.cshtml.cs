using FullEmployment.Application.Campaigns;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Campaigns.Applications;

/// <summary>A print-friendly 申报表 with every level's score sheet.</summary>
public sealed class PrintModel(ApplicationQueries applications) : PageModel
{
    public ApplicationView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => View = await applications.GetAsync(id, cancellationToken);
}
