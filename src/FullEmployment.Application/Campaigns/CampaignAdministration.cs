using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Notices;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using FullEmployment.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Campaigns;


/// <summary>
/// Creation campaigns (A4, A7): drafts, the A4.2 cycle, quotas (per city; per county in a city's municipal campaign,
/// A4.3), publication with the notice to the cities (or the city's counties), closing.
/// </summary>
public sealed class CampaignAdministration(AppDbContext db, AuditTrail audit, TimeProvider clock, FileStore files)
{
    private ICurrentActor Actor => audit.Actor;

    public async Task<IReadOnlyList<CampaignRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.Workflow);
        var campaigns = await db.Set<Campaign>().AsNoTracking().OrderByDescending(c => c.CreationYear).ThenBy(c => c.Name)
            .ToListAsync(cancellationToken);
        // A national round's progress is its list's (A4.1), not the campaign's draft/published cycle it never goes through.
        var national = await db.Set<NationalRecommendation>().AsNoTracking().ToDictionaryAsync(r => r.CampaignId, r => r.State, cancellationToken);
        return campaigns.Where(Visible).Select(c => new CampaignRow(c.Id, c.Kind, c.Kind.DisplayName(), c.OrganizerRegionCode, c.Name,
            c.CreationYear, c.State,
            c.Kind == CampaignKind.NationalRecommendation && c.State != CampaignState.Closed
                ? NationalRounds.StateName(national.GetValueOrDefault(c.Id, NationalRecommendationState.Draft))
                : Campaign.StateName(c.State),
            c.Deadlines.Application, c.TotalQuota)).ToList();
    }

    public async Task<CampaignView> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.Workflow);
        var campaign = await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return campaign is not null && Visible(campaign) ? await ToViewAsync(campaign, cancellationToken) : throw NotFound();
    }

    public async Task<CampaignView> CreateAsync(NewCampaignInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        string organizer;
        if (input.Kind == CampaignKind.Municipal)
        {
            // A4.3: a city runs municipal creation for its own communities.
            Actor.EnsureRole(Roles.CityOfficer);
            organizer = Actor.ScopeCode!;
        }
        else
        {
            Actor.EnsureRole(Roles.ProvinceOfficer);
            organizer = GansuRegions.ProvinceCode;
        }

        var template = await db.Set<ScoreTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.TemplateVersion == input.TemplateVersion, cancellationToken)
            ?? throw new DomainException($"未找到评分表版本“{input.TemplateVersion}”。", "A6");
        if (template.OwnerRegionCode != GansuRegions.ProvinceCode && template.OwnerRegionCode != organizer)
        {
            throw new DomainException("只能使用省级评分表或本市州的评分表。", "A4.3");
        }

        var cycle = CycleCheck.NotApplicable(input.CreationYear);
        if (input.Kind == CampaignKind.Provincial)
        {
            // A4.2: once every two years unless the province records why.
            var years = await db.Set<Campaign>().Where(c => c.Kind == CampaignKind.Provincial && c.State != CampaignState.Closed)
                .Select(c => c.CreationYear).ToListAsync(cancellationToken);
            cycle = ProvincialCycle.Check(input.CreationYear, years, input.CycleOverrideReason);
        }

        var campaign = new Campaign(input.Kind, organizer, input.Name, input.CreationYear, input.TotalQuota, template,
            new AssessmentPeriod(input.AssessmentFrom, input.AssessmentTo), input.Deadlines, cycle, input.PassMark);
        var regions = await AllocatableRegionsAsync(campaign, cancellationToken);
        if (input.Kind == CampaignKind.Municipal && regions.Count == 1 && regions[0] == organizer)
        {
            // 嘉峪关市 has no counties: its city officers do the county step, so the whole quota sits at the city (ADR 0008).
            campaign.AllocateQuota(organizer, input.TotalQuota);
        }

        db.Add(campaign);
        audit.Record("campaign.create", "campaign", campaign.Id.ToString(), organizer, after: Snapshot(campaign));
        await db.SaveChangesAsync(cancellationToken);
        return await ToViewAsync(campaign, cancellationToken);
    }

    /// <summary>
    /// A7: the province fixes each city's share; A4.3: a city fixes each of its counties' shares in its municipal campaign
    /// (a city without counties holds its quota itself). A region left out gets none.
    /// </summary>
    public async Task<CampaignView> SetQuotasAsync(Guid id, int version, IReadOnlyList<QuotaInput> quotas, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(quotas);
        var campaign = await LoadForOrganizerAsync(id, version, cancellationToken);
        var allowed = await AllocatableRegionsAsync(campaign, cancellationToken);
        foreach (var q in quotas)
        {
            if (!allowed.Contains(q.RegionCode))
            {
                throw campaign.Kind == CampaignKind.Municipal
                    ? new DomainException($"“{q.RegionCode}”不是本市州的县区区划代码。", "A4.3")
                    : new DomainException($"“{q.RegionCode}”不是市州区划代码。", "A7");
            }
        }

        var before = campaign.Allocations.Select(a => new { a.RegionCode, a.Quota }).ToList();
        foreach (var existing in campaign.Allocations.Select(a => a.RegionCode).Except(quotas.Select(q => q.RegionCode)).ToList())
        {
            campaign.AllocateQuota(existing, 0);
        }

        foreach (var q in quotas)
        {
            campaign.AllocateQuota(q.RegionCode, q.Quota);
        }

        db.Touch(campaign);
        audit.Record("campaign.quotas", "campaign", id.ToString(), campaign.OrganizerRegionCode, before,
            campaign.Allocations.Select(a => new { a.RegionCode, a.Quota }).ToList());
        await db.SaveChangesAsync(cancellationToken);
        return await ToViewAsync(campaign, cancellationToken);
    }

    /// <summary>A7: publishing opens the campaign and sends the notice (with its attachment) to every city, or to the city's counties.</summary>
    public async Task<CampaignView> PublishAsync(PublishCampaignInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var campaign = await LoadForOrganizerAsync(input.CampaignId, input.Version, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.NoticeBody))
        {
            throw new DomainException("发布创建批次须填写通知正文。", "A7");
        }

        var now = clock.GetUtcNow();
        campaign.Publish(now);
        var recipients = campaign.Kind == CampaignKind.Municipal
            ? await db.Regions.Where(r => r.ParentCode == campaign.OrganizerRegionCode).Select(r => r.Code).ToListAsync(cancellationToken)
            : await db.Regions.Where(r => r.Level == RegionLevel.City).Select(r => r.Code).ToListAsync(cancellationToken);
        if (campaign.Kind == CampaignKind.Municipal && recipients.Count == 0)
        {
            recipients.Add(campaign.OrganizerRegionCode);
        }

        var message = new Message($"关于开展{campaign.Name}的通知", input.NoticeBody.Trim(), await SenderNameAsync(campaign.OrganizerRegionCode, cancellationToken),
            campaign.OrganizerRegionCode, now, recipients, "campaign", campaign.Id.ToString());
        if (input.Attachment is { } attachment)
        {
            var file = await files.SaveAsync(attachment, "message", message.Id.ToString(), "attachment", Actor.UserName ?? "", cancellationToken);
            db.Add(file);
            message.Attach(file.Id);
        }

        db.Add(message);
        audit.Record("campaign.publish", "campaign", campaign.Id.ToString(), campaign.OrganizerRegionCode,
            after: new { campaign.State, recipients = recipients.Count, warning = campaign.ValidityWarning() });
        await db.SaveChangesAsync(cancellationToken);
        return await ToViewAsync(campaign, cancellationToken);
    }

    public async Task<CampaignView> CloseAsync(CloseCampaignInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var campaign = await LoadForOrganizerAsync(input.CampaignId, input.Version, cancellationToken);
        campaign.Close(input.Reason, clock.GetUtcNow());
        audit.Record("campaign.close", "campaign", campaign.Id.ToString(), campaign.OrganizerRegionCode, after: new { input.Reason });
        await db.SaveChangesAsync(cancellationToken);
        return await ToViewAsync(campaign, cancellationToken);
    }

    public async Task<CampaignView> CompleteAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var campaign = await LoadForOrganizerAsync(id, version, cancellationToken);
        campaign.Complete(clock.GetUtcNow());
        audit.Record("campaign.complete", "campaign", campaign.Id.ToString(), campaign.OrganizerRegionCode);
        await db.SaveChangesAsync(cancellationToken);
        return await ToViewAsync(campaign, cancellationToken);
    }

    internal static object Snapshot(Campaign c) => new
    {
        c.Kind,
        c.OrganizerRegionCode,
        c.Name,
        c.CreationYear,
        c.TotalQuota,
        c.TemplateVersion,
        c.PassMark,
        from = c.AssessmentPeriod.Start,
        to = c.AssessmentPeriod.End,
        c.Deadlines,
        c.CycleOverrideReason,
    };

    private async Task<Campaign> LoadForOrganizerAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        Actor.EnsureRole(Roles.Workflow);
        var campaign = await db.Set<Campaign>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw NotFound();
        var organizer = campaign.Kind == CampaignKind.Municipal
            ? Actor.IsCityOf(campaign.OrganizerRegionCode)
            : Actor.IsInRole(Roles.ProvinceOfficer);
        if (!organizer)
        {
            throw new ForbiddenException("只有组织本批次的省人社厅（市级创建为该市州人社局）可以管理创建批次。");
        }

        db.ExpectVersion(campaign, version);
        return campaign;
    }

    // Drafts are the organiser's; published campaigns are seen by the regions they concern; national rounds are the province's alone (A3.2).
    private bool Visible(Campaign c)
    {
        if (c.Kind == CampaignKind.NationalRecommendation)
        {
            return Actor.IsInRole(Roles.ProvinceOfficer);
        }

        var organizer = c.Kind == CampaignKind.Municipal ? Actor.IsCityOf(c.OrganizerRegionCode) : Actor.IsInRole(Roles.ProvinceOfficer);
        if (organizer || Actor.IsInRole(Roles.ProvinceOfficer))
        {
            return true;
        }

        return c.State != CampaignState.Draft
            && (c.Kind != CampaignKind.Municipal || (Actor.ScopeCode is { Length: >= 4 } s && s[..4] == c.OrganizerRegionCode[..4]));
    }

    /// <summary>The regions that may get a quota: every city (A7), or the organising city's counties, or the city itself where it has none (A4.3).</summary>
    private async Task<IReadOnlyList<string>> AllocatableRegionsAsync(Campaign c, CancellationToken cancellationToken)
    {
        if (c.Kind != CampaignKind.Municipal)
        {
            return await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.City).OrderBy(r => r.Code).Select(r => r.Code)
                .ToListAsync(cancellationToken);
        }

        var counties = await db.Regions.AsNoTracking().Where(r => r.ParentCode == c.OrganizerRegionCode && r.Level == RegionLevel.County)
            .OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(cancellationToken);
        return counties.Count > 0 ? counties : [c.OrganizerRegionCode];
    }

    // Quotas lists every region that may get one (0 where none is allocated), so the allocation form and the API read alike.
    private async Task<CampaignView> ToViewAsync(Campaign c, CancellationToken cancellationToken)
    {
        var names = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        Dictionary<string, int>? forwarded = null;
        if (c.Kind == CampaignKind.Municipal)
        {
            var holding = CampaignApplication.HoldingCountyQuota.ToArray();
            forwarded = (await db.Set<CampaignApplication>().AsNoTracking().Where(a => a.CampaignId == c.Id && holding.Contains(a.State))
                    .Select(CountyStep.RegionSelector<CampaignApplication>(a => a.CityCode, a => a.CountyCode)).ToListAsync(cancellationToken))
                .GroupBy(code => code).ToDictionary(g => g.Key, g => g.Count());
        }

        var quotas = (await AllocatableRegionsAsync(c, cancellationToken))
            .Select(code => new QuotaView(code, names.GetValueOrDefault(code, code), c.Allocations.FirstOrDefault(a => a.RegionCode == code)?.Quota ?? 0,
                forwarded is null ? null : forwarded.GetValueOrDefault(code)))
            .ToList();
        return new CampaignView
        {
            Id = c.Id,
            Kind = c.Kind,
            KindName = c.Kind.DisplayName(),
            OrganizerRegionCode = c.OrganizerRegionCode,
            OrganizerName = names.GetValueOrDefault(c.OrganizerRegionCode, ""),
            Name = c.Name,
            CreationYear = c.CreationYear,
            TotalQuota = c.TotalQuota,
            PassMark = c.PassMark,
            TemplateVersion = c.TemplateVersion,
            AssessmentFrom = c.AssessmentPeriod.Start,
            AssessmentTo = c.AssessmentPeriod.End,
            Deadlines = c.Deadlines,
            State = c.State,
            StateName = Campaign.StateName(c.State),
            CycleOverrideReason = c.CycleOverrideReason,
            PublishedAt = c.PublishedAt,
            CloseReason = c.CloseReason,
            Quotas = quotas,
            ValidityWarning = c.ValidityWarning(),
            FinalStageName = c.FinalStageName,
            Version = c.Version,
        };
    }

    internal async Task<string> SenderNameAsync(string regionCode, CancellationToken cancellationToken) =>
        regionCode == GansuRegions.ProvinceCode
            ? "甘肃省人力资源和社会保障厅"
            : (await db.Regions.AsNoTracking().Where(r => r.Code == regionCode).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken)) + "人力资源和社会保障局";

    private static NotFoundException NotFound() => new("未找到该创建批次，或不在您的管辖范围内。");
}
