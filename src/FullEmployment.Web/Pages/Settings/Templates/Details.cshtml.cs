using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Regions;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Settings.Templates;

/// <summary>One version's items by group; a draft is published here once its items sum to 100 (A6).</summary>
public sealed class DetailsModel(ScoreTemplates templates, ICurrentActor actor) : PageModel
{
    public ScoreTemplateView Template { get; private set; } = null!;

    [BindProperty] public int Version { get; set; }

    public bool IsCity => actor.IsInRole(Roles.CityOfficer);

    /// <summary>Only the owner publishes a draft: the province its own, a city its own (A4.3); the use case checks it again.</summary>
    public bool MayPublish => !Template.IsPublished && (Template.OwnerRegionCode == GansuRegions.ProvinceCode
        ? actor.IsInRole(Roles.ProvinceOfficer)
        : IsCity && actor.ScopeCode == Template.OwnerRegionCode);

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        actor.EnsureRole(Roles.ProvinceOfficer, Roles.CityOfficer);
        Template = await templates.GetAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken)
    {
        actor.EnsureRole(Roles.ProvinceOfficer, Roles.CityOfficer);
        if (await this.TryAsync(async () =>
            {
                var published = await templates.PublishAsync(id, Version, cancellationToken);
                TempData["Success"] = $"评分表 {published.TemplateVersion} 已发布。";
                return RedirectToPage("Details", new { id });
            }) is { } done)
        {
            return done;
        }

        Template = await templates.GetAsync(id, cancellationToken);
        return Page();
    }
}
