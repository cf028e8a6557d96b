using FullEmployment.Application.Audit;
using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Notices;
using FullEmployment.Domain;
using FullEmployment.Domain.Funds;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Funds;

/// <summary>
/// Fund-usage reports (A13, A14): the community writes and submits its year's report against its allocation line; county
/// HR and finance review it together, then city HR and finance; either may return it or propose recovery, which the other
/// officer of the stage decides, imposing the exclusion from later allocations (A14.2). Role and the stored report's region
/// are checked on every read and write; every move is audited in the same transaction.
/// </summary>
public sealed class FundReports(AppDbContext db, AuditTrail audit, TimeProvider clock, WorkingCalendar calendar)
{
    /// <summary>HR and finance roles within their region; auditors and security administrators see no reports.</summary>
    public static readonly string[] Readers =
        [Roles.ProvinceOfficer, Roles.CityOfficer, Roles.CountyOfficer, Roles.CityFinance, Roles.CountyFinance, Roles.CommunityStaff];

    private const string NotFound = "未找到该资金使用情况报告，或不在您的管辖范围内。";

    private ICurrentActor Actor => audit.Actor;

    private DateTimeOffset Now => clock.GetUtcNow();

    private DateOnly Today => ChinaTime.Today(clock);

    private string UserName => Actor.UserName ?? "";

    // ---- Queries ----

    public async Task<PagedResult<FundReportRow>> ListAsync(FundReportFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        return FundReportMapping.Page(await RowsAsync(filter, cancellationToken), page);
    }

