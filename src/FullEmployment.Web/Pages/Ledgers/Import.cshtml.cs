using FullEmployment.Application.Common;
using FullEmployment.Application.Ledgers;
using FullEmployment.Application.Ledgers.Import;
using FullEmployment.Domain.Ledgers;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Pages.Ledgers;

/// <summary>
/// Ledger import (docs/reference/ledger.md): an xlsx with one sheet per kind or a CSV of one chosen kind; all or
/// nothing, every error listed with a downloadable error report; the template for download.
/// </summary>
[RequestSizeLimit(UploadBodyLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadBodyLimit)]
public sealed class ImportModel(LedgerImports imports, IConfiguration configuration, LedgerAccess access, ICurrentActor actor)
    : LedgerPageBase(access, actor)
{
    private readonly ErrorReportStore _reports = new(configuration);

    /// <summary>Above the configurable import limit, so the use case answers an oversized file in Chinese.</summary>
    private const long UploadBodyLimit = 200L * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }

    [BindProperty] public LedgerKind? CsvKind { get; set; }

    public LedgerImportOutcome? Outcome { get; private set; }

    public string? ErrorMessage { get; private set; }

    public string? ReportId { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadCommunityAsync(code, cancellationToken, writable: true);

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
        Outcome = await imports.ImportFileAsync(code, stream, Upload.FileName, CsvKind, cancellationToken: cancellationToken);
        if (!Outcome.Succeeded)
        {
            ErrorMessage = Outcome.Message;
            if (Outcome.ErrorReport is { } report)
            {
                ReportId = await _reports.SaveAsync(Community.Code, report, cancellationToken);
            }
        }

        return Page();
    }
}
