using FullEmployment.Application.Common;
using FullEmployment.Application.Supervision;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReinspectionService = FullEmployment.Application.Supervision.Reinspections;

namespace FullEmployment.Web.Pages.Supervision.Reinspections;

/// <summary>A round: progress per city (chart and table) and the records the reader may see, filtered and paged.</summary>
public sealed class RoundModel(ReinspectionService reinspections) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? City { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int Size { get; set; } = 20;

    public ReinspectionRoundView Round { get; private set; } = null!;
    public IReadOnlyList<ReinspectionProgress> Progress { get; private set; } = [];
    public PagedResult<ReinspectionRecordRow> Result { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Round = await reinspections.GetRoundAsync(id, City, cancellationToken);
        Progress = await reinspections.ProgressAsync(id, cancellationToken);
        var rows = Round.Records.Where(r => string.IsNullOrEmpty(State) || r.State == State).ToList();
        var page = new PageRequest(PageNumber, Size);
        Result = new PagedResult<ReinspectionRecordRow>(rows.Skip(page.Skip).Take(page.SafePageSize).ToList(), rows.Count, page.SafePage, page.SafePageSize);
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await reinspections.ExportRecordsAsync(id, City, cancellationToken);
        return File(file.Content, Xlsx.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnGetExportProgressAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await reinspections.ExportProgressAsync(id, cancellationToken);
        return File(file.Content, Xlsx.ContentType, file.FileName);
    }

    public IReadOnlyList<(string Value, string Name)> States { get; } =
    [
        ("notStarted", "未复查"), ("passed", "复查合格"), ("rectifying", "限期整改"), ("rectificationAnswered", "整改待复核"), ("failed", "不合格待复核"),
        ("confirmed", "确认不合格"), ("overturned", "复核撤销不合格"),
    ];

    public string PageLink(int page) => Url.Page("Round", new { id = Round.Id, City, State, Size, p = page })!;
}

/// <summary>The progress chart, shared by the round page and the workbench panel; _ReinspectionProgress.cshtml has its table.</summary>
public static class ReinspectionChart
{
    public static string Describe(IReadOnlyList<ReinspectionProgress> progress) => StackedBarChart.Describe("各市州复查进度", "称号数",
        progress.Select(p => p.CityName),
        ChartSeries.Of("合格", "#198754", progress.Select(p => p.Passed)),
        ChartSeries.Of("整改中", "#ffc107", progress.Select(p => p.Rectifying)),
        ChartSeries.Of("不合格待复核", "#dc3545", progress.Select(p => p.Failed)),
        ChartSeries.Of("确认不合格", "#6f42c1", progress.Select(p => p.Confirmed)),
        ChartSeries.Of("复核撤销不合格", "#20c997", progress.Select(p => p.Overturned)),
        ChartSeries.Of("未完成", "#adb5bd", progress.Select(p => p.Assigned - p.Done - p.Rectifying)),
        ChartSeries.Of("逾期", "#000000", progress.Select(p => p.Overdue), pointsOnly: true));
}
