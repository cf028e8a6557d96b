using FullEmployment.Application.Ledgers.Data;
using FullEmployment.Application.Ledgers.Import;

namespace FullEmployment.Web.Pages.Ledgers;

/// <summary>
/// Runs queued ledger imports one at a time, each in a scope of its own (docs/reference/ledger.md "Background
/// imports"); at start it takes up the jobs a stopped process left behind.
/// </summary>
public sealed partial class LedgerImportWorker(IServiceScopeFactory scopes, LedgerImportQueue queue, ILedgerBulkWriter writer,
    IConfiguration configuration, ILogger<LedgerImportWorker> logger) : BackgroundService
{
    private readonly ErrorReportStore _reports = new(configuration);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            foreach (var id in await scope.ServiceProvider.GetRequiredService<LedgerImportJobs>().RecoverAsync(stoppingToken))
            {
                queue.Enqueue(id);
            }
        }

        await foreach (var id in queue.Queued.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<LedgerImportJobs>().RunAsync(id, writer, _reports.SaveAsync, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The import rolled back; the job is failed with a message instead of staying "running".
                LogFailed(logger, e, id);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<LedgerImportJobs>().FailAsync(id, "导入时发生内部错误，未写入任何数据。请稍后重试或联系管理员。", stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ledger import job {JobId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid jobId);
}
