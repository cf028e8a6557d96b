using FullEmployment.Application.Data;
using FullEmployment.Application.Notices;
using FullEmployment.Application.Supervision;
using FullEmployment.Domain;
using FullEmployment.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Seeding;

/// <summary>
/// Demo support requests (A15): one waiting for its answer, one overdue (when the calendar reaches back far enough), and one in
/// 嘉峪关 answered by the city and waiting for the community's confirmation.
/// </summary>
public sealed class SupportRequestDemoData(AppDbContext db, TimeProvider clock, WorkingCalendar calendar, SupportRequests requests)
{
    private const string Actor = "演示数据";

    // An overdue request was raised more than the answer period ago: walk back at most this many days to find such a date.
    private const int LookBackDays = 60;

    /// <summary>Seeds once; returns, in Chinese, each part it could not build today (empty when all was built).</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Set<SupportRequest>().AnyAsync(cancellationToken) || !await db.Communities.AnyAsync(cancellationToken))
        {
            return [];
        }

        var notBuilt = new List<string>();
        var cal = await calendar.LoadAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow();
        var days = requests.DueWorkingDays;

        await AddAsync("620102001005", SupportCategory.PremisesAndEquipment, "社区就业服务站面积不足，招聘会无处举办，请协调场地。",
            SupportDueDate.Compute(cal, today, days), now, cancellationToken);

        var overdueFrom = Enumerable.Range(days, LookBackDays).Select(d => today.AddDays(-d))
            .Select(d => SupportDueDate.Compute(cal, d, days)).FirstOrDefault(due => due.DueOn < today);
        if (overdueFrom is null)
        {
            notBuilt.Add("演示数据未创建逾期的困难诉求：近期的工作日历未配置，无法推算已过答复期限的诉求（A15）。");
        }
        else
        {
            await AddAsync("620102001001", SupportCategory.Funding, "公益性岗位补贴尚未拨付到位，影响岗位人员稳定，请协调资金。", overdueFrom,
                ChinaTime.EndOf(overdueFrom.From).AddHours(-14), cancellationToken);
        }

        var answered = await AddAsync("620200001001", SupportCategory.InformationSystem, "就业信息系统账号无法登录，台账无法按时录入。",
            SupportDueDate.Compute(cal, today, days), now, cancellationToken);
        answered?.Answer("已联系系统运维单位重置账号，并安排专人上门指导录入。", "市信息中心、市就业服务中心", Actor, now, today);

        await db.SaveChangesAsync(cancellationToken);
        return notBuilt;
    }

    private async Task<SupportRequest?> AddAsync(string code, SupportCategory category, string description, SupportDueDate due, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (community is null)
        {
            return null;
        }

        var request = new SupportRequest(community.Id, community.Code, community.Name, community.CityCode, community.CountyCode, category, description,
            due, Actor, at);
        db.Add(request);
        return request;
    }
}
