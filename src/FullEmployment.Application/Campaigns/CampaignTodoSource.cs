using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Notices;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Notices;
using FullEmployment.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Campaigns;


/// <summary>
/// What waits at each level (A8): the county's applications to score, the city's to evaluate, objections to answer
/// and notices about to close, the province's lists sent up and its national rounds (A4.1), the community's returned
/// applications. Derived from dates at read time, never flagged by a job.
/// </summary>
internal sealed class CampaignTodoSource(AppDbContext db, TimeProvider clock, WorkingCalendar calendar) : ITodoSource
{
    private const string Category = "创建申报";

    public async Task<IReadOnlyList<TodoItem>> ForAsync(ICurrentActor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(Roles.Workflow))
        {
            return [];
        }

        var campaigns = await db.Set<Campaign>().AsNoTracking().Where(c => c.State == CampaignState.Published).ToDictionaryAsync(c => c.Id, cancellationToken);
        if (campaigns.Count == 0)
        {
            // Nothing of a campaign waits outside a published one: the header's count, on every page, stops here.
            return actor.IsInRole(Roles.ProvinceOfficer) ? await NationalRoundsAsync(cancellationToken) : [];
        }

        var cal = await calendar.LoadAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        int? Left(DateOnly? due)
        {
            if (due is not { } d)
            {
                return null;
            }

            try
            {
                return cal.WorkingDaysBetween(today.AddDays(-1), d);
            }
            catch (DomainException)
            {
                return null;
            }
        }

        var ids = campaigns.Keys.ToList();
        var scope = actor.ScopeCode;
        var applications = db.Set<CampaignApplication>().AsNoTracking().Where(a => ids.Contains(a.CampaignId));
        // The county step's queue is the actor's when CountyStep names it the officer (嘉峪关's city officers for its communities).
        var countyStep = applications.Where(CountyStep.OfficerIs<CampaignApplication>(actor.Role, scope, a => a.CityCode, a => a.CountyCode))
            .Where(a => a.State == ApplicationState.Submitted || a.State == ApplicationState.ReturnedToCounty);
        var waiting = actor.Role switch
        {
            Roles.CommunityStaff => applications.Where(a => a.CommunityCode == scope
                && (a.State == ApplicationState.ReturnedToCommunity || a.State == ApplicationState.Draft)),
            Roles.CountyOfficer => countyStep,
            Roles.CityOfficer => countyStep.Concat(applications.Where(a => a.CityCode == scope && a.State == ApplicationState.ForwardedToCity)),
            _ => applications.Where(a => a.State == ApplicationState.ForwardedToProvince),
        };
        var items = (await waiting.ToListAsync(cancellationToken)).Select(a =>
        {
            var due = ApplicationSteps.DueOn(a, campaigns[a.CampaignId]);
            return new TodoItem(Category, $"{a.CommunityName}：{CampaignApplication.StateName(a.State)}", $"/Campaigns/Applications/{a.Id}", due, Left(due));
        }).ToList();

        if (actor.IsInRole(Roles.CityOfficer, Roles.ProvinceOfficer))
        {
            var lists = await CandidateLists.Query(db.Set<CandidateList>().AsNoTracking()).Where(l => ids.Contains(l.CampaignId)).ToListAsync(cancellationToken);
            var mine = lists.Where(l => l is RecommendationList city ? actor.IsCityOf(city.CityCode) : actor.IsTopOf(campaigns[l.CampaignId]));
            foreach (var list in mine.Where(l => l.Notice is not null && l.State == CandidateListState.UnderNotice))
            {
                var notice = list.Notice!;
                var pending = notice.Objections.Count(o => !o.IsAnswered);
                if (pending > 0)
                {
                    items.Add(new TodoItem(Category, $"{notice.Title}：{pending}条异议待答复", $"/Campaigns/Lists/{list.Id}", notice.LastDay, Left(notice.LastDay)));
                }

                var left = Left(notice.LastDay);
                if (!notice.HasClosed(clock.GetUtcNow()) && left is <= 2)
                {
                    items.Add(new TodoItem(Category, $"{notice.Title}：公示即将结束", $"/Campaigns/Lists/{list.Id}", notice.LastDay, left));
                }
                else if (notice.HasClosed(clock.GetUtcNow()) && pending == 0)
                {
                    items.Add(new TodoItem(Category, $"{notice.Title}：公示期满，待报送", $"/Campaigns/Lists/{list.Id}", null));
                }
            }

            if (actor.IsInRole(Roles.ProvinceOfficer))
            {
                foreach (var list in lists.OfType<RecommendationList>().Where(l => l.State == CandidateListState.SentUp))
                {
                    var due = campaigns[list.CampaignId].Deadlines.Province;
                    items.Add(new TodoItem(Category, $"{list.CityCode}推荐名单已报送（{list.Entries.Count}个社区）", $"/Campaigns/Lists/{list.Id}", due, Left(due)));
                }

                items.AddRange(await NationalRoundsAsync(cancellationToken));
            }
        }

        return items;
    }

    /// <summary>
    /// A4.1: the province's open national rounds: a list still being drawn up waits to be sent to the ministry, a sent one
    /// for the ministry's outcomes. The ministry's timetable is not in the system, so these carry no due date.
    /// </summary>
    private async Task<List<TodoItem>> NationalRoundsAsync(CancellationToken cancellationToken)
    {
        var rounds = await db.Set<Campaign>().AsNoTracking()
            .Where(c => c.Kind == CampaignKind.NationalRecommendation && c.State != CampaignState.Closed)
            .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var ids = rounds.Select(r => r.Id).ToList();
        var lists = await db.Set<NationalRecommendation>().AsNoTracking().Where(r => ids.Contains(r.CampaignId))
            .ToDictionaryAsync(r => r.CampaignId, cancellationToken);
        var items = new List<TodoItem>();
        foreach (var round in rounds)
        {
            // A round nobody has touched yet has no list row: its list is an empty draft (NationalRounds.LoadAsync).
            var list = lists.GetValueOrDefault(round.Id);
            var url = $"/Campaigns/National/{round.Id}";
            if (list is null || list.State == NationalRecommendationState.Draft)
            {
                items.Add(new TodoItem(Category, $"{round.Name}：推荐名单编制中（已列入{list?.Candidates.Count ?? 0}个社区），待报送人社部", url, null));
            }
            else if (list.Candidates.Count(c => c.Outcome == NationalOutcome.Pending) is var pending and > 0)
            {
                items.Add(new TodoItem(Category, $"{round.Name}：{pending}个社区待登记人社部结果", url, null));
            }
        }

        return items;
    }
}
