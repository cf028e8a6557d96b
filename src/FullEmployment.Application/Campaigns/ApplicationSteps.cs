using System.Text.Json;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Campaigns;

/// <summary>
/// What every application use case (A8.1–A8.4) shares: loading the application with its campaign, checking role and the
/// application's region, then who may act (<see cref="CampaignApplication.RefusalOf"/>), then the version the user saw,
/// and auditing in the same SaveChanges.
/// </summary>
public sealed class ApplicationSteps(AppDbContext db, AuditTrail audit, TimeProvider clock, IndicatorSnapshots snapshots)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal ICurrentActor Actor => audit.Actor;

    internal string ActorName => Actor.UserName ?? "";

    internal DateTimeOffset Now => clock.GetUtcNow();

    internal DateOnly Today => ChinaTime.Today(clock);

    internal static IQueryable<CampaignApplication> Load(IQueryable<CampaignApplication> query) =>
        query.Include(a => a.ScoreSheets).Include(a => a.Inspections).Include(a => a.History).AsSplitQuery();

    internal async Task<ApplicantEligibility> EligibilityAsync(Community community, Campaign campaign, CancellationToken cancellationToken) =>
        new(community.EnsureMayApply().HasCivilAffairsFiling, community.HasFiledMunicipalTitleOn(Today),
            await db.Set<CampaignApplication>().AnyAsync(a => a.CampaignId == campaign.Id && a.CommunityId == community.Id
                && a.State == ApplicationState.Disqualified, cancellationToken),
            community.TitlesInForceOn(Today).Any(t => t.Level == TitleLevel.Municipal));

    /// <summary>
    /// A workflow move: the domain says whether this actor may make it now (the stage's officer before the deadline, the
    /// organiser with a reason after it), the same rule the page's <see cref="ApplicationView.Options"/> shows.
    /// </summary>
    internal Task<ApplicationResult> MoveAsync(Guid id, int version, string auditAction, ApplicationAction move, string? overrideReason,
        string refusal, Func<CampaignApplication, Campaign, Task<object?>> act, CancellationToken cancellationToken) =>
        ActAsync(id, version, auditAction, (a, c) => a.RefusalOf(move, Actor.AsCampaignActor(), c, Now, overrideReason, refusal), overrideReason,
            act, cancellationToken);

    /// <summary>An edit that is no move (form, evidence, a sheet, an inspection): only the level's own officer, no late reason.</summary>
    internal Task<ApplicationResult> EditAsync(Guid id, int version, string auditAction, Func<CampaignApplication, Campaign, bool> isStageActor,
        string refusal, Func<CampaignApplication, Campaign, Task<object?>> act, CancellationToken cancellationToken) =>
        ActAsync(id, version, auditAction, (a, c) => isStageActor(a, c) ? null : refusal, null, act, cancellationToken);

    internal bool Holds(ReviewLevel level, CampaignApplication a, Campaign c) => Actor.AsCampaignActor().Holds(level, a, c);

    internal async Task<ApplicationDossier> DossierAsync(Guid applicationId, CancellationToken cancellationToken) =>
        await db.Set<ApplicationDossier>().FirstOrDefaultAsync(d => d.ApplicationId == applicationId, cancellationToken)
        ?? throw new NotFoundException("未找到申报表。");

    internal async Task<ScoreTemplate> TemplateAsync(Campaign campaign, CancellationToken cancellationToken) =>
        await db.Set<ScoreTemplate>().AsNoTracking().SingleAsync(t => t.TemplateVersion == campaign.TemplateVersion, cancellationToken);

    internal async Task<IndicatorSnapshot> SnapshotAsync(int communityId, Campaign campaign, CancellationToken cancellationToken)
    {
        var community = await db.Communities.Include(c => c.Titles).SingleAsync(c => c.Id == communityId, cancellationToken);
        return await snapshots.TakeAsync(community, campaign.AssessmentPeriod, Today, cancellationToken);
    }

    internal static void EnsureCommunityHolds(CampaignApplication a)
    {
        if (a.State is not (ApplicationState.Draft or ApplicationState.ReturnedToCommunity))
        {
            throw new DomainException($"申报当前为“{CampaignApplication.StateName(a.State)}”，不能修改申报材料。", "A8.1");
        }
    }

    internal static string Region(CampaignApplication a) => CountyStep.RegionOf(a.CityCode, a.CountyCode);

    internal static ApplicationResult Result(CampaignApplication a) =>
        new(a.Id, a.State, CampaignApplication.StateName(a.State), a.Version);

    /// <summary>The date the current holder must act by (A8 stage deadlines; a returned application's correction date).</summary>
    internal static DateOnly? DueOn(CampaignApplication a, Campaign c) => a.Deadline(c)?.Date;

    private async Task<ApplicationResult> ActAsync(Guid id, int version, string action, Func<CampaignApplication, Campaign, string?> refusalOf,
        string? overrideReason, Func<CampaignApplication, Campaign, Task<object?>> act, CancellationToken cancellationToken)
    {
        Actor.EnsureRole(Roles.Workflow);
        var application = await Load(db.Set<CampaignApplication>()).FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException("未找到该申报。");
        var campaign = await db.Set<Campaign>().SingleAsync(c => c.Id == application.CampaignId, cancellationToken);
        if (!Actor.IsInRole(Roles.ProvinceOfficer) && !Actor.Covers(application))
        {
            throw new ForbiddenException("该申报不在您的管辖范围内。");
        }

        CampaignAccess.EnsureNotRefused(refusalOf(application, campaign));
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
}
