using FullEmployment.Application.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Ledgers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FullEmployment.Application.Ledgers;

/// <summary>
/// Computes every community's figures for the default period and today at start-up and again just after each China
/// midnight (the day's default application date), so the first roll-up of a day reads stored results instead of
/// every ledger row. Only a cache is filled: a roll-up computes whatever is missing itself, whether this ran or not.
/// With several web nodes on PostgreSQL one node warms at a time (a try-lock; the others skip, the results are shared).
/// </summary>
public sealed partial class IndicatorRollUpWarmer(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IndicatorRollUpWarmer> logger) : BackgroundService
{
    // Any fixed number, distinct from the start-up lock's: "FEWARM".
    private const long WarmLockKey = 0x4645_5741_524D;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let start-up (migration, seeding) finish and the first requests through before reading every ledger.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var today = ChinaTime.Today(clock);
            try
            {
                await WarmAsync(today, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed warm-up costs the first roll-up of the day its speed, never its correctness.
                LogFailed(logger, ex);
            }

            var next = ChinaTime.EndOf(today).AddMinutes(1) - clock.GetUtcNow();
            await Task.Delay(next > TimeSpan.Zero ? next : TimeSpan.FromMinutes(1), clock, stoppingToken);
        }
    }

    private async Task WarmAsync(DateOnly today, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var turn = db.IsSqlite ? null : await AdvisoryLock.TakeAsync(db.Database.GetConnectionString()!, WarmLockKey, wait: false, cancellationToken);
        if (!db.IsSqlite && turn is null)
        {
            LogSkipped(logger);
            return;
        }

        var store = scope.ServiceProvider.GetRequiredService<IndicatorResultStore>();
        var ids = await db.Communities.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken);
        var (period, applicationDate) = AssessmentPeriod.ForRequest(null, null, null, today);
        await store.FiguresAsync(ids, everyCommunity: true, period, applicationDate, cancellationToken);
        var pruned = await store.PruneAsync(cancellationToken);
        LogWarmed(logger, ids.Count, period.Start, period.End, applicationDate, pruned);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "指标汇总预计算完成：{Communities} 个社区，考核期 {Start}至{End}，申报日 {On}；清理过期结果 {Pruned} 条。")]
    private static partial void LogWarmed(ILogger logger, int communities, DateOnly start, DateOnly end, DateOnly on, int pruned);

    [LoggerMessage(Level = LogLevel.Information, Message = "指标汇总预计算由另一个节点进行，本节点跳过。")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "指标汇总预计算失败，首次汇总将现场计算。")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
