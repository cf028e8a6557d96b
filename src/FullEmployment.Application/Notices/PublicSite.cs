using FullEmployment.Application.Audit;
using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Regions;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Notices;


/// <summary>A candidate as the public sees it: community name and region only, never personal data.</summary>
public sealed record PublicCandidate(Guid CandidateId, int Rank, string CommunityName, string CityName, string? CountyName);

public sealed record PublicNoticeView(Guid Id, string Title, string CampaignName, string Stage, DateOnly StartDate, DateOnly LastDay,
    int WorkingDays, int WorkingDaysLeft, bool IsOpen, DateTimeOffset ClosesAt, IReadOnlyList<PublicCandidate> Candidates);

/// <summary>A8.3, A8.4: name and phone are required so the objection can be answered; the phone is never shown publicly.</summary>
public sealed record ObjectionSubmission(Guid NoticeId, Guid CandidateId, string Name, string Phone, string Content, FileUpload? File = null);

public sealed record ObjectionReceipt(Guid Id, DateTimeOffset SubmittedAt);

public sealed record AnnouncedCommunity(string CommunityName, string CityName, string? CountyName, string? PlaqueNumber);

public sealed record AnnouncementView(Guid Id, string Title, string Body, string Level, string DocumentNumber, DateTimeOffset PublishedAt,
    IReadOnlyList<AnnouncedCommunity> Communities);

public sealed record DirectoryFilter(TitleLevel? Level = null, string? RegionCode = null, int? Year = null);

public sealed record DirectoryRow(string CommunityName, string CityName, string? CountyName, string Level, DateOnly GrantedOn, string DocumentNumber,
    string? PlaqueNumber);

/// <summary>The public site (/public): notices, objections, announcements and the directory of titled communities. No login.</summary>
public sealed class PublicSite(AppDbContext db, AuditTrail audit, TimeProvider clock, WorkingCalendar calendar, FileStore files, RegionCache regionCache)
{
    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Notices open now (00:00 of the start date to 24:00 of the last working day, China time).</summary>
    public async Task<IReadOnlyList<PublicNoticeView>> OpenNoticesAsync(CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(clock);
        return await NoticesAsync(l => l.Notice!.StartDate <= today && l.Notice.LastDay >= today, cancellationToken);
    }

    public async Task<IReadOnlyList<PublicNoticeView>> PastNoticesAsync(CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(clock);
        return await NoticesAsync(l => l.Notice!.LastDay < today, cancellationToken);
    }

    public async Task<PublicNoticeView> GetNoticeAsync(Guid noticeId, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(clock);
        var found = await NoticesAsync(l => l.Notice!.Id == noticeId && l.Notice.StartDate <= today, cancellationToken);
        return found.Count == 1 ? found[0] : throw new NotFoundException("未找到该公示。");
    }

    /// <summary>Takes an objection while the notice is open, to the minute in China time; refused after it closes.</summary>
    public async Task<ObjectionReceipt> SubmitObjectionAsync(ObjectionSubmission input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var list = await CandidateLists.Query(db.Set<CandidateList>()).FirstOrDefaultAsync(l => l.Notice!.Id == input.NoticeId, cancellationToken)
            ?? throw new NotFoundException("未找到该公示。");
        var clause = list.Subject == NoticeSubject.CityRecommendationList ? "A8.3" : "A8.4";
        EnsureWithinLimits(input);
        if (string.IsNullOrWhiteSpace(input.Name) || string.IsNullOrWhiteSpace(input.Phone))
        {
            throw new DomainException("提出异议须填写真实姓名和联系电话，以便答复。", clause);
        }

        if (!input.Phone.Trim().All(c => char.IsAsciiDigit(c) || c == '-') || input.Phone.Trim().Length is < 7 or > 20)
        {
            throw new DomainException("联系电话格式不正确。", clause);
        }

        var objection = list.SubmitObjection(input.CandidateId, input.Name, input.Content, Now, input.Phone);
        if (input.File is { } file)
        {
            db.Add(await files.SaveAsync(file, "objection", objection.Id.ToString(), "attachment", "public", cancellationToken));
        }

        audit.Record("objection.submit", "objection", objection.Id.ToString(), (list as RecommendationList)?.CityCode,
            after: new { notice = input.NoticeId, candidate = input.CandidateId, objector = input.Name.Trim(), phone = FullEmployment.Domain.Ledgers.PhoneMask.Mask(input.Phone) });
        await db.SaveChangesAsync(cancellationToken);
        return new ObjectionReceipt(objection.Id, objection.SubmittedAt);
    }

    /// <summary>The page's form limits, for every caller (the API had none): each field too long is named, its value not echoed.</summary>
    private static void EnsureWithinLimits(ObjectionSubmission input)
    {
        var errors = new List<InputError>();
        if (input.Name?.Length > ObjectionLimits.NameLength)
        {
            errors.Add(new InputError(null, null, "name", null, ObjectionLimits.NameTooLong));
        }

        if (input.Phone?.Length > ObjectionLimits.PhoneLength)
        {
            errors.Add(new InputError(null, null, "phone", null, ObjectionLimits.PhoneTooLong));
        }

        if (input.Content?.Length > ObjectionLimits.ContentLength)
        {
            errors.Add(new InputError(null, null, "content", null, ObjectionLimits.ContentTooLong));
        }

        if (errors.Count > 0)
        {
            throw new InputRejectedException("异议未提交：" + string.Join("", errors.Select(e => e.Message)), errors);
        }
    }

