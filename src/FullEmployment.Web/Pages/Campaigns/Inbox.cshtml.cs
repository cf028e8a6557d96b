using FullEmployment.Application.Common;
using FullEmployment.Application.Notices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Campaigns;

/// <summary>In-system notices (A7 campaign notices, certification results) with their attachments.</summary>
public sealed class InboxModel(Inbox inbox) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedResult<MessageView> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await inbox.ListAsync(new PageRequest(PageNumber, 20), cancellationToken);

    public async Task<IActionResult> OnGetAttachmentAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var (file, content) = await inbox.OpenAttachmentAsync(messageId, cancellationToken);
        return File(content, file.ContentType, file.FileName);
    }

    public string PageLink(int page) => Url.Page("Inbox", new { p = page })!;

    public static string? Link(MessageView m) => m.RelatedType switch
    {
        "campaign" => $"/Campaigns/Details/{m.RelatedId}",
        "application" => $"/Campaigns/Applications/{m.RelatedId}",
        "candidate-list" => $"/Campaigns/Lists/{m.RelatedId}",
        _ => null,
    };
}
