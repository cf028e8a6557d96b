using FullEmployment.Application.Common;
using FullEmployment.Application.Ledgers;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Web.Pages.Ledgers;

/// <summary>One kind on the ledger home: how many rows, when last changed, whether stale (A5.2.1).</summary>
public sealed record LedgerKindSummary(LedgerKindDefinition Definition, int Count, DateTimeOffset? LastUpdated, bool IsStale);

/// <summary>A community's ledger at a glance: counts and last change per kind, stale kinds, links.</summary>
public sealed class IndexModel(LedgerQueries queries, IndicatorQueries indicators, LedgerAccess access, ICurrentActor actor)
    : LedgerPageBase(access, actor)
{
    public IReadOnlyList<LedgerKindSummary> Kinds { get; private set; } = [];

    public IndicatorResult Completeness { get; private set; } = null!;

    public async Task OnGetAsync(string code, CancellationToken cancellationToken)
    {
        await LoadCommunityAsync(code, cancellationToken);
        var report = await indicators.ComputeAsync(code, AssessmentPeriod.DefaultFor(indicators.Today), cancellationToken: cancellationToken);
        Completeness = report[IndicatorCalculator.LedgerCompleteness];
        var kinds = new List<LedgerKindSummary>();
        foreach (var definition in LedgerKinds.All)
        {
            var page = await queries.ListAsync(code, definition.Kind, new LedgerFilter(Sort: LedgerSort.Updated), new PageRequest(1, 1), cancellationToken);
            kinds.Add(new LedgerKindSummary(definition, page.Rows.Total, page.Rows.Items.FirstOrDefault()?.UpdatedAt,
                report.StaleKinds.Contains(definition.Kind)));
        }

        Kinds = kinds;
    }
}
