using System.Text.Json;
using FullEmployment.Application.Common;
using FullEmployment.Application.Ledgers;
using FullEmployment.Application.Regions;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using FullEmployment.Domain.Regions;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Ledgers;

/// <summary>Every community of the caller's region with its A5 figures: sortable by any indicator, paged, exportable.</summary>
public sealed class RollUpModel(IndicatorQueries indicators, RegionDirectory regions, ICurrentActor actor) : PageModel
{
    /// <summary>Sort keys besides an indicator id.</summary>
    public const string ByCode = "code";
    public const string ByName = "name";

    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? On { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int Size { get; set; } = 20;

    public AssessmentPeriod Period { get; private set; } = null!;
    public DateOnly ApplicationDate { get; private set; }
    public string? PeriodError { get; private set; }
    public IReadOnlyList<Region> RegionOptions { get; private set; } = [];

    /// <summary>Indicator ids and names in report order (from the first row).</summary>
    public IReadOnlyList<(string Id, string Name)> Columns { get; private set; } = [];

    public PagedResult<CommunityIndicatorRow> Result { get; private set; } = null!;
    public int MeetingAll { get; private set; }

    /// <summary>Met / not met counts per indicator for the chart, as JSON.</summary>
    public string ChartJson { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await LoadAsync(cancellationToken);
        var page = new PageRequest(PageNumber, Size);
        Result = new PagedResult<CommunityIndicatorRow>([.. rows.Skip(page.Skip).Take(page.SafePageSize)], rows.Count, page.SafePage, page.SafePageSize);
        MeetingAll = rows.Count(r => r.MeetsAll);
        ChartJson = StackedBarChart.Describe("各指标达标社区数", "社区数", Columns.Select(c => c.Id),
            ChartSeries.Of("达标", "#198754", Columns.Select(c => rows.Count(r => Figure(r, c.Id)?.Status == IndicatorStatus.Met))),
            ChartSeries.Of("未达标", "#dc3545", Columns.Select(c => rows.Count(r => Figure(r, c.Id)?.Status == IndicatorStatus.NotMet))),
            ChartSeries.Of("不适用", "#adb5bd", Columns.Select(c => rows.Count(r => Figure(r, c.Id)?.Status == IndicatorStatus.NotApplicable))));
        var all = await regions.ListAsync(cancellationToken);
        RegionOptions = [.. all.Where(r => actor.ScopeCode is { } s && RegionScope.CoversRegion(s, r.Code))];
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var workbook = IndicatorText.RollUpWorkbook(await LoadAsync(cancellationToken));
        return File(workbook, Xlsx.ContentType,
            $"指标汇总-{Region ?? actor.ScopeCode}-{LedgerDisplay.Iso(Period.Start)}至{LedgerDisplay.Iso(Period.End)}.xlsx");
    }

    public static IndicatorFigure? Figure(CommunityIndicatorRow row, string id)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Figures.FirstOrDefault(f => f.Id == id);
    }

    public string SortLink(string sort) => Url.Page("RollUp", new
    {
        Region,
        From = Iso(Period.Start),
        To = Iso(Period.End),
        On = Iso(ApplicationDate),
        Sort = sort,
        Desc = sort == CurrentSort ? !Desc : sort is not (ByCode or ByName),
        Size,
    })!;

    public string PageLink(int page) => Url.Page("RollUp", new
    {
        Region,
        From = Iso(Period.Start),
        To = Iso(Period.End),
        On = Iso(ApplicationDate),
        Sort,
        Desc,
        Size,
        p = page,
    })!;

    public string ExportLink => Url.Page("RollUp", "Export", new
    {
        Region,
        From = Iso(Period.Start),
        To = Iso(Period.End),
        On = Iso(ApplicationDate),
        Sort,
        Desc,
    })!;

    public string CurrentSort => Sort ?? ByCode;

    private static string Iso(DateOnly date) => LedgerDisplay.Iso(date);

    private async Task<List<CommunityIndicatorRow>> LoadAsync(CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(Roles.ProvinceOfficer, Roles.CityOfficer, Roles.CountyOfficer) || actor.ScopeCode is null)
        {
            throw new ForbiddenException("只有省、市、县区人社部门可以查看指标汇总。");
        }

        Region = string.IsNullOrWhiteSpace(Region) ? actor.ScopeCode : Region.Trim();
        (Period, ApplicationDate, PeriodError) = PeriodQuery.Resolve(From, To, On, indicators.Today);
        var rows = new List<CommunityIndicatorRow>();
        await foreach (var row in indicators.RollUpAsync(Region, Period, ApplicationDate, cancellationToken))
        {
            rows.Add(row);
        }

        Columns = rows.Count > 0 ? [.. rows[0].Figures.Select(f => (f.Id, f.Name))] : [];
        IEnumerable<CommunityIndicatorRow> sorted = CurrentSort switch
        {
            ByName => Desc ? rows.OrderByDescending(r => r.Name, StringComparer.Ordinal) : rows.OrderBy(r => r.Name, StringComparer.Ordinal),
            ByCode => Desc ? rows.OrderByDescending(r => r.Code, StringComparer.Ordinal) : rows.OrderBy(r => r.Code, StringComparer.Ordinal),
            var id => Desc
                ? rows.OrderByDescending(r => SortValue(r, id)).ThenBy(r => r.Code, StringComparer.Ordinal)
                : rows.OrderBy(r => SortValue(r, id)).ThenBy(r => r.Code, StringComparer.Ordinal),
        };
        return [.. sorted];
    }

    /// <summary>Not applicable sorts below every figure.</summary>
    private static decimal SortValue(CommunityIndicatorRow row, string id) =>
        Figure(row, id) is { Status: not IndicatorStatus.NotApplicable } f ? f.Value : decimal.MinValue;
}
