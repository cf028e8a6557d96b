using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Common;
using FullEmployment.Application.Funds;
using FullEmployment.Domain.Identity;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Pages.Funds;

/// <summary>Communities excluded from the subsidy after a recovery (A14.2), within the reader's area; the province lifts one with a reason.</summary>
public sealed class ExclusionsModel(FundAllocations allocations, ICurrentActor actor) : ActionFormPageModel
{
    [FromQuery(Name = "all")] public bool IncludeLifted { get; set; }
    [FromQuery(Name = "q")] public string? Search { get; set; }
    [FromQuery(Name = "p")] public int PageNumber { get; set; } = 1;

    [BindProperty] public Guid ExclusionId { get; set; }
    [BindProperty][Display(Name = "恢复理由")] public string? Reason { get; set; }

    public PagedResult<FundExclusionView> Result { get; private set; } = null!;

    public bool MayLift => actor.IsInRole(Roles.ProvinceOfficer);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostLiftAsync(CancellationToken cancellationToken) =>
        AttemptAsync("Lift-" + ExclusionId, async () =>
        {
            var view = await allocations.LiftExclusionAsync(ExclusionId, Reason, Version, cancellationToken);
            TempData["Success"] = $"已恢复{view.CommunityName}的补助资格。";
            return RedirectToPage();
        }, () => LoadAsync(cancellationToken));

    public string Link(int page) => $"/Funds/Exclusions?all={IncludeLifted}&q={Uri.EscapeDataString(Search ?? "")}&p={page}";

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Result = await allocations.ListExclusionsAsync(IncludeLifted, Search, new PageRequest(PageNumber, 20), cancellationToken);
}
