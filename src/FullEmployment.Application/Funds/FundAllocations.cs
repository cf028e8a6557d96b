using FullEmployment.Application.Audit;
using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Funds;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Funds;

/// <summary>
/// The yearly subsidy allocation (A12, A17, A19): the province sets a year's settings, computes the list
/// (<see cref="FundAllocationRule"/>), recomputes the draft, confirms and issues it. Readers see the lines of their area
/// (a community its own line, a county or city its area, HR and finance alike); a draft is the province's alone. Every change
/// is audited in its transaction; stale versions are conflicts.
/// </summary>
public sealed class FundAllocations(AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The roles that read allocations: HR and finance offices and community staff, each within its area.</summary>
    public static readonly string[] Readers =
        [Roles.ProvinceOfficer, Roles.CityOfficer, Roles.CountyOfficer, Roles.CityFinance, Roles.CountyFinance, Roles.CommunityStaff];

    private ICurrentActor Actor => audit.Actor;

    private DateOnly Today => ChinaTime.Today(clock);

    // ---- settings (A12.1, A17) ----

    public async Task<FundSettingsView> GetSettingsAsync(int year, CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.ProvinceOfficer);
        var stored = await db.FundSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Year == year, cancellationToken);
        return SettingsView(stored ?? FundSettings.DefaultFor(year, "", clock.GetUtcNow()), stored is not null);
    }

    public async Task<IReadOnlyList<FundSettingsView>> ListSettingsAsync(CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.ProvinceOfficer);
        var stored = await db.FundSettings.AsNoTracking().OrderByDescending(s => s.Year).ToListAsync(cancellationToken);
        return stored.ConvertAll(s => SettingsView(s, true));
    }

    public async Task<FundSettingsView> SaveSettingsAsync(SaveFundSettingsInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Actor.EnsureRole(Roles.ProvinceOfficer);
        var settings = await db.FundSettings.FirstOrDefaultAsync(s => s.Year == input.Year, cancellationToken);
        var now = clock.GetUtcNow();
        object? before = null;
        if (settings is null)
        {
            if (input.Version is > 0)
            {
                throw new ConcurrencyConflictException(ConcurrencyConflictException.DefaultMessage);
            }

            settings = new FundSettings(input.Year, input.AllocationDate, input.NationalAmount, input.ProvincialAmount, input.MunicipalAmount,
                input.InformationSystemCapShare, Actor.UserName ?? "", now);
            db.Add(settings);
        }
        else
        {
            db.ExpectVersion(settings, input.Version);
            before = Snapshot(settings);
            settings.Change(input.AllocationDate, input.NationalAmount, input.ProvincialAmount, input.MunicipalAmount, input.InformationSystemCapShare,
                Actor.UserName ?? "", now);
        }

        audit.Record("funds.settings", "fund-settings", settings.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            GansuRegions.ProvinceCode, before, Snapshot(settings));
        await db.SaveChangesAsync(cancellationToken);
        return SettingsView(settings, true);
    }

    // ---- the allocation (A12) ----

    public async Task<IReadOnlyList<FundAllocationRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Readers);
        var allocations = await VisibleAllocations().OrderByDescending(a => a.Year).ToListAsync(cancellationToken);
        var rows = new List<FundAllocationRow>();
        foreach (var a in allocations)
        {
            var lines = await VisibleLines(a.Id).Select(l => l.Amount).ToListAsync(cancellationToken);
            rows.Add(new FundAllocationRow(a.Year, a.AllocationDate, a.State.ApiName(), a.State.DisplayName(), lines.Count, lines.Sum(),
                a.DocumentNumber, a.IssuedOn));
        }

        return rows;
    }

    /// <summary>The province computes a year's draft; an allocation date given here becomes the year's setting (audited).</summary>
    public async Task<FundAllocationView> CreateAsync(int year, DateOnly? allocationDate, CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.ProvinceOfficer);
        if (await db.FundAllocations.AnyAsync(a => a.Year == year, cancellationToken))
        {
            throw new DomainException($"{year}年度资金分配已经生成，草稿可重新计算。", FundAllocation.Clause);
        }

        var settings = await SettingsForAsync(year, allocationDate, cancellationToken);
        var lines = await ComputeAsync(settings, cancellationToken);
        var allocation = new FundAllocation(settings, lines, Actor.UserName ?? "", clock.GetUtcNow());
        db.Add(allocation);
        audit.Record("funds.allocation.create", "fund-allocation", allocation.Id.ToString(), GansuRegions.ProvinceCode,
            after: Summary(allocation));
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(year, new FundAllocationFilter(), null, cancellationToken);
    }

    public async Task<FundAllocationView> RecomputeAsync(int year, int? version, CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.ProvinceOfficer);
        var allocation = await TrackedAsync(year, version, cancellationToken);
        var before = Summary(allocation);
        var settings = await SettingsForAsync(year, null, cancellationToken);
        allocation.Recompute(settings, await ComputeAsync(settings, cancellationToken), Actor.UserName ?? "", clock.GetUtcNow());
        // A recomputation that yields the same lines at the same instant changes no column of the row, yet readers' pages are stale.
        db.Touch(allocation);
        audit.Record("funds.allocation.recompute", "fund-allocation", allocation.Id.ToString(), GansuRegions.ProvinceCode, before, Summary(allocation));
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(year, new FundAllocationFilter(), null, cancellationToken);
    }

    public async Task<FundAllocationView> ConfirmAsync(int year, int? version, CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.ProvinceOfficer);
        var allocation = await TrackedAsync(year, version, cancellationToken);
        allocation.Confirm(Actor.UserName ?? "", clock.GetUtcNow());
        audit.Record("funds.allocation.confirm", "fund-allocation", allocation.Id.ToString(), GansuRegions.ProvinceCode, after: Summary(allocation));
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(year, new FundAllocationFilter(), null, cancellationToken);
    }

    public async Task<FundAllocationView> IssueAsync(int year, string? documentNumber, DateOnly? issuedOn, int? version,
        CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.ProvinceOfficer);
        var allocation = await TrackedAsync(year, version, cancellationToken);
        allocation.Issue(documentNumber ?? "", issuedOn ?? Today, Actor.UserName ?? "", clock.GetUtcNow());
        audit.Record("funds.allocation.issue", "fund-allocation", allocation.Id.ToString(), GansuRegions.ProvinceCode, after: Summary(allocation));
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(year, new FundAllocationFilter(), null, cancellationToken);
    }

    /// <summary>
    /// The year's allocation within the reader's area, narrowed by the filter; <paramref name="page"/> null gives every line.
    /// Totals and the differences against a fresh computation cover the filtered lines, not only the page.
    /// </summary>
    public async Task<FundAllocationView> GetAsync(int year, FundAllocationFilter filter, PageRequest? page, CancellationToken cancellationToken = default,
        bool withDifferences = true)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Actor.EnsureRole(Readers);
        var allocation = await VisibleAllocations().FirstOrDefaultAsync(a => a.Year == year, cancellationToken)
            ?? throw new NotFoundException($"未找到{year}年度的资金分配名单。");
        var lines = Filtered(await VisibleLines(allocation.Id).ToListAsync(cancellationToken), filter);
        var names = await RegionNamesAsync(cancellationToken);
        var differences = new List<FundDifferenceView>();
        if (withDifferences && allocation.State != FundAllocationState.Draft && Actor.Role == Roles.ProvinceOfficer)
        {
            // Titles changed after confirmation do not change the list (A12): they only show here.
            var settings = await SettingsForAsync(year, null, cancellationToken);
            var fresh = await ComputeAsync(settings, cancellationToken);
            var full = await db.FundAllocations.AsNoTracking().Include(a => a.Lines).FirstAsync(a => a.Id == allocation.Id, cancellationToken);
            differences = full.DifferencesFrom(fresh).Where(d => Matches(d.Current ?? d.Fresh!, filter))
                .Select(d => new FundDifferenceView(FundAllocationViews.KindApiName(d.Kind), d.Kind.DisplayName(), d.CommunityCode,
                    (d.Current ?? d.Fresh)!.CommunityName, d.Current?.Level.DisplayName(), d.Current?.Amount, d.Fresh?.Level.DisplayName(), d.Fresh?.Amount))
                .ToList();
        }

        var pageLines = page is null ? lines : lines.Skip(page.Skip).Take(page.SafePageSize).ToList();
        var warnings = new List<string>();
        if (allocation.IsOutsideMeasuresValidity)
        {
            // A19: warned about, not refused: the province may still need to settle a year under a successor measure.
            warnings.Add($"分配基准日{ChinaTime.Format(allocation.AllocationDate)}不在《办法》有效期（{ChinaTime.Format(MeasuresValidity.From)}至"
                + $"{ChinaTime.Format(MeasuresValidity.To)}）内，请确认仍按本办法分配。");
        }

        return new FundAllocationView(allocation.Id, allocation.Year, allocation.AllocationDate, allocation.State.ApiName(), allocation.State.DisplayName(),
            allocation.Version, pageLines.Select(l => LineView(l, names)).ToList(), lines.Sum(l => l.Amount), lines.Count,
            new PagedInfo(page?.SafePage ?? 1, page?.SafePageSize ?? lines.Count, lines.Count),
            Named(FundAllocation.TotalsByCity(lines), names), Named(FundAllocation.TotalsByCounty(lines), names),
            FundAllocation.TotalsByLevel(lines).Select(t => new FundTotalView(t.Key, FundAllocationViews.LevelDisplay(t.Key), t.Communities, t.Amount)).ToList(),
            differences, Actor.Role == Roles.ProvinceOfficer ? allocation.AvailableActions.Select(a => a.ApiName()).ToList() : [], warnings,
            allocation.DocumentNumber, allocation.IssuedOn, allocation.ComputedBy, allocation.ComputedAt, allocation.ConfirmedBy, allocation.ConfirmedAt,
            allocation.IssuedBy);
    }

    /// <summary>The list as xlsx: the reader's whole area, or one city's lines (for its finance bureau); audited.</summary>
    public async Task<ExportedFile> ExportAsync(int year, FundAllocationFilter filter, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(year, filter, null, cancellationToken, withDifferences: false);
        var scope = filter.CityCode is { Length: > 0 } ? view.ByCity.FirstOrDefault()?.Name ?? filter.CityCode : "全部";
        var workbook = XlsxWriter.Build(w =>
        {
            w.AddTable("分配名单", ["社区代码", "社区名称", "市州", "县区", "称号级别", "称号文号", "授予日期", "补助金额（元）"],
                view.Lines.Select(l => (IReadOnlyList<object?>)[l.CommunityCode, l.CommunityName, l.CityName, l.CountyName, l.LevelName,
                    l.TitleDocumentNumber, l.TitleGrantedOn, l.Amount]));
            w.AddTable("按县区合计", ["县区", "社区数", "金额（元）"], view.ByCounty.Select(t => (IReadOnlyList<object?>)[t.Name, t.Communities, t.Amount]));
            w.AddTable("按级别合计", ["级别", "社区数", "金额（元）"], view.ByLevel.Select(t => (IReadOnlyList<object?>)[t.Name, t.Communities, t.Amount]));
        });
        audit.Record("funds.allocation.export", "fund-allocation", view.Id.ToString(), RegionOfActor(),
            after: new { year, city = filter.CityCode, county = filter.CountyCode, level = filter.Level, rows = view.LineCount });
        await db.SaveChangesAsync(cancellationToken);
        return new ExportedFile($"{year}年度充分就业社区补助资金分配名单-{scope}-{Today:yyyyMMdd}.xlsx", workbook);
    }

    /// <summary>The province's chart: each city's allocated amount by level (legacy stars as provincial, A12.1).</summary>
    public async Task<IReadOnlyList<FundCityLevelRow>> ByCityAsync(int year, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(year, new FundAllocationFilter(), null, cancellationToken, withDifferences: false);
        return view.Lines.GroupBy(l => (l.CityCode, l.CityName)).OrderBy(g => g.Key.CityCode)
            .Select(g => new FundCityLevelRow(g.Key.CityCode, g.Key.CityName, g.Where(l => l.Level == "national").Sum(l => l.Amount),
                g.Where(l => l.Level is "provincial" or "legacyProvincialStar").Sum(l => l.Amount), g.Where(l => l.Level == "municipal").Sum(l => l.Amount),
                g.Count()))
            .ToList();
    }

    public async Task<ExportedFile> ExportByCityAsync(int year, CancellationToken cancellationToken = default)
    {
        var rows = await ByCityAsync(year, cancellationToken);
        var workbook = Xlsx.Table("按市州分配", ["市州", "社区数", "国家级（元）", "省级（元）", "市级（元）", "合计（元）"],
            rows.Select(r => (IReadOnlyList<object?>)[r.CityName, r.Communities, r.National, r.Provincial, r.Municipal, r.Total]));
        audit.Record("funds.allocation.export-by-city", "fund-allocation", year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RegionOfActor(), after: new { year, rows = rows.Count });
        await db.SaveChangesAsync(cancellationToken);
        return new ExportedFile($"{year}年度补助资金按市州分配-{Today:yyyyMMdd}.xlsx", workbook);
    }

    /// <summary>The community's own line of the year, when the year's list has been confirmed (its workbench).</summary>
    public async Task<FundAllocationLineView?> OwnLineAsync(int year, CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.CommunityStaff);
        var allocation = await VisibleAllocations().FirstOrDefaultAsync(a => a.Year == year, cancellationToken);
        if (allocation is null)
        {
            return null;
        }

        var line = await VisibleLines(allocation.Id).FirstOrDefaultAsync(cancellationToken);
        return line is null ? null : LineView(line, await RegionNamesAsync(cancellationToken));
    }

    // ---- exclusions (A14.2) ----

    public async Task<PagedResult<FundExclusionView>> ListExclusionsAsync(bool includeLifted, string? search, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var query = ExclusionQuery(includeLifted, search);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip(page.Skip).Take(page.SafePageSize).ToListAsync(cancellationToken);
        var names = await RegionNamesAsync(cancellationToken);
        return new PagedResult<FundExclusionView>(items.ConvertAll(e => ExclusionView(e, names)), total, page.SafePage, page.SafePageSize);
    }

    /// <summary>The exclusions list as xlsx, with the same filter and scope as the page; audited.</summary>
    public async Task<ExportedFile> ExportExclusionsAsync(bool includeLifted, string? search, CancellationToken cancellationToken = default)
    {
        var items = await ExclusionQuery(includeLifted, search).ToListAsync(cancellationToken);
        var names = await RegionNamesAsync(cancellationToken);
        var rows = items.ConvertAll(e => ExclusionView(e, names));
        var workbook = Xlsx.Table("取消补助资格", ["社区代码", "社区名称", "市州", "县区", "自年度", "原因", "决定人", "决定时间", "恢复日期", "恢复理由"],
            rows.Select(e => (IReadOnlyList<object?>)[e.CommunityCode, e.CommunityName, e.CityName, e.CountyName, e.FromYear, e.Reason, e.ImposedBy,
                ChinaTime.Format(e.ImposedAt), e.LiftedOn, e.LiftReason]));
        audit.Record("funds.exclusion.export", "fund-exclusion", null, RegionOfActor(), after: new { includeLifted, search, rows = rows.Count });
        await db.SaveChangesAsync(cancellationToken);
        return new ExportedFile($"取消补助资格社区-{Today:yyyyMMdd}.xlsx", workbook);
    }

    private IQueryable<FundExclusion> ExclusionQuery(bool includeLifted, string? search)
    {
        Actor.EnsureRole(Readers);
        var query = Scoped(db.FundExclusions.AsNoTracking());
        if (!includeLifted)
        {
            query = query.Where(e => e.LiftedOn == null);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            query = query.Where(e => e.CommunityCode.Contains(s) || e.CommunityName.Contains(s));
        }

        return query.OrderBy(e => e.LiftedOn != null).ThenBy(e => e.CommunityCode).ThenByDescending(e => e.FromYear);
    }

    public async Task<FundExclusionView> LiftExclusionAsync(Guid id, string? reason, int? version, CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.ProvinceOfficer);
        var exclusion = await db.FundExclusions.FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new NotFoundException("未找到该取消补助资格记录。");
        db.ExpectVersion(exclusion, version);
        exclusion.Lift(Actor.Role!, reason ?? "", Today, Actor.UserName ?? "");
        audit.Record("funds.exclusion.lift", "fund-exclusion", exclusion.Id.ToString(), exclusion.CountyCode ?? exclusion.CityCode,
            after: new { exclusion.CommunityCode, exclusion.FromYear, exclusion.LiftedOn, exclusion.LiftReason });
        await db.SaveChangesAsync(cancellationToken);
        return ExclusionView(exclusion, await RegionNamesAsync(cancellationToken));
    }

    // ---- helpers ----

    /// <summary>The computation of a year from the registry as it stands (every community; the rule decides which count).</summary>
    private async Task<IReadOnlyList<FundAllocationLine>> ComputeAsync(FundSettings settings, CancellationToken cancellationToken)
    {
        var communities = await db.Communities.AsNoTracking().Include(c => c.Titles).AsSplitQuery().ToListAsync(cancellationToken);
        var exclusions = await db.FundExclusions.AsNoTracking().Where(e => e.FromYear <= settings.Year).ToListAsync(cancellationToken);
        return FundAllocationRule.Compute(settings, communities, exclusions);
    }

    /// <summary>The year's stored settings, or the measures' defaults stored now (so the list always rests on audited settings).</summary>
    private async Task<FundSettings> SettingsForAsync(int year, DateOnly? allocationDate, CancellationToken cancellationToken)
    {
        var settings = await db.FundSettings.FirstOrDefaultAsync(s => s.Year == year, cancellationToken);
        var now = clock.GetUtcNow();
        if (settings is null)
        {
            settings = FundSettings.DefaultFor(year, Actor.UserName ?? "", now);
            db.Add(settings);
            if (allocationDate is { } date)
            {
                settings.Change(date, settings.NationalAmount, settings.ProvincialAmount, settings.MunicipalAmount, settings.InformationSystemCapShare,
                    Actor.UserName ?? "", now);
            }

            audit.Record("funds.settings", "fund-settings", year.ToString(System.Globalization.CultureInfo.InvariantCulture), GansuRegions.ProvinceCode,
                after: Snapshot(settings));
        }
        else if (allocationDate is { } date && date != settings.AllocationDate)
        {
            var before = Snapshot(settings);
            settings.Change(date, settings.NationalAmount, settings.ProvincialAmount, settings.MunicipalAmount, settings.InformationSystemCapShare,
                Actor.UserName ?? "", now);
            audit.Record("funds.settings", "fund-settings", year.ToString(System.Globalization.CultureInfo.InvariantCulture), GansuRegions.ProvinceCode,
                before, Snapshot(settings));
        }

        return settings;
    }

    private async Task<FundAllocation> TrackedAsync(int year, int? version, CancellationToken cancellationToken)
    {
        var allocation = await db.FundAllocations.Include(a => a.Lines).FirstOrDefaultAsync(a => a.Year == year, cancellationToken)
            ?? throw new NotFoundException($"未找到{year}年度的资金分配名单。");
        db.ExpectVersion(allocation, version);
        return allocation;
    }

    /// <summary>A draft is the province's working copy; everyone else sees a year once it is confirmed.</summary>
    private IQueryable<FundAllocation> VisibleAllocations()
    {
        var query = db.FundAllocations.AsNoTracking();
        return Actor.Role == Roles.ProvinceOfficer ? query : query.Where(a => a.State != FundAllocationState.Draft);
    }

    private IQueryable<FundAllocationLine> VisibleLines(Guid allocationId) =>
        Scoped(db.FundAllocationLines.AsNoTracking().Where(l => l.AllocationId == allocationId)).OrderBy(l => l.CityCode).ThenBy(l => l.CountyCode)
            .ThenBy(l => l.CommunityCode);

    private IQueryable<FundAllocationLine> Scoped(IQueryable<FundAllocationLine> lines)
    {
        var scope = Actor.ScopeCode;
        return Roles.ScopeKindOf(Actor.Role!) switch
        {
            ScopeKind.Province => lines,
            ScopeKind.City => lines.Where(l => l.CityCode == scope),
            ScopeKind.County => lines.Where(l => l.CountyCode == scope),
            ScopeKind.Community => lines.Where(l => l.CommunityCode == scope),
            _ => lines.Where(l => false),
        };
    }

    private IQueryable<FundExclusion> Scoped(IQueryable<FundExclusion> exclusions)
    {
        var scope = Actor.ScopeCode;
        return Roles.ScopeKindOf(Actor.Role!) switch
        {
            ScopeKind.Province => exclusions,
            ScopeKind.City => exclusions.Where(e => e.CityCode == scope),
            ScopeKind.County => exclusions.Where(e => e.CountyCode == scope),
            ScopeKind.Community => exclusions.Where(e => e.CommunityCode == scope),
            _ => exclusions.Where(e => false),
        };
    }

    private static List<FundAllocationLine> Filtered(IEnumerable<FundAllocationLine> lines, FundAllocationFilter filter) =>
        lines.Where(l => Matches(l, filter)).ToList();

    private static bool Matches(FundAllocationLine line, FundAllocationFilter filter)
    {
        var level = TitleLevels.ParseApiName(filter.Level);
        return (string.IsNullOrWhiteSpace(filter.CityCode) || line.CityCode == filter.CityCode)
            && (string.IsNullOrWhiteSpace(filter.CountyCode) || (line.CountyCode ?? line.CityCode) == filter.CountyCode)
            && (level is null || line.Level.Rank() == level.Value.Rank())
            && (string.IsNullOrWhiteSpace(filter.Search) || line.CommunityCode.Contains(filter.Search.Trim(), StringComparison.Ordinal)
                || line.CommunityName.Contains(filter.Search.Trim(), StringComparison.Ordinal));
    }

    private async Task<Dictionary<string, string>> RegionNamesAsync(CancellationToken cancellationToken) =>
        await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);

    private static FundAllocationLineView LineView(FundAllocationLine l, Dictionary<string, string> names) =>
        new(l.Id, l.CommunityCode, l.CommunityName, l.CityCode, names.GetValueOrDefault(l.CityCode, l.CityCode), l.CountyCode,
            l.CountyCode is null ? "（市直辖）" : names.GetValueOrDefault(l.CountyCode, l.CountyCode), l.Level.ApiName(), l.Level.DisplayName(), l.TitleId,
            l.TitleDocumentNumber, l.TitleGrantedOn, l.Amount);

    private static List<FundTotalView> Named(IReadOnlyList<FundAllocationTotal> totals, Dictionary<string, string> names) =>
        totals.Select(t => new FundTotalView(t.Key, names.GetValueOrDefault(t.Key, t.Key), t.Communities, t.Amount)).ToList();

    private static FundExclusionView ExclusionView(FundExclusion e, Dictionary<string, string> names) =>
        new(e.Id, e.CommunityCode, e.CommunityName, names.GetValueOrDefault(e.CityCode, e.CityCode),
            e.CountyCode is null ? "（市直辖）" : names.GetValueOrDefault(e.CountyCode, e.CountyCode), e.FromYear, e.Reason, e.RecoveryId, e.ImposedBy,
            e.ImposedAt, e.LiftedOn, e.LiftedBy, e.LiftReason, e.Version);

    private static FundSettingsView SettingsView(FundSettings s, bool stored) =>
        new(s.Year, s.AllocationDate, s.NationalAmount, s.ProvincialAmount, s.MunicipalAmount, s.InformationSystemCapShare, stored, s.Version,
            stored ? s.UpdatedBy : null, stored ? s.UpdatedAt : null, !MeasuresValidity.Covers(s.AllocationDate));

    private static object Snapshot(FundSettings s) =>
        new { s.Year, s.AllocationDate, s.NationalAmount, s.ProvincialAmount, s.MunicipalAmount, s.InformationSystemCapShare };

    private static object Summary(FundAllocation a) =>
        new { a.Year, a.AllocationDate, state = a.State.ApiName(), lines = a.Lines.Count, total = a.Total, a.DocumentNumber, a.IssuedOn };

    private string RegionOfActor() => Actor.Role == Roles.ProvinceOfficer || Actor.ScopeCode is null ? GansuRegions.ProvinceCode
        : Actor.ScopeCode.Length > 6 ? Actor.ScopeCode[..6] : Actor.ScopeCode;
}
