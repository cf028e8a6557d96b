using FullEmployment.Application.Funds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Funds.Allocations;

/// <summary>The printable list (A12): the reader's area, or one city's lines for its finance bureau.</summary>
public sealed class PrintModel(FundAllocations allocations) : PageModel
{
    [FromRoute] public int Year { get; set; }
    [FromQuery(Name = "city")] public string? CityCode { get; set; }

    public FundAllocationView Allocation { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Allocation = await allocations.GetAsync(Year, new FundAllocationFilter(CityCode), null, cancellationToken, withDifferences: false);
}
