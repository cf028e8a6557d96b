using System.Text.Json;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Campaigns;

/// <summary>Applications as their readers see them (A8), within the reader's region; the view says what this reader may do now.</summary>
public sealed class ApplicationQueries(AppDbContext db, AuditTrail audit, FileStore files, IndicatorSnapshots snapshots, ApplicationSteps steps)
{
    private ICurrentActor Actor => steps.Actor;

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
            a.CityCode, a.CountyCode, a.State, CampaignApplication.StateName(a.State), LatestScore(a),
            ApplicationSteps.DueOn(a, campaigns[a.CampaignId]), a.Version)).ToList();
        return new PagedResult<ApplicationRow>(rows, total, page.SafePage, page.SafePageSize);
    }

    public async Task<ApplicationView> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.Workflow);
        var application = await ApplicationSteps.Load(db.Set<CampaignApplication>().AsNoTracking()).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
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

    private async Task<ApplicationForm> StoredFormAsync(Guid applicationId, CancellationToken cancellationToken) =>
        await db.Set<ApplicationDossier>().AsNoTracking().Where(d => d.ApplicationId == applicationId).Select(d => d.FormJson)
            .FirstOrDefaultAsync(cancellationToken) is { } json ? JsonSerializer.Deserialize<ApplicationForm>(json, ApplicationSteps.Json) ?? ApplicationForm.Empty
            : ApplicationForm.Empty;

    private IQueryable<CampaignApplication> Scoped(IQueryable<CampaignApplication> query)
    {
        Actor.EnsureRole(Roles.Workflow);
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
        var template = await steps.TemplateAsync(campaign, cancellationToken);
        var dossier = await db.Set<ApplicationDossier>().AsNoTracking().FirstOrDefaultAsync(d => d.ApplicationId == a.Id, cancellationToken);
        var stored = await db.Set<StoredFile>().AsNoTracking().Where(f => f.OwnerType == "application" && f.OwnerId == a.Id.ToString())
            .OrderBy(f => f.UploadedAt).ToListAsync(cancellationToken);
        var community = await db.Communities.AsNoTracking().Include(c => c.Titles).SingleAsync(c => c.Id == a.CommunityId, cancellationToken);
        var today = steps.Today;
        var frozen = dossier?.SnapshotJson is { } json ? JsonSerializer.Deserialize<IndicatorSnapshot>(json, ApplicationSteps.Json) : null;
        var indicators = frozen ?? await snapshots.TakeAsync(community, campaign.AssessmentPeriod, today, cancellationToken);
        var form = dossier is null ? ApplicationForm.Empty
            : JsonSerializer.Deserialize<ApplicationForm>(dossier.FormJson, ApplicationSteps.Json) ?? ApplicationForm.Empty;
        var texts = template.Items.ToDictionary(i => i.Number, i => i.Text);
        return new ApplicationView
        {
            Id = a.Id,
            CampaignId = a.CampaignId,
            CampaignName = campaign.Name,
            CampaignKind = a.CampaignKind,
            CommunityId = a.CommunityId,
            CommunityCode = a.CommunityCode,
            CommunityName = a.CommunityName,
            CityCode = a.CityCode,
            CountyCode = a.CountyCode,
            State = a.State,
            StateName = CampaignApplication.StateName(a.State),
            CorrectionDueDate = a.CorrectionDueDate,
            RejectionReasons = a.RejectionReasons,
            CertificationDocumentNumber = a.CertificationDocumentNumber,
            PlaqueNumber = a.PlaqueNumber,
            CertifiedOn = a.CertifiedOn,
            DisqualificationReason = a.DisqualificationReason,
            // docs/reference/design.md "Personal data": pages and the API show the phone masked; RevealContactPhoneAsync shows it, audited.
            Form = form with { ContactPhone = PhoneMask.Mask(form.ContactPhone) is { Length: > 0 } masked ? masked : null },
            NarrativeFile = stored.Where(f => f.Id == dossier?.NarrativeFileId).Select(FileView.Of).FirstOrDefault(),
            Headline = new HeadlineFigures(community.HasCivilAffairsFiling, community.HasFiledMunicipalTitleOn(today),
                community.HighestTitleOn(today)?.Level.DisplayName(), frozen is not null, indicators),
            Sheets = a.ScoreSheets.OrderBy(s => s.Level).Select(s => new ScoreSheetView(s.Level, CampaignApplication.LevelName(s.Level), s.Total,
                s.IsComplete, s.GatesMet, s.Passes(campaign.PassMark), s.IsLocked, s.Lines.Select(l => new ScoreLineView(l.Number,
                    texts.GetValueOrDefault(l.Number, ""), l.MaxPoints, l.Mode, l.IsGate, l.GateMet, l.ComputedScore, l.Score, l.OverrideReason,
                    l.Remark)).ToList())).ToList(),
            Inspections = a.Inspections.OrderBy(i => i.Date).Select(i => new InspectionView(i.Id, i.Level, i.Date, i.Inspectors, i.Passed, i.Findings,
                stored.Where(f => f.Category == "inspection:" + i.Id).Select(FileView.Of).ToList())).ToList(),
            Evidence = stored.Where(f => f.Category == "evidence").Select(FileView.Of).ToList(),
            History = a.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new HistoryView(h.At, h.Actor, CampaignApplication.ActionName(h.Action),
                CampaignApplication.StateName(h.From), CampaignApplication.StateName(h.To), h.Remark, h.OverrideReason)).ToList(),
            Options = a.OptionsFor(Actor.AsCampaignActor(), campaign, steps.Now),
            OverriderName = campaign.OverriderName,
            Deadlines = campaign.Deadlines,
            PassMark = campaign.PassMark,
            Version = a.Version,
        };
    }

    private static decimal? LatestScore(CampaignApplication a) =>
        a.ScoreSheets.OrderByDescending(s => s.Level).FirstOrDefault(s => s.IsComplete)?.Total;
}
