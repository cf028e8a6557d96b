using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Campaigns;

public sealed class IndexModel(CampaignAdministration campaigns, CampaignExports exports, ICurrentActor actor) : PageModel
{
    [BindProperty(SupportsGet = true)] public CampaignKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public CampaignState? State { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int Size { get; set; } = 20;

    public PagedResult<CampaignRow> Result { get; private set; } = null!;
    public IReadOnlyList<int> Years { get; private set; } = [];

    public bool MayCreate => actor.IsInRole(Roles.ProvinceOfficer, Roles.CityOfficer);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await campaigns.ListAsync(cancellationToken);
        Years = all.Select(c => c.CreationYear).Distinct().OrderDescending().ToList();
        var rows = Filter.Apply(all);
        var page = new PageRequest(PageNumber, Size);
        Result = new PagedResult<CampaignRow>(rows.Skip(page.Skip).Take(page.SafePageSize).ToList(), rows.Count, page.SafePage, page.SafePageSize);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var file = await exports.CampaignsAsync(Filter, cancellationToken);
        return File(file.Content, Xlsx.ContentType, file.FileName);
    }

    private CampaignFilter Filter => new(Kind, State, Year);

    public string PageLink(int page) => Url.Page("Index", new { Kind, State, Year, Size, p = page })!;

    public string ExportLink => Url.Page("Index", "Export", new { Kind, State, Year })!;

    public static string StateName(CampaignState state) => Campaign.StateName(state);
}
