using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Domain.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Settings.Templates;

/// <summary>The versions of the score template (A6), province only.</summary>
public sealed class IndexModel(ScoreTemplates templates, ICurrentActor actor) : PageModel
{
    public IReadOnlyList<ScoreTemplateRow> Templates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        actor.EnsureRole(Roles.ProvinceOfficer);
        Templates = await templates.ListAsync(cancellationToken);
    }
}
