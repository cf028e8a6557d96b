using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;

namespace FullEmployment.Domain.Funds;

/// <summary>
/// A year's subsidy allocation (A12): draft → confirmed → issued (下达). A draft is recomputed on request; a confirmed list
/// is locked, so titles that change afterwards only show as differences against a fresh computation. Every move checks
/// <see cref="Transitions"/> first.
/// </summary>
public sealed class FundAllocation
{
    public const string Clause = "A12";

    public static readonly IReadOnlyDictionary<(FundAllocationState From, FundAllocationAction Action), FundAllocationState> Transitions =
        new Dictionary<(FundAllocationState, FundAllocationAction), FundAllocationState>
        {
            [(FundAllocationState.Draft, FundAllocationAction.Recompute)] = FundAllocationState.Draft,
            [(FundAllocationState.Draft, FundAllocationAction.Confirm)] = FundAllocationState.Confirmed,
            [(FundAllocationState.Confirmed, FundAllocationAction.Issue)] = FundAllocationState.Issued,
        };

    private readonly List<FundAllocationLine> _lines = [];

    public FundAllocation(FundSettings settings, IReadOnlyList<FundAllocationLine> lines, string createdBy, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(lines);
        Id = Guid.NewGuid();
        Year = settings.Year;
        State = FundAllocationState.Draft;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        Replace(settings, lines, createdBy, createdAt);
    }

    private FundAllocation() { }

    public Guid Id { get; private set; }

    public int Version { get; private set; }

    public int Year { get; private set; }

    public DateOnly AllocationDate { get; private set; }

    public FundAllocationState State { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public string ComputedBy { get; private set; } = "";

    public DateTimeOffset ComputedAt { get; private set; }

    public string? ConfirmedBy { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public string? IssuedBy { get; private set; }

    public DateTimeOffset? IssuedAt { get; private set; }

    /// <summary>下达: the budget document's number and date.</summary>
    public string? DocumentNumber { get; private set; }

    public DateOnly? IssuedOn { get; private set; }

    public IReadOnlyList<FundAllocationLine> Lines => _lines;

    public decimal Total => _lines.Sum(l => l.Amount);

    /// <summary>A19: the measures are valid 2023-08-16 to 2028-08-15; an allocation date outside is warned about, not refused.</summary>
    public bool IsOutsideMeasuresValidity => !MeasuresValidity.Covers(AllocationDate);

    public IReadOnlyList<FundAllocationAction> AvailableActions =>
        Transitions.Keys.Where(k => k.From == State).Select(k => k.Action).ToList();

    /// <summary>A draft takes a fresh computation (with the settings' allocation date as it stands now).</summary>
    public void Recompute(FundSettings settings, IReadOnlyList<FundAllocationLine> lines, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(lines);
        Move(FundAllocationAction.Recompute);
        Replace(settings, lines, by, at);
    }

    public void Confirm(string by, DateTimeOffset at)
    {
        var next = Next(FundAllocationAction.Confirm);
        if (_lines.Count == 0)
        {
            throw new DomainException($"{Year}年度资金分配名单为空，不能确认。", Clause);
        }

        State = next;
        ConfirmedBy = by;
        ConfirmedAt = at;
    }

    /// <summary>下达 with the budget document; its date is neither before the confirmation nor after today (China time).</summary>
    public void Issue(string documentNumber, DateOnly issuedOn, string by, DateTimeOffset at)
    {
        var next = Next(FundAllocationAction.Issue);
        if (string.IsNullOrWhiteSpace(documentNumber))
        {
            throw new DomainException("下达资金须填写预算文件号。", Clause);
        }

        var confirmedOn = DateOnly.FromDateTime(ChinaTime.ToChina(ConfirmedAt!.Value).DateTime);
        if (issuedOn < confirmedOn)
        {
            throw new DomainException($"下达日期不得早于名单确认日期（{ChinaTime.Format(confirmedOn)}）。", Clause);
        }

        if (issuedOn > DateOnly.FromDateTime(ChinaTime.ToChina(at).DateTime))
        {
            throw new DomainException("下达日期不得晚于今天。", Clause);
        }

        State = next;
        DocumentNumber = documentNumber.Trim();
        IssuedOn = issuedOn;
        IssuedBy = by;
        IssuedAt = at;
    }

    /// <summary>What a fresh computation would add, remove or change against this list (shown after confirmation).</summary>
    public IReadOnlyList<FundAllocationDifference> DifferencesFrom(IReadOnlyList<FundAllocationLine> fresh)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        var current = _lines.ToDictionary(l => l.CommunityCode, StringComparer.Ordinal);
        var computed = fresh.ToDictionary(l => l.CommunityCode, StringComparer.Ordinal);
        var differences = new List<FundAllocationDifference>();
        foreach (var line in fresh.Where(l => !current.ContainsKey(l.CommunityCode)))
        {
            differences.Add(new FundAllocationDifference(FundAllocationDifferenceKind.Added, line.CommunityCode, null, line));
        }

        foreach (var line in _lines)
        {
            if (!computed.TryGetValue(line.CommunityCode, out var other))
            {
                differences.Add(new FundAllocationDifference(FundAllocationDifferenceKind.Removed, line.CommunityCode, line, null));
            }
            else if (!line.SameSubsidyAs(other))
            {
                differences.Add(new FundAllocationDifference(FundAllocationDifferenceKind.Changed, line.CommunityCode, line, other));
            }
        }

        return differences.OrderBy(d => d.CommunityCode, StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<FundAllocationTotal> TotalsByCity(IEnumerable<FundAllocationLine> lines) => Totals(lines, l => l.CityCode);

    /// <summary>By county; a community directly under its city (嘉峪关) counts under the city's code.</summary>
    public static IReadOnlyList<FundAllocationTotal> TotalsByCounty(IEnumerable<FundAllocationLine> lines) =>
        Totals(lines, l => l.CountyCode ?? l.CityCode);

    /// <summary>By level as subsidised (A12.1): a legacy provincial star line counts as provincial.</summary>
    public static IReadOnlyList<FundAllocationTotal> TotalsByLevel(IEnumerable<FundAllocationLine> lines) =>
        Totals(lines, l => (l.Level == TitleLevel.LegacyProvincialStar ? TitleLevel.Provincial : l.Level).ApiName());

    private static List<FundAllocationTotal> Totals(IEnumerable<FundAllocationLine> lines, Func<FundAllocationLine, string> key) =>
        lines.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FundAllocationTotal(g.Key, g.Count(), g.Sum(l => l.Amount))).ToList();

    private void Replace(FundSettings settings, IReadOnlyList<FundAllocationLine> lines, string by, DateTimeOffset at)
    {
        if (settings.Year != Year)
        {
            throw new DomainException($"资金设置属于{settings.Year}年，不是{Year}年。", Clause);
        }

        // A12.2: exactly one line per community.
        if (lines.GroupBy(l => l.CommunityCode).Any(g => g.Count() > 1))
        {
            throw new DomainException("同一社区在一个年度只能有一条补助。", "A12.2");
        }

        AllocationDate = settings.AllocationDate;
        _lines.Clear();
        _lines.AddRange(lines);
        ComputedBy = by;
        ComputedAt = at;
    }

    private FundAllocationState Next(FundAllocationAction action) =>
        Transitions.TryGetValue((State, action), out var next)
            ? next
            : throw new DomainException($"{Year}年度资金分配当前为“{State.DisplayName()}”，不能{action.DisplayName()}。", Clause);

    private void Move(FundAllocationAction action) => State = Next(action);
}
