using System.Threading.Channels;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers.Data;
using FullEmployment.Application.Ledgers.Import;
using FullEmployment.Domain;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Ledgers;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Ledgers;

/// <summary>Rows of one kind an import added, changed, or found identical.</summary>
public sealed record LedgerKindCounts(int Added, int Updated, int Unchanged)
{
    public static LedgerKindCounts Zero { get; } = new(0, 0, 0);

    public LedgerKindCounts Plus(LedgerKindCounts other) =>
        new(Added + other.Added, Updated + other.Updated, Unchanged + other.Unchanged);
}

public enum LedgerImportRejection
{
    None,

    /// <summary>Some rows are invalid: nothing was written; <see cref="LedgerImportOutcome.Errors"/> lists them all.</summary>
    InvalidRows,

    /// <summary>The file itself was refused (empty, not a workbook or CSV, zip bomb).</summary>
    FileRefused,

    /// <summary>The file exceeds the configured size (HTTP 413).</summary>
    TooLarge,
}

/// <summary>What an import did, or why it wrote nothing; pages show it, the API maps it to 200/422/413.</summary>
public sealed class LedgerImportOutcome
{
    public required LedgerImportRejection Rejection { get; init; }

    public bool Succeeded => Rejection == LedgerImportRejection.None;

    /// <summary>Counts per kind present in the input (empty when rejected).</summary>
    public IReadOnlyDictionary<LedgerKind, LedgerKindCounts> ByKind { get; init; } = new Dictionary<LedgerKind, LedgerKindCounts>();

    public LedgerKindCounts Totals => ByKind.Values.Aggregate(LedgerKindCounts.Zero, (a, b) => a.Plus(b));

    public IReadOnlyList<ImportIssue> Errors { get; init; } = [];

    public IReadOnlyList<ImportIssue> Warnings { get; init; } = [];

    /// <summary>docs/reference/ledger.md "Validation": the xlsx with the bad cells marked, for download; null when nothing was rejected by row.</summary>
    public byte[]? ErrorReport { get; init; }

    public string Message => Rejection switch
    {
        LedgerImportRejection.None => $"导入完成：新增 {Totals.Added} 条，更新 {Totals.Updated} 条，未变 {Totals.Unchanged} 条。",
        LedgerImportRejection.InvalidRows => $"导入未执行：发现 {Errors.Count} 处错误，未写入任何数据。请修改后重新导入。",
        _ => Errors.Count > 0 ? Errors[0].Message : "文件无法导入",
    };

    /// <summary>The API's and CLI's form of a rejection: every error with sheet, row, column, value and message.</summary>
    public InputRejectedException ToException() =>
        new(Message, [.. Errors.Select(e => new InputError(e.Sheet, e.Row, e.Column, e.Value, e.Message))]);
}

/// <summary>
/// Ledger import (docs/reference/ledger.md), one transaction per import (ADR 0010): the parser validates on its own
/// thread and hands valid rows on in chunks, which are upserted by natural key as they arrive. After the first invalid
/// row it hands nothing more on but keeps validating, so every error is reported; then an invalid import is rolled
/// back (nothing stays written) and a valid one is committed with its audit event.
/// </summary>
public sealed class LedgerImports(AppDbContext db, AuditTrail audit, TimeProvider clock, ILedgerBulkWriter writer, LedgerImportOptions options)
{
    private readonly LedgerAccess _access = new(db, audit.Actor);

    /// <summary>The same imports with another file size limit (the CLI's --max-mb).</summary>
    public LedgerImports WithMaxFileBytes(long maxFileBytes) => new(db, audit, clock, writer, options with { MaxFileBytes = maxFileBytes });

