using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Ledgers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Configuration;

namespace FullEmployment.Application.Ledgers.Import;

public enum LedgerImportJobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// An upload imported in the background (docs/reference/ledger.md "Background imports"): who asked, the file, the
/// state, and once finished the counts or the errors. The import itself is one transaction as always; this row only
/// follows it, so a page or client can poll it without holding a request open for minutes.
/// </summary>
public sealed class LedgerImportJob
{
    /// <summary>Errors kept on the row; the error report holds them all.</summary>
    public const int KeptErrors = 500;

    public Guid Id { get; init; }

    public required string CommunityCode { get; init; }

    public required string FileName { get; init; }

    public LedgerKind? CsvKind { get; init; }

    public LedgerImportJobState State { get; set; }

    /// <summary>The requester, whose role and scope the import runs with (the check is repeated when it runs).</summary>
    public string? RequestedBy { get; init; }

    public string? RequestedById { get; init; }

    public string? RequestedRole { get; init; }

    public string? RequestedScope { get; init; }

    public string? ClientIp { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public string? Message { get; set; }

    public int ErrorCount { get; set; }

    /// <summary>The first <see cref="KeptErrors"/> errors as JSON (<see cref="ImportIssue"/>s).</summary>
    public string? ErrorsJson { get; set; }

    public string? WarningsJson { get; set; }

    /// <summary>Counts per kind as JSON (sheet name → added/updated/unchanged).</summary>
    public string? ByKindJson { get; set; }

    /// <summary>The id of the error report kept for download, when rows were rejected.</summary>
    public string? ErrorReportId { get; set; }

    public bool IsFinished => State is LedgerImportJobState.Succeeded or LedgerImportJobState.Failed;

    public IReadOnlyList<ImportIssue> Errors => Read<List<ImportIssue>>(ErrorsJson) ?? [];

    public IReadOnlyList<ImportIssue> Warnings => Read<List<ImportIssue>>(WarningsJson) ?? [];

    public IReadOnlyDictionary<string, LedgerKindCounts> ByKind => Read<Dictionary<string, LedgerKindCounts>>(ByKindJson) ?? [];

    internal void Finish(LedgerImportOutcome outcome, string? errorReportId, DateTimeOffset now)
    {
        State = outcome.Succeeded ? LedgerImportJobState.Succeeded : LedgerImportJobState.Failed;
        FinishedAt = now;
        Message = outcome.Message;
        Added = outcome.Totals.Added;
        Updated = outcome.Totals.Updated;
        Unchanged = outcome.Totals.Unchanged;
        ErrorCount = outcome.Errors.Count;
        ErrorsJson = outcome.Errors.Count == 0 ? null : JsonSerializer.Serialize(outcome.Errors.Take(KeptErrors));
        WarningsJson = outcome.Warnings.Count == 0 ? null : JsonSerializer.Serialize(outcome.Warnings.Take(KeptErrors));
        ByKindJson = JsonSerializer.Serialize(outcome.ByKind.ToDictionary(k => k.Key.SheetName(), k => k.Value));
        ErrorReportId = errorReportId;
    }

    internal void Fail(string message, DateTimeOffset now)
    {
        State = LedgerImportJobState.Failed;
        FinishedAt = now;
        Message = message;
    }

    private static T? Read<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json);
}

internal sealed class LedgerImportJobConfiguration : IEntityTypeConfiguration<LedgerImportJob>
{
    public void Configure(EntityTypeBuilder<LedgerImportJob> b)
    {
        b.ToTable("ledger_import_jobs");
        b.HasKey(j => j.Id);
        b.Property(j => j.CommunityCode).HasMaxLength(12);
        b.HasIndex(j => new { j.CommunityCode, j.CreatedAt });
        b.HasIndex(j => j.State);
        b.Property(j => j.FileName).HasMaxLength(260);
        b.Property(j => j.RequestedBy).HasMaxLength(100);
        b.Property(j => j.RequestedById).HasMaxLength(100);
        b.Property(j => j.RequestedRole).HasMaxLength(50);
        b.Property(j => j.RequestedScope).HasMaxLength(12);
        b.Property(j => j.ClientIp).HasMaxLength(64);
        b.Property(j => j.Message).HasMaxLength(1000);
        b.Property(j => j.ErrorReportId).HasMaxLength(64);
        b.Ignore(j => j.IsFinished);
        b.Ignore(j => j.Errors);
        b.Ignore(j => j.Warnings);
        b.Ignore(j => j.ByKind);
    }
}

/// <summary>What a running import has validated and written so far; in memory, because the import's transaction holds the database.</summary>
public sealed record LedgerImportJobProgress(string? Sheet, int RowsValidated, int RowsTotal, int RowsWritten);

