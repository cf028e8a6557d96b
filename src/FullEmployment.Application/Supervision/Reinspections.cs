using System.Text.Json;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers;
using FullEmployment.Application.Notices;
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
/// Annual re-inspection (A9, A10, A3.2): the province opens a round and every city is notified; the community's city inspects;
/// the reviewer decides a fail. Reads are scoped to the stored record's region (404 outside it), each write to the party the
/// domain names (<see cref="ReinspectionRecord.PartiesOf"/>, 403 with the reason), every change audited in its transaction.
/// </summary>
public sealed class Reinspections(AppDbContext db, AuditTrail audit, TimeProvider clock, IndicatorSnapshots snapshots, WorkingCalendar calendar,
    FileStore files, IntegrityQueries integrity)
{
    public const string FileOwner = "reinspection-record";

    /// <summary>Self-check material and rectification evidence (community), on-site photos (city).</summary>
    public static readonly IReadOnlyDictionary<string, string> FileCategories = new Dictionary<string, string>
    {
        ["self-check"] = "自查材料",
        ["evidence"] = "整改佐证",
        ["photo"] = "现场照片",
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private ICurrentActor Actor => audit.Actor;

    private DateOnly Today => ChinaTime.Today(clock);

    public async Task<ReinspectionRoundView> OpenAsync(OpenReinspectionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Actor.EnsureRole(Roles.ProvinceOfficer);
        if (await db.Set<ReinspectionRound>().AnyAsync(r => r.Year == input.Year, cancellationToken))
        {
            throw new DomainException($"{input.Year}年度复查已开启，每年只开启一轮。", "A9");
        }

        var version = string.IsNullOrWhiteSpace(input.TemplateVersion) ? DefaultScoreTemplate.Version : input.TemplateVersion.Trim();
        var templates = db.Set<ScoreTemplate>().AsNoTracking();
        var template = await (Guid.TryParse(version, out var templateId) ? templates.Where(t => t.Id == templateId) : templates.Where(t => t.TemplateVersion == version))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException($"未找到评分表版本“{version}”。", "A6");
        if (!template.IsPublished)
        {
            throw new DomainException($"评分表{version}尚未发布，不能用于复查。", "A6");
        }

        var now = clock.GetUtcNow();
        var round = new ReinspectionRound(input.Year, input.ReferenceDate, input.CityDeadline, input.ReviewDeadline, template.TemplateVersion,
            input.PassMark ?? ReinspectionRound.DefaultPassMark, input.IncludeNational, Actor.UserName ?? "", now);
        var communities = await db.Communities.AsNoTracking().Include(c => c.Titles).Where(c => c.Status == CommunityStatus.Active)
            .OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var records = round.RecordsFor(communities);
        db.Add(round);
        db.AddRange(records);

        // A9: publishing notifies every city through the inbox; their to-do lists show the records from now on.
        var cities = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.City).Select(r => r.Code).ToListAsync(cancellationToken);
        db.Add(new Message($"关于开展{round.Name}的通知",
            $"请于{ChinaTime.Format(round.CityDeadline)}前完成本市州{records.Count(r => cities.Contains(r.CityCode))}个称号中本辖区部分的复查并登记结果；"
            + $"复查基准日{ChinaTime.Format(round.ReferenceDate)}，评分表{round.TemplateVersion}，合格线{round.PassMark}分。",
            "甘肃省人力资源和社会保障厅", GansuRegions.ProvinceCode, now, cities, "reinspection-round", round.Id.ToString()));
        audit.Record("reinspection.open", "reinspection-round", round.Id.ToString(), GansuRegions.ProvinceCode, after: new
        {
            round.Year,
            round.ReferenceDate,
            round.CityDeadline,
            round.ReviewDeadline,
            round.TemplateVersion,
            round.PassMark,
            round.IncludeNational,
            records = records.Count,
            cities = cities.Count,
        });
        await db.SaveChangesAsync(cancellationToken);
        return await GetRoundAsync(round.Id, null, cancellationToken);
    }

    public async Task<IReadOnlyList<ReinspectionRoundRow>> ListRoundsAsync(CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.Workflow);
        var rounds = await db.Set<ReinspectionRound>().AsNoTracking().OrderByDescending(r => r.Year).ToListAsync(cancellationToken);
        var records = await Visible().Select(r => new { r.RoundId, r.State }).ToListAsync(cancellationToken);
        return rounds.ConvertAll(r =>
        {
            var mine = records.Where(x => x.RoundId == r.Id).ToList();
            return new ReinspectionRoundRow(r.Id, r.Year, r.Name, r.ReferenceDate, r.CityDeadline, r.ReviewDeadline, r.TemplateVersion, r.PassMark,
                r.IncludeNational, mine.Count, mine.Count(x => x.State != ReinspectionState.NotStarted), r.Version);
        });
    }

    /// <summary>The round with the records the reader may see, optionally one city's (a city outside the reader's scope gives none).</summary>
    public async Task<ReinspectionRoundView> GetRoundAsync(Guid id, string? cityCode, CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.Workflow);
        var round = await RoundAsync(id, cancellationToken);
        var rows = await RecordsAsync(id, cityCode, cancellationToken);
        return new ReinspectionRoundView(round.Id, round.Year, round.Name, round.ReferenceDate, round.CityDeadline, round.ReviewDeadline,
            round.TemplateVersion, round.PassMark, round.IncludeNational, round.AssessmentPeriod.Start, round.AssessmentPeriod.End, round.Version, rows);
    }

    public async Task<IReadOnlyList<ReinspectionRecordRow>> RecordsAsync(Guid roundId, string? cityCode, CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.Workflow);
        var round = await RoundAsync(roundId, cancellationToken);
        var query = Visible().Include(r => r.ScoreSheets).Where(r => r.RoundId == roundId);
        if (!string.IsNullOrWhiteSpace(cityCode))
        {
            query = query.Where(r => r.CityCode == cityCode);
        }

        var records = await query.OrderBy(r => r.CityCode).ThenBy(r => r.CommunityCode).ThenBy(r => r.TitleLevel).ToListAsync(cancellationToken);
        var names = await CityNamesAsync(cancellationToken);
        var today = Today;
        return records.ConvertAll(r => Row(r, round, names, today));
    }

    /// <summary>Progress per city, derived from the records' states and dates today (A9).</summary>
    public async Task<IReadOnlyList<ReinspectionProgress>> ProgressAsync(Guid roundId, CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.Workflow);
        var round = await RoundAsync(roundId, cancellationToken);
        var records = await Visible().AsNoTracking().Where(r => r.RoundId == roundId).ToListAsync(cancellationToken);
        var names = await CityNamesAsync(cancellationToken);
        var today = Today;
        return records.GroupBy(r => r.CityCode).OrderBy(g => g.Key).Select(g => new ReinspectionProgress(g.Key, names.GetValueOrDefault(g.Key, g.Key),
            g.Count(), g.Count(r => r.IsDone), g.Count(r => r.State == ReinspectionState.Passed),
            g.Count(r => r.State is ReinspectionState.Rectifying or ReinspectionState.RectificationAnswered),
            g.Count(r => r.State == ReinspectionState.Failed), g.Count(r => r.State == ReinspectionState.Confirmed),
            g.Count(r => r.State == ReinspectionState.Overturned), g.Count(r => r.IsOverdue(round, today)))).ToList();
    }

    public async Task<ReinspectionRecordView> GetRecordAsync(Guid id, CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.Workflow);
        var record = await Visible().Include(r => r.ScoreSheets).FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw NotFound();
        return await ViewAsync(record, cancellationToken);
    }

    /// <summary>The items of the record's pinned sheet, for the city's result form.</summary>
    public async Task<IReadOnlyList<SheetItemView>> SheetItemsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.Workflow);
        var version = await Visible().Where(r => r.Id == id).Select(r => r.TemplateVersion).FirstOrDefaultAsync(cancellationToken) ?? throw NotFound();
        var template = await db.Set<ScoreTemplate>().AsNoTracking().SingleAsync(t => t.TemplateVersion == version, cancellationToken);
        return SheetItemView.Of(template);
    }

    // A9: the community prepares its self-check before the city acts.
    public Task<ReinspectionRecordView> SubmitSelfCheckAsync(Guid id, int version, string selfAssessment, CancellationToken cancellationToken = default) =>
        ActAsync(id, version, ReinspectionAction.SelfCheck, "reinspection.self-check", (r, _) =>
        {
            r.SubmitSelfCheck(selfAssessment, clock.GetUtcNow());
            return Task.FromResult<object?>(new { length = selfAssessment.Length });
        }, cancellationToken);

    /// <summary>A9: the city's result, with the sheet filled from the ledger indicators frozen at this moment.</summary>
    public Task<ReinspectionRecordView> RecordResultAsync(ReinspectionResultInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var action = input.Result switch
        {
            ReinspectionResult.Pass => ReinspectionAction.Pass,
            ReinspectionResult.Rectify => ReinspectionAction.Rectify,
            _ => ReinspectionAction.Fail,
        };
        return ActAsync(input.RecordId, input.Version, action, "reinspection.result", async (r, round) =>
        {
            var today = Today;
            var template = await db.Set<ScoreTemplate>().AsNoTracking().SingleAsync(t => t.TemplateVersion == r.TemplateVersion, cancellationToken);
            var community = await db.Communities.AsNoTracking().Include(c => c.Titles).SingleAsync(c => c.Id == r.CommunityId, cancellationToken);
            var snapshot = await snapshots.TakeAsync(community, round.AssessmentPeriod, today, cancellationToken);
            var sheet = new ScoreSheet(ReviewLevel.City, template, snapshot.Input);
            foreach (var e in input.Entries)
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

            DateOnly? due = null;
            if (input.Result == ReinspectionResult.Rectify)
            {
                // A9: 限期整改 — a number of working days from today (docs/reference/calendar.md), or a date given outright.
                due = input.RectifyWorkingDays is { } days
                    ? ReinspectionRecord.RectifyDueDateFrom(await calendar.LoadAsync(cancellationToken), today, days)
                    : input.RectifyBy;
            }

            r.RecordResult(input.Result, sheet, new ReinspectionVisit(input.Date, input.Inspectors, input.Method ?? "", input.Findings ?? ""),
                JsonSerializer.Serialize(snapshot, Json), Actor.UserName ?? "", today, due, input.RequiredItems);
            db.Add(sheet);
            return new { result = ReinspectionRecord.ResultApiName(input.Result), total = sheet.Total, dueDate = due, inspectors = input.Inspectors.Count };
        }, cancellationToken);
    }

    public Task<ReinspectionRecordView> AnswerRectificationAsync(Guid id, int version, string answer, CancellationToken cancellationToken = default) =>
        ActAsync(id, version, ReinspectionAction.AnswerRectification, "reinspection.answer", (r, _) =>
        {
            r.AnswerRectification(answer, Today);
            return Task.FromResult<object?>(new { answeredOn = Today });
        }, cancellationToken);

    public Task<ReinspectionRecordView> RecheckAsync(Guid id, int version, bool passed, string remark, CancellationToken cancellationToken = default) =>
        ActAsync(id, version, passed ? ReinspectionAction.RecheckPass : ReinspectionAction.RecheckFail, "reinspection.recheck", (r, _) =>
        {
            if (passed)
            {
                r.RecheckPass(remark, Today);
            }
            else
            {
                r.RecheckFail(remark, Today);
            }

            return Task.FromResult<object?>(new { passed, remark });
        }, cancellationToken);

    /// <summary>A10: the reviewer confirms the fail; the title ends on the decision date and the community and its county are notified.</summary>
    public Task<ReinspectionRecordView> ConfirmAsync(Guid id, int version, DateOnly decisionDate, string remark,
        CancellationToken cancellationToken = default) =>
        ActAsync(id, version, ReinspectionAction.Confirm, "reinspection.confirm", async (r, round) =>
        {
            var community = await db.Communities.Include(c => c.Titles).SingleAsync(c => c.Id == r.CommunityId, cancellationToken);
            r.Confirm(community, decisionDate, remark, Actor.UserName ?? "", Today);
            db.Touch(community);
            var sender = r.ReviewedByCity ? await CityNameAsync(r.CityCode, cancellationToken) + "人力资源和社会保障局" : "甘肃省人力资源和社会保障厅";
            db.Add(new Message($"{r.CommunityName}{r.TitleLevel.DisplayName()}称号复查不合格的决定",
                $"经{round.Name}复查及复核，{r.CommunityName}（{r.CommunityCode}）{r.TitleLevel.DisplayName()}称号（{r.TitleDocumentNumber}）复查不合格，"
                + $"自{ChinaTime.Format(decisionDate)}起终止。复核意见：{remark.Trim()}",
                sender, r.ReviewedByCity ? r.CityCode : GansuRegions.ProvinceCode, clock.GetUtcNow(),
                [r.CommunityCode, r.CountyCode ?? r.CityCode, r.CityCode], "reinspection-record", r.Id.ToString()));
            return new { decisionDate, remark, titleId = r.TitleId, endReason = TitleEndReason.Reinspection.DisplayName() };
        }, cancellationToken);

    public Task<ReinspectionRecordView> OverturnAsync(Guid id, int version, string remark, CancellationToken cancellationToken = default) =>
        ActAsync(id, version, ReinspectionAction.Overturn, "reinspection.overturn", (r, _) =>
        {
            r.Overturn(remark, Actor.UserName ?? "", Today);
            return Task.FromResult<object?>(new { remark });
        }, cancellationToken);

    /// <summary>Self-check material and evidence from the community, photos from the city, while the record is open to that party.</summary>
    public async Task<FileView> UploadAsync(ReinspectionFileInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Actor.EnsureRole(Roles.Workflow);
        var record = await Visible().AsTracking().FirstOrDefaultAsync(r => r.Id == input.RecordId, cancellationToken) ?? throw NotFound();
        var parties = record.PartiesOf(Actor.Role, Actor.ScopeCode);
        var (party, states) = input.Category switch
        {
            "self-check" => (ReinspectionParty.Community, new[] { ReinspectionState.NotStarted }),
            "evidence" => (ReinspectionParty.Community, new[] { ReinspectionState.Rectifying }),
            "photo" => (ReinspectionParty.InspectingCity, new[] { ReinspectionState.NotStarted, ReinspectionState.Rectifying,
                ReinspectionState.RectificationAnswered }),
            _ => throw new DomainException("附件类别应为自查材料、整改佐证或现场照片。", "A9"),
        };
        if (!parties.HasFlag(party))
        {
            throw new ForbiddenException($"只有{(party == ReinspectionParty.Community ? "本社区工作人员" : "社区所在市州人社局")}可以上传{FileCategories[input.Category]}。");
        }

        if (!states.Contains(record.State))
        {
            throw new DomainException($"复查记录当前为“{ReinspectionRecord.StateName(record.State)}”，不能再上传{FileCategories[input.Category]}。", "A9");
        }

        var file = await files.SaveAsync(input.Upload, FileOwner, record.Id.ToString(), input.Category, Actor.UserName ?? "", cancellationToken);
        db.Add(file);
        audit.Record("reinspection.upload", "reinspection-record", record.Id.ToString(), record.CountyCode ?? record.CityCode,
            after: new { category = input.Category, file.FileName, file.Length });
        await db.SaveChangesAsync(cancellationToken);
        return FileView.Of(file);
    }

    public async Task<(StoredFile File, Stream Content)> OpenFileAsync(Guid recordId, Guid fileId, CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.Workflow);
        _ = await Visible().FirstOrDefaultAsync(r => r.Id == recordId, cancellationToken) ?? throw NotFound();
        var file = await db.Set<StoredFile>().AsNoTracking()
            .FirstOrDefaultAsync(f => f.Id == fileId && f.OwnerType == FileOwner && f.OwnerId == recordId.ToString(), cancellationToken)
            ?? throw new NotFoundException("未找到该附件。");
        return (file, files.Open(file));
    }

    /// <summary>The round's records (the reader's) as a workbook, audited as an export.</summary>
    public async Task<ExportedFile> ExportRecordsAsync(Guid roundId, string? cityCode, CancellationToken cancellationToken = default)
    {
        var round = await GetRoundAsync(roundId, cityCode, cancellationToken);
        var workbook = Xlsx.Table("复查记录", ["社区代码", "社区名称", "市州", "称号级别", "状态", "结果", "得分", "整改期限", "逾期"],
            round.Records.Select(r => (IReadOnlyList<object?>)[r.CommunityCode, r.CommunityName, r.CityName, r.LevelName, r.StateName,
                ResultName(r.Result), r.Score, r.DueDate, r.Overdue ? "是" : "否"]));
        audit.Record("reinspection.export", "reinspection-round", roundId.ToString(), RegionOfActor(), after: new { city = cityCode, rows = round.Records.Count });
        await db.SaveChangesAsync(cancellationToken);
        return new ExportedFile($"{round.Name}-复查记录-{Today:yyyyMMdd}.xlsx", workbook);
    }

    public async Task<ExportedFile> ExportProgressAsync(Guid roundId, CancellationToken cancellationToken = default)
    {
        var round = await RoundAsync(roundId, cancellationToken);
        var rows = await ProgressAsync(roundId, cancellationToken);
        var workbook = Xlsx.Table("复查进度", ["市州", "应复查", "已完成", "合格", "整改中", "不合格待复核", "确认不合格", "复核撤销不合格", "逾期"],
            rows.Select(p => (IReadOnlyList<object?>)[p.CityName, p.Assigned, p.Done, p.Passed, p.Rectifying, p.Failed, p.Confirmed, p.Overturned, p.Overdue]));
        audit.Record("reinspection.export-progress", "reinspection-round", roundId.ToString(), RegionOfActor(), after: new { rows = rows.Count });
        await db.SaveChangesAsync(cancellationToken);
        return new ExportedFile($"{round.Name}-进度-{Today:yyyyMMdd}.xlsx", workbook);
    }

    public static string ResultName(string? result) => result switch
    {
        "pass" => "合格",
        "rectify" => "限期整改",
        "fail" => "不合格",
        _ => "",
    };

    public static string StateApiName(ReinspectionState state) => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());

    // The records the reader may see: the stored record's region decides (the province sees all).
    private IQueryable<ReinspectionRecord> Visible()
    {
        var scope = Actor.ScopeCode;
        var records = db.Set<ReinspectionRecord>().AsNoTracking();
        return Actor.Role switch
        {
            Roles.ProvinceOfficer => records,
            Roles.CityOfficer => records.Where(r => r.CityCode == scope),
            Roles.CountyOfficer => records.Where(r => r.CountyCode == scope),
            Roles.CommunityStaff => records.Where(r => r.CommunityCode == scope),
            _ => records.Where(r => false),
        };
    }

    private async Task<ReinspectionRecordView> ActAsync(Guid id, int version, ReinspectionAction action, string auditAction,
        Func<ReinspectionRecord, ReinspectionRound, Task<object?>> act, CancellationToken cancellationToken)
    {
        Actor.EnsureRole(Roles.Workflow);
        var record = await Visible().AsTracking().Include(r => r.ScoreSheets).FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw NotFound();
        var party = ReinspectionRecord.ActingParty[action];
        if (!record.PartiesOf(Actor.Role, Actor.ScopeCode).HasFlag(party))
        {
            throw new ForbiddenException(Refusal(record, party));
        }

        db.ExpectVersion(record, version);
        var round = await RoundAsync(record.RoundId, cancellationToken);
        var from = record.State;
        var details = await act(record, round);
        db.Touch(record);
        audit.Record(auditAction, "reinspection-record", record.Id.ToString(), record.CountyCode ?? record.CityCode,
            before: new { state = from.ToString() }, after: new { state = record.State.ToString(), action = action.ToString(), details });
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(record, cancellationToken);
    }

    private static string Refusal(ReinspectionRecord r, ReinspectionParty party) => party switch
    {
        ReinspectionParty.Community => "只有本社区工作人员可以提交自查和整改材料。",
        ReinspectionParty.InspectingCity => "复查由社区所在市州人社局实施，您无权登记该社区的复查结果。",
        _ => r.ReviewedByCity
            ? "市级称号的复查不合格由管理该称号的市州人社局复核。"
            : $"{r.TitleLevel.DisplayName()}称号的复查不合格由省人社厅复核。",
    };

    private async Task<ReinspectionRecordView> ViewAsync(ReinspectionRecord r, CancellationToken cancellationToken)
    {
        var round = await RoundAsync(r.RoundId, cancellationToken);
        var today = Today;
        IndicatorSnapshot snapshot;
        var frozen = r.FrozenIndicators is not null;
        if (frozen)
        {
            snapshot = JsonSerializer.Deserialize<IndicatorSnapshot>(r.FrozenIndicators!, Json)!;
        }
        else
        {
            var community = await db.Communities.AsNoTracking().Include(c => c.Titles).SingleAsync(c => c.Id == r.CommunityId, cancellationToken);
            snapshot = await snapshots.TakeAsync(community, round.AssessmentPeriod, today, cancellationToken);
        }

        // A16: the integrity findings are shown beside the inspection, for a human to weigh; never a verdict.
        var findings = await integrity.CheckAsync(r.CommunityCode, round.ReferenceDate, round.AssessmentPeriod, null, cancellationToken);
        var template = await db.Set<ScoreTemplate>().AsNoTracking().SingleAsync(t => t.TemplateVersion == r.TemplateVersion, cancellationToken);
        var stored = await db.Set<StoredFile>().AsNoTracking().Where(f => f.OwnerType == FileOwner && f.OwnerId == r.Id.ToString())
            .OrderBy(f => f.UploadedAt).ToListAsync(cancellationToken);
        var cityName = await CityNameAsync(r.CityCode, cancellationToken);
        var sheet = r.ScoreSheet is { } s ? ScoreSheetView.Of(s, "市州复查", r.PassMark, template) : null;
        return new ReinspectionRecordView(r.Id, r.RoundId, round.Name, round.Year, round.ReferenceDate, round.CityDeadline, round.ReviewDeadline,
            round.AssessmentPeriod.Start, round.AssessmentPeriod.End, r.CommunityCode, r.CommunityName, r.CityCode, cityName, r.CountyCode, r.TitleId,
            r.TitleLevel.ApiName(), r.TitleLevel.DisplayName(), r.TitleDocumentNumber, StateApiName(r.State), ReinspectionRecord.StateName(r.State),
            r.IsOverdue(round, today), r.ReviewedByCity ? cityName + "人社局" : "省人社厅", r.PassMark, r.TemplateVersion, r.SelfAssessment,
            r.SelfCheckedAt, r.Result is { } res ? ReinspectionRecord.ResultApiName(res) : null, r.ResultOn, r.ResultBy, r.VisitDate, r.Inspectors,
            r.VisitMethod, r.Findings, r.RectifyDueDate, r.RequiredItems, r.RectificationAnswer, r.AnsweredOn, r.RecheckedOn, r.RecheckRemark,
            r.FailedOn, r.ReviewedOn, r.ReviewRemark, sheet, snapshot.Indicators, frozen, findings, stored.ConvertAll(FileView.Of),
            r.OptionsFor(r.PartiesOf(Actor.Role, Actor.ScopeCode), today), r.Version);
    }

    private static ReinspectionRecordRow Row(ReinspectionRecord r, ReinspectionRound round, Dictionary<string, string> names, DateOnly today) =>
        new(r.Id, r.CommunityCode, r.CommunityName, r.CityCode, names.GetValueOrDefault(r.CityCode, r.CityCode), r.TitleId, r.TitleLevel.ApiName(),
            r.TitleLevel.DisplayName(), StateApiName(r.State), ReinspectionRecord.StateName(r.State),
            r.Result is { } res ? ReinspectionRecord.ResultApiName(res) : null, r.RectifyDueDate, r.IsOverdue(round, today), r.ScoreSheet?.Total,
            r.Version);

    private async Task<ReinspectionRound> RoundAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<ReinspectionRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
        ?? throw new NotFoundException("未找到该复查轮次。");

    private Task<Dictionary<string, string>> CityNamesAsync(CancellationToken cancellationToken) =>
        db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.City).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);

    private async Task<string> CityNameAsync(string code, CancellationToken cancellationToken) =>
        await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) ?? code;

    private string? RegionOfActor() => Actor.Role == Roles.CommunityStaff ? Actor.ScopeCode?[..6] : Actor.ScopeCode;

    private static NotFoundException NotFound() => new("未找到该复查记录，或不在您的管辖范围内。");
}
