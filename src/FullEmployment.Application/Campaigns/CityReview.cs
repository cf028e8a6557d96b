using FullEmployment.Application.Data;
using FullEmployment.Domain.Campaigns;

namespace FullEmployment.Application.Campaigns;

/// <summary>A8.3: the city's evaluation: recommend onto its list within its quota, return to the county, or reject.</summary>
public sealed class CityReview(AppDbContext db, ApplicationSteps steps)
{
    /// <summary>Puts the application on its city's recommendation list; the quota is checked against the list in the same transaction.</summary>
    public Task<ApplicationResult> RecommendAsync(ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.MoveAsync(input.ApplicationId, input.Version, "application.city-recommend", ApplicationAction.CityRecommend, input.OverrideReason,
            "只有申报社区所在市州人社局可以推荐。", async (a, campaign) =>
            {
                var list = await CandidateLists.CityListAsync(db, campaign, a.CityCode, cancellationToken);
                a.CityRecommend(campaign, list, steps.ActorName, steps.Now, input.OverrideReason);
                db.Touch(list);
                return new { list = list.Id, rank = list.Entries.Single(e => e.ApplicationId == a.Id).Rank, quota = list.Quota };
            }, cancellationToken);
    }

    public Task<ApplicationResult> ReturnToCountyAsync(ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.MoveAsync(input.ApplicationId, input.Version, "application.city-return", ApplicationAction.CityReturnToCounty, input.OverrideReason,
            "只有申报社区所在市州人社局可以退回县区。", (a, campaign) =>
            {
                a.CityReturnToCounty(campaign, input.Remark ?? "", steps.ActorName, steps.Now, input.OverrideReason);
                return Task.FromResult<object?>(new { input.Remark });
            }, cancellationToken);
    }

    public Task<ApplicationResult> CityRejectAsync(ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.MoveAsync(input.ApplicationId, input.Version, "application.city-reject", ApplicationAction.CityReject, input.OverrideReason,
            "只有申报社区所在市州人社局可以作出不予推荐。", (a, campaign) =>
            {
                a.CityReject(campaign, input.Remark ?? "", steps.ActorName, steps.Now, input.OverrideReason);
                return Task.FromResult<object?>(new { input.Remark });
            }, cancellationToken);
    }
}
