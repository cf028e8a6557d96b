using FullEmployment.Application.Common;
using FullEmployment.Application.Communities;
using FullEmployment.Application.Regions;
using FullEmployment.Domain;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Communities;

public sealed class IndexModel(CommunityRegistry registry, RegionDirectory regions, ICurrentActor actor, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public TitleLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public CommunityStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public CommunitySort Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int Size { get; set; } = 20;

    public PagedResult<CommunityRow> Result { get; private set; } = null!;
    public IReadOnlyList<Region> RegionOptions { get; private set; } = [];
    public bool MayCreate { get; private set; }

    private CommunityFilter Filter => new(Region, Level, Status, Q, Sort, Desc);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await registry.ListAsync(Filter, new PageRequest(PageNumber, Size), cancellationToken);
        var all = await regions.ListAsync(cancellationToken);
        RegionOptions = all.Where(r => actor.ScopeCode is { } s && r.Level != RegionLevel.Province
            && RegionScope.CoversRegion(s.Length > 6 ? s[..6] : s, r.Code)).ToList();
        MayCreate = (await registry.MaintainableRegionsAsync(cancellationToken)).Count > 0;
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var rows = await registry.ExportAsync(Filter, cancellationToken);
        return File(CommunityWorkbook.Export(rows), Xlsx.ContentType, $"社区名录-{ChinaTime.Today(clock):yyyyMMdd}.xlsx");
    }

    public string SortLink(CommunitySort sort) => Url.Page("Index", new
    {
        Region,
        Level,
        Status,
        Q,
        Sort = sort,
        Desc = sort == Sort ? !Desc : false,
        Size,
    })!;

    public string PageLink(int page) => Url.Page("Index", new { Region, Level, Status, Q, Sort, Desc, Size, p = page })!;

    public string ExportLink => Url.Page("Index", "Export", new { Region, Level, Status, Q, Sort, Desc })!;
}
