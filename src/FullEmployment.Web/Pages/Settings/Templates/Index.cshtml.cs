using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Application.Regions;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Regions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Settings.Templates;

/// <summary>
/// The versions of the score template (A6): the province keeps the provincial ones; a city keeps its own for its
/// municipal campaigns (A4.3, A18) and sees the provincial ones to start from.
/// </summary>
public sealed class IndexModel(ScoreTemplates templates, RegionDirectory regions, ICurrentActor actor) : PageModel
{
    public IReadOnlyList<ScoreTemplateRow> Templates { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Owners { get; private set; } = new Dictionary<string, string>();

    public bool IsCity => actor.IsInRole(Roles.CityOfficer);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        actor.EnsureRole(Roles.ProvinceOfficer, Roles.CityOfficer);
        Templates = await templates.ListAsync(cancellationToken);
        Owners = (await regions.ListAsync(cancellationToken)).Where(r => r.Level == RegionLevel.City).ToDictionary(r => r.Code, r => r.Name);
    }

    public string OwnerName(string code) => code == GansuRegions.ProvinceCode ? "省人社厅" : Owners.GetValueOrDefault(code, code) + "人社局";
}
