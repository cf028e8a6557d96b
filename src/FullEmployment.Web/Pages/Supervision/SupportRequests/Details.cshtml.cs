using FullEmployment.Application.Common;
using FullEmployment.Application.Supervision;
using FullEmployment.Domain;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Pages.Supervision.SupportRequests;

/// <summary>One support request (A15): what the community raised, the answer, the history, and the forms the domain allows this reader.</summary>
public sealed class DetailsModel(Application.Supervision.SupportRequests requests, TimeProvider clock) : ActionFormPageModel
{
    [BindProperty] public string? Measures { get; set; }
    [BindProperty] public string? Departments { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    [BindProperty] public string? Remark { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public SupportRequestView View { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        var (file, content) = await requests.OpenFileAsync(id, fileId, cancellationToken);
        return File(content, file.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken cancellationToken) => AttemptAsync("answer", async () =>
    {
        var uploads = await FormFiles.ReadAllAsync(Files, cancellationToken);

        await requests.AnswerAsync(new AnswerSupportRequestInput(id, Version, Measures ?? "", Departments ?? "", uploads), cancellationToken);
        return Done(id, "已答复，等待社区确认。");
    }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken) => AttemptAsync("confirm", async () =>
    {
        await requests.ConfirmResolvedAsync(new SupportRequestActionInput(id, Version, Remark), cancellationToken);
        return Done(id, "已确认诉求解决。");
    }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken cancellationToken) => AttemptAsync("reopen", async () =>
    {
        await requests.ReopenAsync(new SupportRequestActionInput(id, Version, Reason), cancellationToken);
        return Done(id, "已重新提出，县区或市州人社局将重新答复。");
    }, () => LoadAsync(id, cancellationToken));

    private RedirectToPageResult Done(Guid id, string message)
    {
        TempData["Success"] = message;
        return RedirectToPage("Details", new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        View = await requests.GetAsync(id, cancellationToken);
        Version = View.Version;
        Today = ChinaTime.Today(clock);
    }
}
