using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Common;
using FullEmployment.Application.Supervision;
using FullEmployment.Domain;
using FullEmployment.Domain.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Supervision.Changes;

/// <summary>A11.1: file a civil-affairs change; a county's dissolution or merger takes effect at once, so the form asks first.</summary>
public sealed class FileModel(ChangeReports reports, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)][Display(Name = "社区代码")] public string? Code { get; set; }
    [BindProperty][Display(Name = "变更类别")] public ChangeKind Kind { get; set; } = ChangeKind.Rename;
    [BindProperty][Required(ErrorMessage = "请填写民政部门决定文号")][Display(Name = "民政部门决定文号")] public string? DocumentNumber { get; set; }
    [BindProperty][Required(ErrorMessage = "请填写决定日期")][Display(Name = "决定日期")] public DateOnly? DecisionDate { get; set; }
    [BindProperty][Display(Name = "决定文件")] public IFormFile? DecisionFile { get; set; }
    [BindProperty][Display(Name = "新名称（更名）")] public string? NewName { get; set; }
    [BindProperty][Display(Name = "其他被合并社区代码（合并，逗号分隔）")] public string? Predecessors { get; set; }
    [BindProperty][Display(Name = "合并后社区代码（合并）")] public string? Successor { get; set; }

    public void OnGet() => DecisionDate = ChinaTime.Today(clock);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "请填写社区代码");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await using var content = DecisionFile?.OpenReadStream();
            var view = await reports.FileAsync(Code!.Trim(), new ChangeReportInput(Kind, DocumentNumber!, DecisionDate!.Value, NewName,
                (Predecessors ?? "").Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries), Successor,
                DecisionFile is null ? null : new FileUpload(DecisionFile.FileName, content!)), cancellationToken);
            TempData["Success"] = view.OverdueLabel is { } late ? $"已报备（{late}）。" : "已报备。";
            return RedirectToPage("Details", new { id = view.Id });
        }
        catch (Exception ex) when (ex is DomainException or ConcurrencyConflictException)
        {
            ModelState.AddModelError("", ex.Message);
            return Page();
        }
    }
}