    /// <summary>Imports an xlsx (one sheet per kind) or a CSV of <paramref name="csvKind"/>.</summary>
    public Task<LedgerImportOutcome> ImportFileAsync(string communityCode, Stream content, string fileName, LedgerKind? csvKind,
        IProgress<LedgerImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportFileAsync(communityCode, content, fileName, csvKind, progress, null, cancellationToken);

    /// <summary>
    /// As above; <paramref name="beforeCommit"/> runs inside the import's transaction once every row is written, on this
    /// context, with the outcome about to be committed: what it changes commits with the rows or not at all (the
    /// background job records its success there, so a process killed after the commit leaves no job that says
    /// nothing was written).
    /// </summary>
    public async Task<LedgerImportOutcome> ImportFileAsync(string communityCode, Stream content, string fileName, LedgerKind? csvKind,
        IProgress<LedgerImportProgress>? progress, Func<AppDbContext, LedgerImportOutcome, CancellationToken, Task>? beforeCommit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var community = await _access.WritableAsync(communityCode, cancellationToken);
        if (content.CanSeek && content.Length > options.MaxFileBytes)
        {
            return new LedgerImportOutcome
            {
                Rejection = LedgerImportRejection.TooLarge,
                Errors = [new ImportIssue(fileName, 0, string.Empty, string.Empty, $"文件过大，超过 {options.MaxFileBytes / 1024 / 1024} MB 的上限")],
            };
        }

        var context = await ContextAsync(community, csvKind, progress, cancellationToken);
        var parser = new LedgerFileParser(options);
        return await ImportAsync(community, context, c => parser.Parse(content, fileName, c), fileName, beforeCommit, cancellationToken);
    }

    /// <summary>
    /// Upserts records given as column name → value (the Chinese column names of docs/reference/ledger.md),
    /// validated exactly like the rows of an import: the API's batch sync and the pages' single-record form.
    /// </summary>
    public async Task<LedgerImportOutcome> ImportRowsAsync(string communityCode, LedgerKind kind,
        IReadOnlyList<IReadOnlyDictionary<string, string?>> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var community = await _access.WritableAsync(communityCode, cancellationToken);
        if (rows.Count == 0)
        {
            throw new DomainException("没有要写入的记录。");
        }

        var headers = rows.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).ToList();
        var values = rows.Select(r => (IReadOnlyList<string?>)[.. headers.Select(h => r.GetValueOrDefault(h))]).ToList();
        var context = await ContextAsync(community, kind, null, cancellationToken);
        var parser = new LedgerFileParser(options);
        return await ImportAsync(community, context, c => parser.ParseRows(kind, headers, values, c), "api", null, cancellationToken);
    }

    /// <summary>Like <see cref="ImportFileAsync"/>, but a rejection is thrown (API, CLI).</summary>
    public async Task<LedgerImportOutcome> ImportFileOrThrowAsync(string communityCode, Stream content, string fileName, LedgerKind? csvKind,
        CancellationToken cancellationToken = default)
    {
        var outcome = await ImportFileAsync(communityCode, content, fileName, csvKind, null, cancellationToken);
        return outcome.Succeeded ? outcome : throw outcome.ToException();
    }

