using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Common;
using FullEmployment.Application.Supervision;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Supervision;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Pages.Supervision.SupportRequests;

/// <summary>Community staff raise a difficulty to their county and city (A15).</summary>
public sealed class CreateModel(Application.Supervision.SupportRequests requests, ICurrentActor actor) : ActionFormPageModel
{
    [BindProperty][Required(ErrorMessage = "请选择诉求类别")][Display(Name = "类别")] public SupportCategory? Category { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "请填写困难描述")]
    [StringLength(SupportRequest.DescriptionLength, ErrorMessage = "困难描述不能超过2000字")]
    [Display(Name = "困难描述")] public string? Description { get; set; }

    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public int DueWorkingDays => requests.DueWorkingDays;

    public IActionResult OnGet()
    {
        actor.EnsureRole(Roles.CommunityStaff);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => AttemptAsync("raise", async () =>
    {
        actor.EnsureRole(Roles.CommunityStaff);
        var uploads = await FormFiles.ReadAllAsync(Files, cancellationToken);

        var result = await requests.RaiseAsync(new RaiseSupportRequestInput(actor.ScopeCode ?? "", Category!.Value, Description ?? "", uploads),
            cancellationToken);
        TempData["Success"] = result.DueDate is { } due
            ? $"困难诉求已提交，县区或市州人社局应于{due:yyyy-MM-dd}前答复。"
            : "困难诉求已提交。" + result.DueDateWarning;
        return RedirectToPage("Details", new { id = result.Id });
    }, () => Task.CompletedTask);
}
