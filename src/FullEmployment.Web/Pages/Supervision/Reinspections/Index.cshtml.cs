using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Common;
using FullEmployment.Application.Supervision;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Supervision;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using ReinspectionService = FullEmployment.Application.Supervision.Reinspections;

namespace FullEmployment.Web.Pages.Supervision.Reinspections;

/// <summary>The re-inspection rounds (A9); the province opens a year's round here.</summary>
public sealed class IndexModel(ReinspectionService reinspections, ICurrentActor actor, TimeProvider clock) : ActionFormPageModel
{
    public IReadOnlyList<ReinspectionRoundRow> Rounds { get; private set; } = [];

    public bool MayOpen => actor.IsInRole(Roles.ProvinceOfficer);

    [BindProperty][Display(Name = "复查年度")] public int Year { get; set; }
    [BindProperty][Display(Name = "复查基准日")] public DateOnly? ReferenceDate { get; set; }
    [BindProperty][Display(Name = "市州复查截止")] public DateOnly? CityDeadline { get; set; }
    [BindProperty][Display(Name = "复核截止")] public DateOnly? ReviewDeadline { get; set; }
    [BindProperty][Display(Name = "评分表版本")] public string TemplateVersion { get; set; } = DefaultScoreTemplate.Version;
    [BindProperty][Display(Name = "合格分数线")] public decimal PassMark { get; set; } = ReinspectionRound.DefaultPassMark;
    [BindProperty][Display(Name = "同时复查国家级称号（A3.2）")] public bool IncludeNational { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        Year = today.Year;
        await LoadAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostOpenAsync(CancellationToken cancellationToken) =>
        AttemptAsync("Open", async () =>
        {
            var round = await reinspections.OpenAsync(new OpenReinspectionInput(Year,
                ReferenceDate ?? throw new DomainException("请填写复查基准日。", "A9"),
                CityDeadline ?? throw new DomainException("请填写市州复查截止日期。", "A9"),
                ReviewDeadline ?? throw new DomainException("请填写复核截止日期。", "A10"), IncludeNational, TemplateVersion, PassMark), cancellationToken);
            TempData["Success"] = $"已开启{round.Name}，共{round.Records.Count}条复查记录，已通知各市州。";
            return RedirectToPage("Round", new { id = round.Id });
        }, () => LoadAsync(cancellationToken));

    private async Task LoadAsync(CancellationToken cancellationToken) => Rounds = await reinspections.ListRoundsAsync(cancellationToken);
}
