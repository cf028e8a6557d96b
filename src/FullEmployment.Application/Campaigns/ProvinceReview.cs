using FullEmployment.Application.Data;
using FullEmployment.Domain.Campaigns;

namespace FullEmployment.Application.Campaigns;

/// <summary>
/// A8.4: the province's review (the campaign's organiser): propose onto its list or refuse certification; and A16
/// disqualification, which the officer of the application's current stage may also decide.
/// </summary>
public sealed class ProvinceReview(AppDbContext db, ApplicationSteps steps)
{
    public Task<ApplicationResult> ProposeAsync(ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.MoveAsync(input.ApplicationId, input.Version, "application.propose", ApplicationAction.Propose, input.OverrideReason,
            "只有省人社厅可以列入拟认定名单。", async (a, campaign) =>
            {
                var list = await CandidateLists.ProposedListAsync(db, campaign, cancellationToken);
                a.Propose(campaign, list, steps.ActorName, steps.Now, input.OverrideReason);
                db.Touch(list);
                return new { list = list.Id, quota = list.Quota };
            }, cancellationToken);
    }

    public Task<ApplicationResult> NotCertifyAsync(ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.MoveAsync(input.ApplicationId, input.Version, "application.not-certify", ApplicationAction.NotCertify, input.OverrideReason,
            "只有省人社厅可以作出不予认定。", (a, campaign) =>
            {
                a.NotCertify(campaign, input.Remark ?? "", steps.ActorName, steps.Now, input.OverrideReason);
                return Task.FromResult<object?>(new { input.Remark });
            }, cancellationToken);
    }

    /// <summary>
    /// A16: falsification disqualifies; a listed candidate leaves its list in the same save. The officer of the stage the
    /// application is at decides (<see cref="CampaignApplication.ReviewingLevel"/>), or the campaign's organiser; a county or
    /// city does not reach into a stage it does not hold.
    /// </summary>
    public Task<ApplicationResult> DisqualifyAsync(DisqualifyInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.MoveAsync(input.ApplicationId, input.Version, "application.disqualify", ApplicationAction.Disqualify, null,
            "只有申报当前所在环节的审核部门（或组织创建的部门）可以取消申报资格。", async (a, campaign) =>
            {
                CandidateList? list = a.State switch
                {
                    ApplicationState.Recommended => await CandidateLists.CityListAsync(db, campaign, a.CityCode, cancellationToken),
                    ApplicationState.Proposed => await CandidateLists.ProposedListAsync(db, campaign, cancellationToken),
                    _ => null,
                };
                a.Disqualify(input.Reason, input.Evidence, steps.ActorName, steps.Now, list);
                if (list is not null)
                {
                    db.Touch(list);
                }

                return new { input.Reason, input.Evidence };
            }, cancellationToken);
    }
}
