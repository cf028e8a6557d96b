using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Ledgers;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Ledgers;

/// <summary>One community's stored figures and the ledger kinds long without an update (A5.2.1): its indicator page.</summary>
public sealed record CommunityFigures(IReadOnlyList<IndicatorFigure> Figures, IReadOnlyList<LedgerKind> StaleKinds);

/// <summary>
/// Current A5 figures of many communities for one period and application date: the stored result of each community
/// whose ledger version and calculator are unchanged since it was computed, and a fresh computation (then stored) for
/// the rest. A roll-up after one community's ledger changed recomputes that community alone. No role check: callers
/// (<see cref="IndicatorQueries"/>, the start-up warm-up) decide which communities may be read.
/// </summary>
public sealed class IndicatorResultStore(AppDbContext db, DbContextOptions<AppDbContext> options, TimeProvider clock)
{
    /// <summary>Stored results not recomputed for this many days are deleted by <see cref="PruneAsync"/>.</summary>
    public const int KeepDays = 31;

    private const int WriteBatch = 100;

    /// <summary>Up to this many communities, the versions and stored results are read for those communities only.</summary>
    private const int FilterBelow = 100;

    /// <summary>The stored JSON's shape, in the stamp: a release that changes it recomputes instead of misreading.</summary>
    private const string Format = "figures+stale";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public IndicatorCalculator Calculator { get; init; } = new();

