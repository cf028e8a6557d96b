using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Campaigns.Applications;

public sealed class IndexModel(ApplicationQueries applications, CampaignAdministration campaigns, CampaignExports exports, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CampaignId { get; set; }
    [BindProperty(SupportsGet = true)] public ApplicationState? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int Size { get; set; } = 20;

    public PagedResult<ApplicationRow> Result { get; private set; } = null!;
    public IReadOnlyList<CampaignRow> Campaigns { get; private set; } = [];
    public DateOnly Today { get; private set; }

    private ApplicationFilter Filter => new(CampaignId, State, string.IsNullOrWhiteSpace(Region) ? null : Region.Trim());

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await applications.ListAsync(Filter, new PageRequest(PageNumber, Size), cancellationToken);
        Campaigns = await campaigns.ListAsync(cancellationToken);
        Today = ChinaTime.Today(clock);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var file = await exports.ApplicationsAsync(Filter, cancellationToken);
        return File(file.Content, Xlsx.ContentType, file.FileName);
    }

    public string PageLink(int page) => Url.Page("Index", new { CampaignId, State, Region, Size, p = page })!;

    public string ExportLink => Url.Page("Index", "Export", new { CampaignId, State, Region })!;
}
