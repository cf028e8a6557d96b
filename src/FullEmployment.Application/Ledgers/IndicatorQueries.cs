using System.Runtime.CompilerServices;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using FullEmployment.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Ledgers;

/// <summary>One indicator without its subject lists: what a roll-up row or the API shows.</summary>
public sealed record IndicatorFigure(string Id, string Name, int Numerator, int Denominator, decimal Value, decimal? Threshold, IndicatorStatus Status)
{
    public static IndicatorFigure From(IndicatorResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.Name, r.Numerator, r.Denominator, r.Value, r.Threshold, r.Status);
    }
}

/// <summary>One community's figures in a region roll-up.</summary>
public sealed record CommunityIndicatorRow(string Code, string Name, string CityCode, string? CountyCode, IReadOnlyList<IndicatorFigure> Figures)
{
    /// <summary>Every indicator with a threshold is met or not applicable (A5 conditions).</summary>
    public bool MeetsAll => Figures.All(f => f.Status != IndicatorStatus.NotMet);
}

/// <summary>One person (or family, staff, complaint) behind a figure; the ID number masked.</summary>
public sealed record IndicatorSubjectRow(string Key, string? Name, string? Detail);

/// <summary>One community's indicator page: the figures without their subject lists (those are the drill-down's).</summary>
public sealed record IndicatorFigures(AssessmentPeriod Period, DateOnly ApplicationDate, IReadOnlyList<IndicatorFigure> Indicators,
    IReadOnlyList<LedgerKind> StaleKinds);

public sealed record IndicatorDrillDown(IndicatorResult Result, IReadOnlyList<IndicatorSubjectRow> Numerator, IReadOnlyList<IndicatorSubjectRow> Denominator);

/// <summary>
/// A5 indicators computed from the stored ledgers (docs/reference/indicators.md), never typed in:
/// one community, the people behind a figure, and region roll-ups streamed community by community.
/// </summary>
public sealed class IndicatorQueries(AppDbContext db, AuditTrail audit, TimeProvider clock, DbContextOptions<AppDbContext> options)
{
    private static readonly string[] RegionReaders = [Roles.ProvinceOfficer, Roles.CityOfficer, Roles.CountyOfficer];

    private readonly LedgerAccess _access = new(db, audit.Actor);

    public IndicatorCalculator Calculator { get; init; } = new();

    /// <summary>The application date used when none is given: today (China time).</summary>
    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<IndicatorReport> ComputeAsync(string communityCode, AssessmentPeriod period, DateOnly? applicationDate = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var community = await _access.ReadableAsync(communityCode, cancellationToken);
        var ledger = await LedgerLoader.LoadAsync(db, community.Id, cancellationToken);
        return Calculator.Calculate(ledger, period, applicationDate ?? Today);
    }

    /// <summary>
    /// One community's figures for its indicator page: the stored result while its ledger is unchanged, else computed
    /// (and stored) from the ledger, as the roll-up does (<see cref="IndicatorResultStore"/>).
    /// </summary>
    public async Task<IndicatorFigures> FiguresAsync(string communityCode, AssessmentPeriod period, DateOnly? applicationDate = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var community = await _access.ReadableAsync(communityCode, cancellationToken);
        var date = applicationDate ?? Today;
        var figures = await new IndicatorResultStore(db, options, clock) { Calculator = Calculator }.OfAsync(community.Id, period, date, cancellationToken);
        return new IndicatorFigures(period, date, figures.Figures, figures.StaleKinds);
    }

    /// <summary>The lists behind one figure (docs/reference/indicators.md: every figure links to its persons), ID numbers masked.</summary>
    public async Task<IndicatorDrillDown> DrillDownAsync(string communityCode, AssessmentPeriod period, string indicatorId,
        DateOnly? applicationDate = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var community = await _access.ReadableAsync(communityCode, cancellationToken);
        var ledger = await LedgerLoader.LoadAsync(db, community.Id, cancellationToken);
        var result = Calculator.Calculate(ledger, period, applicationDate ?? Today).Indicators.FirstOrDefault(i => i.Id == indicatorId)
            ?? throw new NotFoundException($"没有指标“{indicatorId}”。");
        var names = ledger.Persons.ToDictionary(p => p.IdNumber, p => p.Name, StringComparer.Ordinal);
        List<IndicatorSubjectRow> Rows(IEnumerable<IndicatorSubject> subjects) => [.. subjects.Select(s => new IndicatorSubjectRow(
            IdNumber.IsValid(s.Key) ? IdNumber.Mask(s.Key) : s.Key, names.GetValueOrDefault(s.Key), s.Detail))];
        return new IndicatorDrillDown(result, Rows(result.NumeratorSubjects), Rows(result.DenominatorSubjects));
    }

    /// <summary>
    /// Every community of a region (province, city or county) within the caller's scope, in code order, each with the
    /// figures of its own indicator page: stored results where the community's ledger is unchanged, the rest computed
    /// (<see cref="IndicatorResultStore"/>).
    /// </summary>
    public async IAsyncEnumerable<CommunityIndicatorRow> RollUpAsync(string regionCode, AssessmentPeriod period, DateOnly? applicationDate = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var actor = audit.Actor;
        if (!actor.IsInRole(RegionReaders) || actor.ScopeCode is null || !RegionScope.CoversRegion(actor.ScopeCode, regionCode))
        {
            throw new ForbiddenException("只能汇总本辖区的社区指标。");
        }

        var communities = db.Communities.AsNoTracking().WithinScope(actor);
        if (regionCode != GansuRegions.ProvinceCode)
        {
            communities = regionCode.EndsWith("00", StringComparison.Ordinal)
                ? communities.Where(c => c.CityCode == regionCode)
                : communities.Where(c => c.CountyCode == regionCode);
        }

        var list = await communities.OrderBy(c => c.Code)
            .Select(c => new { c.Id, c.Code, c.Name, c.CityCode, c.CountyCode }).ToListAsync(cancellationToken);
        var everyCommunity = regionCode == GansuRegions.ProvinceCode && await db.Communities.CountAsync(cancellationToken) == list.Count;
        var store = new IndicatorResultStore(db, options, clock) { Calculator = Calculator };
        var figures = await store.FiguresAsync(list.ConvertAll(c => c.Id), everyCommunity, period, applicationDate ?? Today, cancellationToken);
        foreach (var c in list)
        {
            yield return new CommunityIndicatorRow(c.Code, c.Name, c.CityCode, c.CountyCode, figures[c.Id]);
        }
    }
}
