using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Campaigns;

/// <summary>
/// A4.1: the province's recommendation list for a national round and the ministry's outcomes; a grant records the national title.
/// Only the province sees a round (A3.2): for anyone else it does not exist (404), and every change is refused (403).
/// </summary>
public sealed class NationalRounds(AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    private const string Ministry = "人力资源和社会保障部";

    public async Task<NationalRecommendationView> GetAsync(Guid campaignId, CancellationToken cancellationToken = default)
    {
        EnsureReader();
        var (recommendation, campaign) = await LoadAsync(campaignId, cancellationToken);
        return await ToViewAsync(recommendation, campaign, cancellationToken);
    }

    /// <summary>
    /// Communities that may be added now: a provincial title in force, not national already, not on the list (the domain's
    /// <see cref="NationalRecommendation.IneligibilityReason"/> as a query), filtered by name or code.
    /// </summary>
    public async Task<PagedResult<NationalEligibleRow>> EligibleAsync(Guid campaignId, string? search, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        EnsureReader();
        var (recommendation, _) = await LoadAsync(campaignId, cancellationToken);
        var today = ChinaTime.Today(clock);
        var onList = recommendation.Candidates.Select(c => c.CommunityCode).ToList();
        var query = db.Communities.AsNoTracking().Where(c => c.Titles.Any(t => t.Level == TitleLevel.Provincial && t.GrantedOn <= today && (t.EndedOn == null || t.EndedOn > today))
            && !c.Titles.Any(t => t.Level == TitleLevel.National && t.GrantedOn <= today && (t.EndedOn == null || t.EndedOn > today))
            && !onList.Contains(c.Code));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(c => c.Name.Contains(term) || c.Code.StartsWith(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var communities = await query.OrderBy(c => c.Code).Skip(page.Skip).Take(page.SafePageSize).Include(c => c.Titles).AsSplitQuery()
            .ToListAsync(cancellationToken);
        var names = await RegionNamesAsync(cancellationToken);
        var rows = communities.Select(c =>
        {
            var title = c.TitlesInForceOn(today).First(t => t.Level == TitleLevel.Provincial);
            return new NationalEligibleRow(c.Code, c.Name, RegionName(names, c.CityCode, c.CountyCode), title.DocumentNumber, title.GrantedOn);
        }).ToList();
        return new PagedResult<NationalEligibleRow>(rows, total, page.SafePage, page.SafePageSize);
    }

    public Task<NationalRecommendationView> AddAsync(Guid campaignId, int version, string communityCode, CancellationToken cancellationToken = default) =>
        ChangeAsync(campaignId, version, "national.add", async r =>
        {
            var community = await db.Communities.AsNoTracking().Include(c => c.Titles).FirstOrDefaultAsync(c => c.Code == communityCode, cancellationToken)
                ?? throw new DomainException($"社区代码“{communityCode}”不存在。", "A4.1");
            r.Add(community, ChinaTime.Today(clock));
            return new { communityCode, community.Name };
        }, cancellationToken);

    /// <summary>Puts a candidate at a rank (1 = first), e.g. one up or down.</summary>
    public Task<NationalRecommendationView> MoveAsync(Guid campaignId, int version, string communityCode, int rank,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(campaignId, version, "national.move", r =>
        {
            var before = r.Candidates.FirstOrDefault(c => c.CommunityCode == communityCode)?.Rank;
            r.Move(communityCode, rank);
            return Task.FromResult<object>(new { communityCode, from = before, to = rank });
        }, cancellationToken);

    public Task<NationalRecommendationView> RemoveAsync(Guid campaignId, int version, string communityCode, CancellationToken cancellationToken = default) =>
        ChangeAsync(campaignId, version, "national.remove", r =>
        {
            r.Remove(communityCode);
            return Task.FromResult<object>(new { communityCode });
        }, cancellationToken);

    /// <summary>Sends the list to the ministry: irreversible, the list is frozen from here on.</summary>
    public Task<NationalRecommendationView> SubmitAsync(Guid campaignId, int version, CancellationToken cancellationToken = default) =>
        ChangeAsync(campaignId, version, "national.submit", r =>
        {
            r.Submit(clock.GetUtcNow());
            return Task.FromResult<object>(new { candidates = r.Candidates.OrderBy(c => c.Rank).Select(c => c.CommunityCode).ToList() });
        }, cancellationToken);

    /// <summary>The ministry's outcome; a grant records the national title on the community (A3.1, A4.1).</summary>
    public Task<NationalRecommendationView> RecordOutcomeAsync(NationalOutcomeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(input.CampaignId, input.Version, "national.outcome", async r =>
        {
            if (input.Granted)
            {
                r.RecordGranted(input.CommunityCode, input.DocumentNumber ?? "", input.DecidedOn);
                var candidate = r.Candidates.Single(c => c.CommunityCode == input.CommunityCode);
                var community = await db.Communities.Include(c => c.Titles).SingleAsync(c => c.Id == candidate.CommunityId, cancellationToken);
                community.GrantTitle(TitleLevel.National, Ministry, input.DocumentNumber!, input.DecidedOn,
                    string.IsNullOrWhiteSpace(input.PlaqueNumber) ? null : input.PlaqueNumber);
            }
            else
            {
                r.RecordNotGranted(input.CommunityCode, input.DecidedOn, input.Remark);
            }

            return new { input.CommunityCode, input.Granted, input.DocumentNumber, input.DecidedOn, input.PlaqueNumber, input.Remark };
        }, cancellationToken);
    }

    private void EnsureReader()
    {
        if (!audit.Actor.IsInRole(Roles.ProvinceOfficer))
        {
            throw NotFound();
        }
    }

    private async Task<NationalRecommendationView> ChangeAsync(Guid campaignId, int version, string action,
        Func<NationalRecommendation, Task<object>> change, CancellationToken cancellationToken)
    {
        audit.Actor.EnsureRole(Roles.ProvinceOfficer);
        var (recommendation, campaign) = await LoadAsync(campaignId, cancellationToken);
        if (campaign.State == CampaignState.Closed)
        {
            throw new DomainException("该国家级推荐批次已关闭，不能再办理。", "A4.1");
        }

        if (db.Entry(recommendation).State != EntityState.Added)
        {
            db.ExpectVersion(recommendation, version);
        }

        var details = await change(recommendation);
        db.Touch(recommendation);
        audit.Record(action, "national-recommendation", recommendation.Id.ToString(), null, after: details);
        await db.SaveChangesAsync(cancellationToken);
        return await ToViewAsync(recommendation, campaign, cancellationToken);
    }

    private async Task<(NationalRecommendation, Campaign)> LoadAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        var campaign = await db.Set<Campaign>().FirstOrDefaultAsync(c => c.Id == campaignId && c.Kind == CampaignKind.NationalRecommendation, cancellationToken)
            ?? throw NotFound();
        var recommendation = await db.Set<NationalRecommendation>().FirstOrDefaultAsync(r => r.CampaignId == campaignId, cancellationToken);
        if (recommendation is null)
        {
            // The list comes into being with the round's first change; reading an untouched round shows it empty.
            recommendation = new NationalRecommendation(campaign);
            db.Add(recommendation);
        }

        return (recommendation, campaign);
    }

    private static NotFoundException NotFound() => new("未找到该国家级推荐批次，或不在您的管辖范围内。");

    private Task<Dictionary<string, string>> RegionNamesAsync(CancellationToken cancellationToken) =>
        db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);

    private static string RegionName(Dictionary<string, string> names, string cityCode, string? countyCode) =>
        names.GetValueOrDefault(cityCode, cityCode) + (countyCode is null ? "" : names.GetValueOrDefault(countyCode, countyCode));

    private async Task<NationalRecommendationView> ToViewAsync(NationalRecommendation r, Campaign c, CancellationToken cancellationToken)
    {
        var codes = r.Candidates.Select(x => x.CommunityCode).ToList();
        var regions = await db.Communities.AsNoTracking().Where(x => codes.Contains(x.Code))
            .Select(x => new { x.Code, x.CityCode, x.CountyCode }).ToDictionaryAsync(x => x.Code, cancellationToken);
        var names = await RegionNamesAsync(cancellationToken);
        return new NationalRecommendationView(r.Id, c.Id, c.Name, c.CreationYear, c.State, r.Quota, r.State, StateName(r.State), r.SubmittedAt,
            r.Candidates.OrderBy(x => x.Rank).Select(x => new NationalCandidateView(x.Rank, x.CommunityCode, x.CommunityName,
                regions.TryGetValue(x.CommunityCode, out var at) ? RegionName(names, at.CityCode, at.CountyCode) : "", x.Outcome, OutcomeName(x.Outcome),
                x.DocumentNumber, x.DecidedOn, x.Remark)).ToList(), r.Version);
    }

    public static string StateName(NationalRecommendationState state) => state switch
    {
        NationalRecommendationState.Draft => "名单编制中",
        NationalRecommendationState.Submitted => "已报送人社部",
        _ => "结果已登记",
    };

    public static string OutcomeName(NationalOutcome outcome) => outcome switch
    {
        NationalOutcome.Pending => "待部里结果",
        NationalOutcome.Granted => "已命名",
        _ => "未获命名",
    };
}
