using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Pages.Campaigns.National;

/// <summary>
/// A national round (A4.1): the province builds its recommendation list from provincial communities, orders it, submits it
/// to the ministry, prints and exports it, and records the ministry's outcome per community (a grant records the national title).
/// Only the province reaches this page; the use case answers 404 to anyone else.
/// </summary>
public sealed class DetailsModel(NationalRounds rounds, CampaignExports exports, TimeProvider clock) : ActionFormPageModel
{
    public NationalRecommendationView View { get; private set; } = null!;
    public PagedResult<NationalEligibleRow> Eligible { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    /// <summary>The eligible-community search (name or the start of the code) and its page.</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    [BindProperty] public string? CommunityCode { get; set; }
    [BindProperty] public int Rank { get; set; }
    [BindProperty] public bool Granted { get; set; } = true;
    [BindProperty] public string? DocumentNumber { get; set; }
    [BindProperty] public DateOnly? DecidedOn { get; set; }
    [BindProperty] public string? PlaqueNumber { get; set; }
    [BindProperty] public string? Remark { get; set; }

    public bool IsDraft => View.State == NationalRecommendationState.Draft && View.CampaignState != CampaignState.Closed;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Version = View.Version;
        DecidedOn = Today;
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await exports.NationalListAsync(id, cancellationToken);
        return File(file.Content, Xlsx.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("Add", async () =>
        {
            var view = await rounds.AddAsync(id, Version, CommunityCode ?? "", cancellationToken);
            return Done(id, $"已将{view.Candidates.Single(c => c.CommunityCode == CommunityCode).CommunityName}加入推荐名单。", keepSearch: true);
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostMoveAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("Move", async () =>
        {
            await rounds.MoveAsync(id, Version, CommunityCode ?? "", Rank, cancellationToken);
            return Done(id, "名单顺序已调整。", keepSearch: true);
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("Move", async () =>
        {
            await rounds.RemoveAsync(id, Version, CommunityCode ?? "", cancellationToken);
            return Done(id, "已移出推荐名单。", keepSearch: true);
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("Submit", async () =>
        {
            var view = await rounds.SubmitAsync(id, Version, cancellationToken);
            return Done(id, $"推荐名单（{view.Candidates.Count}个社区）已报送人社部，名单不能再修改。", keepSearch: false);
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken cancellationToken)
    {
        // Checked here so the message sits beside this candidate's form; the domain refuses the same again.
        if (DecidedOn is null)
        {
            ModelState.AddModelError(nameof(DecidedOn), "请填写结果日期。");
        }

        if (Granted && string.IsNullOrWhiteSpace(DocumentNumber))
        {
            ModelState.AddModelError(nameof(DocumentNumber), "命名须填写人社部文号。");
        }

        return AttemptAsync("Outcome-" + CommunityCode, async () =>
        {
            await rounds.RecordOutcomeAsync(new NationalOutcomeInput(id, Version, CommunityCode ?? "", Granted, DocumentNumber?.Trim(), DecidedOn!.Value,
                PlaqueNumber?.Trim(), Remark?.Trim()), cancellationToken);
            return Done(id, Granted ? "已登记命名结果，国家级称号已记入该社区的称号。" : "已登记未获命名结果。", keepSearch: false);
        }, () => LoadAsync(id, cancellationToken));
    }

    public string SearchLink(int page) => Url.Page("Details", new { id = View.CampaignId, Q, p = page })!;

    private RedirectToPageResult Done(Guid id, string message, bool keepSearch)
    {
        TempData["Success"] = message;
        return keepSearch ? RedirectToPage("Details", new { id, Q, p = PageNumber }) : RedirectToPage("Details", new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Today = ChinaTime.Today(clock);
        View = await rounds.GetAsync(id, cancellationToken);
        Eligible = await rounds.EligibleAsync(id, Q, new PageRequest(PageNumber, 10), cancellationToken);
    }
}
