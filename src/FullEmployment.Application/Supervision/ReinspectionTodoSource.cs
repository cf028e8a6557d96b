using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Supervision;

/// <summary>
/// What re-inspection waits for (A9, A10): the city's records to inspect and rectifications to re-check, the reviewer's fails,
/// the community's self-check and rectification. Derived from the records' states and dates at read time.
/// </summary>
internal sealed class ReinspectionTodoSource(AppDbContext db, TimeProvider clock) : ITodoSource
{
    private const string Category = "年度复查";

    public async Task<IReadOnlyList<TodoItem>> ForAsync(ICurrentActor actor, CancellationToken cancellationToken)
    {
        var scope = actor.ScopeCode;
        var records = db.Set<ReinspectionRecord>().AsNoTracking();
        records = actor.Role switch
        {
            Roles.ProvinceOfficer => records.Where(r => r.State == ReinspectionState.Failed && r.TitleLevel != TitleLevel.Municipal),
            Roles.CityOfficer => records.Where(r => r.CityCode == scope && (r.State == ReinspectionState.NotStarted
                || r.State == ReinspectionState.RectificationAnswered || r.State == ReinspectionState.Rectifying
                || (r.State == ReinspectionState.Failed && r.TitleLevel == TitleLevel.Municipal))),
            Roles.CommunityStaff => records.Where(r => r.CommunityCode == scope
                && (r.State == ReinspectionState.NotStarted || r.State == ReinspectionState.Rectifying)),
            _ => records.Where(r => false),
        };
        var open = await records.ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return [];
        }

        var roundIds = open.Select(r => r.RoundId).Distinct().ToList();
        var rounds = await db.Set<ReinspectionRound>().AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var today = ChinaTime.Today(clock);
        var items = new List<TodoItem>();
        foreach (var group in open.GroupBy(r => r.RoundId))
        {
            var round = rounds[group.Key];
            var url = $"/Supervision/Reinspections/Round/{round.Id}";
            if (actor.Role == Roles.CommunityStaff)
            {
                items.AddRange(group.Select(r => r.State == ReinspectionState.NotStarted
                    ? new TodoItem(Category, $"{round.Name}：{r.TitleLevel.DisplayName()}称号待市州复查，可上传自查材料", $"/Supervision/Reinspections/Record/{r.Id}",
                        round.CityDeadline)
                    : new TodoItem(Category, $"{round.Name}：{r.TitleLevel.DisplayName()}称号限期整改，请提交整改情况", $"/Supervision/Reinspections/Record/{r.Id}",
                        r.RectifyDueDate)));
                continue;
            }

            void Add(int count, string text, DateOnly? due)
            {
                if (count > 0)
                {
                    items.Add(new TodoItem(Category, $"{round.Name}：{count}个{text}", url, due));
                }
            }

            Add(group.Count(r => r.State == ReinspectionState.NotStarted), "称号待复查", round.CityDeadline);
            Add(group.Count(r => r.State == ReinspectionState.RectificationAnswered), "整改待复核", null);
            Add(group.Count(r => r.State == ReinspectionState.Rectifying && r.IsOverdue(round, today)), "整改逾期未答复", null);
            Add(group.Count(r => r.State == ReinspectionState.Failed), "复查不合格待复核确认", round.ReviewDeadline);
        }

        return items;
    }
}
