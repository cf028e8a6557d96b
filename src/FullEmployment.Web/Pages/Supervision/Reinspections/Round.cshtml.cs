using System.Text.Json;
using FullEmployment.Application.Common;
using FullEmployment.Application.Supervision;
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

    public string ChartJson => ReinspectionChart.Json(Progress);

    public string PageLink(int page) => Url.Page("Round", new { id = Round.Id, City, State, Size, p = page })!;
}

/// <summary>The progress chart's data (wwwroot/js/reinspection-progress.js), shared by the round page and the workbench panel.</summary>
public static class ReinspectionChart
{
    public static string Json(IReadOnlyList<ReinspectionProgress> progress) => JsonSerializer.Serialize(new
    {
        labels = progress.Select(p => p.CityName),
        passed = progress.Select(p => p.Passed),
        rectifying = progress.Select(p => p.Rectifying),
        failed = progress.Select(p => p.Failed),
        confirmed = progress.Select(p => p.Confirmed),
        pending = progress.Select(p => p.Assigned - p.Done - p.Rectifying),
        overdue = progress.Select(p => p.Overdue),
    });
}
