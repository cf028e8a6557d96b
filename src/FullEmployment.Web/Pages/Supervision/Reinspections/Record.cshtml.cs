using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Application.Supervision;
using FullEmployment.Domain;
using FullEmployment.Domain.Supervision;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using ReinspectionService = FullEmployment.Application.Supervision.Reinspections;

namespace FullEmployment.Web.Pages.Supervision.Reinspections;

/// <summary>
/// One title's re-inspection record (A9, A10): the forms shown are the domain's options for the signed-in party
/// (<see cref="ReinspectionRecordView.Options"/>); every refusal is shown beside its form.
/// </summary>
public sealed class RecordModel(ReinspectionService reinspections, TimeProvider clock) : ActionFormPageModel
{
    public ReinspectionRecordView View { get; private set; } = null!;
    public IReadOnlyList<SheetItemView> Items { get; private set; } = [];
    public DateOnly Today { get; private set; }

    [BindProperty] public string? SelfAssessment { get; set; }
    [BindProperty] public ReinspectionResult Result { get; set; }
    [BindProperty][Display(Name = "复查日期")] public DateOnly? VisitDate { get; set; }
    [BindProperty][Display(Name = "复查人员（每行一人，至少2人）")] public string? Inspectors { get; set; }
    [BindProperty][Display(Name = "复查方式")] public string? Method { get; set; } = "实地查看、查阅台账、走访群众";
    [BindProperty][Display(Name = "发现的问题")] public string? Findings { get; set; }
    [BindProperty][Display(Name = "整改期限（工作日）")] public int? RectifyWorkingDays { get; set; } = 10;
    [BindProperty][Display(Name = "整改事项（每行一项）")] public string? RequiredItems { get; set; }
    [BindProperty] public List<ScoreFormRow> Scores { get; set; } = [];
    [BindProperty][Display(Name = "整改情况")] public string? Answer { get; set; }
    [BindProperty] public bool Passed { get; set; }
    [BindProperty][Display(Name = "复核意见")] public string? Remark { get; set; }
    [BindProperty][Display(Name = "决定日期")] public DateOnly? DecisionDate { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public Task OnGetAsync(Guid id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    public Task<IActionResult> OnPostSelfCheckAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("SelfCheck", async () =>
        {
            await reinspections.SubmitSelfCheckAsync(id, Version, SelfAssessment ?? "", cancellationToken);
            return Done(id, "自查情况已提交。");
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostResultAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("Result", async () =>
        {
            var entries = ScoreFormRow.Entries(Scores);
            var view = await reinspections.RecordResultAsync(new ReinspectionResultInput(id, Version, Result, VisitDate ?? Today, Lines(Inspectors), Method,
                Findings, entries, RectifyWorkingDays: Result == ReinspectionResult.Rectify ? RectifyWorkingDays : null,
                RequiredItems: Lines(RequiredItems)), cancellationToken);
            return Done(id, $"复查结果已登记：{view.StateName}。");
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("Answer", async () =>
        {
            await reinspections.AnswerRectificationAsync(id, Version, Answer ?? "", cancellationToken);
            return Done(id, "整改情况已提交，等待市州复核。");
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostRecheckAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("Recheck", async () =>
        {
            var view = await reinspections.RecheckAsync(id, Version, Passed, Remark ?? "", cancellationToken);
            return Done(id, $"整改复核已登记：{view.StateName}。");
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("Confirm", async () =>
        {
            await reinspections.ConfirmAsync(id, Version, DecisionDate ?? throw new DomainException("请填写复核决定日期。", "A10"), Remark ?? "",
                cancellationToken);
            return Done(id, "已确认复查不合格，称号自决定日期起终止，已通知社区及县区。");
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostOverturnAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("Overturn", async () =>
        {
            await reinspections.OverturnAsync(id, Version, Remark ?? "", cancellationToken);
            return Done(id, "已撤销复查不合格结论，称号保留。");
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostUploadAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("Upload", async () =>
        {
            var upload = await FormFiles.ReadAsync(Upload, cancellationToken) ?? throw new DomainException("请选择要上传的文件。", "A9");
            await reinspections.UploadAsync(new ReinspectionFileInput(id, Category ?? "", upload), cancellationToken);
            return Done(id, $"已上传{ReinspectionService.FileCategories.GetValueOrDefault(Category ?? "", "附件")}：{upload.FileName}。");
        }, () => LoadAsync(id, cancellationToken));

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        var (file, content) = await reinspections.OpenFileAsync(id, fileId, cancellationToken);
        return File(content, file.ContentType, file.FileName);
    }

    public bool May(ReinspectionAction action) => View.Options.Contains(action);

    private RedirectToPageResult Done(Guid id, string message)
    {
        TempData["Success"] = message;
        return RedirectToPage("Record", new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        View = await reinspections.GetRecordAsync(id, cancellationToken);
        Version = View.Version;
        Today = ChinaTime.Today(clock);
        Items = await reinspections.SheetItemsAsync(id, cancellationToken);
        VisitDate ??= Today;
        DecisionDate ??= Today;
        if (Scores.Count == 0)
        {
            Scores = Items.Select(i => new ScoreFormRow { Number = i.Number }).ToList();
        }
    }
}
