using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Communities;
using FullEmployment.Domain;
using FullEmployment.Domain.Communities;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Communities;

/// <summary>End a title (A9, A10, A11): irreversible, so the page asks for confirmation.</summary>
public sealed class EndTitleModel(CommunityRegistry registry, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int TitleId { get; set; }
    [BindProperty][Required(ErrorMessage = "请填写终止日期")][Display(Name = "终止日期")] public DateOnly? EndedOn { get; set; }
    [BindProperty][Display(Name = "终止原因")] public TitleEndReason Reason { get; set; } = TitleEndReason.Revocation;
    [BindProperty][Required(ErrorMessage = "请填写说明")][Display(Name = "说明（依据文件等）")] public string? Remark { get; set; }
    [BindProperty] public int Version { get; set; }

    public CommunityView Community { get; private set; } = null!;
    public CommunityTitleView Title { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        await LoadAsync(code, cancellationToken);
        EndedOn = ChinaTime.Today(clock);
        Version = Community.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await this.TryAsync(async () =>
            {
                await registry.EndTitleAsync(code, TitleId, EndedOn!.Value, Reason, Remark, Version, cancellationToken);
                TempData["Success"] = "称号已终止。";
                return RedirectToPage("Details", new { code });
            }) is { } done)
        {
            return done;
        }

        await LoadAsync(code, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(string code, CancellationToken cancellationToken)
    {
        (Community, Title) = await registry.TitleToEndAsync(code, TitleId, cancellationToken);
    }
}
