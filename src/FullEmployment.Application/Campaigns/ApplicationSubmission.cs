using System.Text.Json;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Campaigns;

/// <summary>
/// A8.1: the community opens its application, fills the form, uploads evidence and submits it to the county (resubmits it
/// after a return, or withdraws it).
/// </summary>
public sealed class ApplicationSubmission(AppDbContext db, AuditTrail audit, FileStore files, IndicatorSnapshots snapshots, ApplicationSteps steps)
{
    private static readonly ApplicationState[] Live =
    [
        ApplicationState.Draft, ApplicationState.Submitted, ApplicationState.ReturnedToCommunity, ApplicationState.ForwardedToCity,
        ApplicationState.ReturnedToCounty, ApplicationState.Recommended, ApplicationState.ForwardedToProvince, ApplicationState.Proposed,
        ApplicationState.Certified,
    ];

    private ICurrentActor Actor => steps.Actor;

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

        CampaignApplication.EnsureEligible(campaign.Kind, await steps.EligibilityAsync(community, campaign, cancellationToken));
        if (await db.Set<CampaignApplication>().AnyAsync(a => a.CampaignId == campaign.Id && a.CommunityId == community.Id && Live.Contains(a.State),
            cancellationToken))
        {
            throw new DomainException("本社区在该批次中已有申报，不能重复申报。", "A8.1");
        }

        var application = new CampaignApplication(campaign, community.Id, community.Code, community.Name, community.CityCode, community.CountyCode,
            steps.ActorName, steps.Now);
        var preview = await snapshots.TakeAsync(community, campaign.AssessmentPeriod, steps.Today, cancellationToken);
        application.OpenScoreSheet(ReviewLevel.Self, await steps.TemplateAsync(campaign, cancellationToken), preview.Input);
        db.Add(application);
        db.Add(new ApplicationDossier { ApplicationId = application.Id, FormJson = JsonSerializer.Serialize(ApplicationForm.Empty, ApplicationSteps.Json) });
        audit.Record("application.start", "application", application.Id.ToString(), ApplicationSteps.Region(application),
            after: new { campaign = campaign.Id, community = community.Code });
        await db.SaveChangesAsync(cancellationToken);
        return ApplicationSteps.Result(application);
    }

    public Task<ApplicationResult> SaveFormAsync(SaveFormInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.EditAsync(input.ApplicationId, input.Version, "application.form", (a, c) => steps.Holds(ReviewLevel.Self, a, c),
            "只有申报社区可以填写申报表。", async (a, _) =>
            {
                ApplicationSteps.EnsureCommunityHolds(a);
                var dossier = await steps.DossierAsync(a.Id, cancellationToken);
                var stored = JsonSerializer.Deserialize<ApplicationForm>(dossier.FormJson, ApplicationSteps.Json) ?? ApplicationForm.Empty;
                // The form is shown with the phone masked: the mask sent back unchanged keeps the stored number.
                var phone = PhoneMask.Resolve(input.Form.ContactPhone, stored.ContactPhone);
                PhoneMask.EnsureNotMasked(phone);
                var form = input.Form with { ContactPhone = phone };
                dossier.FormJson = JsonSerializer.Serialize(form, ApplicationSteps.Json);
                if (input.NarrativeFile is { } narrative)
                {
                    var file = await files.SaveAsync(narrative, "application", a.Id.ToString(), "narrative", steps.ActorName, cancellationToken);
                    db.Add(file);
                    dossier.NarrativeFileId = file.Id;
                }

                return new { input.Form.Households, input.Form.Population, staff = input.Form.Staff.Count, narrativeFile = input.NarrativeFile?.FileName };
            }, cancellationToken);
    }

    public Task<ApplicationResult> UploadEvidenceAsync(EvidenceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.EditAsync(input.ApplicationId, input.Version, "application.evidence", (a, c) => steps.Holds(ReviewLevel.Self, a, c),
            "只有申报社区可以上传佐证材料。", async (a, _) =>
            {
                ApplicationSteps.EnsureCommunityHolds(a);
                var file = await files.SaveAsync(input.File, "application", a.Id.ToString(), input.Category, steps.ActorName, cancellationToken);
                db.Add(file);
                return new { file.Id, file.FileName, file.Length, file.Sha256 };
            }, cancellationToken);
    }

    /// <summary>A8.1: freezes the indicator snapshot, recomputes the self-assessment's auto items from it, and submits.</summary>
    public Task<ApplicationResult> SubmitAsync(ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.MoveAsync(input.ApplicationId, input.Version, "application.submit", ApplicationAction.Submit, input.OverrideReason,
            "只有申报社区可以提交申报。", async (a, campaign) =>
            {
                var community = await db.Communities.Include(c => c.Titles).SingleAsync(c => c.Id == a.CommunityId, cancellationToken);
                var snapshot = await snapshots.TakeAsync(community, campaign.AssessmentPeriod, steps.Today, cancellationToken);
                var previous = a.SheetFor(ReviewLevel.Self);
                if (previous is not null && a.Can(ApplicationAction.Submit))
                {
                    var sheet = a.OpenScoreSheet(ReviewLevel.Self, await steps.TemplateAsync(campaign, cancellationToken), snapshot.Input);
                    CarryOver(previous, sheet);
                }

                a.Submit(campaign, await steps.EligibilityAsync(community, campaign, cancellationToken), steps.ActorName, steps.Now, input.OverrideReason);
                var dossier = await steps.DossierAsync(a.Id, cancellationToken);
                dossier.SnapshotJson = JsonSerializer.Serialize(snapshot, ApplicationSteps.Json);
                dossier.SnapshotTakenAt = steps.Now;
                return new { snapshot.Input, total = a.SheetFor(ReviewLevel.Self)!.Total };
            }, cancellationToken);
    }

    public Task<ApplicationResult> WithdrawAsync(ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.MoveAsync(input.ApplicationId, input.Version, "application.withdraw", ApplicationAction.Withdraw, null,
            "只有申报社区可以撤回申报。", (a, _) =>
            {
                a.Withdraw(steps.ActorName, steps.Now, input.Remark);
                return Task.FromResult<object?>(new { input.Remark });
            }, cancellationToken);
    }

    public Task<ApplicationResult> ResubmitAsync(ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.MoveAsync(input.ApplicationId, input.Version, "application.resubmit", ApplicationAction.Resubmit, input.OverrideReason,
            "只有申报社区可以重新提交。", (a, campaign) =>
            {
                a.Resubmit(campaign, steps.ActorName, steps.Now, input.OverrideReason);
                return Task.FromResult<object?>(null);
            }, cancellationToken);
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
}
