using FullEmployment.Application.Campaigns;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Campaigns.Lists;

/// <summary>A print-friendly candidate list.</summary>
public sealed class PrintModel(CandidateLists lists) : PageModel
{
    public CandidateListView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => View = await lists.GetAsync(id, cancellationToken);
}
