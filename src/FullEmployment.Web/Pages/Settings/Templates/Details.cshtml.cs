using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Domain;
using FullEmployment.Domain.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Settings.Templates;

/// <summary>One version's items by group; a draft is published here once its items sum to 100 (A6).</summary>
public sealed class DetailsModel(ScoreTemplates templates, ICurrentActor actor) : PageModel
{
    public ScoreTemplateView Template { get; private set; } = null!;

    [BindProperty] public int Version { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        actor.EnsureRole(Roles.ProvinceOfficer);
        Template = await templates.GetAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken)
    {
        actor.EnsureRole(Roles.ProvinceOfficer);
        try
        {
            var published = await templates.PublishAsync(id, Version, cancellationToken);
            TempData["Success"] = $"评分表 {published.TemplateVersion} 已发布。";
            return RedirectToPage("Details", new { id });
        }
        catch (Exception ex) when (ex is DomainException or ConcurrencyConflictException)
        {
            ModelState.AddModelError("", ex.Message);
        }

        Template = await templates.GetAsync(id, cancellationToken);
        return Page();
    }
}
