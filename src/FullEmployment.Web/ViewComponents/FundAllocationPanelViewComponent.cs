using FullEmployment.Application.Common;
using FullEmployment.Application.Funds;
using FullEmployment.Domain.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.ViewComponents;

/// <summary>The province's workbench: the latest year's allocation by city and level (A12), as a chart with its table and an xlsx export.</summary>
public sealed class FundAllocationPanelViewComponent(FundAllocations allocations, ICurrentActor actor) : ViewComponent
{
    public sealed record Panel(FundAllocationRow Year, IReadOnlyList<FundCityLevelRow> Cities);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!actor.IsInRole(Roles.ProvinceOfficer))
        {
            return Content("");
        }

        var years = await allocations.ListAsync(HttpContext.RequestAborted);
        if (years.Count == 0)
        {
            return Content("");
        }

        return View(new Panel(years[0], await allocations.ByCityAsync(years[0].Year, HttpContext.RequestAborted)));
    }
}