/// <summary>
/// The queue between requests and the worker, and the progress of running jobs. Progress lives in this process only:
/// on SQLite the import's write transaction keeps any other writer out until it commits, so the row cannot follow it.
/// </summary>
public sealed class LedgerImportQueue
{
    private readonly Channel<Guid> _queued = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, LedgerImportJobProgress> _progress = new();

    public ChannelReader<Guid> Queued => _queued.Reader;

    public void Enqueue(Guid id) => _queued.Writer.TryWrite(id);

    public LedgerImportJobProgress? ProgressOf(Guid id) => _progress.GetValueOrDefault(id);

    internal void Report(Guid id, Func<LedgerImportJobProgress, LedgerImportJobProgress> update) =>
        _progress.AddOrUpdate(id, _ => update(new LedgerImportJobProgress(null, 0, 0, 0)), (_, p) => update(p));

    internal void Forget(Guid id) => _progress.TryRemove(id, out _);

    /// <summary>Jobs this process runs now (<see cref="LedgerImportRunLock"/>).</summary>
    internal ConcurrentDictionary<Guid, byte> Running { get; } = new();
}

/// <summary>
/// Background ledger imports: a request stores the upload and a queued job after the same role and region check as
/// a direct import; the worker runs <see cref="LedgerImports.ImportFileAsync"/> as the requester (validation, scope,
/// audit and all-or-nothing unchanged) and records the outcome on the job.
/// </summary>
public sealed class LedgerImportJobs(AppDbContext db, DbContextOptions<AppDbContext> contextOptions, LedgerAccess access, ICurrentActor actor,
    TimeProvider clock, LedgerImportQueue queue, LedgerImportOptions options, IConfiguration configuration, AuditKey auditKey)
{
    private string Folder => Path.Combine(Path.GetFullPath(configuration["Files:Root"] ?? Path.Combine("data", "files")), "ledger-import-jobs");

    private string UploadPath(Guid id) => Path.Combine(Folder, id.ToString("N") + ".upload");

    /// <summary>Stores the upload and queues it; refuses (as a direct import would) when the actor may not write the community's ledger.</summary>
    public async Task<LedgerImportJob> StartAsync(string communityCode, Stream content, string fileName, LedgerKind? csvKind,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var community = await access.WritableAsync(communityCode, cancellationToken);
        var job = new LedgerImportJob
        {
            Id = Guid.NewGuid(),
            CommunityCode = community.Code,
            FileName = Path.GetFileName(fileName),
            CsvKind = csvKind,
            State = LedgerImportJobState.Queued,
            RequestedBy = actor.UserName,
            RequestedById = actor.UserId,
            RequestedRole = actor.Role,
            RequestedScope = actor.ScopeCode,
            ClientIp = actor.ClientIp,
            CreatedAt = clock.GetUtcNow(),
        };
        Directory.CreateDirectory(Folder);
        await using (var file = File.Create(UploadPath(job.Id)))
        {
            // One byte over the limit is enough for the import to answer "too large" in its own words.
            await CopyBoundedAsync(content, file, options.MaxFileBytes + 1, cancellationToken);
        }

        db.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        queue.Enqueue(job.Id);
        return job;
    }

    /// <summary>The job, for someone who may write its community's ledger (the same check as starting it).</summary>
    public async Task<LedgerImportJob> GetAsync(string communityCode, Guid id, CancellationToken cancellationToken = default)
    {
        var community = await access.WritableAsync(communityCode, cancellationToken);
        return await db.Set<LedgerImportJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.CommunityCode == community.Code, cancellationToken)
            ?? throw new NotFoundException("导入任务不存在。");
    }

    public LedgerImportJobProgress? ProgressOf(Guid id) => queue.ProgressOf(id);

    /// <summary>
    /// Runs a queued job as its requester; <paramref name="saveErrorReport"/> keeps a rejection's report for download.
    /// Called by the worker in a scope of its own.
    /// </summary>
    public async Task RunAsync(Guid id, ILedgerBulkWriter writer, Func<string, byte[], CancellationToken, Task<string>> saveErrorReport,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(saveErrorReport);
        await using var run = await ClaimAsync(id, cancellationToken);
        if (run is null)
        {
            return;
        }

        var job = await db.Set<LedgerImportJob>().AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken);

        // A context of its own whose audit trail is the requester's: this scope has no signed-in user.
        var requester = new FixedActor(job.RequestedBy, job.RequestedRole, job.RequestedScope, job.ClientIp, job.RequestedById);
        var audit = new AuditTrail(requester, clock);
        await using var importDb = new AppDbContext(contextOptions, audit, auditKey);
        var imports = new LedgerImports(importDb, audit, clock, writer, options);
        var progress = new JobProgress(queue, id);
        LedgerImportOutcome? outcome = null;
        string? failure = null;
        try
        {
            await using var content = File.OpenRead(UploadPath(id));
            // Success is recorded in the import's own transaction: killed after its commit, the job cannot be left
            // running for the next start to report as failed with nothing written.
            outcome = await imports.ImportFileAsync(job.CommunityCode, content, job.FileName, job.CsvKind, progress,
                async (transactionDb, succeeded, ct) =>
                    (await transactionDb.Set<LedgerImportJob>().SingleAsync(j => j.Id == id, ct)).Finish(succeeded, null, clock.GetUtcNow()),
                cancellationToken);
        }
        catch (Exception e) when (e is DomainException or NotFoundException or ForbiddenException)
        {
            // The requester lost the right to this community since the upload: refused as a direct import would be.
            failure = e.Message;
        }
        finally
        {
            DeleteUpload(id);
            queue.Forget(id);
        }

        if (outcome is { Succeeded: true })
        {
            return;
        }

        db.ChangeTracker.Clear();
        var finished = await db.Set<LedgerImportJob>().SingleAsync(j => j.Id == id, cancellationToken);
        if (outcome is null)
        {
            finished.Fail(failure!, clock.GetUtcNow());
        }
        else
        {
            var reportId = outcome.ErrorReport is { } report ? await saveErrorReport(job.CommunityCode, report, cancellationToken) : null;
            finished.Finish(outcome, reportId, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Takes a queued job for this process, or null when another worker (another web node) has it: the job's run lock
    /// first (<see cref="LedgerImportRunLock"/>), then one conditional update from queued to running. Disposing the
    /// result releases the lock; until then <see cref="RecoverAsync"/> anywhere leaves the job to this process.
    /// </summary>
    public async Task<IAsyncDisposable?> ClaimAsync(Guid id, CancellationToken cancellationToken)
    {
        var held = await LedgerImportRunLock.TryTakeAsync(db, queue, id, cancellationToken);
        if (held is null)
        {
            return null;
        }

        var startedAt = clock.GetUtcNow();
        var claimed = await db.Set<LedgerImportJob>().Where(j => j.Id == id && j.State == LedgerImportJobState.Queued)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.State, LedgerImportJobState.Running).SetProperty(j => j.StartedAt, startedAt), cancellationToken);
        if (claimed == 0)
        {
            await held.DisposeAsync();
            return null;
        }

        return held;
    }

    /// <summary>Marks a job failed after an unexpected error (its import's transaction was rolled back).</summary>
    public async Task FailAsync(Guid id, string message, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var job = await db.Set<LedgerImportJob>().SingleAsync(j => j.Id == id, cancellationToken);
        job.Fail(message, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        DeleteUpload(id);
        queue.Forget(id);
    }

    /// <summary>
    /// Jobs a stopped process left running (failed: its transaction was rolled back with the process) and the queued
    /// jobs to take up. A job another live process runs (its run lock held) is left alone.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> RecoverAsync(CancellationToken cancellationToken)
    {
        var running = await db.Set<LedgerImportJob>().Where(j => j.State == LedgerImportJobState.Running).ToListAsync(cancellationToken);
        foreach (var job in running)
        {
            if (!await LedgerImportRunLock.IsAbandonedAsync(db, queue, job.Id, cancellationToken))
            {
                continue;
            }

            job.Fail("导入因服务重启而中断，未写入任何数据。请重新导入。", clock.GetUtcNow());
            // Gone already when its node failed before the folder was made, or another node recovered it first.
            DeleteUpload(job.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.Set<LedgerImportJob>().Where(j => j.State == LedgerImportJobState.Queued).OrderBy(j => j.CreatedAt)
            .Select(j => j.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Removes a job's upload if it is there: after a restore or a lost upload folder a job row outlives its file, and
    /// File.Delete throws for a missing folder, which stopped the worker, and the web app with it, at every start.
    /// </summary>
    private void DeleteUpload(Guid id)
    {
        var path = UploadPath(id);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static async Task CopyBoundedAsync(Stream from, Stream to, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while (copied < limit && (read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - copied)), cancellationToken)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            copied += read;
        }
    }

    private sealed class JobProgress(LedgerImportQueue queue, Guid id) : IProgress<LedgerImportProgress>
    {
        public void Report(LedgerImportProgress value) => queue.Report(id, p => value.RowsWritten is { } written
            ? p with { RowsWritten = written }
            : p with { Sheet = value.Sheet, RowsValidated = value.RowsDone, RowsTotal = value.RowsTotal });
    }
}
