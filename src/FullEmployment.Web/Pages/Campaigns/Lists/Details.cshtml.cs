using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Application.Notices;
using FullEmployment.Application.Regions;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Notices;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Pages.Campaigns.Lists;

/// <summary>
/// A city's recommendation list (A8.3) or the province's proposed list (A8.4): ranked entries, public notice,
/// objections, sending up and certification on the campaign's final list (the province's; in a municipal campaign the
/// organising city's own list, A4.3). Once certified the list shows the result instead of the form.
/// </summary>
public sealed class DetailsModel(CandidateLists lists, WorkingCalendar calendar, RegionDirectory regions, TimeProvider clock) : ActionFormPageModel
{
    public CandidateListView View { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public string Title { get; private set; } = "";

    [BindProperty] public string? NoticeTitle { get; set; }
    [BindProperty] public DateOnly? StartDate { get; set; }
    [BindProperty] public int WorkingDays { get; set; } = PublicNotice.MinimumWorkingDays;
    [BindProperty] public Guid ObjectionId { get; set; }
    [BindProperty] public bool Uphold { get; set; }
    [BindProperty] public string? Reply { get; set; }
    [BindProperty] public string? OverrideReason { get; set; }
    [BindProperty] public string? DocumentNumber { get; set; }
    /// <summary>Plaque numbers per candidate as shown in the form (bound only by the certify handler).</summary>
    public Dictionary<Guid, string> Plaques { get; private set; } = [];

    public bool IsCityList => View.Subject == NoticeSubject.CityRecommendationList;

    public bool IsMunicipal => View.CampaignKind == CampaignKind.Municipal;

    /// <summary>The title the final list's certification grants (A8.4; A4.3).</summary>
    public string TitleLevelName => IsMunicipal ? "市级" : "省级";

    /// <summary>The send-up step's name: to the province (A8.3), or fixing the final list once the notice is over (A8.4; A4.3).</summary>
    public string SendUpName => View.IsFinal ? (IsCityList ? "确定推荐名单" : "确定拟认定名单") : "报送省人社厅";

    /// <summary>The reader owns the list (publishes, answers objections); the domain decides (<see cref="CandidateListView.IsOwner"/>).</summary>
    public bool IsOwner => View.IsOwner;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Version = View.Version;
        StartDate = Today;
        NoticeTitle = $"{View.CampaignName}{(IsCityList ? "推荐名单" : "拟认定名单")}公示";
    }

    /// <summary>The notice's last day and closing time for a start date and working days (A8.3: holidays and make-up days counted).</summary>
    public async Task<IActionResult> OnGetClosesAtAsync(DateOnly start, int days, CancellationToken cancellationToken)
    {
        try
        {
            var cal = await calendar.LoadAsync(cancellationToken);
            return new JsonResult(new { text = $"公示截止：{cal.NoticeLastDay(start, Math.Max(days, PublicNotice.MinimumWorkingDays)):yyyy年M月d日} 24:00" });
        }
        catch (DomainException ex)
        {
            return new JsonResult(new { text = ex.Message });
        }
    }

    public Task<IActionResult> OnPostNoticeAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("Notice", async () =>
        {
            var view = await lists.PublishNoticeAsync(new PublishNoticeInput(id, Version, NoticeTitle ?? "", StartDate ?? Today, WorkingDays), cancellationToken);
            return Done(id, $"已发布公示，{view.Notice!.LastDay:yyyy-MM-dd} 24:00 截止。");
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("Answer-" + ObjectionId, async () =>
        {
            await lists.AnswerObjectionAsync(new AnswerObjectionInput(id, Version, ObjectionId, Uphold, Reply ?? ""), cancellationToken);
            return Done(id, Uphold ? "异议成立，该社区已移出名单。" : "异议不成立，已答复。");
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostSendUpAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("SendUp", async () =>
        {
            var view = await lists.SendUpAsync(new SendUpInput(id, Version, Blank(OverrideReason)), cancellationToken);
            return Done(id, view.IsFinal ? "名单已确定，可以认定。" : "推荐名单已报送省人社厅。");
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostCertifyAsync(Guid id, [FromForm(Name = "Plaques")] Dictionary<Guid, string> plaques,
        CancellationToken cancellationToken) =>
        AttemptAsync("Certify", async () =>
        {
            var view = await lists.CertifyAsync(new CertifyInput(id, Version, DocumentNumber?.Trim() ?? "",
                plaques.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => new PlaqueAssignment(p.Key, p.Value.Trim())).ToList(),
                Blank(OverrideReason)), cancellationToken);
            return Done(id, $"已认定，{view.Certification?.TitleLevelName}称号已授予并在公众网站发布公告。");
        }, async () =>
        {
            await LoadAsync(id, cancellationToken);
            Plaques = plaques;
        });

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private RedirectToPageResult Done(Guid id, string message)
    {
        TempData["Success"] = message;
        return RedirectToPage("Details", new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        View = await lists.GetAsync(id, cancellationToken);
        Today = ChinaTime.Today(clock);
        var city = View.CityCode is { } code ? (await regions.ListAsync(cancellationToken)).FirstOrDefault(r => r.Code == code)?.Name ?? code : null;
        Plaques = View.Entries.ToDictionary(e => e.ApplicationId, _ => "");
        Title = city is null ? "省级拟认定名单" : city + "推荐名单";
    }
}
