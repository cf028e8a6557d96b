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

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var file = await allocations.ExportExclusionsAsync(IncludeLifted, Search, cancellationToken);
        return File(file.Content, Xlsx.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostLiftAsync(CancellationToken cancellationToken) =>
        AttemptAsync("Lift-" + ExclusionId, async () =>
        {
            var view = await allocations.LiftExclusionAsync(ExclusionId, Reason, Version, cancellationToken);
            TempData["Success"] = $"已恢复{view.CommunityName}的补助资格。";
            return RedirectToPage();
        }, () => LoadAsync(cancellationToken));

    public string ExportLink => $"/Funds/Exclusions?handler=Export&all={IncludeLifted}&q={Uri.EscapeDataString(Search ?? "")}";

    public string Link(int page) => $"/Funds/Exclusions?all={IncludeLifted}&q={Uri.EscapeDataString(Search ?? "")}&p={page}";

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Result = await allocations.ListExclusionsAsync(IncludeLifted, Search, new PageRequest(PageNumber, 20), cancellationToken);
}
