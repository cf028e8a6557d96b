using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Regions;

namespace FullEmployment.Domain.Campaigns;

/// <summary>
/// The signed-in officer as the campaign rules see them: a role bound to a region (a community code for community staff).
/// Which stage is whose (A8): the community applies (A8.1), the county step reviews (A8.2), the community's city evaluates
/// (A8.3), the campaign's organiser takes the last step (A8.4; the organising city in a municipal campaign, A4.3).
/// </summary>
public sealed record CampaignActor(string? Role, string? ScopeCode)
{
    public bool IsCommunityOf(CampaignApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return Role == Roles.CommunityStaff && ScopeCode == application.CommunityCode;
    }

    /// <summary>A8.2: the county; a city without counties (嘉峪关市) does the county step itself.</summary>
    public bool IsCountyOf(CampaignApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return CountyStep.IsOfficer(Role, ScopeCode, application.CityCode, application.CountyCode);
    }

    public bool IsCityOf(string cityCode) => Role == Roles.CityOfficer && ScopeCode == cityCode;

    /// <summary>
    /// The campaign's organiser: the province for provincial and national rounds, the organising city in a municipal
    /// campaign (A4.3; the province does not act in a city's campaign, A10). It takes the last step and alone may act
    /// after a stage deadline, with a recorded reason (A8).
    /// </summary>
    public bool IsTopOf(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return campaign.Kind == CampaignKind.Municipal ? IsCityOf(campaign.OrganizerRegionCode) : Role == Roles.ProvinceOfficer;
    }

    /// <summary>Whether the actor is the officer of <paramref name="level"/> for this application (fills its sheet, acts at its stage).</summary>
    public bool Holds(ReviewLevel level, CampaignApplication application, Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(application);
        return level switch
        {
            ReviewLevel.Self => IsCommunityOf(application),
            ReviewLevel.County => IsCountyOf(application),
            ReviewLevel.City => IsCityOf(application.CityCode),
            _ => IsTopOf(campaign),
        };
    }
}

/// <summary>What an actor may do now with one action: the deadline it is judged by, and whether a late reason must be given.</summary>
public sealed record StagePermit(StageDeadline? Deadline, bool LateReasonRequired);

/// <summary>
/// A8: the stage's own officer acts until the stage deadline; after it only the campaign's organiser may act, with a
/// recorded reason; giving a reason is the organiser's alone, and only once the deadline has passed. The page's answer
/// (<see cref="Permit"/>) and the server's check (<see cref="Refusal"/>) are both read from here.
/// </summary>
public static class StageActing
{
    /// <summary>
    /// Whether the actor may act now, and with a late reason or not; null when they may not (<paramref name="deadline"/>
    /// null: the action has no deadline and takes no reason).
    /// </summary>
    public static StagePermit? Permit(bool isStageActor, bool isOrganiser, StageDeadline? deadline, DateTimeOffset now)
    {
        if (deadline is null || !deadline.HasPassed(now))
        {
            return isStageActor ? new StagePermit(deadline, false) : null;
        }

        return isOrganiser ? new StagePermit(deadline, true) : null;
    }

    /// <summary>
    /// Why the server refuses the actor (a 403), or null: a reason only from the organiser and only after the deadline;
    /// without one, only the stage's own officer (<paramref name="notStageActor"/> says why not). Acting late without a
    /// reason is then refused by the aggregate's own deadline check (<see cref="StageDeadline.EnsureInTime"/>).
    /// </summary>
    public static string? Refusal(Campaign campaign, bool isStageActor, bool isOrganiser, string? lateReason, StageDeadline? deadline,
        DateTimeOffset now, string notStageActor)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (string.IsNullOrWhiteSpace(lateReason))
        {
            return isStageActor ? null : notStageActor;
        }

        if (!isOrganiser)
        {
            return campaign.HasProvinceStep
                ? "超过阶段截止日期办理须由省人社厅填写延期理由，其他角色不能填写。"
                : "市级创建超过阶段截止日期办理须由组织创建的市州人社局填写延期理由，其他角色（含省人社厅）不能填写。";
        }

        return deadline?.OverrideRefusal(campaign, now);
    }
}
