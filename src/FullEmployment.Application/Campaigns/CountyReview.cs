using FullEmployment.Application.Data;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Campaigns;

/// <summary>
/// A8.2: the county's initial review (the city's own where it has no counties, 嘉峪关市): forward to the city within the
/// county's quota, reject with reasons, or return to the community for correction.
/// </summary>
public sealed class CountyReview(AppDbContext db, ApplicationSteps steps)
{
    private const string Refusal = "只有申报社区所在县区人社局（无县区的市由市人社局）可以办理初审。";

    /// <summary>
    /// A8.2; A4.3: the county's places in use are counted and the campaign's version bumped in the same transaction, so two
    /// forwards racing for a county's last place get one success and one 409, never a county over its quota.
    /// </summary>
    public Task<ApplicationResult> ForwardAsync(ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.MoveAsync(input.ApplicationId, input.Version, "application.county-forward", ApplicationAction.CountyForward, input.OverrideReason,
            Refusal, async (a, campaign) =>
            {
                var region = a.CountyStepRegionCode;
                var holding = CampaignApplication.HoldingCountyQuota.ToArray();
                var forwarded = await db.Set<CampaignApplication>().Where(CountyStep.RegionIs<CampaignApplication>(region, x => x.CityCode, x => x.CountyCode))
                    .CountAsync(x => x.CampaignId == campaign.Id && holding.Contains(x.State), cancellationToken);
                a.CountyForward(campaign, new CountyQuotaUse(region, forwarded), steps.ActorName, steps.Now, input.OverrideReason);
                db.Touch(campaign);
                return new { county = region, forwarded = forwarded + 1, quota = campaign.CountyQuotaFor(region) };
            }, cancellationToken);
    }

    public Task<ApplicationResult> RejectAsync(RejectInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.MoveAsync(input.ApplicationId, input.Version, "application.county-reject", ApplicationAction.CountyReject, input.OverrideReason,
            Refusal, (a, c) =>
            {
                a.CountyReject(c, input.Reasons, steps.ActorName, steps.Now, input.OverrideReason);
                return Task.FromResult<object?>(input.Reasons);
            }, cancellationToken);
    }

    public Task<ApplicationResult> ReturnForCorrectionAsync(ReturnInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.MoveAsync(input.ApplicationId, input.Version, "application.return", ApplicationAction.ReturnForCorrection, input.OverrideReason,
            Refusal, (a, c) =>
            {
                a.ReturnForCorrection(c, input.DueDate, input.Remark, steps.ActorName, steps.Now, input.OverrideReason);
                return Task.FromResult<object?>(new { input.DueDate, input.Remark });
            }, cancellationToken);
    }
}
