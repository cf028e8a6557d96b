using FullEmployment.Application.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReinspectionService = FullEmployment.Application.Supervision.Reinspections;

namespace FullEmployment.Web.Pages.Supervision.Reinspections;

/// <summary>The printable result list of a round (A9), the reader's records, optionally one city's.</summary>
public sealed class RoundPrintModel(ReinspectionService reinspections) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? City { get; set; }

    public ReinspectionRoundView Round { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => Round = await reinspections.GetRoundAsync(id, City, cancellationToken);
}
