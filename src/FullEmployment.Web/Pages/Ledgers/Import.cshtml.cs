using FullEmployment.Application.Common;
using FullEmployment.Application.Ledgers;
using FullEmployment.Application.Ledgers.Import;
using FullEmployment.Domain.Ledgers;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Pages.Ledgers;

/// <summary>
/// Ledger import (docs/reference/ledger.md): an xlsx with one sheet per kind or a CSV of one chosen kind; all or
/// nothing, every error listed with a downloadable error report; the template for download. The upload becomes a
/// background job ("Background imports"): the page follows its progress and shows its result, so no proxy timeout
/// bounds a large file.
/// </summary>
public sealed class ImportModel(LedgerImportJobs jobs, IConfiguration configuration, LedgerAccess access, ICurrentActor actor)
    : LedgerPageBase(access, actor)
{
    private readonly ErrorReportStore _reports = new(configuration);

    [BindProperty] public IFormFile? Upload { get; set; }

    [BindProperty] public LedgerKind? CsvKind { get; set; }

    /// <summary>The job the page follows (?job=), once one was started.</summary>
    public LedgerImportJob? Job { get; private set; }

    public string? ErrorMessage { get; private set; }

    public async Task OnGetAsync(string code, Guid? job, CancellationToken cancellationToken)
    {
        await LoadCommunityAsync(code, cancellationToken, writable: true);
        if (job is { } id)
        {
            Job = await jobs.GetAsync(code, id, cancellationToken);
            if (Job.State == LedgerImportJobState.Failed)
            {
                ErrorMessage = Job.Message;
            }
        }
    }

    /// <summary>What the page's script polls while the job runs.</summary>
    public async Task<IActionResult> OnGetProgressAsync(string code, Guid job, CancellationToken cancellationToken)
    {
        var found = await jobs.GetAsync(code, job, cancellationToken);
        var progress = jobs.ProgressOf(job);
        return new JsonResult(new
        {
            state = found.State.ToString().ToLowerInvariant(),
            finished = found.IsFinished,
            sheet = progress?.Sheet,
            rowsValidated = progress?.RowsValidated ?? 0,
            rowsTotal = progress?.RowsTotal ?? 0,
            rowsWritten = progress?.RowsWritten ?? 0,
        });
    }

    public IActionResult OnGetTemplate() => File(LedgerTemplate.Build(), Xlsx.ContentType, "社区台账导入模板.xlsx");

    public async Task<IActionResult> OnGetErrorReportAsync(string code, string? id, CancellationToken cancellationToken)
    {
        await LoadCommunityAsync(code, cancellationToken, writable: true);
        var bytes = await _reports.ReadAsync(Community.Code, id, cancellationToken)
            ?? throw new NotFoundException("错误报告已过期或不存在，请重新导入以生成。");
        return File(bytes, Xlsx.ContentType, "台账导入错误报告.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        await LoadCommunityAsync(code, cancellationToken, writable: true);
        if (Upload is null || Upload.Length == 0)
        {
            ErrorMessage = "请选择要导入的 .xlsx 或 .csv 文件。";
            return Page();
        }

        if (Path.GetExtension(Upload.FileName).Equals(".csv", StringComparison.OrdinalIgnoreCase) && CsvKind is null)
        {
            ErrorMessage = "导入 CSV 文件时，请选择文件对应的台账类型。";
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        var started = await jobs.StartAsync(code, stream, Upload.FileName, CsvKind, cancellationToken);
        return RedirectToPage(null, null, new { code, job = started.Id }, null);
    }
}