    public async Task<PagedResult<AnnouncementView>> AnnouncementsAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var query = db.Set<Announcement>().AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.PublishedAt).Skip(page.Skip).Take(page.SafePageSize).ToListAsync(cancellationToken);
        var names = await RegionNamesAsync(cancellationToken);
        return new PagedResult<AnnouncementView>(items.ConvertAll(a => ToView(a, names)), total, page.SafePage, page.SafePageSize);
    }

    public async Task<AnnouncementView> GetAnnouncementAsync(Guid id, CancellationToken cancellationToken = default) =>
        ToView(await db.Set<Announcement>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException("未找到该公告。"), await RegionNamesAsync(cancellationToken));

    /// <summary>Titles in force today, by level, region (city or county) and year granted.</summary>
    public async Task<PagedResult<DirectoryRow>> DirectoryAsync(DirectoryFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rows = await DirectoryRowsAsync(filter, cancellationToken);
        return new PagedResult<DirectoryRow>(rows.Skip(page.Skip).Take(page.SafePageSize).ToList(), rows.Count, page.SafePage, page.SafePageSize);
    }

    public async Task<byte[]> ExportDirectoryAsync(DirectoryFilter filter, CancellationToken cancellationToken = default)
    {
        var rows = await DirectoryRowsAsync(filter, cancellationToken);
        return Xlsx.Table("充分就业社区名录", ["社区名称", "市州", "县区", "称号级别", "认定日期", "认定文号", "标牌编号"],
            rows.Select(r => (IReadOnlyList<object?>)[r.CommunityName, r.CityName, r.CountyName, r.Level, r.GrantedOn, r.DocumentNumber, r.PlaqueNumber]));
    }

    private async Task<List<DirectoryRow>> DirectoryRowsAsync(DirectoryFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = ChinaTime.Today(clock);
        var query = db.Communities.AsNoTracking().Where(c => c.Status == CommunityStatus.Active);
        if (filter.RegionCode is { Length: 6 } region && !region.EndsWith("0000", StringComparison.Ordinal))
        {
            query = region.EndsWith("00", StringComparison.Ordinal) ? query.Where(c => c.CityCode == region) : query.Where(c => c.CountyCode == region);
        }

        var communities = await query.Include(c => c.Titles).ToListAsync(cancellationToken);
        var names = await RegionNamesAsync(cancellationToken);
        return communities
            .SelectMany(c => c.TitlesInForceOn(today).Select(t => (c, t)))
            .Where(x => filter.Level is null || x.t.Level == filter.Level)
            .Where(x => filter.Year is null || x.t.GrantedOn.Year == filter.Year)
            .OrderByDescending(x => x.t.Level.Rank()).ThenBy(x => x.c.Code)
            .Select(x => new DirectoryRow(x.c.Name, names.GetValueOrDefault(x.c.CityCode, ""), x.c.CountyCode is null ? null : names.GetValueOrDefault(x.c.CountyCode),
                x.t.Level.DisplayName(), x.t.GrantedOn, x.t.DocumentNumber, x.t.PlaqueNumber))
            .ToList();
    }

    private async Task<IReadOnlyList<PublicNoticeView>> NoticesAsync(System.Linq.Expressions.Expression<Func<CandidateList, bool>> where,
        CancellationToken cancellationToken)
    {
        var lists = await CandidateLists.Query(db.Set<CandidateList>().AsNoTracking()).Where(l => l.Notice != null).Where(where)
            .ToListAsync(cancellationToken);
        if (lists.Count == 0)
        {
            return [];
        }

        var campaignIds = lists.Select(l => l.CampaignId).Distinct().ToList();
        var campaigns = await db.Set<Campaign>().AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var applicationIds = lists.SelectMany(l => l.Entries).Select(e => e.ApplicationId).ToList();
        var regions = await db.Set<CampaignApplication>().AsNoTracking().Where(a => applicationIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => new { a.CityCode, a.CountyCode }, cancellationToken);
        var names = await RegionNamesAsync(cancellationToken);
        var cal = await calendar.LoadAsync(cancellationToken);
        return lists.OrderByDescending(l => l.Notice!.StartDate).Select(l =>
        {
            var n = l.Notice!;
            int left;
            try
            {
                left = n.WorkingDaysLeft(Now, cal);
            }
            catch (DomainException)
            {
                left = 0;
            }

            return new PublicNoticeView(n.Id, n.Title, campaigns.GetValueOrDefault(l.CampaignId, ""),
                l.Subject == NoticeSubject.CityRecommendationList ? "市州推荐名单公示" : "省级拟认定名单公示", n.StartDate, n.LastDay, n.WorkingDays,
                left, n.IsOpen(Now), n.ClosesAt,
                l.Entries.OrderBy(e => e.Rank).Select(e =>
                {
                    var r = regions.GetValueOrDefault(e.ApplicationId);
                    return new PublicCandidate(e.ApplicationId, e.Rank, e.CommunityName, r is null ? "" : names.GetValueOrDefault(r.CityCode, ""),
                        r?.CountyCode is null ? null : names.GetValueOrDefault(r.CountyCode));
                }).ToList());
        }).ToList();
    }

    private async Task<Dictionary<string, string>> RegionNamesAsync(CancellationToken cancellationToken) =>
        (await regionCache.AllAsync(db, cancellationToken)).ToDictionary(r => r.Code, r => r.Name);

    private static AnnouncementView ToView(Announcement a, Dictionary<string, string> names) => new(a.Id, a.Title, a.Body, a.Level.DisplayName(),
        a.DocumentNumber, a.PublishedAt, a.Entries.Select(e => new AnnouncedCommunity(e.CommunityName, names.GetValueOrDefault(e.CityCode, ""),
            e.CountyCode is null ? null : names.GetValueOrDefault(e.CountyCode), e.PlaqueNumber)).ToList());
}