    public async Task<FundReportView> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var report = await ReadableAsync(Full(db.FundReports.AsNoTracking()), id, cancellationToken);
        return await ToViewAsync(report, cancellationToken);
    }

    /// <summary>The report of a community for a year, if it exists and the community is in scope.</summary>
    public async Task<Guid?> FindAsync(string communityCode, int year, CancellationToken cancellationToken = default)
    {
        await CommunityInScopeAsync(communityCode, cancellationToken);
        return await db.FundReports.AsNoTracking().Where(r => r.CommunityCode == communityCode && r.Year == year)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>What the community received for the year (its allocation line) and the category (4) cap, for the editor of a new report.</summary>
    public async Task<(decimal Received, decimal Share)> AllocationOfAsync(string communityCode, int year, CancellationToken cancellationToken = default)
    {
        await CommunityInScopeAsync(communityCode, cancellationToken);
        return (await ReceivedAsync(communityCode, year, cancellationToken), await ShareAsync(year, cancellationToken));
    }

    // ---- Community ----

    /// <summary>A13, A14.1: community staff open their community's report for a year in which it has an allocation line.</summary>
    public async Task<FundReportResult> CreateAsync(string communityCode, FundReportInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var community = await CommunityInScopeAsync(communityCode, cancellationToken);
        if (!Actor.IsInRole(Roles.CommunityStaff))
        {
            throw new ForbiddenException("资金使用情况报告须由社区工作人员为本社区填报。");
        }

        if (await db.FundReports.AnyAsync(r => r.CommunityCode == communityCode && r.Year == input.Year, cancellationToken))
        {
            throw new DomainException($"本社区{input.Year}年度的资金使用情况报告已存在，请在原报告上修改。", "A14.1");
        }

        var received = await ReceivedAsync(communityCode, input.Year, cancellationToken);
        var report = FundReport.Open(FundReportParty.Community, community.Id, community.Code, community.Name, community.CityCode,
            community.CountyCode, input.Year, received, UserName, Now);
        report.Edit(FundReportParty.Community, [.. input.Lines.Select(FundReportMapping.ToInput)], input.CarriedOver ?? 0m, input.CarriedOverReason);
        db.Add(report);
        audit.Record("fund-report.create", "fund-report", report.Id.ToString(), Region(report), after: Snapshot(report));
        await db.SaveChangesAsync(cancellationToken);
        return FundReportMapping.Result(report);
    }

    /// <summary>A13: the community revises a draft or returned report; the version it saw must still be current.</summary>
    public Task<FundReportResult> UpdateAsync(Guid id, int? version, FundReportInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(id, version, FundReportAction.Edit, (r, parties) =>
        {
            if (input.Year != r.Year)
            {
                throw new DomainException($"报告年度为{r.Year}年，不能改为{input.Year}年。", "A14.1");
            }

            r.Edit(parties, [.. input.Lines.Select(FundReportMapping.ToInput)], input.CarriedOver ?? 0m, input.CarriedOverReason);
            return Task.FromResult<object?>(Snapshot(r));
        }, cancellationToken);
    }

    /// <summary>A13.4, A14.1: submit; refused over the category (4) cap or beyond the funds available; late is marked 逾期.</summary>
    public Task<FundReportResult> SubmitAsync(Guid id, int? version, CancellationToken cancellationToken = default) =>
        ActAsync(id, version, FundReportAction.Submit, async (r, parties) =>
        {
            r.Submit(parties, await ShareAsync(r.Year, cancellationToken), UserName, Today, Now);
            return new { late = r.SubmittedLate, round = r.Round, spent = r.Spent };
        }, cancellationToken);

    // ---- Reviewers ----

    public Task<FundReportResult> ApproveAsync(Guid id, int? version, string? remarks, CancellationToken cancellationToken = default) =>
        ActAsync(id, version, FundReportAction.Approve, (r, parties) =>
        {
            var side = r.SideOf(parties);
            r.Approve(parties, remarks, UserName, Now);
            return Task.FromResult<object?>(new { side = side?.ToString(), remarks });
        }, cancellationToken);

    public Task<FundReportResult> ReturnAsync(Guid id, int? version, string? remarks, CancellationToken cancellationToken = default) =>
        ActAsync(id, version, FundReportAction.Return, (r, parties) =>
        {
            r.Return(parties, remarks ?? "", UserName, Now);
            return Task.FromResult<object?>(new { remarks = r.ReturnRemarks });
        }, cancellationToken);

    public Task<FundReportResult> ProposeRecoveryAsync(ProposeRecoveryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.Id, input.Version, FundReportAction.ProposeRecovery, (r, parties) =>
        {
            var recovery = r.ProposeRecovery(parties, input.Amount, Recovery.ParseReason(input.Reason), input.Findings ?? "", input.RefundDueOn,
                UserName, Today, Now);
            return Task.FromResult<object?>(new
            {
                recovery = recovery.Id,
                amount = recovery.Amount,
                reason = Recovery.ReasonName(recovery.Reason),
                refundDueOn = recovery.RefundDueOn,
            });
        }, cancellationToken);
    }

    /// <summary>A14.2: the other officer of the stage agrees; the recovery is decided and the community excluded from next year's allocation on.</summary>
    public Task<FundReportResult> AgreeRecoveryAsync(Guid id, int? version, string? remarks, CancellationToken cancellationToken = default) =>
        ActAsync(id, version, FundReportAction.AgreeRecovery, async (r, parties) =>
        {
            var recovery = r.AgreeRecovery(parties, remarks, UserName, Now);
            var community = await db.Communities.AsNoTracking().FirstAsync(c => c.Id == r.CommunityId, cancellationToken);
            var exclusion = FundExclusion.Impose(community, r.Year + 1,
                $"{r.Year}年度补助资金{Recovery.ReasonName(recovery.Reason)}，决定追回{FundReportRules.Yuan(recovery.Amount)}元：{recovery.Findings}",
                recovery.Id, UserName, Now);
            db.Add(exclusion);
            audit.Record("funds.exclusion.impose", "fund-exclusion", exclusion.Id.ToString(), Region(r), after: new
            {
                community = exclusion.CommunityCode,
                fromYear = exclusion.FromYear,
                recovery = recovery.Id,
            });
            return new { recovery = recovery.Id, amount = recovery.Amount, exclusionFromYear = exclusion.FromYear };
        }, cancellationToken);

    public Task<FundReportResult> DeclineRecoveryAsync(Guid id, int? version, string? remarks, CancellationToken cancellationToken = default) =>
        ActAsync(id, version, FundReportAction.DeclineRecovery, (r, parties) =>
        {
            r.DeclineRecovery(parties, remarks ?? "", UserName, Now);
            return Task.FromResult<object?>(new { remarks });
        }, cancellationToken);

    public Task<FundReportResult> RecordRefundAsync(RefundInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.Id, input.Version, FundReportAction.RecordRefund, (r, parties) =>
        {
            var refund = r.RecordRefund(parties, input.Amount, input.VoucherNumber ?? "", input.PaidOn, UserName, Today, Now);
            db.Add(refund);
            return Task.FromResult<object?>(new
            {
                amount = refund.Amount,
                voucher = refund.VoucherNumber,
                paidOn = refund.PaidOn,
                outstanding = r.DecidedRecovery!.Outstanding,
            });
        }, cancellationToken);
    }

    public Task<FundReportResult> RecordAccountabilityAsync(AccountabilityBody input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.Id, input.Version, FundReportAction.RecordAccountability, (r, parties) =>
        {
            var kind = input.SubjectKind?.Trim() switch
            {
                "person" or "个人" => AccountabilitySubject.Person,
                "unit" or "单位" => AccountabilitySubject.Unit,
                _ => throw new DomainException("问责对象类型应为 person（个人）或 unit（单位）。", "A14.2"),
            };
            var record = r.RecordAccountability(parties, new AccountabilityInput(kind, input.Subject ?? "", input.Measure ?? "", input.Basis ?? "",
                input.On), UserName, Today, Now);
            return Task.FromResult<object?>(new
            {
                subjectKind = AccountabilityRecord.SubjectKindName(record.SubjectKind),
                measure = record.Measure,
                on = record.On,
            });
        }, cancellationToken);
    }

    // ---- Export and summaries ----

    /// <summary>The filtered list as xlsx, audited: who, the filter and the row count.</summary>
    public async Task<ExportedFile> ExportAsync(FundReportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = await RowsAsync(filter, cancellationToken);
        var workbook = Xlsx.Table("资金使用情况报告",
            ["社区代码", "社区名称", "市州", "县区", "年度", "状态", "到位资金（元）", "支出合计（元）", "信息网络建设（元）", "截止日期", "提交日期", "逾期", "待追回（元）"],
            rows.Select(r => (IReadOnlyList<object?>)[r.CommunityCode, r.CommunityName, r.CityCode, r.CountyCode, r.Year, r.StateName, r.Received,
                r.Spent, r.InformationNetwork, r.DueDate, r.SubmittedOn, r.SubmittedLate || r.Overdue ? "逾期" : "", r.RecoveryOutstanding]));
        audit.Record("fund-report.export", "fund-report", null, RegionOfActor(), after: new
        {
            year = filter.Year,
            state = filter.State?.ToString(),
            region = filter.Region,
            overdue = filter.Overdue,
            rows = rows.Count,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new ExportedFile($"资金使用情况报告-{Today:yyyyMMdd}.xlsx", workbook);
    }

    /// <summary>
    /// A year's figures in the reader's scope: reports expected (allocation lines), by state, not started, overdue, recoveries
    /// outstanding; for the province also per city (submitted, on time) and the category (4) share per community. Null for
    /// roles that read no reports.
    /// </summary>
    public async Task<FundReportSummary?> SummaryAsync(int year, CancellationToken cancellationToken = default)
    {
        if (!Actor.IsInRole(Readers) || Actor.IsInRole(Roles.CommunityStaff))
        {
            return null;
        }

        var rows = await RowsAsync(new FundReportFilter(Year: year), cancellationToken);
        var lines = await ScopedLines(year).Select(l => new { l.CommunityCode, l.CityCode }).ToListAsync(cancellationToken);
        var reported = rows.Select(r => r.CommunityCode).ToHashSet();
        var notStarted = lines.Count(l => !reported.Contains(l.CommunityCode));
        var overdue = rows.Count(r => r.Overdue) + (Today > FundReportRules.DueDate(year) ? notStarted : 0);
        var byState = Enum.GetValues<FundReportState>().Select(s => (FundReport.StateName(s), rows.Count(r => r.State == s))).ToList();
        var outstanding = rows.Where(r => r.RecoveryOutstanding > 0m).ToList();
        IReadOnlyList<FundCityReportCount> perCity = [];
        IReadOnlyList<FundShareRow> shares = [];
        if (Actor.IsInRole(Roles.ProvinceOfficer))
        {
            var cities = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.City).OrderBy(r => r.Code)
                .Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken);
            perCity = [.. cities.Select(c => new FundCityReportCount(c.Code, c.Name, lines.Count(l => l.CityCode == c.Code),
                rows.Count(r => r.CityCode == c.Code && r.SubmittedOn is not null),
                rows.Count(r => r.CityCode == c.Code && r.SubmittedOn is not null && !r.SubmittedLate)))];
            shares = [.. rows.Where(r => r.Received > 0m).Select(r => new FundShareRow(r.CommunityCode, r.CommunityName, r.Received, r.InformationNetwork,
                    r.InformationNetwork / r.Received))
                .OrderByDescending(s => s.Share).ThenBy(s => s.CommunityCode)];
        }

        return new FundReportSummary(year, lines.Count, byState, notStarted, overdue, outstanding.Count, outstanding.Sum(r => r.RecoveryOutstanding),
            perCity, shares, await ShareAsync(year, cancellationToken));
    }

    /// <summary>The province panel's figures as xlsx: per city (expected, submitted, on time) and the category (4) share per community.</summary>
    public async Task<ExportedFile> ExportSummaryAsync(int year, CancellationToken cancellationToken = default)
    {
        var summary = await SummaryAsync(year, cancellationToken) ?? throw new ForbiddenException("只有人社和财政部门可以导出资金使用情况统计。");
        var workbook = XlsxWriter.Build(w =>
        {
            w.AddTable("各市州报告提交情况", ["市州代码", "市州", "应报社区", "已提交", "按期提交"],
                summary.PerCity.Select(c => (IReadOnlyList<object?>)[c.CityCode, c.CityName, c.Expected, c.Submitted, c.OnTime]));
            w.AddTable("信息网络建设支出占比", ["社区代码", "社区名称", "到位资金（元）", "信息网络建设（元）", "占比"],
                summary.InformationNetworkShares.Select(r => (IReadOnlyList<object?>)[r.CommunityCode, r.CommunityName, r.Received, r.InformationNetwork,
                    decimal.Round(r.Share, 4)]));
        });
        audit.Record("fund-report.export-summary", "fund-report", null, RegionOfActor(), after: new { year, cities = summary.PerCity.Count });
        await db.SaveChangesAsync(cancellationToken);
        return new ExportedFile($"资金使用情况统计-{year}.xlsx", workbook);
    }

    /// <summary>The reports waiting for the actor's move (sign-off, decision, revision), with the action offered first.</summary>
    public async Task<IReadOnlyList<FundReportWaiting>> WaitingForActorAsync(CancellationToken cancellationToken = default)
    {
        if (!Actor.IsInRole(Readers) || Actor.IsInRole(Roles.ProvinceOfficer))
        {
            return [];
        }

        var open = new[]
        {
            FundReportState.Returned, FundReportState.CountyReview, FundReportState.CityReview, FundReportState.CountyRecoveryProposed,
            FundReportState.CityRecoveryProposed,
        };
        var reports = await Full(Scoped(db.FundReports.AsNoTracking())).Where(r => open.Contains(r.State)).ToListAsync(cancellationToken);
        var waiting = reports.Select(r => (Report: r, Action: r.WaitingFor(r.PartiesOf(Actor.Role, Actor.ScopeCode))))
            .Where(x => x.Action is not null)
            .OrderBy(x => x.Report.DueDate).ThenBy(x => x.Report.SubmittedOn)
            .ToList();
        if (waiting.Count == 0)
        {
            return [];
        }

        // The rows of the waiting reports only: the header's to-do count runs this on every page.
        var rows = (await RowsAsync(new FundReportFilter(), cancellationToken, [.. waiting.Select(x => x.Report.Id)])).ToDictionary(r => r.Id);
        return [.. waiting.Select(x => new FundReportWaiting(rows[x.Report.Id], FundReport.WaitingName(x.Action!.Value)))];
    }

    /// <summary>
    /// A14.1: the community's reminder for the year's report, 10 and 3 working days before the due date, while it has an
    /// allocation line and has not submitted; null when there is nothing to remind.
    /// </summary>
    public async Task<(FundReportReminder Reminder, Guid? ReportId, int Year)?> ReminderForCommunityAsync(CancellationToken cancellationToken = default)
    {
        if (!Actor.IsInRole(Roles.CommunityStaff) || Actor.ScopeCode is not { } code)
        {
            return null;
        }

        var year = Today.Year;
        if (!await ScopedLines(year).AnyAsync(cancellationToken))
        {
            return null;
        }

        var report = await db.FundReports.AsNoTracking().Where(r => r.CommunityCode == code && r.Year == year)
            .Select(r => new { r.Id, r.FirstSubmittedOn }).FirstOrDefaultAsync(cancellationToken);
        if (report?.FirstSubmittedOn is not null)
        {
            return null;
        }

        var reminder = FundReportRules.ReminderOn(await calendar.LoadAsync(cancellationToken), FundReportRules.DueDate(year), Today);
        return reminder.Reminds ? (reminder, report?.Id, year) : null;
    }

    // ---- Who may do what ----

    private async Task<FundReportResult> ActAsync(Guid id, int? version, FundReportAction action, Func<FundReport, FundReportParty, Task<object?>> act,
        CancellationToken cancellationToken)
    {
        var report = await ReadableAsync(Full(db.FundReports), id, cancellationToken);
        var parties = report.PartiesOf(Actor.Role, Actor.ScopeCode);
        if (parties == FundReportParty.None)
        {
            throw new ForbiddenException($"当前角色（{Roles.DisplayName(Actor.Role ?? "未登录")}）不能{FundReport.ActionName(action)}。");
        }

        db.ExpectVersion(report, version);
        var from = report.State;
        var details = await act(report, parties);
        db.Touch(report);
        audit.Record("fund-report." + FundReport.ActionApiName(action), "fund-report", report.Id.ToString(), Region(report),
            before: new { state = from.ToString() }, after: new { state = report.State.ToString(), details });
        await db.SaveChangesAsync(cancellationToken);
        return FundReportMapping.Result(report);
    }

    private async Task<FundReport> ReadableAsync(IQueryable<FundReport> query, Guid id, CancellationToken cancellationToken)
    {
        Actor.EnsureRole(Readers);
        var report = await query.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return report is not null && RegionScope.Covers(Actor.Role, Actor.ScopeCode, report.CityCode, report.CountyCode, report.CommunityCode)
            ? report
            : throw new NotFoundException(NotFound);
    }

    private async Task<Domain.Communities.Community> CommunityInScopeAsync(string communityCode, CancellationToken cancellationToken)
    {
        Actor.EnsureRole(Readers);
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Code == communityCode, cancellationToken);
        return community is not null && Actor.Covers(community) ? community : throw new NotFoundException("未找到该社区，或不在您的管辖范围内。");
    }

    /// <summary>A13.4: the base is the community's line in the year's confirmed or issued allocation (a draft may still change).</summary>
    private async Task<decimal> ReceivedAsync(string communityCode, int year, CancellationToken cancellationToken)
    {
        var line = await AllocatedLines(year).Where(l => l.CommunityCode == communityCode).Select(l => (decimal?)l.Amount)
            .FirstOrDefaultAsync(cancellationToken);
        return line ?? throw new DomainException($"本社区在{year}年度已确认的补助资金分配中没有分配额，无需填报资金使用情况报告。", "A14.1");
    }

    /// <summary>A13.4: the year's configured share, or the measures' 20% when the year has no settings.</summary>
    private async Task<decimal> ShareAsync(int year, CancellationToken cancellationToken) =>
        await db.FundSettings.AsNoTracking().Where(s => s.Year == year).Select(s => (decimal?)s.InformationSystemCapShare).FirstOrDefaultAsync(cancellationToken)
        ?? FundSettings.DefaultInformationSystemCapShare;

    private IQueryable<FundAllocationLine> AllocatedLines(int year)
    {
        var allocations = db.FundAllocations.Where(a => a.Year == year && a.State != FundAllocationState.Draft).Select(a => a.Id);
        return db.FundAllocationLines.AsNoTracking().Where(l => allocations.Contains(l.AllocationId));
    }

    private IQueryable<FundAllocationLine> ScopedLines(int year)
    {
        var scope = Actor.ScopeCode;
        var lines = AllocatedLines(year);
        return Actor.Role switch
        {
            Roles.ProvinceOfficer => lines,
            Roles.CityOfficer or Roles.CityFinance => lines.Where(l => l.CityCode == scope),
            Roles.CountyOfficer or Roles.CountyFinance => lines.Where(l => l.CountyCode == scope),
            Roles.CommunityStaff => lines.Where(l => l.CommunityCode == scope),
            _ => lines.Where(l => false),
        };
    }

    private IQueryable<FundReport> Scoped(IQueryable<FundReport> query)
    {
        Actor.EnsureRole(Readers);
        var scope = Actor.ScopeCode;
        return Actor.Role switch
        {
            Roles.ProvinceOfficer => query,
            Roles.CityOfficer or Roles.CityFinance => query.Where(r => r.CityCode == scope),
            Roles.CountyOfficer or Roles.CountyFinance => query.Where(r => r.CountyCode == scope),
            _ => query.Where(r => r.CommunityCode == scope),
        };
    }

    private static IQueryable<FundReport> Full(IQueryable<FundReport> query) => query.AsSplitQuery()
        .Include(r => r.Lines).Include(r => r.SignOffs).Include(r => r.Recoveries).ThenInclude(c => c.Refunds).Include(r => r.Accountability);

    private async Task<List<FundReportRow>> RowsAsync(FundReportFilter filter, CancellationToken cancellationToken, List<Guid>? ids = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Scoped(db.FundReports.AsNoTracking());
        if (ids is not null)
        {
            query = query.Where(r => ids.Contains(r.Id));
        }

        if (filter.Year is { } year)
        {
            query = query.Where(r => r.Year == year);
        }

        if (filter.State is { } state)
        {
            query = query.Where(r => r.State == state);
        }

        if (filter.CommunityCode is { Length: > 0 } community)
        {
            query = query.Where(r => r.CommunityCode == community);
        }

        if (filter.Region?.Trim() is { Length: 6 } region && !region.EndsWith("0000", StringComparison.Ordinal))
        {
            query = region.EndsWith("00", StringComparison.Ordinal) ? query.Where(r => r.CityCode == region) : query.Where(r => r.CountyCode == region);
        }

        var reports = await query.AsSplitQuery().Include(r => r.Lines).Include(r => r.Recoveries).ThenInclude(c => c.Refunds).ToListAsync(cancellationToken);
        var today = Today;
        var rows = reports.OrderByDescending(r => r.Year).ThenBy(r => r.CityCode).ThenBy(r => r.CountyCode).ThenBy(r => r.CommunityCode)
            .Select(r => new FundReportRow(r.Id, r.CommunityCode, r.CommunityName, r.CityCode, r.CountyCode, r.Year, r.State, FundReport.StateName(r.State),
                r.Received, r.Spent, r.TotalOf(FundReportCategory.InformationNetwork), r.DueDate, r.SubmittedOn, r.SubmittedLate, r.IsOverdue(today),
                r.DecidedRecovery?.Outstanding ?? 0m, r.Version));
        return [.. filter.Overdue ? rows.Where(r => r.Overdue || r.SubmittedLate) : rows];
    }

    private async Task<FundReportView> ToViewAsync(FundReport r, CancellationToken cancellationToken)
    {
        var share = await ShareAsync(r.Year, cancellationToken);
        var regionCodes = new[] { r.CityCode, r.CountyCode ?? r.CityCode };
        var names = await db.Regions.AsNoTracking().Where(x => regionCodes.Contains(x.Code)).ToDictionaryAsync(x => x.Code, x => x.Name, cancellationToken);
        var regionName = string.Join(" ", regionCodes.Distinct().Select(c => names.GetValueOrDefault(c, c)));
        var parties = r.PartiesOf(Actor.Role, Actor.ScopeCode);
        string? reminder = null;
        if (!r.IsSubmitted && parties.HasFlag(FundReportParty.Community))
        {
            var due = FundReportRules.ReminderOn(await calendar.LoadAsync(cancellationToken), r.DueDate, Today);
            reminder = due.Level switch
            {
                FundReportReminderLevel.Overdue => $"报告已逾期（截止{ChinaTime.Format(r.DueDate)}），仍可提交，将标记为逾期。",
                FundReportReminderLevel.None => null,
                _ => $"请于{ChinaTime.Format(r.DueDate)}前提交报告。{due.Warning}",
            };
        }

        var stages = (r.HasCountyStage ? new[] { FundReviewStage.County, FundReviewStage.City } : [FundReviewStage.City])
            .Select(stage => new FundStageView(stage.ToString(), FundReport.StageName(stage),
                SignOff(r.ApprovalsAt(stage).FirstOrDefault(s => s.Side == FundReviewSide.HumanResources)),
                SignOff(r.ApprovalsAt(stage).FirstOrDefault(s => s.Side == FundReviewSide.Finance))))
            .ToList();
        return new FundReportView(r.Id, r.CommunityCode, r.CommunityName, r.CityCode, r.CountyCode, regionName, r.Year, FundReport.StateApiName(r.State),
            FundReport.StateName(r.State), r.Version, r.DueDate, r.Received, r.CarriedOver, r.CarriedOverReason, r.Spent,
            FundReportRules.InformationNetworkCap(r.Received, share), share, r.SubmittedLate, r.IsOverdue(Today), r.FirstSubmittedOn, r.SubmittedOn,
            r.ReturnRemarks, r.Round,
            [.. r.Lines.OrderBy(l => l.Position).Select(l => new FundReportLineView(l.Id, l.Position, l.Date, FundReportCategories.ApiName(l.Category),
                FundReportCategories.Name(l.Category), l.Description, l.Amount, l.Payee, l.VoucherNumber, l.FileId))],
            [.. FundReportCategories.All.Select(c => new FundCategoryTotal(FundReportCategories.ApiName(c), FundReportCategories.Name(c), r.TotalOf(c)))],
            stages,
            [.. r.SignOffs.OrderBy(s => s.At).ThenBy(s => s.Round).Select(s => SignOff(s)!)],
            [.. r.Recoveries.OrderBy(c => c.ProposedAt).Select(c => new RecoveryView(c.Id, FundReport.StageName(c.Stage), Recovery.ReasonApiName(c.Reason),
                Recovery.ReasonName(c.Reason), c.Amount, c.Findings, c.RefundDueOn, c.Status.ToString(), c.ProposedBy, c.ProposedAt, c.DecidedBy,
                c.DecidedOn, c.DeclineRemark, c.Refunded, c.Outstanding, c.IsRefundOverdue(Today),
                [.. c.Refunds.OrderBy(f => f.PaidOn).ThenBy(f => f.RecordedAt).Select(f => new RecoveryRefundView(f.Id, f.Amount, f.VoucherNumber, f.PaidOn,
                    f.RecordedBy))]))],
            [.. r.Accountability.OrderBy(a => a.On).ThenBy(a => a.RecordedAt).Select(a => new AccountabilityView(a.Id,
                AccountabilityRecord.SubjectKindName(a.SubjectKind), a.Subject, a.Measure, a.Basis, a.On, a.RecordedBy))],
            [.. r.OptionsFor(parties).Select(a => new FundReportOption(FundReport.ActionApiName(a), FundReport.ActionName(a)))],
            reminder);
    }

    private static FundSignOffView? SignOff(FundReportSignOff? s) => s is null ? null
        : new FundSignOffView(s.Round, FundReport.StageName(s.Stage), FundReport.SideName(s.Side), FundReport.ActionApiName(s.Action),
            FundReport.ActionName(s.Action), s.Actor, s.At, s.Remarks);

    private static object Snapshot(FundReport r) => new
    {
        community = r.CommunityCode,
        year = r.Year,
        state = r.State.ToString(),
        received = r.Received,
        carriedOver = r.CarriedOver,
        lines = r.Lines.Count,
        spent = r.Spent,
        informationNetwork = r.TotalOf(FundReportCategory.InformationNetwork),
    };

    private string? RegionOfActor() => Actor.ScopeCode is { Length: >= 6 } s ? s[..6] : null;

    private static string Region(FundReport r) => CountyStep.RegionOf(r.CityCode, r.CountyCode);
}
