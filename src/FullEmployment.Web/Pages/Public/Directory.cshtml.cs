using FullEmployment.Application.Common;
using FullEmployment.Application.Notices;
using FullEmployment.Application.Regions;
using FullEmployment.Domain;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Public;

/// <summary>Titled communities in force today, by level, region and year granted; with an xlsx export.</summary>
public sealed class DirectoryModel(PublicSite site, RegionDirectory regions, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public TitleLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedResult<DirectoryRow> Result { get; private set; } = null!;
    public IReadOnlyList<Region> RegionOptions { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    private DirectoryFilter Filter => new(Level, Region, Year);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await site.DirectoryAsync(Filter, new PageRequest(PageNumber, 20), cancellationToken);
        RegionOptions = (await regions.ListAsync(cancellationToken)).Where(r => r.Level != RegionLevel.Province).ToList();
        var thisYear = ChinaTime.Today(clock).Year;
        Years = Enumerable.Range(2010, thisYear - 2009).Reverse().ToList();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken) =>
        File(await site.ExportDirectoryAsync(Filter, cancellationToken), Xlsx.ContentType, $"充分就业社区名录-{ChinaTime.Today(clock):yyyyMMdd}.xlsx");

    public string PageLink(int page) => Url.Page("Directory", new { Level, Region, Year, p = page })!;

    public string ExportLink => Url.Page("Directory", "Export", new { Level, Region, Year })!;
}