    /// <summary>
    /// What the figures were computed by: the domain assembly's build and the settings. Deterministic builds give the
    /// same id to the same code, so a release that changes a rule recomputes and one that does not keeps the results.
    /// </summary>
    public static string CalculatorStamp(IndicatorCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        var text = typeof(IndicatorCalculator).Assembly.ManifestModule.ModuleVersionId.ToString("N") + JsonSerializer.Serialize(calculator.Settings, Json)
            + Format;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>
    /// The figures of each of <paramref name="communityIds"/>; <paramref name="everyCommunity"/> says they are all the
    /// communities there are, so a full recomputation reads each ledger table without an id filter.
    /// </summary>
    public async Task<Dictionary<int, IReadOnlyList<IndicatorFigure>>> FiguresAsync(IReadOnlyCollection<int> communityIds, bool everyCommunity,
        AssessmentPeriod period, DateOnly applicationDate, CancellationToken cancellationToken = default) =>
        (await CurrentAsync(communityIds, everyCommunity, period, applicationDate, cancellationToken)).ToDictionary(c => c.Key, c => c.Value.Figures);

    /// <summary>One community's current figures (its indicator page), stored or computed like a roll-up's.</summary>
    public async Task<CommunityFigures> OfAsync(int communityId, AssessmentPeriod period, DateOnly applicationDate,
        CancellationToken cancellationToken = default) =>
        (await CurrentAsync([communityId], everyCommunity: false, period, applicationDate, cancellationToken))[communityId];

    private async Task<Dictionary<int, CommunityFigures>> CurrentAsync(IReadOnlyCollection<int> communityIds, bool everyCommunity,
        AssessmentPeriod period, DateOnly applicationDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(communityIds);
        ArgumentNullException.ThrowIfNull(period);

        // A few communities (one indicator page, a county) read their own rows, not the province's.
        var few = communityIds.Count < FilterBelow ? communityIds.ToList() : null;
        // Versions before ledgers: a ledger write bumps its version in its own transaction, so rows read after the
        // version are at least as new as it; a result stored under an older version than its rows is never matched.
        var versionRows = db.Set<LedgerVersion>().AsNoTracking();
        var storedRows = db.Set<StoredIndicatorResult>().AsNoTracking()
            .Where(r => r.PeriodStart == period.Start && r.PeriodEnd == period.End && r.ApplicationDate == applicationDate);
        if (few is not null)
        {
            versionRows = versionRows.Where(v => few.Contains(v.CommunityId));
            storedRows = storedRows.Where(r => few.Contains(r.CommunityId));
        }

        var versions = await versionRows.ToDictionaryAsync(v => v.CommunityId, v => v.Version, cancellationToken);
        var stamp = CalculatorStamp(Calculator);
        var stored = await storedRows.Select(r => new { r.CommunityId, r.LedgerVersion, r.Calculator, r.Figures }).ToListAsync(cancellationToken);
        var wanted = communityIds.ToHashSet();
        var figures = new Dictionary<int, CommunityFigures>(wanted.Count);
        foreach (var r in stored)
        {
            if (wanted.Contains(r.CommunityId) && r.Calculator == stamp && r.LedgerVersion == versions.GetValueOrDefault(r.CommunityId))
            {
                figures[r.CommunityId] = JsonSerializer.Deserialize<CommunityFigures>(r.Figures, Json)!;
            }
        }

        var missing = wanted.Where(id => !figures.ContainsKey(id)).Order().ToList();
        if (missing.Count == 0)
        {
            return figures;
        }

        var computed = await ComputeAsync(missing, everyCommunity && missing.Count == wanted.Count, period, applicationDate, cancellationToken);
        var today = ChinaTime.Today(clock);
        // In community order: two nodes storing at once take the rows' locks in the same order, never a deadlock.
        await StoreAsync([.. computed.OrderBy(c => c.Key).Select(c => new StoredIndicatorResult
        {
            CommunityId = c.Key,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            ApplicationDate = applicationDate,
            LedgerVersion = versions.GetValueOrDefault(c.Key),
            Calculator = stamp,
            Figures = JsonSerializer.Serialize(c.Value, Json),
            ComputedOn = today,
        })], cancellationToken);
        foreach (var (id, value) in computed)
        {
            figures[id] = value;
        }

        return figures;
    }

    /// <summary>Deletes results not recomputed for <see cref="KeepDays"/> days; returns how many.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        var before = ChinaTime.Today(clock).AddDays(-KeepDays);
        return db.Set<StoredIndicatorResult>().Where(r => r.ComputedOn < before).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Each ledger table read once, ordered by community_id, while one worker per core computes the communities
    /// already read: only a few ledgers are in memory at a time.
    /// </summary>
    private async Task<Dictionary<int, CommunityFigures>> ComputeAsync(List<int> ids, bool everyCommunity, AssessmentPeriod period,
        DateOnly applicationDate, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queue = Channel.CreateBounded<CommunityLedger>(new BoundedChannelOptions(2 * Environment.ProcessorCount) { SingleWriter = true });
        var results = new Dictionary<int, CommunityFigures>(ids.Count);

        async Task ReadAsync()
        {
            try
            {
                await using var stream = await LedgerStream.OpenAsync(() => new AppDbContext(options), everyCommunity ? null : ids, stop.Token);
                foreach (var id in ids)
                {
                    await queue.Writer.WriteAsync(stream.Next(id), stop.Token);
                }
            }
            finally
            {
                queue.Writer.Complete();
            }
        }

        async Task ComputeAsync()
        {
            await foreach (var ledger in queue.Reader.ReadAllAsync(stop.Token))
            {
                var report = Calculator.Calculate(ledger, period, applicationDate);
                var row = new CommunityFigures([.. report.Indicators.Select(IndicatorFigure.From)], report.StaleKinds);
                lock (results)
                {
                    results[ledger.CommunityId] = row;
                }
            }
        }

        try
        {
            await Task.WhenAll([Task.Run(ReadAsync, stop.Token), .. Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(ComputeAsync, stop.Token))]);
        }
        catch
        {
            // One failed task stops the others, so none waits on a channel nobody serves.
            await stop.CancelAsync();
            throw;
        }

        return results;
    }

    /// <summary>
    /// Upserts in batches of <see cref="WriteBatch"/> rows: two requests computing the same community at once both
    /// write, and the figures they write are the same.
    /// </summary>
    private async Task StoreAsync(List<StoredIndicatorResult> rows, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var batch in rows.Chunk(WriteBatch))
            {
                var sql = new StringBuilder(
                    "INSERT INTO indicator_results (period_start, period_end, application_date, community_id, ledger_version, calculator, figures, computed_on) VALUES ");
                var parameters = new List<object>(batch.Length * 8);
                for (var i = 0; i < batch.Length; i++)
                {
                    var r = batch[i];
                    var p = parameters.Count;
                    sql.Append(i == 0 ? "" : ", ").Append('(')
                        .AppendJoin(", ", Enumerable.Range(p, 8).Select(n => $"{{{n}}}")).Append(')');
                    parameters.AddRange([r.PeriodStart, r.PeriodEnd, r.ApplicationDate, r.CommunityId, r.LedgerVersion, r.Calculator, r.Figures, r.ComputedOn]);
                }

                sql.Append(" ON CONFLICT (period_start, period_end, application_date, community_id) DO UPDATE SET ledger_version = excluded.ledger_version, " +
                    "calculator = excluded.calculator, figures = excluded.figures, computed_on = excluded.computed_on");
                await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        });
    }
}