    private async Task<LedgerImportContext> ContextAsync(Community community, LedgerKind? kind, IProgress<LedgerImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        // One query: the community's persons, so rows of other kinds may refer to them.
        var personExists = await LedgerAccess.PersonLookupAsync(db, community.Id, cancellationToken);
        var now = clock.GetUtcNow();
        return new LedgerImportContext
        {
            CommunityId = community.Id,
            Today = ChinaTime.Today(clock),
            // Microseconds: PostgreSQL keeps no finer, and re-reads must compare equal.
            Now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero),
            CsvKind = kind,
            PersonExists = personExists,
            Progress = progress,
        };
    }

    /// <summary>
    /// Parses on a worker thread while this one writes the valid rows it hands on, inside one transaction with the
    /// audit event: reading and writing a large file overlap. Any invalid row rolls everything back.
    /// </summary>
    private async Task<LedgerImportOutcome> ImportAsync(Community community, LedgerImportContext context,
        Func<LedgerImportContext, LedgerImportResult> parse, string source,
        Func<AppDbContext, LedgerImportOutcome, CancellationToken, Task>? beforeCommit, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chunks = Channel.CreateBounded<LedgerRowBatch>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        // The parsing thread seals and orders each chunk too (LedgerRowBatch); it touches the model, never the context.
        var (model, keys) = (db.Model, db.PersonalData);
        var streaming = context with
        {
            OnValidRows = (kind, records) => WriteBlocking(chunks.Writer, LedgerRowBatch.Prepare(LedgerTable.For(model, keys, kind), records), stop.Token),
        };
        var parsing = Task.Run(() =>
        {
            try
            {
                return parse(streaming);
            }
            finally
            {
                chunks.Writer.Complete();
            }
        }, stop.Token);

        LedgerImportResult? result = null;
        var byKind = new Dictionary<LedgerKind, LedgerKindCounts>();
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var upserts = new Dictionary<LedgerKind, KindUpsert>();
                var bulk = await writer.BeginAsync(db, cancellationToken);
                var written = 0;
                try
                {
                    await foreach (var batch in chunks.Reader.ReadAllAsync(cancellationToken))
                    {
                        if (!upserts.TryGetValue(batch.Kind, out var upsert))
                        {
                            upserts[batch.Kind] = upsert = await KindUpsert.StartAsync(db, community.Id, batch.Kind, cancellationToken);
                        }

                        await upsert.WriteAsync(db, writer, batch, cancellationToken);
                        written += batch.Count;
                        context.Progress?.Report(new LedgerImportProgress(batch.Kind.SheetName(), 0, 0, written));
                    }
                }
                finally
                {
                    // Before the commit: EF closes the connection after it, and the connection goes back to the pool.
                    await bulk.DisposeAsync();
                }

                result = await parsing;
                if (!result.IsValid)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return;
                }

                foreach (var kind in result.Sheets.Select(s => s.Kind).Distinct())
                {
                    byKind[kind] = upserts.TryGetValue(kind, out var upsert) ? upsert.Counts : LedgerKindCounts.Zero;
                }

                audit.Record("ledger.import", "community", community.Code, LedgerAccess.RegionOf(community), after: new
                {
                    source,
                    byKind = byKind.ToDictionary(k => k.Key.SheetName(), k => new { added = k.Value.Added, updated = k.Value.Updated, unchanged = k.Value.Unchanged }),
                });
                await LedgerVersions.BumpAsync(db, [community.Id], cancellationToken);
                if (beforeCommit is not null)
                {
                    await beforeCommit(db, Succeeded(byKind, result), cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        finally
        {
            // A failed write must not leave the parser waiting on a full channel.
            await stop.CancelAsync();
            await Task.WhenAny(parsing);
        }

        if (!result!.IsValid)
        {
            return new LedgerImportOutcome
            {
                Rejection = result.Refused ? LedgerImportRejection.FileRefused : LedgerImportRejection.InvalidRows,
                Errors = result.Errors,
                Warnings = result.Warnings,
                ErrorReport = result.Refused ? null : LedgerErrorReport.Build(result),
            };
        }

        return Succeeded(byKind, result);
    }

    private static LedgerImportOutcome Succeeded(Dictionary<LedgerKind, LedgerKindCounts> byKind, LedgerImportResult result) =>
        new() { Rejection = LedgerImportRejection.None, ByKind = byKind, Warnings = result.Warnings };

    /// <summary>The parser runs synchronously on its own thread; it waits here while the writer is behind.</summary>
    private static void WriteBlocking<T>(ChannelWriter<T> writer, T item, CancellationToken cancellationToken)
    {
        while (!writer.TryWrite(item))
        {
            if (!writer.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                throw new InvalidOperationException("The import's writer stopped taking rows.");
            }
        }
    }

    /// <summary>
    /// One kind's rows of an import, sorted into new, changed and identical by natural key against one query of
    /// the stored rows; the first two are written.
    /// </summary>
    private sealed class KindUpsert
    {
        private readonly LedgerTable _table;
        private readonly Dictionary<string, object?[]> _existing;
        private int _added;
        private int _updated;
        private int _unchanged;

        private KindUpsert(LedgerTable table, Dictionary<string, object?[]> existing)
        {
            _table = table;
            _existing = existing;
        }

        public LedgerKindCounts Counts => new(_added, _updated, _unchanged);

        public static async Task<KindUpsert> StartAsync(AppDbContext db, int communityId, LedgerKind kind, CancellationToken cancellationToken)
        {
            var table = LedgerTable.For(db, kind);
            var existing = new Dictionary<string, object?[]>(StringComparer.Ordinal);
            await foreach (var row in LedgerAccess.Set(db, kind).AsNoTracking().Where(r => r.CommunityId == communityId)
                .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                var values = table.Values(row);
                existing[table.Key(values)] = values;
            }

            return new KindUpsert(table, existing);
        }

        public async Task WriteAsync(AppDbContext db, ILedgerBulkWriter writer, LedgerRowBatch batch, CancellationToken cancellationToken)
        {
            if (_existing.Count == 0)
            {
                // A first import: every row is new, and comparing each with nothing costs a key and a copy per row.
                _added += batch.Count;
                await writer.UpsertAsync(db, batch, cancellationToken);
                return;
            }

            var changed = new bool[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                var values = _table.Values(batch.Records[i]);
                if (!_existing.TryGetValue(_table.Key(values), out var stored))
                {
                    _added++;
                    changed[i] = true;
                }
                else if (_table.SameData(values, stored))
                {
                    _unchanged++;
                }
                else
                {
                    _updated++;
                    changed[i] = true;
                }
            }

            await writer.UpsertAsync(db, batch.Where(i => changed[i]), cancellationToken);
        }
    }
}
