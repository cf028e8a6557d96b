using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Notices;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Campaigns;


/// <summary>
/// The city's recommendation lists (A8.3) and the province's proposed list (A8.4): public notice, objections,
/// sending up, and certification with the title, the public announcement and the notifications. In a municipal
/// campaign the organising city's list is the last one: it certifies from it with the municipal title (A4.3).
/// </summary>
public sealed class CandidateLists(AppDbContext db, AuditTrail audit, TimeProvider clock, WorkingCalendar calendar, CampaignAdministration campaigns)
{
    private ICurrentActor Actor => audit.Actor;

    private DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IReadOnlyList<CandidateListView>> ListForCampaignAsync(Guid campaignId, CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.ProvinceOfficer, Roles.CityOfficer);
        var lists = await Query(db.Set<CandidateList>().AsNoTracking()).Where(l => l.CampaignId == campaignId).ToListAsync(cancellationToken);
        var views = new List<CandidateListView>();
        foreach (var list in lists.Where(MayRead))
        {
            views.Add(await ToViewAsync(list, cancellationToken));
        }

        return views;
    }

    public async Task<CandidateListView> GetAsync(Guid listId, CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.ProvinceOfficer, Roles.CityOfficer);
        var list = await Query(db.Set<CandidateList>().AsNoTracking()).FirstOrDefaultAsync(l => l.Id == listId, cancellationToken);
        return list is not null && MayRead(list) ? await ToViewAsync(list, cancellationToken) : throw new NotFoundException("未找到该名单，或不在您的管辖范围内。");
    }

    /// <summary>A8.3, A8.4: the notice's period is counted in working days on the province's calendar.</summary>
    public async Task<CandidateListView> PublishNoticeAsync(PublishNoticeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (list, _) = await LoadForOwnerAsync(input.ListId, input.Version, cancellationToken);
        if (input.StartDate < ChinaTime.Today(clock))
        {
            throw new DomainException("公示开始日期不能早于今天。", list.Subject == NoticeSubject.CityRecommendationList ? "A8.3" : "A8.4");
        }

        var notice = list.PublishNotice(input.Title, input.StartDate, input.WorkingDays, await calendar.LoadAsync(cancellationToken));
        db.Touch(list);
        audit.Record("notice.publish", "candidate-list", list.Id.ToString(), RegionOf(list),
            after: new { notice.Title, notice.StartDate, notice.WorkingDays, notice.LastDay, entries = list.Entries.Count });
        await db.SaveChangesAsync(cancellationToken);
        return await ToViewAsync(list, cancellationToken);
    }

    /// <summary>Upheld: the candidate leaves the list (A8.3, A8.4); dismissed: it stays. Either way with a reply.</summary>
    public async Task<CandidateListView> AnswerObjectionAsync(AnswerObjectionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (list, _) = await LoadForOwnerAsync(input.ListId, input.Version, cancellationToken);
        var objection = list.Notice?.Objections.FirstOrDefault(o => o.Id == input.ObjectionId)
            ?? throw new NotFoundException("未找到该异议。");
        if (input.Uphold)
        {
            var candidate = await db.Set<CampaignApplication>().SingleAsync(a => a.Id == objection.CandidateApplicationId, cancellationToken);
            list.UpholdObjection(candidate, objection.Id, input.Reply, Actor.UserName ?? "", Now);
            db.Touch(candidate);
        }
        else
        {
            list.DismissObjection(objection.Id, input.Reply, Actor.UserName ?? "", Now);
        }

        db.Touch(list);
        audit.Record(input.Uphold ? "objection.uphold" : "objection.dismiss", "objection", objection.Id.ToString(), RegionOf(list),
            after: new { list = list.Id, objection.CandidateApplicationId, input.Reply });
        await db.SaveChangesAsync(cancellationToken);
        return await ToViewAsync(list, cancellationToken);
    }

    /// <summary>
    /// After the notice has closed with every objection answered: the city's list goes to the province with each
    /// candidate forwarded (A8.3); the province's list, or a municipal campaign's city list (A4.3), becomes ready for certification.
    /// </summary>
    public async Task<CandidateListView> SendUpAsync(SendUpInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (list, campaign) = await LoadForOwnerAsync(input.ListId, input.Version, cancellationToken, input.OverrideReason);
        list.SendUp(Now);
        if (list is RecommendationList cityList && campaign.HasProvinceStep)
        {
            var ids = list.Entries.Select(e => e.ApplicationId).ToList();
            foreach (var application in await db.Set<CampaignApplication>().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken))
            {
                application.ForwardToProvince(campaign, cityList, Actor.UserName ?? "", Now, input.OverrideReason);
                db.Touch(application);
            }
        }

        db.Touch(list);
        audit.Record("list.send-up", "candidate-list", list.Id.ToString(), RegionOf(list),
            after: new { entries = list.Entries.Select(e => e.CommunityCode).ToList(), input.OverrideReason });
        await db.SaveChangesAsync(cancellationToken);
        return await ToViewAsync(list, cancellationToken);
    }

    /// <summary>
    /// A8.4: certifies every candidate left on the campaign's final list once it is sent up (the province's proposed list;
    /// in a municipal campaign the organising city's recommendation list, A4.3): the title on the community (A10: the
    /// province for provincial titles, the organising city for municipal ones), a public announcement, and notices to the
    /// city, county and community. The list is then closed, so a second certification is refused.
    /// </summary>
    public async Task<CandidateListView> CertifyAsync(CertifyInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (list, campaign) = await LoadForOwnerAsync(input.ListId, input.Version, cancellationToken, input.OverrideReason);
        var clause = campaign.HasProvinceStep ? "A8.4" : "A4.3";
        list.EnsureMayCertify(campaign);

        var level = campaign.Kind == CampaignKind.Municipal ? TitleLevel.Municipal : TitleLevel.Provincial;
        TitleAuthority.EnsureMayManage(Actor.Role ?? "", level);
        var plaques = input.Plaques.ToDictionary(p => p.ApplicationId, p => p.PlaqueNumber);
        var ids = list.Entries.Select(e => e.ApplicationId).ToList();
        var applications = await db.Set<CampaignApplication>().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        var authority = await campaigns.SenderNameAsync(campaign.OrganizerRegionCode, cancellationToken);
        var waiting = campaign.HasProvinceStep ? ApplicationState.Proposed : ApplicationState.Recommended;
        var entries = new List<AnnouncementEntry>();
        foreach (var application in applications.Where(a => a.State == waiting).OrderBy(a => a.CommunityCode))
        {
            var plaque = plaques.GetValueOrDefault(application.Id)
                ?? throw new DomainException($"请为{application.CommunityName}填写标牌编号。", clause);
            application.Certify(campaign, list, input.DocumentNumber, plaque, Actor.UserName ?? "", Now, input.OverrideReason);
            db.Touch(application);
            var community = await db.Communities.Include(c => c.Titles).SingleAsync(c => c.Id == application.CommunityId, cancellationToken);
            community.GrantTitle(level, authority, input.DocumentNumber, application.CertifiedOn!.Value, plaque);
            entries.Add(new AnnouncementEntry(community.Code, community.Name, community.CityCode, community.CountyCode, plaque));
            db.Add(new Message($"{community.Name}已被认定为{level.DisplayName()}充分就业社区",
                $"根据{input.DocumentNumber}，{community.Name}已被认定为{level.DisplayName()}充分就业社区，标牌编号{plaque}。", authority,
                campaign.OrganizerRegionCode, Now, new[] { community.CityCode, community.CountyCode, community.Code }.OfType<string>(),
                "application", application.Id.ToString()));
        }

        if (entries.Count == 0)
        {
            throw new DomainException("名单中没有待认定的社区。", clause);
        }

        list.RecordCertification(campaign, input.DocumentNumber, Now);
        var steps = campaign.HasProvinceStep ? "社区申报、县区初审、市州评定和公示、省级审核和公示" : "社区申报、县区初审、市州评定和公示";
        var announcement = new Announcement(campaign.Id, level, $"关于认定{campaign.Name}{level.DisplayName()}充分就业社区的公告",
            $"经{steps}，{authority}认定以下{entries.Count}个社区为{level.DisplayName()}充分就业社区。",
            input.DocumentNumber.Trim(), Now, entries);
        db.Add(announcement);
        db.Touch(list);
        audit.Record("list.certify", "candidate-list", list.Id.ToString(), RegionOf(list),
            after: new { input.DocumentNumber, communities = entries.Select(e => new { e.CommunityCode, e.PlaqueNumber }), announcement = announcement.Id });
        await db.SaveChangesAsync(cancellationToken);
        return await ToViewAsync(list, cancellationToken);
    }

    internal static async Task<RecommendationList> CityListAsync(AppDbContext db, Campaign campaign, string cityCode, CancellationToken cancellationToken)
    {
        var list = await db.Set<RecommendationList>().Include(l => l.Notice).ThenInclude(n => n!.Objections)
            .FirstOrDefaultAsync(l => l.CampaignId == campaign.Id && l.CityCode == cityCode, cancellationToken);
        if (list is null)
        {
            list = new RecommendationList(campaign, cityCode);
            db.Add(list);
        }

        return list;
    }

    internal static async Task<ProposedList> ProposedListAsync(AppDbContext db, Campaign campaign, CancellationToken cancellationToken)
    {
        var list = await db.Set<ProposedList>().Include(l => l.Notice).ThenInclude(n => n!.Objections)
            .FirstOrDefaultAsync(l => l.CampaignId == campaign.Id, cancellationToken);
        if (list is null)
        {
            list = new ProposedList(campaign);
            db.Add(list);
        }

        return list;
    }

    internal static IQueryable<CandidateList> Query(IQueryable<CandidateList> lists) =>
        lists.Include(l => l.Notice).ThenInclude(n => n!.Objections).AsSplitQuery();

    private async Task<(CandidateList List, Campaign Campaign)> LoadForOwnerAsync(Guid listId, int version, CancellationToken cancellationToken,
        string? overrideReason = null)
    {
        Actor.EnsureRole(Roles.Workflow);
        var list = await Query(db.Set<CandidateList>()).FirstOrDefaultAsync(l => l.Id == listId, cancellationToken)
            ?? throw new NotFoundException("未找到该名单。");
        var campaign = await db.Set<Campaign>().SingleAsync(c => c.Id == list.CampaignId, cancellationToken);
        CampaignAccess.EnsureNotRefused(list.RefusalOf(Actor.AsCampaignActor(), campaign, Now, overrideReason));
        db.ExpectVersion(list, version);
        return (list, campaign);
    }

    private bool MayRead(CandidateList list) =>
        Actor.IsInRole(Roles.ProvinceOfficer) || (list is RecommendationList city && Actor.IsCityOf(city.CityCode));

    private static string? RegionOf(CandidateList list) => list is RecommendationList city ? city.CityCode : null;

    private async Task<CandidateListView> ToViewAsync(CandidateList list, CancellationToken cancellationToken)
    {
        var campaign = await db.Set<Campaign>().AsNoTracking().SingleAsync(c => c.Id == list.CampaignId, cancellationToken);
        var notice = list.Notice;
        NoticeView? noticeView = null;
        var objections = new List<ObjectionView>();
        if (notice is not null)
        {
            var cal = await calendar.LoadAsync(cancellationToken);
            noticeView = new NoticeView(notice.Id, notice.Title, notice.StartDate, notice.LastDay, notice.WorkingDays, notice.ClosesAt,
                notice.IsOpen(Now), notice.HasClosed(Now), SafeWorkingDaysLeft(notice, cal));
            var ids = notice.Objections.Select(o => o.Id.ToString()).ToList();
            var stored = await db.Set<StoredFile>().AsNoTracking().Where(f => f.OwnerType == "objection" && ids.Contains(f.OwnerId))
                .ToListAsync(cancellationToken);
            var candidateIds = notice.Objections.Select(o => o.CandidateApplicationId).Distinct().ToList();
            var names = await db.Set<CampaignApplication>().AsNoTracking().Where(a => candidateIds.Contains(a.Id))
                .ToDictionaryAsync(a => a.Id, a => a.CommunityName, cancellationToken);
            objections = notice.Objections.OrderBy(o => o.SubmittedAt).Select(o => new ObjectionView(o.Id, o.CandidateApplicationId,
                names.GetValueOrDefault(o.CandidateApplicationId, ""), o.Objector, FullEmployment.Domain.Ledgers.PhoneMask.Mask(o.ObjectorPhone), o.Content, o.SubmittedAt,
                o.Status, o.Reply, o.AnsweredAt, stored.Where(f => f.OwnerId == o.Id.ToString()).Select(FileView.Of).ToList())).ToList();
        }

        CertificationView? certification = null;
        if (list.State == CandidateListState.Certified)
        {
            var ids = list.Entries.Select(e => e.ApplicationId).ToList();
            var certified = await db.Set<CampaignApplication>().AsNoTracking().Where(a => ids.Contains(a.Id) && a.State == ApplicationState.Certified)
                .OrderBy(a => a.CommunityCode).ToListAsync(cancellationToken);
            var announcementId = await db.Set<Announcement>().AsNoTracking()
                .Where(a => a.CampaignId == campaign.Id && a.DocumentNumber == list.CertificationDocumentNumber).Select(a => (Guid?)a.Id)
                .FirstOrDefaultAsync(cancellationToken);
            certification = new CertificationView(list.CertificationDocumentNumber!, list.CertifiedAt!.Value,
                (campaign.HasProvinceStep ? TitleLevel.Provincial : TitleLevel.Municipal).DisplayName(), announcementId,
                certified.Select(a => new CertifiedCommunityView(a.Id, a.CommunityCode, a.CommunityName, a.PlaqueNumber ?? "")).ToList());
        }

        var actor = Actor.AsCampaignActor();
        return new CandidateListView
        {
            Id = list.Id,
            CampaignId = list.CampaignId,
            CampaignName = campaign.Name,
            CampaignKind = campaign.Kind,
            Subject = list.Subject,
            CityCode = (list as RecommendationList)?.CityCode,
            Quota = list.Quota,
            State = list.State,
            // A final list sent up goes nowhere: it is fixed for certification.
            StateName = list.State == CandidateListState.SentUp && list.IsFinalFor(campaign) ? "已确定" : StateName(list.State),
            Entries = list.Entries.OrderBy(e => e.Rank).Select(e => new ListEntryView(e.Rank, e.ApplicationId, e.CommunityCode, e.CommunityName,
                e.CountyCode, e.Score)).ToList(),
            Notice = noticeView,
            Objections = objections,
            SentUpAt = list.SentUpAt,
            IsFinal = list.IsFinalFor(campaign),
            Certification = certification,
            IsOwner = list.IsOwnedBy(actor, campaign),
            SendUp = list.SendUpPermit(actor, campaign, Now),
            SendUpBlocker = list.SendUpBlocker(Now),
            Certify = list.CertifyPermit(actor, campaign, Now),
            OverriderName = campaign.OverriderName,
            Version = list.Version,
        };
    }

    // A notice running into a year without a calendar still shows; its days left are unknown (0) until the year is entered.
    internal int SafeWorkingDaysLeft(PublicNotice notice, WorkingDayCalendar cal)
    {
        try
        {
            return notice.WorkingDaysLeft(Now, cal);
        }
        catch (DomainException)
        {
            return 0;
        }
    }

    public static string StateName(CandidateListState state) => state switch
    {
        CandidateListState.Draft => "拟定中",
        CandidateListState.UnderNotice => "公示中",
        CandidateListState.Certified => "已认定",
        _ => "已报送",
    };
}
