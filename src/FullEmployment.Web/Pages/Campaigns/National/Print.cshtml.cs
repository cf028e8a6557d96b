using FullEmployment.Application.Campaigns;
using FullEmployment.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Campaigns.National;

/// <summary>A print-friendly national recommendation list (A4.1), with the ministry's outcomes once recorded.</summary>
public sealed class PrintModel(NationalRounds rounds, TimeProvider clock) : PageModel
{
    public NationalRecommendationView View { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        View = await rounds.GetAsync(id, cancellationToken);
        Today = ChinaTime.Today(clock);
    }
}
