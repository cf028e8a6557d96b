using FullEmployment.Application.Common;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Campaigns;


/// <summary>Who may act at which stage of an application (A8), checked on the server for the target record's region.</summary>
internal static class CampaignAccess
{
    public static bool Covers(this ICurrentActor actor, CampaignApplication a) =>
        actor.IsInRole(Roles.Workflow) && RegionScope.Covers(actor.Role, actor.ScopeCode, a.CityCode, a.CountyCode, a.CommunityCode);

    /// <summary>The actor as the campaign rules see them (role and region; who holds which stage is decided there, A8).</summary>
    public static CampaignActor AsCampaignActor(this ICurrentActor actor) => new(actor.Role, actor.ScopeCode);

    public static bool IsCityOf(this ICurrentActor actor, string cityCode) => actor.AsCampaignActor().IsCityOf(cityCode);

    /// <summary>A8.4 for provincial and national rounds; a municipal campaign's organising city takes the last step, certification (A4.3).</summary>
    public static bool IsTopOf(this ICurrentActor actor, Campaign campaign) => actor.AsCampaignActor().IsTopOf(campaign);

    /// <summary>Turns the domain's refusal of a stage actor (<see cref="StageActing.Refusal"/>) into a 403.</summary>
    public static void EnsureNotRefused(string? refusal)
    {
        if (refusal is not null)
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

}
