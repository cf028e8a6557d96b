using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Regions;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Campaigns;

/// <summary>A draft campaign (A4, A7): the province runs provincial and national rounds, a city its municipal one.</summary>
public sealed class CreateModel(CampaignAdministration campaigns, ScoreTemplates templates, ICurrentActor actor, TimeProvider clock) : PageModel
{
    [BindProperty] public CampaignKind Kind { get; set; }
    [BindProperty][Required(ErrorMessage = "请填写批次名称")][Display(Name = "批次名称")] public string? Name { get; set; }
    [BindProperty][Display(Name = "创建年度")] public int CreationYear { get; set; }
    [BindProperty][Range(1, 1000, ErrorMessage = "名额应为1至1000")][Display(Name = "名额总数")] public int TotalQuota { get; set; } = 10;
    [BindProperty][Required(ErrorMessage = "请选择评分表版本")][Display(Name = "评分表版本")] public string? TemplateVersion { get; set; }
    [BindProperty][Range(0, 100, ErrorMessage = "合格分数线应为0至100")][Display(Name = "合格分数线")] public decimal PassMark { get; set; } = Campaign.DefaultPassMark;
    [BindProperty][Display(Name = "考核期起")] public DateOnly AssessmentFrom { get; set; }
    [BindProperty][Display(Name = "考核期止")] public DateOnly AssessmentTo { get; set; }
    [BindProperty][Display(Name = "社区申报截止")] public DateOnly ApplicationDeadline { get; set; }
    [BindProperty][Display(Name = "县区初审截止")] public DateOnly CountyDeadline { get; set; }
    [BindProperty][Display(Name = "市州评价截止")] public DateOnly CityDeadline { get; set; }
    [BindProperty][Display(Name = "省级审核截止")] public DateOnly ProvinceDeadline { get; set; }
    [BindProperty][Display(Name = "两年周期内再次创建的理由（A4.2）")] public string? CycleOverrideReason { get; set; }

    private static readonly string[] ScheduleFields =
    [
        nameof(TemplateVersion), nameof(PassMark), nameof(AssessmentFrom), nameof(AssessmentTo), nameof(ApplicationDeadline),
        nameof(CountyDeadline), nameof(CityDeadline), nameof(ProvinceDeadline), nameof(CycleOverrideReason),
    ];

    public IReadOnlyList<ScoreTemplateRow> Templates { get; private set; } = [];
    public IReadOnlyList<CampaignKind> Kinds { get; private set; } = [];
    public string? ErrorClause { get; private set; }
    public bool IsMunicipal => Kinds.Contains(CampaignKind.Municipal);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Kind = Kinds[0];
        CreationYear = ChinaTime.Today(clock).Year;
        UseDefaultSchedule();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Kind == CampaignKind.NationalRecommendation)
        {
            // A4.1: the round is never published and nobody applies or scores in it: whatever came in these fields
            // (shown when the browser runs no script) is neither required nor kept.
            foreach (var field in ScheduleFields)
            {
                ModelState.Remove(field);
            }

            UseDefaultSchedule();
            CycleOverrideReason = null;
        }

        if (ModelState.IsValid && await this.TryAsync(async () =>
            {
                var view = await campaigns.CreateAsync(new NewCampaignInput(Kind, Name!.Trim(), CreationYear, TotalQuota, TemplateVersion!, AssessmentFrom,
                    AssessmentTo, new StageDeadlines(ApplicationDeadline, CountyDeadline, CityDeadline, ProvinceDeadline), PassMark,
                    string.IsNullOrWhiteSpace(CycleOverrideReason) ? null : CycleOverrideReason.Trim()), cancellationToken);
                if (view.Kind == CampaignKind.NationalRecommendation)
                {
                    // A4.1: a national round has no quotas per city or publication; its work is the recommendation list.
                    TempData["Success"] = "已创建国家级推荐批次，请加入推荐社区。";
                    return RedirectToPage("National/Details", new { id = view.Id });
                }

                TempData["Success"] = "已创建批次（草稿），请分配名额后发布。";
                return RedirectToPage("Details", new { id = view.Id });
            }, refusal =>
            {
                ModelState.AddRefusal(refusal);
                ErrorClause = refusal.Clause;
            }) is { } done)
        {
            return done;
        }

        return Page();
    }

    /// <summary>
    /// The form's defaults for the fields a national round doesn't use: the first template offered, the default pass mark, last
    /// year as the period, stages from today. A national round keeps these whatever was posted.
    /// </summary>
    private void UseDefaultSchedule()
    {
        var today = ChinaTime.Today(clock);
        TemplateVersion = Templates.FirstOrDefault()?.TemplateVersion;
        PassMark = Campaign.DefaultPassMark;
        AssessmentFrom = new DateOnly(today.Year - 1, 1, 1);
        AssessmentTo = new DateOnly(today.Year - 1, 12, 31);
        ApplicationDeadline = today.AddDays(30);
        CountyDeadline = today.AddDays(60);
        CityDeadline = today.AddDays(90);
        ProvinceDeadline = today.AddDays(150);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Kinds = actor.IsInRole(Roles.ProvinceOfficer) ? [CampaignKind.Provincial, CampaignKind.NationalRecommendation]
            : actor.IsInRole(Roles.CityOfficer) ? [CampaignKind.Municipal] : throw new ForbiddenException("只有省、市人社部门可以创建批次。");
        // A4.3: a city keeps its own templates; they come first (newest first) so its latest own version is the default.
        Templates = (await templates.ListAsync(cancellationToken))
            .Where(t => t.IsPublished && (t.OwnerRegionCode == GansuRegions.ProvinceCode || t.OwnerRegionCode == actor.ScopeCode))
            .OrderBy(t => t.OwnerRegionCode == GansuRegions.ProvinceCode).ThenByDescending(t => t.PublishedAt).ToList();
    }
}
