using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Common;
using FullEmployment.Application.Notices;
using FullEmployment.Domain.Notices;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Public;

/// <summary>An objection as typed on the public notice page (A8.3, A8.4).</summary>
public sealed class ObjectionForm
{
    [Required(ErrorMessage = "请选择异议针对的社区。")]
    [Display(Name = "异议针对的社区")]
    public Guid? CandidateId { get; set; }

    [Required(ErrorMessage = "请填写真实姓名。")]
    [StringLength(ObjectionLimits.NameLength, ErrorMessage = ObjectionLimits.NameTooLong)]
    [Display(Name = "姓名")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "请填写联系电话，以便答复。")]
    [StringLength(ObjectionLimits.PhoneLength, ErrorMessage = ObjectionLimits.PhoneTooLong)]
    [Display(Name = "联系电话")]
    public string Phone { get; set; } = "";

    [Required(ErrorMessage = "请填写异议内容。")]
    [StringLength(ObjectionLimits.ContentLength, ErrorMessage = ObjectionLimits.ContentTooLong)]
    [Display(Name = "异议内容")]
    public string Content { get; set; } = "";

    [Display(Name = "佐证材料（可选）")]
    public IFormFile? File { get; set; }
}

/// <summary>A notice's list and the objection form: anonymous, antiforgery-protected, rate-limited per address (POST only).</summary>
[LimitObjections]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + (1024 * 1024))]
[RequestSizeLimit(MaxFileBytes + (1024 * 1024))]
public sealed class NoticeModel(PublicSite site) : PageModel
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public PublicNoticeView Notice { get; private set; } = null!;

    [BindProperty]
    public ObjectionForm Form { get; set; } = new();

    public ObjectionReceipt? Receipt { get; private set; }

    /// <summary>The submitted content, shown back as text (Razor encodes it).</summary>
    public string? SubmittedContent { get; private set; }

    public string? SubmittedCommunity { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => Notice = await site.GetNoticeAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Notice = await site.GetNoticeAsync(id, cancellationToken);
        if (Form.File is { Length: > MaxFileBytes })
        {
            ModelState.AddModelError("Form.File", $"佐证材料不能超过{MaxFileBytes / 1024 / 1024}MB。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.TryAsync(async () =>
        {
            await using var stream = Form.File?.OpenReadStream();
            var file = Form.File is null || stream is null ? null : new FileUpload(Form.File.FileName, stream);
            Receipt = await site.SubmitObjectionAsync(
                new ObjectionSubmission(id, Form.CandidateId!.Value, Form.Name, Form.Phone, Form.Content, file), cancellationToken);
            SubmittedContent = Form.Content;
            SubmittedCommunity = Notice.Candidates.FirstOrDefault(c => c.CandidateId == Form.CandidateId)?.CommunityName;
            Form = new ObjectionForm();
            ModelState.Clear();
            return Page();
        }) ?? Page();
    }
}
