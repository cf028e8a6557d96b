using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Application.Regions;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Regions;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Pages.Campaigns;

/// <summary>
/// A campaign (A4, A7): quotas per city (per county in a municipal campaign, A4.3), deadlines, pass mark, template;
/// organiser's actions; a community applies here.
/// </summary>
public sealed class DetailsModel(CampaignAdministration campaigns, CandidateLists lists, ApplicationQueries applications,
    ApplicationSubmission submission, RegionDirectory regions, ICurrentActor actor) : ActionFormPageModel
{
    public CampaignView View { get; private set; } = null!;
    /// <summary>Region names for the lists' titles.</summary>
    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<CandidateListView> Lists { get; private set; } = [];
    public IReadOnlyList<ApplicationRow> MyApplications { get; private set; } = [];

    /// <summary>Each region's quota as shown in the form (bound only by the quota handler: a dictionary would swallow other forms' fields).</summary>
    public Dictionary<string, int> Quotas { get; private set; } = [];
    [BindProperty][Display(Name = "通知内容")] public string? NoticeBody { get; set; }
    [BindProperty] public IFormFile? Attachment { get; set; }
    [BindProperty] public string? CloseReason { get; set; }

    public bool IsOrganizer => View.Kind == CampaignKind.Municipal
        ? actor.IsInRole(Roles.CityOfficer) && actor.ScopeCode == View.OrganizerRegionCode
        : actor.IsInRole(Roles.ProvinceOfficer);

    public bool IsCommunity => actor.IsInRole(Roles.CommunityStaff);

    public bool IsMunicipal => View.Kind == CampaignKind.Municipal;

    /// <summary>Who gets quotas and the publication notice: the cities (A7), or the organising city's counties (A4.3).</summary>
    public string UnitName => IsMunicipal ? "县区" : "市州";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (View.Kind == CampaignKind.NationalRecommendation)
        {
            // A4.1: a national round is run on its recommendation list's page; quotas and publication don't apply.
            return RedirectToPage("National/Details", new { id });
        }

        Version = View.Version;
        NoticeBody = $"请各{UnitName}按照《甘肃省充分就业社区创建管理办法》组织开展{View.Name}申报工作，于{View.Deadlines.Application:yyyy年M月d日}前完成社区申报。";
        return Page();
    }

    public Task<IActionResult> OnPostQuotasAsync(Guid id, [FromForm(Name = "Quotas")] Dictionary<string, int> quotas, CancellationToken cancellationToken) =>
        AttemptAsync("Quotas", async () =>
        {
            await campaigns.SetQuotasAsync(id, Version, quotas.Where(q => q.Value > 0).Select(q => new QuotaInput(q.Key, q.Value)).ToList(), cancellationToken);
            return Done(id, "名额分配已保存。");
        }, async () =>
        {
            await LoadAsync(id, cancellationToken);
            Quotas = quotas;
        });

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("Publish", async () =>
        {
            var view = await campaigns.PublishAsync(new PublishCampaignInput(id, Version, NoticeBody ?? "", await FormFiles.ReadAsync(Attachment, cancellationToken)),
                cancellationToken);
            return Done(id, $"批次已发布，通知已发送至各{(view.Kind == CampaignKind.Municipal ? "县区" : "市州")}。");
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("Close", async () =>
        {
            await campaigns.CloseAsync(new CloseCampaignInput(id, Version, CloseReason ?? ""), cancellationToken);
            return Done(id, "批次已关闭。");
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("Complete", async () =>
        {
            await campaigns.CompleteAsync(id, Version, cancellationToken);
            return Done(id, "批次已办结。");
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostApplyAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("Apply", async () =>
        {
            var result = await submission.StartAsync(new StartApplicationInput(id), cancellationToken);
            TempData["Success"] = "已创建申报，请填写申报表、自评分并上传佐证材料后提交。";
            return RedirectToPage("Applications/Details", new { id = result.Id });
        }, () => LoadAsync(id, cancellationToken));

    private RedirectToPageResult Done(Guid id, string message)
    {
        TempData["Success"] = message;
        return RedirectToPage("Details", new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        View = await campaigns.GetAsync(id, cancellationToken);
        RegionNames = (await regions.ListAsync(cancellationToken)).Where(r => r.Level == RegionLevel.City).ToDictionary(r => r.Code, r => r.Name);
        Quotas = View.Quotas.ToDictionary(q => q.RegionCode, q => q.Quota);
        if (actor.IsInRole(Roles.ProvinceOfficer, Roles.CityOfficer))
        {
            Lists = await lists.ListForCampaignAsync(id, cancellationToken);
        }

        MyApplications = (await applications.ListAsync(new ApplicationFilter(id), new PageRequest(1, 20), cancellationToken)).Items;
    }
}
