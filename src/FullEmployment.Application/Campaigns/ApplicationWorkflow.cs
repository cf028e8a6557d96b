using System.Text.Json;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Campaigns;


/// <summary>
/// A community's application through the three levels (A8.1–A8.4). Every action checks role and the application's
/// region, then the version the user saw, then the domain's rules, and audits in the same SaveChanges.
/// </summary>
public sealed class ApplicationWorkflow(AppDbContext db, AuditTrail audit, TimeProvider clock, FileStore files, IndicatorSnapshots snapshots)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly ApplicationState[] Live =
    [
        ApplicationState.Draft, ApplicationState.Submitted, ApplicationState.ReturnedToCommunity, ApplicationState.ForwardedToCity,
        ApplicationState.ReturnedToCounty, ApplicationState.Recommended, ApplicationState.ForwardedToProvince, ApplicationState.Proposed,
        ApplicationState.Certified,
    ];

    private ICurrentActor Actor => audit.Actor;

    private DateTimeOffset Now => clock.GetUtcNow();

    // ---- Queries ----

    public async Task<PagedResult<ApplicationRow>> ListAsync(ApplicationFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        var query = Scoped(db.Set<CampaignApplication>().AsNoTracking());
        if (filter.CampaignId is { } campaignId)
        {
            query = query.Where(a => a.CampaignId == campaignId);
        }

        if (filter.State is { } state)
        {
            query = query.Where(a => a.State == state);
        }

        if (filter.RegionCode is { Length: 6 } region && !region.EndsWith("0000", StringComparison.Ordinal))
        {
            query = region.EndsWith("00", StringComparison.Ordinal) ? query.Where(a => a.CityCode == region) : query.Where(a => a.CountyCode == region);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(a => a.CityCode).ThenBy(a => a.CountyCode).ThenBy(a => a.CommunityCode)
            .Skip(page.Skip).Take(page.SafePageSize).Include(a => a.ScoreSheets).AsSplitQuery().ToListAsync(cancellationToken);
        var campaignIds = items.Select(a => a.CampaignId).Distinct().ToList();
        var campaigns = await db.Set<Campaign>().AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var rows = items.Select(a => new ApplicationRow(a.Id, a.CampaignId, campaigns[a.CampaignId].Name, a.CommunityCode, a.CommunityName,
            a.CityCode, a.CountyCode, a.State, CampaignApplication.StateName(a.State), LatestScore(a), DueOn(a, campaigns[a.CampaignId]), a.Version)).ToList();
        return new PagedResult<ApplicationRow>(rows, total, page.SafePage, page.SafePageSize);
    }

    public async Task<ApplicationView> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(CampaignAccess.Readers);
        var application = await Load(db.Set<CampaignApplication>().AsNoTracking()).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null || !Actor.Covers(application))
        {
            throw new NotFoundException("未找到该申报，或不在您的管辖范围内。");
        }

        return await ToViewAsync(application, cancellationToken);
    }

    /// <summary>The form's contact phone in full, for a reader in scope; the reveal is audited (the view shows it masked).</summary>
    public async Task<string?> RevealContactPhoneAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(id, cancellationToken);
        var phone = (await StoredFormAsync(id, cancellationToken)).ContactPhone;
        audit.Record("application.reveal-phone", "application", id.ToString(), view.CountyCode ?? view.CityCode);
        await db.SaveChangesAsync(cancellationToken);
        return phone;
    }

    /// <summary>Opens a stored file of an application (evidence, narrative, inspection photo) for a reader in scope.</summary>
    public async Task<(StoredFile File, Stream Content)> OpenFileAsync(Guid applicationId, Guid fileId, CancellationToken cancellationToken = default)
    {
        await GetAsync(applicationId, cancellationToken);
        var file = await db.Set<StoredFile>().AsNoTracking()
            .FirstOrDefaultAsync(f => f.Id == fileId && f.OwnerType == "application" && f.OwnerId == applicationId.ToString(), cancellationToken)
            ?? throw new NotFoundException("未找到该文件。");
        return (file, files.Open(file));
    }

    // ---- Community (A8.1) ----

    /// <summary>Opens an application for the actor's community: A2 filing, A5.1.1 for provincial rounds, A16, one live application per campaign.</summary>
    public async Task<ApplicationResult> StartAsync(StartApplicationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Actor.EnsureRole(Roles.CommunityStaff);
        var community = await db.Communities.Include(c => c.Titles).FirstOrDefaultAsync(c => c.Code == Actor.ScopeCode, cancellationToken)
            ?? throw new ForbiddenException("您的账号未关联到社区。");
        var campaign = await db.Set<Campaign>().FirstOrDefaultAsync(c => c.Id == input.CampaignId && c.State != CampaignState.Draft, cancellationToken)
            ?? throw new NotFoundException("未找到该创建批次。");
        if (campaign.Kind == CampaignKind.NationalRecommendation)
        {
            throw new DomainException("国家级推荐由省人社厅按部里安排推荐，社区不在系统内申报。", "A4.1");
        }

        CampaignApplication.EnsureEligible(campaign.Kind, await EligibilityAsync(community, campaign, cancellationToken));
        if (await db.Set<CampaignApplication>().AnyAsync(a => a.CampaignId == campaign.Id && a.CommunityId == community.Id && Live.Contains(a.State),
            cancellationToken))
        {
            throw new DomainException("本社区在该批次中已有申报，不能重复申报。", "A8.1");
        }

        var application = new CampaignApplication(campaign, community.Id, community.Code, community.Name, community.CityCode, community.CountyCode,
            Actor.UserName ?? "", Now);
        var preview = await snapshots.TakeAsync(community, campaign.AssessmentPeriod, ChinaTime.Today(clock), cancellationToken);
        application.OpenScoreSheet(ReviewLevel.Self, await TemplateAsync(campaign, cancellationToken), preview.Input);
        db.Add(application);
        db.Add(new ApplicationDossier { ApplicationId = application.Id, FormJson = JsonSerializer.Serialize(ApplicationForm.Empty, Json) });
        audit.Record("application.start", "application", application.Id.ToString(), Region(application),
            after: new { campaign = campaign.Id, community = community.Code });
        await db.SaveChangesAsync(cancellationToken);
        return Result(application);
    }

    public Task<ApplicationResult> SaveFormAsync(SaveFormInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.ApplicationId, input.Version, "application.form", a => Actor.IsCommunityOf(a), null,
            "只有申报社区可以填写申报表。", async (a, _) =>
            {
                EnsureCommunityHolds(a);
                var dossier = await DossierAsync(a.Id, cancellationToken);
                var stored = JsonSerializer.Deserialize<ApplicationForm>(dossier.FormJson, Json) ?? ApplicationForm.Empty;
                // The form is shown with the phone masked: the mask sent back unchanged keeps the stored number.
                var phone = PhoneMask.Resolve(input.Form.ContactPhone, stored.ContactPhone);
                PhoneMask.EnsureNotMasked(phone);
                var form = input.Form with { ContactPhone = phone };
                dossier.FormJson = JsonSerializer.Serialize(form, Json);
                if (input.NarrativeFile is { } narrative)
                {
                    var file = await files.SaveAsync(narrative, "application", a.Id.ToString(), "narrative", Actor.UserName ?? "", cancellationToken);
                    db.Add(file);
                    dossier.NarrativeFileId = file.Id;
                }

                return new { input.Form.Households, input.Form.Population, staff = input.Form.Staff.Count, narrativeFile = input.NarrativeFile?.FileName };
            }, cancellationToken);
    }

    public Task<ApplicationResult> UploadEvidenceAsync(EvidenceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.ApplicationId, input.Version, "application.evidence", a => Actor.IsCommunityOf(a), null,
            "只有申报社区可以上传佐证材料。", async (a, _) =>
            {
                EnsureCommunityHolds(a);
                var file = await files.SaveAsync(input.File, "application", a.Id.ToString(), input.Category, Actor.UserName ?? "", cancellationToken);
                db.Add(file);
                return new { file.Id, file.FileName, file.Length, file.Sha256 };
            }, cancellationToken);
    }

    /// <summary>Fills the level's sheet: judged items with a remark below full points, auto items only with a reason (A6).</summary>
    public Task<ApplicationResult> ScoreAsync(ScoreInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.ApplicationId, input.Version, "application.score", (a, c) => IsLevelActor(input.Level, a, c), null,
            $"当前角色不能填写{CampaignAccess.LevelName(input.Level)}评分。", async (a, campaign) =>
            {
                // Reviewers' copies open from the snapshot frozen at submission (A8.1).
                var sheet = a.SheetFor(input.Level) ?? a.OpenScoreSheet(input.Level, await TemplateAsync(campaign, cancellationToken),
                    await FrozenOrLiveAsync(a, campaign, cancellationToken));

                foreach (var e in input.Entries)
                {
                    if (sheet.Line(e.Number).Mode == ScoringMode.Judged)
                    {
                        sheet.Judge(e.Number, e.Score, e.Remark);
                    }
                    else
                    {
                        sheet.Override(e.Number, e.Score, e.Remark ?? "");
                    }
                }

                return new { level = input.Level.ToString(), input.Entries, sheet.Total };
            }, cancellationToken);
    }

    /// <summary>A8.1: freezes the indicator snapshot, recomputes the self-assessment's auto items from it, and submits.</summary>
    public Task<ApplicationResult> SubmitAsync(ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.ApplicationId, input.Version, "application.submit", a => Actor.IsCommunityOf(a), input.OverrideReason,
            "只有申报社区可以提交申报。", async (a, campaign) =>
            {
                var community = await db.Communities.Include(c => c.Titles).SingleAsync(c => c.Id == a.CommunityId, cancellationToken);
                var snapshot = await snapshots.TakeAsync(community, campaign.AssessmentPeriod, ChinaTime.Today(clock), cancellationToken);
                var previous = a.SheetFor(ReviewLevel.Self);
                if (previous is not null && a.Can(ApplicationAction.Submit))
                {
                    var sheet = a.OpenScoreSheet(ReviewLevel.Self, await TemplateAsync(campaign, cancellationToken), snapshot.Input);
                    CarryOver(previous, sheet);
                }

                a.Submit(campaign, await EligibilityAsync(community, campaign, cancellationToken), Actor.UserName ?? "", Now, input.OverrideReason);
                var dossier = await DossierAsync(a.Id, cancellationToken);
                dossier.SnapshotJson = JsonSerializer.Serialize(snapshot, Json);
                dossier.SnapshotTakenAt = Now;
                return new { snapshot.Input, total = a.SheetFor(ReviewLevel.Self)!.Total };
            }, cancellationToken);
    }

    public Task<ApplicationResult> WithdrawAsync(ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.ApplicationId, input.Version, "application.withdraw", a => Actor.IsCommunityOf(a), null,
            "只有申报社区可以撤回申报。", (a, _) =>
            {
                a.Withdraw(Actor.UserName ?? "", Now, input.Remark);
                return Task.FromResult<object?>(new { input.Remark });
            }, cancellationToken);
    }

    public Task<ApplicationResult> ResubmitAsync(ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.ApplicationId, input.Version, "application.resubmit", a => Actor.IsCommunityOf(a), input.OverrideReason,
            "只有申报社区可以重新提交。", (a, campaign) =>
            {
                a.Resubmit(campaign, Actor.UserName ?? "", Now, input.OverrideReason);
                return Task.FromResult<object?>(null);
            }, cancellationToken);
    }

    // ---- County (A8.2) ----

    /// <summary>Records the county's on-site inspection (A8.2), or the province's on-site evaluation (A8.4) once the application is there.</summary>
    public Task<ApplicationResult> RecordInspectionAsync(InspectionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.ApplicationId, input.Version, "application.inspection",
            (a, c) => a.State == ApplicationState.ForwardedToProvince ? Actor.IsTopOf(c) : Actor.IsCountyOf(a), null,
            "当前角色不能登记实地考察。", async (a, _) =>
            {
                var level = a.State == ApplicationState.ForwardedToProvince ? ReviewLevel.Province : ReviewLevel.County;
                var inspection = a.RecordInspection(level, input.Date, input.Inspectors, input.Passed, input.Findings);
                foreach (var photo in input.Photos ?? [])
                {
                    db.Add(await files.SaveAsync(photo, "application", a.Id.ToString(), "inspection:" + inspection.Id, Actor.UserName ?? "", cancellationToken));
                }

                return new { level = level.ToString(), input.Date, input.Inspectors, input.Passed, input.Findings, photos = input.Photos?.Count ?? 0 };
            }, cancellationToken);
    }

    /// <summary>
    /// A8.2; A4.3: the county's places in use are counted and the campaign's version bumped in the same transaction, so two
    /// forwards racing for a county's last place get one success and one 409, never a county over its quota.
    /// </summary>
    public Task<ApplicationResult> ForwardAsync(ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.ApplicationId, input.Version, "application.county-forward", a => Actor.IsCountyOf(a), input.OverrideReason,
            CountyRefusal, async (a, campaign) =>
            {
                var region = a.CountyStepRegionCode;
                var holding = CampaignApplication.HoldingCountyQuota.ToArray();
                var forwarded = await db.Set<CampaignApplication>().CountAsync(x => x.CampaignId == campaign.Id
                    && (x.CountyCode ?? x.CityCode) == region && holding.Contains(x.State), cancellationToken);
                a.CountyForward(campaign, new CountyQuotaUse(region, forwarded), Actor.UserName ?? "", Now, input.OverrideReason);
                db.Touch(campaign);
                return new { county = region, forwarded = forwarded + 1, quota = campaign.CountyQuotaFor(region) };
            }, cancellationToken);
    }

    public Task<ApplicationResult> RejectAsync(RejectInput input, CancellationToken cancellationToken = default) =>
        CountyAsync(input?.ApplicationId ?? Guid.Empty, input?.Version ?? 0, input?.OverrideReason, "application.county-reject",
            (a, c) => a.CountyReject(c, input!.Reasons, Actor.UserName ?? "", Now, input.OverrideReason), input?.Reasons, cancellationToken);

    public Task<ApplicationResult> ReturnForCorrectionAsync(ReturnInput input, CancellationToken cancellationToken = default) =>
        CountyAsync(input?.ApplicationId ?? Guid.Empty, input?.Version ?? 0, input?.OverrideReason, "application.return",
            (a, c) => a.ReturnForCorrection(c, input!.DueDate, input.Remark, Actor.UserName ?? "", Now, input.OverrideReason),
            new { input?.DueDate, input?.Remark }, cancellationToken);

    // ---- City (A8.3) ----

    /// <summary>Puts the application on its city's recommendation list; the quota is checked against the list in the same transaction.</summary>
    public Task<ApplicationResult> RecommendAsync(ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.ApplicationId, input.Version, "application.city-recommend", a => Actor.IsCityOf(a.CityCode), input.OverrideReason,
            "只有申报社区所在市州人社局可以推荐。", async (a, campaign) =>
            {
                var list = await CandidateLists.CityListAsync(db, campaign, a.CityCode, cancellationToken);
                a.CityRecommend(campaign, list, Actor.UserName ?? "", Now, input.OverrideReason);
                db.Touch(list);
                return new { list = list.Id, rank = list.Entries.Single(e => e.ApplicationId == a.Id).Rank, quota = list.Quota };
            }, cancellationToken);
    }

    public Task<ApplicationResult> ReturnToCountyAsync(ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.ApplicationId, input.Version, "application.city-return", a => Actor.IsCityOf(a.CityCode), input.OverrideReason,
            "只有申报社区所在市州人社局可以退回县区。", (a, campaign) =>
            {
                a.CityReturnToCounty(campaign, input.Remark ?? "", Actor.UserName ?? "", Now, input.OverrideReason);
                return Task.FromResult<object?>(new { input.Remark });
            }, cancellationToken);
    }

    public Task<ApplicationResult> CityRejectAsync(ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.ApplicationId, input.Version, "application.city-reject", a => Actor.IsCityOf(a.CityCode), input.OverrideReason,
            "只有申报社区所在市州人社局可以作出不予推荐。", (a, campaign) =>
            {
                a.CityReject(campaign, input.Remark ?? "", Actor.UserName ?? "", Now, input.OverrideReason);
                return Task.FromResult<object?>(new { input.Remark });
            }, cancellationToken);
    }

    // ---- Province (A8.4) ----

    public Task<ApplicationResult> ProposeAsync(ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.ApplicationId, input.Version, "application.propose", (_, c) => Actor.IsTopOf(c), input.OverrideReason,
            "只有省人社厅可以列入拟认定名单。", async (a, campaign) =>
            {
                var list = await CandidateLists.ProposedListAsync(db, campaign, cancellationToken);
                a.Propose(campaign, list, Actor.UserName ?? "", Now, input.OverrideReason);
                db.Touch(list);
                return new { list = list.Id, quota = list.Quota };
            }, cancellationToken);
    }

    public Task<ApplicationResult> NotCertifyAsync(ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.ApplicationId, input.Version, "application.not-certify", (_, c) => Actor.IsTopOf(c), input.OverrideReason,
            "只有省人社厅可以作出不予认定。", (a, campaign) =>
            {
                a.NotCertify(campaign, input.Remark ?? "", Actor.UserName ?? "", Now, input.OverrideReason);
                return Task.FromResult<object?>(new { input.Remark });
            }, cancellationToken);
    }

    /// <summary>
    /// A16: falsification disqualifies; a listed candidate leaves its list in the same save. The officer of the stage the
    /// application is at decides (<see cref="CampaignApplication.ReviewingLevel"/>), or the campaign's organiser; a county or
    /// city does not reach into a stage it does not hold.
    /// </summary>
    public Task<ApplicationResult> DisqualifyAsync(DisqualifyInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.ApplicationId, input.Version, "application.disqualify",
            (a, c) => Actor.IsTopOf(c) || (a.ReviewingLevel is { } level && IsLevelActor(level, a, c)), null,
            "只有申报当前所在环节的审核部门（或组织创建的部门）可以取消申报资格。", async (a, campaign) =>
            {
                CandidateList? list = a.State switch
                {
                    ApplicationState.Recommended => await CandidateLists.CityListAsync(db, campaign, a.CityCode, cancellationToken),
                    ApplicationState.Proposed => await CandidateLists.ProposedListAsync(db, campaign, cancellationToken),
                    _ => null,
                };
                a.Disqualify(input.Reason, input.Evidence, Actor.UserName ?? "", Now, list);
                if (list is not null)
                {
                    db.Touch(list);
                }

                return new { input.Reason, input.Evidence };
            }, cancellationToken);
    }

    // ---- Shared ----

    internal static IQueryable<CampaignApplication> Load(IQueryable<CampaignApplication> query) =>
        query.Include(a => a.ScoreSheets).Include(a => a.Inspections).Include(a => a.History).AsSplitQuery();

    internal async Task<ApplicantEligibility> EligibilityAsync(Community community, Campaign campaign, CancellationToken cancellationToken) =>
        new(community.EnsureMayApply().HasCivilAffairsFiling, community.HasFiledMunicipalTitleOn(ChinaTime.Today(clock)),
            await db.Set<CampaignApplication>().AnyAsync(a => a.CampaignId == campaign.Id && a.CommunityId == community.Id
                && a.State == ApplicationState.Disqualified, cancellationToken),
            community.TitlesInForceOn(ChinaTime.Today(clock)).Any(t => t.Level == TitleLevel.Municipal));

    private const string CountyRefusal = "只有申报社区所在县区人社局（无县区的市由市人社局）可以办理初审。";

    private Task<ApplicationResult> CountyAsync(Guid id, int version, string? overrideReason, string action,
        Action<CampaignApplication, Campaign> act, object? details, CancellationToken cancellationToken) =>
        ActAsync(id, version, action, a => Actor.IsCountyOf(a), overrideReason, CountyRefusal,
            (a, c) =>
            {
                act(a, c);
                return Task.FromResult(details);
            }, cancellationToken);

    private Task<ApplicationResult> ActAsync(Guid id, int version, string action, Func<CampaignApplication, bool> isStageActor, string? overrideReason,
        string refusal, Func<CampaignApplication, Campaign, Task<object?>> act, CancellationToken cancellationToken) =>
        ActAsync(id, version, action, (a, _) => isStageActor(a), overrideReason, refusal, act, cancellationToken);

    private async Task<ApplicationResult> ActAsync(Guid id, int version, string action, Func<CampaignApplication, Campaign, bool> isStageActor,
        string? overrideReason, string refusal, Func<CampaignApplication, Campaign, Task<object?>> act, CancellationToken cancellationToken)
    {
        Actor.EnsureRole(CampaignAccess.Readers);
        var application = await Load(db.Set<CampaignApplication>()).FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException("未找到该申报。");
        var campaign = await db.Set<Campaign>().SingleAsync(c => c.Id == application.CampaignId, cancellationToken);
        if (!Actor.IsInRole(Roles.ProvinceOfficer) && !Actor.Covers(application))
        {
            throw new ForbiddenException("该申报不在您的管辖范围内。");
        }

        Actor.EnsureStageActor(campaign, isStageActor(application, campaign), overrideReason, refusal, application.Deadline(campaign), Now);
        db.ExpectVersion(application, version);
        var from = application.State;
        var details = await act(application, campaign);
        db.Touch(application);
        audit.Record(action, "application", application.Id.ToString(), Region(application),
            before: new { state = from.ToString() },
            after: new { state = application.State.ToString(), details, overrideReason });
        await db.SaveChangesAsync(cancellationToken);
        return Result(application);
    }

    private bool IsLevelActor(ReviewLevel level, CampaignApplication a, Campaign c) => level switch
    {
        ReviewLevel.Self => Actor.IsCommunityOf(a),
        ReviewLevel.County => Actor.IsCountyOf(a),
        ReviewLevel.City => Actor.IsCityOf(a.CityCode),
        _ => Actor.IsTopOf(c),
    };

    private static void EnsureCommunityHolds(CampaignApplication a)
    {
        if (a.State is not (ApplicationState.Draft or ApplicationState.ReturnedToCommunity))
        {
            throw new DomainException($"申报当前为“{CampaignApplication.StateName(a.State)}”，不能修改申报材料。", "A8.1");
        }
    }

    // The judged scores and auto overrides the community already gave survive the recomputation at submission.
    private static void CarryOver(ScoreSheet previous, ScoreSheet sheet)
    {
        foreach (var line in previous.Lines.Where(l => l.Score is not null))
        {
            if (line.Mode == ScoringMode.Judged)
            {
                sheet.Judge(line.Number, line.Score!.Value, line.Remark);
            }
            else if (line.OverrideReason is { } reason)
            {
                sheet.Override(line.Number, line.Score!.Value, reason);
            }
        }
    }

    private async Task<AutoScoringInput> FrozenOrLiveAsync(CampaignApplication a, Campaign campaign, CancellationToken cancellationToken)
    {
        var dossier = await DossierAsync(a.Id, cancellationToken);
        if (dossier.SnapshotJson is { } json)
        {
            return JsonSerializer.Deserialize<IndicatorSnapshot>(json, Json)!.Input;
        }

        var community = await db.Communities.Include(c => c.Titles).SingleAsync(c => c.Id == a.CommunityId, cancellationToken);
        return (await snapshots.TakeAsync(community, campaign.AssessmentPeriod, ChinaTime.Today(clock), cancellationToken)).Input;
    }

    private async Task<ApplicationForm> StoredFormAsync(Guid applicationId, CancellationToken cancellationToken) =>
        await db.Set<ApplicationDossier>().AsNoTracking().Where(d => d.ApplicationId == applicationId).Select(d => d.FormJson)
            .FirstOrDefaultAsync(cancellationToken) is { } json ? JsonSerializer.Deserialize<ApplicationForm>(json, Json) ?? ApplicationForm.Empty
            : ApplicationForm.Empty;

    private async Task<ApplicationDossier> DossierAsync(Guid applicationId, CancellationToken cancellationToken) =>
        await db.Set<ApplicationDossier>().FirstOrDefaultAsync(d => d.ApplicationId == applicationId, cancellationToken)
        ?? throw new NotFoundException("未找到申报表。");

    private async Task<ScoreTemplate> TemplateAsync(Campaign campaign, CancellationToken cancellationToken) =>
        await db.Set<ScoreTemplate>().AsNoTracking().SingleAsync(t => t.TemplateVersion == campaign.TemplateVersion, cancellationToken);

    private IQueryable<CampaignApplication> Scoped(IQueryable<CampaignApplication> query)
    {
        Actor.EnsureRole(CampaignAccess.Readers);
        var scope = Actor.ScopeCode;
        return Actor.Role switch
        {
            Roles.ProvinceOfficer => query,
            Roles.CityOfficer => query.Where(a => a.CityCode == scope),
            Roles.CountyOfficer => query.Where(a => a.CountyCode == scope),
            _ => query.Where(a => a.CommunityCode == scope),
        };
    }

    private async Task<ApplicationView> ToViewAsync(CampaignApplication a, CancellationToken cancellationToken)
    {
        var campaign = await db.Set<Campaign>().AsNoTracking().SingleAsync(c => c.Id == a.CampaignId, cancellationToken);
        var template = await TemplateAsync(campaign, cancellationToken);
        var dossier = await db.Set<ApplicationDossier>().AsNoTracking().FirstOrDefaultAsync(d => d.ApplicationId == a.Id, cancellationToken);
        var stored = await db.Set<StoredFile>().AsNoTracking().Where(f => f.OwnerType == "application" && f.OwnerId == a.Id.ToString())
            .OrderBy(f => f.UploadedAt).ToListAsync(cancellationToken);
        var community = await db.Communities.AsNoTracking().Include(c => c.Titles).SingleAsync(c => c.Id == a.CommunityId, cancellationToken);
        var today = ChinaTime.Today(clock);
        var frozen = dossier?.SnapshotJson is { } json ? JsonSerializer.Deserialize<IndicatorSnapshot>(json, Json) : null;
        var indicators = frozen ?? await snapshots.TakeAsync(community, campaign.AssessmentPeriod, today, cancellationToken);
        var form = dossier is null ? ApplicationForm.Empty : JsonSerializer.Deserialize<ApplicationForm>(dossier.FormJson, Json) ?? ApplicationForm.Empty;
        var headline = new HeadlineFigures(community.HasCivilAffairsFiling, community.HasFiledMunicipalTitleOn(today),
            community.HighestTitleOn(today)?.Level.DisplayName(), frozen is not null, indicators);
        var texts = template.Items.ToDictionary(i => i.Number, i => i.Text);
        return new ApplicationView(a.Id, a.CampaignId, campaign.Name, a.CampaignKind, a.CommunityId, a.CommunityCode, a.CommunityName, a.CityCode,
            a.CountyCode, a.State, CampaignApplication.StateName(a.State), a.CorrectionDueDate, a.RejectionReasons, a.CertificationDocumentNumber,
            a.PlaqueNumber, a.CertifiedOn, a.DisqualificationReason,
            // docs/reference/design.md "Personal data": pages and the API show the phone masked; RevealContactPhoneAsync shows it, audited.
            form with { ContactPhone = PhoneMask.Mask(form.ContactPhone) is { Length: > 0 } masked ? masked : null },
            stored.Where(f => f.Id == dossier?.NarrativeFileId).Select(ToFileView).FirstOrDefault(), headline,
            a.ScoreSheets.OrderBy(s => s.Level).Select(s => new ScoreSheetView(s.Level, CampaignAccess.LevelName(s.Level), s.Total, s.IsComplete,
                s.GatesMet, s.Passes(campaign.PassMark), s.IsLocked, s.Lines.Select(l => new ScoreLineView(l.Number, texts.GetValueOrDefault(l.Number, ""),
                    l.MaxPoints, l.Mode, l.IsGate, l.GateMet, l.ComputedScore, l.Score, l.OverrideReason, l.Remark)).ToList())).ToList(),
            a.Inspections.OrderBy(i => i.Date).Select(i => new InspectionView(i.Id, i.Level, i.Date, i.Inspectors, i.Passed, i.Findings,
                stored.Where(f => f.Category == "inspection:" + i.Id).Select(ToFileView).ToList())).ToList(),
            stored.Where(f => f.Category == "evidence").Select(ToFileView).ToList(),
            a.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new HistoryView(h.At, h.Actor, CampaignApplication.ActionName(h.Action),
                CampaignApplication.StateName(h.From), CampaignApplication.StateName(h.To), h.Remark, h.OverrideReason)).ToList(),
            Enum.GetValues<ApplicationAction>().Where(x => x != ApplicationAction.UpholdObjection && a.Can(x)).ToList(),
            campaign.Deadlines, campaign.PassMark, a.Version);
    }

    internal static FileView ToFileView(StoredFile f) => new(f.Id, f.FileName, f.ContentType, f.Length, f.Category, f.UploadedAt);

    internal static string Region(CampaignApplication a) => a.CountyCode ?? a.CityCode;

    private static ApplicationResult Result(CampaignApplication a) =>
        new(a.Id, a.State, CampaignApplication.StateName(a.State), a.Version);

    private static decimal? LatestScore(CampaignApplication a) =>
        a.ScoreSheets.OrderByDescending(s => s.Level).FirstOrDefault(s => s.IsComplete)?.Total;

    /// <summary>The date the current holder must act by (A8 stage deadlines; a returned application's correction date).</summary>
    internal static DateOnly? DueOn(CampaignApplication a, Campaign c) => a.Deadline(c)?.Date;
}
