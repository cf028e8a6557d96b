using FullEmployment.Application.Common;
using FullEmployment.Application.Supervision;
using FullEmployment.Domain.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.ViewComponents;

/// <summary>The latest re-inspection round's progress per city (A9) on the province's and each city's workbench.</summary>
public sealed class ReinspectionPanelViewComponent(Reinspections reinspections, ICurrentActor actor) : ViewComponent
{
    public sealed record Panel(ReinspectionRoundRow Round, IReadOnlyList<ReinspectionProgress> Progress);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!actor.IsInRole(Roles.ProvinceOfficer, Roles.CityOfficer))
        {
            return Content("");
        }

        var rounds = await reinspections.ListRoundsAsync(HttpContext.RequestAborted);
        if (rounds.Count == 0)
        {
            return Content("");
        }

        var latest = rounds[0];
        return View(new Panel(latest, await reinspections.ProgressAsync(latest.Id, HttpContext.RequestAborted)));
    }
}
