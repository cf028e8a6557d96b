using System.Text.Json;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers;
using FullEmployment.Application.Ledgers.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using FullEmployment.Domain.Regions;
using FullEmployment.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Supervision;

/// <summary>
/// Civil-affairs change reports (A11): filing, the county's confirmation, the decider's consent, refusal and verification, and
/// the registry effects (titles ended, community marked, ledgers moved, name changed) in the same transaction as the audit.
/// Scope is the stored report's community region; the domain decides which actions the caller's standing allows.
/// </summary>
public sealed class ChangeReports(AppDbContext db, AuditTrail audit, TimeProvider clock, FileStore files, IndicatorSnapshots snapshots)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] Readers = [Roles.ProvinceOfficer, Roles.CityOfficer, Roles.CountyOfficer, Roles.CommunityStaff];

    /// <summary>The roles that read change reports: the workflow officers and community staff, within their scope.</summary>
    public static bool IsReader(ICurrentActor actor) => actor.IsInRole(Readers);

    private ICurrentActor Actor => audit.Actor;

    private DateOnly Today => ChinaTime.Today(clock);

    /// <summary>Where an actor stands towards a community: its staff, its county step, its city, the province.</summary>
    public static ChangeStanding StandingOf(ICurrentActor actor, string communityCode, string cityCode, string? countyCode) => actor.Role switch
    {
        Roles.CommunityStaff when actor.ScopeCode == communityCode => ChangeStanding.Community,
        Roles.CountyOfficer when countyCode is not null && actor.ScopeCode == countyCode => ChangeStanding.County,
        // 嘉峪关 has no counties: its city officers do the county step too.
        Roles.CityOfficer when actor.ScopeCode == cityCode => countyCode is null ? ChangeStanding.City | ChangeStanding.County : ChangeStanding.City,
        Roles.ProvinceOfficer => ChangeStanding.Province,
        _ => ChangeStanding.None,
    };

    public async Task<ChangeReportView> FileAsync(string communityCode, ChangeReportInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Actor.EnsureRole(Readers);
        var community = await CommunityAsync(communityCode, cancellationToken);
        var standing = StandingOf(Actor, community.Code, community.CityCode, community.CountyCode);
        if ((standing & (ChangeStanding.Community | ChangeStanding.County)) == 0)
        {
            throw new ForbiddenException("民政部门撤销、合并、更名事项由社区或所在县区人社局（无县区的市由市人社局）报备；市州、省人社部门阅知和审核。");
        }

        var decider = ChangeStanding.None;
        if (input.Kind == ChangeKind.Rename)
        {
            decider = ChangeReport.DeciderFor(community.TitlesInForceOn(Today));
        }
        else if (input.Kind == ChangeKind.Merger)
        {
            var predecessors = await MergerCommunitiesAsync(community, input, cancellationToken);
            var titles = predecessors.SelectMany(p => p.TitlesInForceOn(input.DecisionDate)).ToList();
            decider = titles.Count == 0 ? ChangeStanding.None : ChangeReport.DeciderFor(titles);
        }

        var report = ChangeReport.File(input.Kind, community, standing, input.DecisionDocumentNumber, input.DecisionDate, Today, Actor.UserName ?? "",
            decider, input.NewName, input.PredecessorCodes, input.SuccessorCode);
        db.Add(report);
        if (input.DecisionFile is { } upload)
        {
            var file = await files.SaveAsync(upload, "change-report", report.Id.ToString(), "decision", Actor.UserName ?? "", cancellationToken);
            db.Add(file);
            report.AttachDecisionFile(file.Id);
        }

        audit.Record("change.file", "change-report", report.Id.ToString(), community.RegionCode, after: Snapshot(report));
        await SaveWithEffectAsync(report, report.HasTakenEffect, cancellationToken);
        return ChangeReportView.Of(report, Today, standing);
    }

    public async Task<ChangeReportView> ActAsync(ChangeReportActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var report = await LoadAsync(input.Id, cancellationToken);
        var standing = StandingOf(Actor, report.CommunityCode, report.CityCode, report.CountyCode);
        if (!report.OptionsFor(standing).Contains(input.Action) && report.AllowsNow(input.Action))
        {
            throw new ForbiddenException($"您无权对该{report.Kind.DisplayName()}报备执行“{input.Action.DisplayName()}”（由{ChangeReportView.Of(report, Today, standing).Decider}或所在县区办理）。");
        }

        if (input.Version != report.Version)
        {
            throw new ConcurrencyConflictException(ConcurrencyConflictException.DefaultMessage);
        }

        db.Entry(report).Property(r => r.Version).OriginalValue = input.Version;
        var before = Snapshot(report);
        var date = input.Date ?? Today;
        var by = Actor.UserName ?? "";
        var tookEffect = false;
        switch (input.Action)
        {
            case ChangeReportAction.Confirm:
                report.Confirm(standing, Today);
                tookEffect = true;
                break;
            case ChangeReportAction.Consent:
                report.Consent(standing, date, by);
                (await CommunityForWriteAsync(report.CommunityCode, cancellationToken)).Rename(report.NewName!, date);
                break;
            case ChangeReportAction.Refuse:
                report.Refuse(standing, date, by, input.Remark ?? "");
                break;
            case ChangeReportAction.DecideTitle:
                report.DecideTitle(standing, date, input.Remark ?? "");
                break;
            case ChangeReportAction.Acknowledge:
                report.Acknowledge(standing, Today);
                break;
            case ChangeReportAction.Verify:
                await VerifyAsync(report, standing, input, date, cancellationToken);
                break;
            default:
                throw new NotFoundException($"没有报备操作“{input.Action}”。");
        }

        audit.Record("change." + input.Action.ToString().ToLowerInvariant(), "change-report", report.Id.ToString(), report.CountyCode ?? report.CityCode,
            before, Snapshot(report));
        await SaveWithEffectAsync(report, tookEffect, cancellationToken);
        return await ViewAsync(report, standing, cancellationToken);
    }

    public async Task<ChangeReportView> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var report = await LoadAsync(id, cancellationToken, tracking: false);
        return await ViewAsync(report, StandingOf(Actor, report.CommunityCode, report.CityCode, report.CountyCode), cancellationToken);
    }

    /// <summary>A11.3: the provincial score sheet a verifier fills for this report (the newest published provincial template).</summary>
    public async Task<VerificationSheetForm> VerificationSheetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await LoadAsync(id, cancellationToken, tracking: false);
        var template = await VerificationTemplateAsync(null, cancellationToken);
        return new VerificationSheetForm(template.TemplateVersion, template.Name, ChangeReport.VerificationPassMark, SheetItemView.Of(template));
    }

    /// <summary>The civil-affairs decision document, for readers of the report.</summary>
    public async Task<(StoredFile File, Stream Content)> OpenDecisionFileAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var report = await LoadAsync(id, cancellationToken, tracking: false);
        var file = await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == report.DecisionFileId, cancellationToken)
            ?? throw new NotFoundException("该报备没有上传民政部门决定文件。");
        return (file, files.Open(file));
    }

    public async Task<PagedResult<ChangeReportView>> ListAsync(ChangeReportFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        var rows = await FilteredAsync(filter, cancellationToken);
        return new PagedResult<ChangeReportView>(rows.Skip(page.Skip).Take(page.SafePageSize).ToList(), rows.Count, page.SafePage, page.SafePageSize);
    }

    /// <summary>The filtered list as a workbook, audited as an export.</summary>
    public async Task<byte[]> ExportAsync(ChangeReportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = await FilteredAsync(filter, cancellationToken);
        var workbook = Xlsx.Table("民政变更报备", ["社区代码", "社区名称", "类别", "决定文号", "决定日期", "报备期限", "报备日期", "逾期", "状态", "新名称", "合并后社区"],
            rows.Select(r => (IReadOnlyList<object?>)[r.CommunityCode, r.CommunityName, r.Kind.DisplayName(), r.DecisionDocumentNumber, r.DecisionDate,
                r.DueDate, r.FiledOn, r.OverdueLabel, r.State.DisplayName(), r.NewName, r.SuccessorCode]));
        audit.Record("change.export", "change-report", null, Actor.ScopeCode is { Length: >= 6 } s ? s[..6] : null,
            after: new { kind = filter.Kind?.ApiName(), state = filter.State?.ApiName(), filter.OverdueOnly, filter.Search, rows = rows.Count });
        await db.SaveChangesAsync(cancellationToken);
        return workbook;
    }

    /// <summary>The workbench panel; the overdue-unreported list is the city's and the province's (A11.1).</summary>
    public async Task<ChangeReportSummary> SummaryAsync(CancellationToken cancellationToken = default)
    {
        var rows = await FilteredAsync(new ChangeReportFilter(), cancellationToken);
        var overdue = Actor.IsInRole(Roles.CityOfficer, Roles.ProvinceOfficer) ? rows.Where(r => r.OverdueUnreported).ToList() : [];
        return new ChangeReportSummary(rows.Count(r => r.Options.Count > 0), rows.Count, overdue);
    }

    /// <summary>The reports in the caller's scope, newest decision first; state and overdue are derived from today's date.</summary>
    internal async Task<List<ChangeReportView>> FilteredAsync(ChangeReportFilter filter, CancellationToken cancellationToken)
    {
        Actor.EnsureRole(Readers);
        var scope = Actor.ScopeCode;
        var query = db.Set<ChangeReport>().AsNoTracking();
        query = Actor.Role switch
        {
            Roles.ProvinceOfficer => query,
            Roles.CityOfficer => query.Where(r => r.CityCode == scope),
            Roles.CountyOfficer => query.Where(r => r.CountyCode == scope),
            _ => query.Where(r => r.CommunityCode == scope),
        };
        if (filter.Kind is { } kind)
        {
            query = query.Where(r => r.Kind == kind);
        }

        if (filter.State is { } state)
        {
            query = query.Where(r => r.State == state);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            query = query.Where(r => r.CommunityName.Contains(term) || r.CommunityCode.StartsWith(term) || r.DecisionDocumentNumber.Contains(term));
        }

        var today = Today;
        var views = (await query.ToListAsync(cancellationToken))
            .OrderByDescending(r => r.DecisionDate).ThenBy(r => r.CommunityCode)
            .Select(r => ChangeReportView.Of(r, today, StandingOf(Actor, r.CommunityCode, r.CityCode, r.CountyCode)));
        return (filter.OverdueOnly ? views.Where(v => v.OverdueUnreported || v.FiledLate) : views).ToList();
    }

    private async Task VerifyAsync(ChangeReport report, ChangeStanding standing, ChangeReportActionInput input, DateOnly date,
        CancellationToken cancellationToken)
    {
        var successor = await CommunityForWriteAsync(report.SuccessorCode!, cancellationToken);
        // A11.3: the successor's indicators as the verifier saw them, frozen into the report; the sheet's auto items come from them.
        var snapshot = await snapshots.TakeAsync(successor, AssessmentPeriod.DefaultFor(date), date, cancellationToken);
        var template = await VerificationTemplateAsync(input.TemplateVersion, cancellationToken);
        var sheet = new ScoreSheet(report.VerificationLevel, template, snapshot.Input);
        foreach (var e in input.Entries ?? [])
        {
            if (sheet.Line(e.Number).Mode == ScoringMode.Judged)
            {
                sheet.Judge(e.Number, e.Score, e.Remark);
            }
            else
            {
                sheet.Override(e.Number, e.Score, e.Remark ?? "");
            }
        }

        var meets = input.MeetsConditions ?? throw new DomainException("请指明核查结论 meetsConditions。", "A11.3");
        report.Verify(standing, new MergerVerification(date, sheet, JsonSerializer.Serialize(snapshot, Json), meets, input.DocumentNumber,
            input.PlaqueNumber, input.GrantedOn, input.Remark), Actor.UserName ?? "");
        db.Add(sheet);
        if (meets)
        {
            var authority = report.Decider == ChangeStanding.Province ? "甘肃省人力资源和社会保障厅" : "市州人力资源和社会保障局";
            successor.GrantTitle(report.VerifiedLevel, authority, report.GrantedDocumentNumber!, report.GrantedOn!.Value, report.GrantedPlaqueNumber);
            audit.Record("title.grant", "community", successor.Code, successor.RegionCode, after: new
            {
                level = report.VerifiedLevel.ApiName(),
                documentNumber = report.GrantedDocumentNumber,
                grantedOn = report.GrantedOn,
                plaqueNumber = report.GrantedPlaqueNumber,
                change = report.Id,
            });
        }
    }

    /// <summary>
    /// A11.3: verification uses the provincial sheet: the version the form was made from when given (it must be a published provincial
    /// template), otherwise the newest published one.
    /// </summary>
    private async Task<ScoreTemplate> VerificationTemplateAsync(string? version, CancellationToken cancellationToken)
    {
        var provincial = (await db.Set<ScoreTemplate>().AsNoTracking().Where(t => t.OwnerRegionCode == GansuRegions.ProvinceCode)
            .ToListAsync(cancellationToken)).Where(t => t.IsPublished).OrderByDescending(t => t.PublishedAt).ToList();
        if (string.IsNullOrWhiteSpace(version))
        {
            return provincial.FirstOrDefault() ?? throw new DomainException("尚无已发布的省级评分表，不能核查。", "A6");
        }

        return provincial.Find(t => t.TemplateVersion == version.Trim())
            ?? throw new DomainException($"评分表“{version.Trim()}”不是已发布的省级评分表，不能用于核查。", "A6");
    }

    private async Task<ChangeReportView> ViewAsync(ChangeReport report, ChangeStanding standing, CancellationToken cancellationToken)
    {
        ScoreSheetView? sheet = null;
        if (report.VerificationSheet is { } s)
        {
            var template = await db.Set<ScoreTemplate>().AsNoTracking().SingleAsync(t => t.TemplateVersion == s.TemplateVersion, cancellationToken);
            sheet = ScoreSheetView.Of(s, s.Level == ReviewLevel.Province ? "省级核查" : "市级核查", ChangeReport.VerificationPassMark, template);
        }

        return ChangeReportView.Of(report, Today, standing, sheet);
    }

    /// <summary>Saves; a change taking effect ends titles and marks communities first, and a merger then moves the ledgers.</summary>
    private async Task SaveWithEffectAsync(ChangeReport report, bool takesEffect, CancellationToken cancellationToken)
    {
        if (!takesEffect)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (report.Kind == ChangeKind.Dissolution)
        {
            (await CommunityForWriteAsync(report.CommunityCode, cancellationToken)).Dissolve(report.DecisionDate);
        }

        var moves = new List<(int From, int To)>();
        if (report.Kind == ChangeKind.Merger)
        {
            var successor = await CommunityForWriteAsync(report.SuccessorCode!, cancellationToken);
            foreach (var code in report.PredecessorCodes)
            {
                var predecessor = await CommunityForWriteAsync(code, cancellationToken);
                predecessor.MergeInto(successor.Code, report.DecisionDate);
                if (predecessor.Id != successor.Id)
                {
                    moves.Add((predecessor.Id, successor.Id));
                }
            }

            audit.Record("ledger.merge", "community", successor.Code, successor.RegionCode, after: new { from = report.PredecessorCodes, change = report.Id });
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (from, to) in moves)
        {
            await MoveLedgersAsync(from, to, cancellationToken);
        }

        await LedgerVersions.BumpAsync(db, moves.SelectMany(m => new[] { m.From, m.To }), cancellationToken);

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// A11.3: a predecessor's ledger rows move to the successor with their history. A row whose natural key the successor
    /// already holds (the same person registered in both) stays once, so the person is in one community only and the A16
    /// one-person-in-two-communities check does not fire because of the merger.
    /// </summary>
    private async Task MoveLedgersAsync(int from, int to, CancellationToken cancellationToken)
    {
        foreach (var kind in Enum.GetValues<LedgerKind>())
        {
            var table = LedgerTable.For(db, kind);
            var same = string.Join(" AND ", table.KeyColumns.Where(c => c != "community_id").Select(c => $"o.\"{c}\" = \"{table.Name}\".\"{c}\""));
            var duplicate = same.Length == 0 ? "" : $" AND NOT EXISTS (SELECT 1 FROM \"{table.Name}\" o WHERE o.\"community_id\" = {{0}} AND {same})";
#pragma warning disable EF1002 // Table and column names come from the EF model, never from input; the ids are parameters.
            await db.Database.ExecuteSqlRawAsync($"UPDATE \"{table.Name}\" SET \"community_id\" = {{0}} WHERE \"community_id\" = {{1}}{duplicate}",
                [to, from], cancellationToken);
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{table.Name}\" WHERE \"community_id\" = {{0}}", [from], cancellationToken);
#pragma warning restore EF1002
        }
    }

    private async Task<List<Community>> MergerCommunitiesAsync(Community filer, ChangeReportInput input, CancellationToken cancellationToken)
    {
        var codes = (input.PredecessorCodes ?? []).Append(filer.Code).Select(c => c.Trim()).Distinct().ToList();
        var found = await db.Communities.Include(c => c.Titles).Where(c => codes.Contains(c.Code)).ToListAsync(cancellationToken);
        if (codes.FirstOrDefault(c => found.All(f => f.Code != c)) is { } missing)
        {
            throw new DomainException($"被合并社区“{missing}”未登记。", "A11.3");
        }

        if (found.FirstOrDefault(c => c.CityCode != filer.CityCode || c.Status != CommunityStatus.Active) is { } other)
        {
            throw new DomainException($"被合并社区“{other.Name}”须与本社区同属一个市州且未撤销、合并。", "A11.3");
        }

        var successor = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Code == input.SuccessorCode, cancellationToken);
        if (successor is null || successor.CityCode != filer.CityCode || successor.Status != CommunityStatus.Active)
        {
            throw new DomainException("合并后的社区须已在名录中登记（新设社区请先由县区登记），且与被合并社区同属一个市州。", "A11.3");
        }

        return found;
    }

    private async Task<Community> CommunityAsync(string code, CancellationToken cancellationToken)
    {
        var community = await db.Communities.Include(c => c.Titles).FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (community is null || !Actor.Covers(community))
        {
            throw new NotFoundException($"未找到社区“{code}”，或不在您的管辖范围内。");
        }

        return community;
    }

    private async Task<Community> CommunityForWriteAsync(string code, CancellationToken cancellationToken) =>
        await db.Communities.Include(c => c.Titles).Include(c => c.NameHistory).AsSplitQuery().FirstOrDefaultAsync(c => c.Code == code, cancellationToken)
        ?? throw new NotFoundException($"未找到社区“{code}”。");

    private async Task<ChangeReport> LoadAsync(Guid id, CancellationToken cancellationToken, bool tracking = true)
    {
        Actor.EnsureRole(Readers);
        var query = tracking ? db.Set<ChangeReport>() : db.Set<ChangeReport>().AsNoTracking();
        var report = await query.Include(r => r.ScoreSheets).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null || !RegionScope.Covers(Actor.Role, Actor.ScopeCode, report.CityCode, report.CountyCode, report.CommunityCode))
        {
            throw new NotFoundException("未找到该变更报备，或不在您的管辖范围内。");
        }

        return report;
    }

    private static object Snapshot(ChangeReport r) => new
    {
        kind = r.Kind.ApiName(),
        r.CommunityCode,
        r.DecisionDocumentNumber,
        r.DecisionDate,
        r.DueDate,
        r.FiledOn,
        state = r.State.ApiName(),
        r.NewName,
        predecessors = r.PredecessorCodes,
        r.SuccessorCode,
        r.Reason,
        r.TitleDecision,
        r.VerificationScore,
        sheet = r.VerificationSheet?.Lines.Select(l => new { l.Number, l.Score }).ToList(),
        r.MeetsConditions,
        r.GrantedDocumentNumber,
    };
}
