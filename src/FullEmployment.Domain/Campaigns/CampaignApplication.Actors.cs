namespace FullEmployment.Domain.Campaigns;

/// <summary>One action an actor may take on an application now: the deadline it is judged by, and whether a late reason is required.</summary>
public sealed record PermittedAction(ApplicationAction Action, StageDeadline? Deadline, bool LateReasonRequired);

/// <summary>
/// What one actor may do on an application now (A8): the actions, the level's sheet they fill, whether they record an
/// on-site inspection and whether they edit the community's form and evidence. Pages and the API show this; the server
/// checks each move against the same rules.
/// </summary>
public sealed record ApplicationOptions(IReadOnlyList<PermittedAction> Actions, ReviewLevel? ScoringLevel, bool MayInspect, bool MayEditDossier);

// Who may act on an application now: the answer the pages show and the check the server makes (A8).
public sealed partial class CampaignApplication
{
    /// <summary>
    /// Moves made from a candidate list's page, not the application's: forwarding with the city's list (A8.3), certifying
    /// from the final list (A8.4; A4.3), removal after an upheld objection.
    /// </summary>
    public static readonly IReadOnlyList<ApplicationAction> ListActions =
        [ApplicationAction.ForwardToProvince, ApplicationAction.Certify, ApplicationAction.UpholdObjection];

    /// <summary>
    /// The level whose on-site inspection can be recorded: the province's evaluation once the application is with it (A8.4),
    /// otherwise the county's (A8.2).
    /// </summary>
    public ReviewLevel InspectionLevel => State == ApplicationState.ForwardedToProvince ? ReviewLevel.Province : ReviewLevel.County;

    /// <summary>
    /// Whether <paramref name="actor"/> is the officer whose step <paramref name="action"/> is (A8.1–A8.4). A16: the officer
    /// of the stage the application is at may disqualify it, and the campaign's organiser at any stage.
    /// </summary>
    public bool IsStageActor(ApplicationAction action, CampaignActor actor, Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return action switch
        {
            ApplicationAction.Submit or ApplicationAction.Withdraw or ApplicationAction.Resubmit => actor.IsCommunityOf(this),
            ApplicationAction.ReturnForCorrection or ApplicationAction.CountyForward or ApplicationAction.CountyReject => actor.IsCountyOf(this),
            ApplicationAction.CityRecommend or ApplicationAction.CityReturnToCounty or ApplicationAction.CityReject
                or ApplicationAction.ForwardToProvince => actor.IsCityOf(CityCode),
            ApplicationAction.UpholdObjection when State == ApplicationState.Recommended => actor.IsCityOf(CityCode),
            ApplicationAction.Disqualify => actor.IsTopOf(campaign) || (ReviewingLevel is { } level && actor.Holds(level, this, campaign)),
            _ => actor.IsTopOf(campaign),
        };
    }

    /// <summary>
    /// The deadline <paramref name="action"/> is judged by: the stage's (<see cref="Deadline"/>); none for withdrawing and
    /// disqualifying, which stay open at every open stage and take no late reason.
    /// </summary>
    public StageDeadline? DeadlineOf(ApplicationAction action, Campaign campaign) =>
        action is ApplicationAction.Withdraw or ApplicationAction.Disqualify or ApplicationAction.UpholdObjection ? null : Deadline(campaign);

    /// <summary>Whether <paramref name="actor"/> may take <paramref name="action"/> now, and with a late reason; null when not.</summary>
    public PermittedAction? PermitFor(ApplicationAction action, CampaignActor actor, Campaign campaign, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Can(action))
        {
            return null;
        }

        return StageActing.Permit(IsStageActor(action, actor, campaign), actor.IsTopOf(campaign), DeadlineOf(action, campaign), now) is { } permit
            ? new PermittedAction(action, permit.Deadline, permit.LateReasonRequired)
            : null;
    }

    /// <summary>
    /// The server's check before <paramref name="action"/>: why <paramref name="actor"/> is refused (403), or null.
    /// <paramref name="notStageActor"/> is the refusal for an actor who does not hold the step.
    /// </summary>
    public string? RefusalOf(ApplicationAction action, CampaignActor actor, Campaign campaign, DateTimeOffset now, string? lateReason,
        string notStageActor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return StageActing.Refusal(campaign, IsStageActor(action, actor, campaign), actor.IsTopOf(campaign), lateReason,
            DeadlineOf(action, campaign), now, notStageActor);
    }

    /// <summary>Everything <paramref name="actor"/> may do on the application now, for the page and the API.</summary>
    public ApplicationOptions OptionsFor(CampaignActor actor, Campaign campaign, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var actions = Enum.GetValues<ApplicationAction>().Where(a => !ListActions.Contains(a))
            .Select(a => PermitFor(a, actor, campaign, now)).OfType<PermittedAction>().ToList();
        ReviewLevel[] levels = [ReviewLevel.Self, ReviewLevel.County, ReviewLevel.City, ReviewLevel.Province];
        ReviewLevel? scoring = levels.Where(l => LevelHolds(l) && actor.Holds(l, this, campaign)).Select(l => (ReviewLevel?)l).FirstOrDefault();
        var mayInspect = LevelHolds(InspectionLevel) && actor.Holds(InspectionLevel, this, campaign);
        return new ApplicationOptions(actions, scoring, mayInspect, LevelHolds(ReviewLevel.Self) && actor.IsCommunityOf(this));
    }
}
