using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Campaigns;

/// <summary>A4.1: the province's recommendation list for a national round and the ministry's outcomes; a grant records the national title.</summary>
public sealed class NationalRounds(AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    private const string Ministry = "人力资源和社会保障部";

    public async Task<NationalRecommendationView> GetAsync(Guid campaignId, CancellationToken cancellationToken = default)
    {
        audit.Actor.EnsureRole(Roles.ProvinceOfficer);
        var (recommendation, campaign) = await LoadAsync(campaignId, cancellationToken);
        return ToView(recommendation, campaign);
    }

    public Task<NationalRecommendationView> AddAsync(Guid campaignId, int version, string communityCode, CancellationToken cancellationToken = default) =>
        ChangeAsync(campaignId, version, "national.add", async r =>
        {
            var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Code == communityCode, cancellationToken)
                ?? throw new DomainException($"社区代码“{communityCode}”不存在。", "A4.1");
            r.Add(community.Id, community.Code, community.Name);
            return new { communityCode };
        }, cancellationToken);

    public Task<NationalRecommendationView> RemoveAsync(Guid campaignId, int version, string communityCode, CancellationToken cancellationToken = default) =>
        ChangeAsync(campaignId, version, "national.remove", r =>
        {
            r.Remove(Candidate(r, communityCode).CommunityId);
            return Task.FromResult<object>(new { communityCode });
        }, cancellationToken);

    public Task<NationalRecommendationView> SubmitAsync(Guid campaignId, int version, CancellationToken cancellationToken = default) =>
        ChangeAsync(campaignId, version, "national.submit", r =>
        {
            r.Submit(clock.GetUtcNow());
            return Task.FromResult<object>(new { candidates = r.Candidates.Count });
        }, cancellationToken);

    /// <summary>The ministry's outcome; a grant records the national title on the community (A3.1, A4.1).</summary>
    public Task<NationalRecommendationView> RecordOutcomeAsync(NationalOutcomeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(input.CampaignId, input.Version, "national.outcome", async r =>
        {
            var candidate = Candidate(r, input.CommunityCode);
            if (input.Granted)
            {
                r.RecordGranted(candidate.CommunityId, input.DocumentNumber ?? "", input.DecidedOn);
                var community = await db.Communities.Include(c => c.Titles).SingleAsync(c => c.Id == candidate.CommunityId, cancellationToken);
                community.GrantTitle(TitleLevel.National, Ministry, input.DocumentNumber!, input.DecidedOn, input.PlaqueNumber);
            }
            else
            {
                r.RecordNotGranted(candidate.CommunityId, input.DecidedOn, input.Remark);
            }

            return new { input.CommunityCode, input.Granted, input.DocumentNumber, input.DecidedOn };
        }, cancellationToken);
    }

    private async Task<NationalRecommendationView> ChangeAsync(Guid campaignId, int version, string action,
        Func<NationalRecommendation, Task<object>> change, CancellationToken cancellationToken)
    {
        audit.Actor.EnsureRole(Roles.ProvinceOfficer);
        var (recommendation, campaign) = await LoadAsync(campaignId, cancellationToken);
        if (db.Entry(recommendation).State != EntityState.Added)
        {
            db.ExpectVersion(recommendation, version);
        }

        var details = await change(recommendation);
        db.Touch(recommendation);
        audit.Record(action, "national-recommendation", recommendation.Id.ToString(), null, after: details);
        await db.SaveChangesAsync(cancellationToken);
        return ToView(recommendation, campaign);
    }

    private async Task<(NationalRecommendation, Campaign)> LoadAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        var campaign = await db.Set<Campaign>().FirstOrDefaultAsync(c => c.Id == campaignId && c.Kind == CampaignKind.NationalRecommendation, cancellationToken)
            ?? throw new NotFoundException("未找到该国家级推荐批次。");
        var recommendation = await db.Set<NationalRecommendation>().FirstOrDefaultAsync(r => r.CampaignId == campaignId, cancellationToken);
        if (recommendation is null)
        {
            recommendation = new NationalRecommendation(campaign);
            db.Add(recommendation);
        }

        return (recommendation, campaign);
    }

    private static NationalCandidate Candidate(NationalRecommendation r, string communityCode) =>
        r.Candidates.FirstOrDefault(c => c.CommunityCode == communityCode) ?? throw new DomainException("该社区不在推荐名单中。", "A4.1");

    private static NationalRecommendationView ToView(NationalRecommendation r, Campaign c) => new(r.Id, c.Id, c.Name, r.Quota, r.State, r.SubmittedAt,
        r.Candidates.OrderBy(x => x.Rank).Select(x => new NationalCandidateView(x.Rank, x.CommunityCode, x.CommunityName, x.Outcome, x.DocumentNumber,
            x.DecidedOn, x.Remark)).ToList(), r.Version);
}
