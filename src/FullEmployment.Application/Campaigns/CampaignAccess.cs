using FullEmployment.Application.Common;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Campaigns;


/// <summary>Who may act at which stage of an application (A8), checked on the server for the target record's region.</summary>
internal static class CampaignAccess
{
    /// <summary>Workflow roles; auditors, security administrators and finance officers see no applications.</summary>
    public static readonly string[] Readers = [Roles.ProvinceOfficer, Roles.CityOfficer, Roles.CountyOfficer, Roles.CommunityStaff];

    public static bool Covers(this ICurrentActor actor, CampaignApplication a) =>
        actor.IsInRole(Readers) && RegionScope.Covers(actor.Role, actor.ScopeCode, a.CityCode, a.CountyCode, a.CommunityCode);

    public static bool IsCommunityOf(this ICurrentActor actor, CampaignApplication a) =>
        actor.IsInRole(Roles.CommunityStaff) && actor.ScopeCode == a.CommunityCode;

    /// <summary>A8.2: the county; a city without counties (嘉峪关市) does the county step itself.</summary>
    public static bool IsCountyOf(this ICurrentActor actor, CampaignApplication a) =>
        a.CountyCode is null
            ? actor.IsInRole(Roles.CityOfficer) && actor.ScopeCode == a.CityCode
            : actor.IsInRole(Roles.CountyOfficer) && actor.ScopeCode == a.CountyCode;

    public static bool IsCityOf(this ICurrentActor actor, string cityCode) => actor.IsInRole(Roles.CityOfficer) && actor.ScopeCode == cityCode;

    /// <summary>A8.4 for provincial and national rounds; a municipal campaign's organising city takes the last step, certification (A4.3).</summary>
    public static bool IsTopOf(this ICurrentActor actor, Campaign campaign) =>
        campaign.Kind == CampaignKind.Municipal ? actor.IsCityOf(campaign.OrganizerRegionCode) : actor.IsInRole(Roles.ProvinceOfficer);

    /// <summary>
    /// The stage's own officer acts; after a stage deadline only the campaign's organiser may act, with a recorded reason
    /// (A8): the province, or in a municipal campaign the organising city; the province does not act in a city's campaign
    /// (A4.3, A10). Supplying a reason is itself the organiser's prerogative, and only once the stage's
    /// <paramref name="deadline"/> has passed: before it the stage is still its own officer's.
    /// </summary>
    public static void EnsureStageActor(this ICurrentActor actor, Campaign campaign, bool isStageActor, string? overrideReason, string refusal,
        StageDeadline? deadline, DateTimeOffset now)
    {
        if (!string.IsNullOrWhiteSpace(overrideReason))
        {
            if (!actor.IsTopOf(campaign))
            {
                throw new ForbiddenException(campaign.HasProvinceStep
                    ? "超过阶段截止日期办理须由省人社厅填写延期理由，其他角色不能填写。"
                    : "市级创建超过阶段截止日期办理须由组织创建的市州人社局填写延期理由，其他角色（含省人社厅）不能填写。");
            }

            if (deadline?.OverrideRefusal(campaign, now) is { } early)
            {
                throw new ForbiddenException(early);
            }

            return;
        }

        if (!isStageActor)
        {
            throw new ForbiddenException(refusal);
        }
    }

    /// <summary>
    /// Marks the aggregate root changed so its version is bumped and checked even when only a child row changed:
    /// two officers adding to the same list (quota) or the same sheet can't both win.
    /// </summary>
    public static void Touch(this DbContext db, object aggregate)
    {
        var entry = db.Entry(aggregate);
        if (entry.State is EntityState.Unchanged or EntityState.Modified)
        {
            entry.Property("Version").IsModified = true;
        }
    }

    public static string LevelName(ReviewLevel level) => level switch
    {
        ReviewLevel.Self => "社区自评",
        ReviewLevel.County => "县区初审",
        ReviewLevel.City => "市州评定",
        _ => "省级审核",
    };

    public static string KindName(CampaignKind kind) => kind switch
    {
        CampaignKind.Provincial => "省级创建",
        CampaignKind.Municipal => "市级创建",
        _ => "国家级推荐",
    };
}
