using FullEmployment.Application.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Seeding;

/// <summary>
/// A11 demo (run after <see cref="DemoData"/>): a rename of 胜利社区 (嘉峪关市, provincial title) waiting for the province's consent, and a dissolution
/// of 陈坪社区 that its staff filed but the county has not confirmed past the one-month due date (overdue, unreported).
/// </summary>
public sealed class ChangeReportDemoData(AppDbContext db, TimeProvider clock)
{
    private const string Actor = "演示数据";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Set<ChangeReport>().AnyAsync(cancellationToken))
        {
            return;
        }

        var today = ChinaTime.Today(clock);
        var shengli = await db.Communities.Include(c => c.Titles).FirstOrDefaultAsync(c => c.Code == "620200001002", cancellationToken);
        var chenping = await db.Communities.Include(c => c.Titles).FirstOrDefaultAsync(c => c.Code == "620104001001", cancellationToken);
        if (shengli is null || chenping is null)
        {
            return;
        }

        db.Add(ChangeReport.File(ChangeKind.Rename, shengli, ChangeStanding.Community, "嘉民发〔" + today.Year + "〕12号", today.AddDays(-10), today,
            Actor, ChangeReport.DeciderFor(shengli.TitlesInForceOn(today)), "胜利新村社区"));
        db.Add(ChangeReport.File(ChangeKind.Dissolution, chenping, ChangeStanding.Community, "西固民发〔" + today.Year + "〕3号", today.AddDays(-45),
            today.AddDays(-20), Actor));
        await db.SaveChangesAsync(cancellationToken);
    }
}
