using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Campaigns;

public sealed class IndexModel(CampaignAdministration campaigns, ICurrentActor actor, TimeProvider clock) : PageModel
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
        var rows = Filtered(all);
        var page = new PageRequest(PageNumber, Size);
        Result = new PagedResult<CampaignRow>(rows.Skip(page.Skip).Take(page.SafePageSize).ToList(), rows.Count, page.SafePage, page.SafePageSize);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var rows = Filtered(await campaigns.ListAsync(cancellationToken));
        var workbook = Xlsx.Table("创建批次", ["批次名称", "类别", "组织单位代码", "创建年度", "状态", "申报截止", "名额"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Name, r.KindName, r.OrganizerRegionCode, r.CreationYear, r.StateName,
                r.Kind == CampaignKind.NationalRecommendation ? null : r.ApplicationDeadline, r.TotalQuota]));
        return File(workbook, Xlsx.ContentType, $"创建批次-{ChinaTime.Today(clock):yyyyMMdd}.xlsx");
    }

    private List<CampaignRow> Filtered(IEnumerable<CampaignRow> rows) => rows
        .Where(r => Kind is null || r.Kind == Kind)
        .Where(r => State is null || r.State == State)
        .Where(r => Year is null || r.CreationYear == Year)
        .ToList();

    public string PageLink(int page) => Url.Page("Index", new { Kind, State, Year, Size, p = page })!;

    public string ExportLink => Url.Page("Index", "Export", new { Kind, State, Year })!;

    public static string StateName(CampaignState state) => Campaign.StateName(state);
}
