using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Pages.Campaigns.Applications;


/// <summary>
/// The 申报表 and its review (A8): form, headline figures, evidence, score sheets side by side, inspections, history,
/// and the actor's allowed actions as forms.
/// </summary>
public sealed class DetailsModel(ApplicationQueries queries, ApplicationSubmission submission, ApplicationScoring scoring, CountyReview county,
    CityReview city, ProvinceReview province, TimeProvider clock) : ActionFormPageModel
{
    public ApplicationView View { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    [BindProperty] public FormInput Form { get; set; } = new();
    [BindProperty] public IFormFile? NarrativeFile { get; set; }
    [BindProperty] public IFormFile? EvidenceFile { get; set; }
    [BindProperty] public List<ScoreRow> Scores { get; set; } = [];
    [BindProperty] public DateOnly? InspectionDate { get; set; }
    [BindProperty] public string? Inspectors { get; set; }
    [BindProperty] public bool InspectionPassed { get; set; } = true;
    [BindProperty] public string? Findings { get; set; }
    [BindProperty] public List<IFormFile> Photos { get; set; } = [];
    [BindProperty] public string? Remark { get; set; }
    [BindProperty] public string? Reasons { get; set; }
    [BindProperty] public DateOnly? DueDate { get; set; }
    [BindProperty] public string? OverrideReason { get; set; }
    [BindProperty] public string? DisqualifyReason { get; set; }
    [BindProperty] public string? DisqualifyEvidence { get; set; }

    public sealed class FormInput
    {
        [Display(Name = "户数")] public int? Households { get; set; }
        [Display(Name = "常住人口")] public int? Population { get; set; }
        [Display(Name = "劳动年龄人口")] public int? WorkingAgePopulation { get; set; }
        [Display(Name = "服务大厅面积（㎡）")] public decimal? ServiceHallArea { get; set; }
        [Display(Name = "联系人")] public string? ContactName { get; set; }
        [Display(Name = "联系电话")] public string? ContactPhone { get; set; }
        [Display(Name = "创建工作情况")] public string? Narrative { get; set; }
        public List<StaffRow> Staff { get; set; } = [];
    }

    public sealed class StaffRow
    {
        public string? Name { get; set; }
        public string? Education { get; set; }
        public bool FullTime { get; set; }
        public string? Post { get; set; }
    }

    public sealed class ScoreRow
    {
        public string Number { get; set; } = "";
        public decimal? Score { get; set; }
        public string? Remark { get; set; }
    }

    /// <summary>The level whose sheet the actor fills now, if any (the domain's answer, <see cref="ApplicationOptions"/>).</summary>
    public ReviewLevel? ScoringLevel => View.Options.ScoringLevel;

    public bool IsMunicipal => View.CampaignKind == CampaignKind.Municipal;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Version = View.Version;
        var f = View.Form;
        Form = new FormInput
        {
            Households = f.Households,
            Population = f.Population,
            WorkingAgePopulation = f.WorkingAgePopulation,
            ServiceHallArea = f.ServiceHallArea,
            ContactName = f.ContactName,
            ContactPhone = f.ContactPhone,
            Narrative = f.Narrative,
            Staff = f.Staff.Select(s => new StaffRow { Name = s.Name, Education = s.Education, FullTime = s.FullTime, Post = s.Post }).ToList(),
        };
        Form.Staff.AddRange(Enumerable.Range(0, 2).Select(_ => new StaffRow { FullTime = true }));
        InspectionDate = Today;
        DueDate = Today.AddDays(10);
        if (ScoringLevel is { } level)
        {
            var sheet = View.Sheets.FirstOrDefault(s => s.Level == level) ?? View.Sheets.LastOrDefault();
            Scores = sheet?.Lines.Select(l => new ScoreRow { Number = l.Number, Score = l.Score, Remark = l.Remark ?? l.OverrideReason }).ToList() ?? [];
        }
    }

    /// <summary>The form's contact phone in full, after this request's audited reveal.</summary>
    public string? RevealedPhone { get; private set; }

    public async Task<IActionResult> OnPostRevealPhoneAsync(Guid id, CancellationToken cancellationToken)
    {
        var phone = await queries.RevealContactPhoneAsync(id, cancellationToken);
        await OnGetAsync(id, cancellationToken);
        RevealedPhone = phone;
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        var (file, content) = await queries.OpenFileAsync(id, fileId, cancellationToken);
        return File(content, file.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostSaveFormAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("SaveForm", async () =>
        {
            var staff = Form.Staff.Where(s => !string.IsNullOrWhiteSpace(s.Name))
                .Select(s => new FormStaff(s.Name!.Trim(), s.Education?.Trim() ?? "", s.FullTime, s.Post?.Trim())).ToList();
            var form = new ApplicationForm(Form.Households, Form.Population, Form.WorkingAgePopulation, Form.ServiceHallArea, Form.ContactName,
                Form.ContactPhone, staff, Form.Narrative);
            await submission.SaveFormAsync(new SaveFormInput(id, Version, form, await FormFiles.ReadAsync(NarrativeFile, cancellationToken)), cancellationToken);
            return Done(id, "申报表已保存。");
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostEvidenceAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("Evidence", async () =>
        {
            var upload = await FormFiles.ReadAsync(EvidenceFile, cancellationToken) ?? throw new DomainException("请选择要上传的文件。", "A8.1");
            await submission.UploadEvidenceAsync(new EvidenceInput(id, Version, upload), cancellationToken);
            return Done(id, "佐证材料已上传。");
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostScoreAsync(Guid id, ReviewLevel level, CancellationToken cancellationToken) =>
        AttemptAsync("Score", async () =>
        {
            // An auto item left at its current score is not an override: only changed or explained items are sent (A6).
            var current = (await queries.GetAsync(id, cancellationToken)).Sheets.FirstOrDefault(s => s.Level == level)?.Lines
                .ToDictionary(l => l.Number) ?? [];
            var entries = Scores.Where(s => s.Score is not null)
                .Where(s => !(current.TryGetValue(s.Number, out var line) && line.Mode == ScoringMode.Auto && line.Score == s.Score
                    && string.IsNullOrWhiteSpace(s.Remark)))
                .Select(s => new ScoreEntry(s.Number, s.Score!.Value, string.IsNullOrWhiteSpace(s.Remark) ? null : s.Remark.Trim())).ToList();
            await scoring.ScoreAsync(new ScoreInput(id, Version, level, entries), cancellationToken);
            return Done(id, $"{CampaignApplication.LevelName(level)}评分已保存。");
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostInspectionAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync("Inspection", async () =>
        {
            var photos = await FormFiles.ReadAllAsync(Photos, cancellationToken);

            await scoring.RecordInspectionAsync(new InspectionInput(id, Version, InspectionDate ?? Today, Lines(Inspectors), InspectionPassed,
                Findings ?? "", photos), cancellationToken);
            return Done(id, "实地考察记录已保存。");
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostActAsync(Guid id, ApplicationAction act, CancellationToken cancellationToken) =>
        AttemptAsync(act.ToString(), async () =>
        {
            var reason = string.IsNullOrWhiteSpace(OverrideReason) ? null : OverrideReason.Trim();
            var input = new ActionInput(id, Version, string.IsNullOrWhiteSpace(Remark) ? null : Remark.Trim(), reason);
            var result = act switch
            {
                ApplicationAction.Submit => await submission.SubmitAsync(input, cancellationToken),
                ApplicationAction.Withdraw => await submission.WithdrawAsync(input, cancellationToken),
                ApplicationAction.Resubmit => await submission.ResubmitAsync(input, cancellationToken),
                ApplicationAction.CountyForward => await county.ForwardAsync(input, cancellationToken),
                ApplicationAction.CountyReject => await county.RejectAsync(new RejectInput(id, Version, Lines(Reasons), reason), cancellationToken),
                ApplicationAction.ReturnForCorrection => await county.ReturnForCorrectionAsync(
                    new ReturnInput(id, Version, DueDate ?? throw new DomainException("请填写整改期限。", "A8.2"), Remark ?? "", reason), cancellationToken),
                ApplicationAction.CityRecommend => await city.RecommendAsync(input, cancellationToken),
                ApplicationAction.CityReturnToCounty => await city.ReturnToCountyAsync(input, cancellationToken),
                ApplicationAction.CityReject => await city.CityRejectAsync(input, cancellationToken),
                ApplicationAction.Propose => await province.ProposeAsync(input, cancellationToken),
                ApplicationAction.NotCertify => await province.NotCertifyAsync(input, cancellationToken),
                ApplicationAction.Disqualify => await province.DisqualifyAsync(
                    new DisqualifyInput(id, Version, DisqualifyReason ?? "", DisqualifyEvidence ?? ""), cancellationToken),
                _ => throw new DomainException("该操作请在名单页面办理。", "A8"),
            };
            return Done(id, $"已办理：{CampaignApplication.ActionName(act)}。当前状态：{result.StateName}。");
        }, () => LoadAsync(id, cancellationToken));

    private RedirectToPageResult Done(Guid id, string message)
    {
        TempData["Success"] = message;
        return RedirectToPage("Details", new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        View = await queries.GetAsync(id, cancellationToken);
        Today = ChinaTime.Today(clock);
    }

    /// <summary>The actions shown as forms: what the domain allows this actor now (<see cref="ApplicationOptions.Actions"/>).</summary>
    public IReadOnlyList<PermittedAction> MyActions => View.Options.Actions;

    public bool IsCommunityEditing => View.Options.MayEditDossier;

    public bool MayInspect => View.Options.MayInspect;

    /// <summary>Button text, style and confirmation for an action's form.</summary>
    public static (string Button, string Css, string Confirm) Look(ApplicationAction action) => action switch
    {
        ApplicationAction.Submit => ("提交申报", "btn-primary", "提交后将冻结指标数据并报送县区，确认提交？"),
        ApplicationAction.Resubmit => ("重新提交", "btn-primary", "确认重新提交？"),
        ApplicationAction.Withdraw => ("撤回申报", "btn-outline-danger", "撤回后本次申报结束，确认撤回？"),
        ApplicationAction.CountyForward => ("报送市州", "btn-primary", "确认报送市州？（须评分达线且实地考察通过）"),
        ApplicationAction.CountyReject => ("不予通过", "btn-outline-danger", "确认不予通过？此操作不可撤销。"),
        ApplicationAction.ReturnForCorrection => ("退回整改", "btn-outline-warning", "确认退回社区整改？"),
        ApplicationAction.CityRecommend => ("列入推荐名单", "btn-primary", "确认列入本市州推荐名单？"),
        ApplicationAction.CityReturnToCounty => ("退回县区", "btn-outline-warning", "确认退回县区？"),
        ApplicationAction.CityReject => ("不予推荐", "btn-outline-danger", "确认不予推荐？此操作不可撤销。"),
        ApplicationAction.Propose => ("列入拟认定名单", "btn-primary", "确认列入省级拟认定名单？"),
        ApplicationAction.NotCertify => ("不予认定", "btn-outline-danger", "确认不予认定？此操作不可撤销。"),
        ApplicationAction.Disqualify => ("取消资格（A16）", "btn-danger", "取消资格后该社区本批次不得再申报，确认？"),
        _ => (CampaignApplication.ActionName(action), "btn-secondary", "确认办理？"),
    };

    public static string Size(long length) => length < 1024 * 1024 ? $"{Math.Max(1, length / 1024)} KB" : $"{length / 1024d / 1024:0.0} MB";
}
