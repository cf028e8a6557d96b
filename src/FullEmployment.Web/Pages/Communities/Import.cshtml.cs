using FullEmployment.Application.Common;
using FullEmployment.Application.Communities;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Communities;

/// <summary>Bulk import of communities and their titles from xlsx: all or nothing, every error listed.</summary>
[RequestSizeLimit(CommunityWorkbook.MaxBytes + 1024 * 1024)]
public sealed class ImportModel(CommunityWorkbook workbook, CommunityRegistry registry) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }

    public CommunityImportSummary? Summary { get; private set; }
    public string? ErrorMessage { get; private set; }
    public IReadOnlyList<InputError> Errors { get; private set; } = [];

    // The page itself is for those who may import (the POST checks again before reading the file).
    public void OnGet() => registry.EnsureMayImport();

    public IActionResult OnGetTemplate()
    {
        registry.EnsureMayImport();
        return File(CommunityWorkbook.Template(), Xlsx.ContentType, "社区名录导入模板.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ErrorMessage = "请选择要导入的 .xlsx 文件。";
            return Page();
        }

        return await this.TryAsync(async () =>
        {
            await using var stream = Upload.OpenReadStream();
            Summary = await workbook.ImportAsync(stream, cancellationToken);
            return Page();
        }, refusal =>
        {
            ErrorMessage = refusal.Message;
            Errors = refusal.Errors;
        }) ?? Page();
    }
}
