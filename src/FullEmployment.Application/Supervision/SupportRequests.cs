using System.Globalization;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Notices;
using FullEmployment.Domain;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Notices;
using FullEmployment.Domain.Regions;
using FullEmployment.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace FullEmployment.Application.Supervision;

/// <summary>
/// Support requests (A15): the community raises a difficulty to its county and city, either answers, the community confirms
/// or reopens. Role and the stored request's region are checked on every read and write; every move is audited in the same
/// transaction. The answer period is <c>Supervision:SupportRequestDueWorkingDays</c> working days (default 10).
/// </summary>
public sealed class SupportRequests(AppDbContext db, AuditTrail audit, TimeProvider clock, FileStore files, WorkingCalendar calendar,
    IConfiguration configuration)
{
    public const string SettingKey = "Supervision:SupportRequestDueWorkingDays";

    public const string FileOwner = "support-request";

    /// <summary>Workflow roles; finance officers, auditors and security administrators see no support requests.</summary>
    public static readonly string[] Readers = [Roles.ProvinceOfficer, Roles.CityOfficer, Roles.CountyOfficer, Roles.CommunityStaff];

    private const string NotFound = "未找到该诉求，或不在您的管辖范围内。";

    private ICurrentActor Actor => audit.Actor;

    private DateTimeOffset Now => clock.GetUtcNow();

    private DateOnly Today => ChinaTime.Today(clock);

    /// <summary>The configured answer period in working days; a value that is not a number is a configuration error, refused in Chinese.</summary>
    public int DueWorkingDays => configuration[SettingKey] is not { Length: > 0 } text ? SupportRequest.DefaultDueWorkingDays
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days
        : throw new DomainException($"配置项{SettingKey}应为工作日天数（整数），当前为“{text}”。", SupportRequest.Clause);

    // ---- Queries ----

    public async Task<PagedResult<SupportRequestRow>> ListAsync(SupportRequestFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rows = await RowsAsync(filter, cancellationToken);
        return new PagedResult<SupportRequestRow>([.. rows.Skip(page.Skip).Take(page.SafePageSize)], rows.Count, page.SafePage, page.SafePageSize);
    }

    /// <summary>One community's requests (the community's own GET); a community outside the reader's scope is not found.</summary>
    public async Task<PagedResult<SupportRequestRow>> ListForCommunityAsync(string communityCode, SupportRequestFilter filter, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await CommunityInScopeAsync(communityCode, cancellationToken);
        return await ListAsync(filter with { CommunityCode = communityCode }, page, cancellationToken);
    }

    public async Task<SupportRequestView> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var request = await ReadableAsync(db.Set<SupportRequest>().AsNoTracking().Include(r => r.History), id, cancellationToken);
        return await ToViewAsync(request, cancellationToken);
    }

    /// <summary>Opens a file of a request (the community's attachments, the answer's files) for a reader in scope.</summary>
    public async Task<(StoredFile File, Stream Content)> OpenFileAsync(Guid id, Guid fileId, CancellationToken cancellationToken = default)
    {
        await ReadableAsync(db.Set<SupportRequest>().AsNoTracking(), id, cancellationToken);
        var file = await db.Set<StoredFile>().AsNoTracking()
            .FirstOrDefaultAsync(f => f.Id == fileId && f.OwnerType == FileOwner && f.OwnerId == id.ToString(), cancellationToken)
            ?? throw new NotFoundException("未找到该文件。");
        return (file, files.Open(file));
    }

    /// <summary>Open and overdue counts in the reader's scope; for the province also per city (the workbench chart). Null for other roles.</summary>
    public async Task<SupportRequestSummary?> SummaryAsync(CancellationToken cancellationToken = default)
    {
        if (!Actor.IsInRole(Readers))
        {
            return null;
        }

        var open = (await RowsAsync(new SupportRequestFilter(), cancellationToken)).Where(r => r.State != SupportRequestState.Resolved).ToList();
        IReadOnlyList<SupportCityCount> perCity = [];
        if (Actor.IsInRole(Roles.ProvinceOfficer))
        {
            var cities = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.City).OrderBy(r => r.Code)
                .Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken);
            perCity = [.. cities.Select(c => new SupportCityCount(c.Code, c.Name, open.Count(r => r.CityCode == c.Code),
                open.Count(r => r.CityCode == c.Code && r.Overdue)))];
        }

        return new SupportRequestSummary(open.Count, open.Count(r => r.State == SupportRequestState.AwaitingAnswer),
            open.Count(r => r.State == SupportRequestState.Answered), open.Count(r => r.Overdue), perCity);
    }

    /// <summary>The requests waiting for the actor: answers for the county and city, confirmations for the community.</summary>
    internal async Task<IReadOnlyList<(SupportRequestRow Row, SupportRequestAction Action)>> WaitingForActorAsync(CancellationToken cancellationToken)
    {
        if (!Actor.IsInRole(Readers))
        {
            return [];
        }

        var rows = await RowsAsync(new SupportRequestFilter(), cancellationToken);
        return [.. rows.Select(r => (Row: r, Options: OptionsFor(r.State, r.CommunityCode, r.CityCode, r.CountyCode)))
            .Where(x => x.Options.Count > 0).Select(x => (x.Row, x.Options[0]))];
    }

    // ---- Community ----

    /// <summary>A15: community staff raise a difficulty for their own community, due after the configured working days.</summary>
    public async Task<SupportRequestResult> RaiseAsync(RaiseSupportRequestInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var community = await CommunityInScopeAsync(input.CommunityCode, cancellationToken);
        if (!Actor.IsInRole(Roles.CommunityStaff))
        {
            throw new ForbiddenException("困难诉求须由社区工作人员为本社区提出。");
        }

        var due = SupportDueDate.Compute(await calendar.LoadAsync(cancellationToken), Today, DueWorkingDays);
        var request = new SupportRequest(community.Id, community.Code, community.Name, community.CityCode, community.CountyCode, input.Category,
            input.Description, due, Actor.UserName ?? "", Now);
        db.Add(request);
        await SaveFilesAsync(request, input.Files, "attachment", cancellationToken);
        audit.Record("support-request.raise", "support-request", request.Id.ToString(), Region(request), after: new
        {
            community = request.CommunityCode,
            category = SupportRequest.CategoryName(request.Category),
            state = request.State.ToString(),
            dueOn = request.DueOn,
            dueWorkingDays = request.DueWorkingDays,
            files = input.Files?.Count ?? 0,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Result(request, due.Warning);
    }

    public Task<SupportRequestResult> ConfirmResolvedAsync(SupportRequestActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.Id, input.Version, SupportRequestAction.ConfirmResolved, r =>
        {
            r.ConfirmResolved(input.Remark, Actor.UserName ?? "", Now, Today);
            return Task.FromResult<object?>(new { remark = input.Remark });
        }, cancellationToken);
    }

    public Task<SupportRequestResult> ReopenAsync(SupportRequestActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.Id, input.Version, SupportRequestAction.Reopen, async r =>
        {
            var due = SupportDueDate.Compute(await calendar.LoadAsync(cancellationToken), Today, DueWorkingDays);
            r.Reopen(input.Remark ?? "", due, Actor.UserName ?? "", Now);
            return new { reason = input.Remark, dueOn = r.DueOn, dueDateWarning = due.Warning };
        }, cancellationToken);
    }

    // ---- County or city ----

    /// <summary>A15: the county or city answers with the measures taken and the departments coordinated.</summary>
    public Task<SupportRequestResult> AnswerAsync(AnswerSupportRequestInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(input.Id, input.Version, SupportRequestAction.Answer, async r =>
        {
            var late = r.IsOverdueOn(Today);
            r.Answer(input.Measures, input.Departments, Actor.UserName ?? "", Now, Today);
            await SaveFilesAsync(r, input.Files, "answer", cancellationToken);
            return new { measures = r.Measures, departments = r.CoordinatedDepartments, late, files = input.Files?.Count ?? 0 };
        }, cancellationToken);
    }

    // ---- Export ----

    /// <summary>The filtered list as xlsx, audited like the other exports: who, the filter and the row count.</summary>
    public async Task<ExportedFile> ExportAsync(SupportRequestFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Actor.EnsureRole(Readers);
        if (filter.Region?.Trim() is { Length: 6 } region && RegionOfActor() is { } scope
            && !RegionScope.CoversRegion(scope, region) && !RegionScope.CoversRegion(region, scope))
        {
            throw new ForbiddenException($"区划“{region}”不在您的管辖范围内，不能导出该地区的诉求。");
        }

        var rows = await RowsAsync(filter, cancellationToken);
        var workbook = Xlsx.Table("困难诉求", ["社区代码", "社区名称", "市州", "县区", "类别", "状态", "提出日期", "答复期限", "是否逾期", "答复日期"],
            rows.Select(r => (IReadOnlyList<object?>)[r.CommunityCode, r.CommunityName, r.CityCode, r.CountyCode, r.CategoryName, r.StateName,
                r.RaisedOn, r.DueDate, r.Overdue ? "逾期" : "", r.AnsweredOn]));
        audit.Record("support-request.export", "support-request", null, RegionOfActor(), after: new
        {
            state = filter.State is { } state ? SupportRequest.StateName(state) : null,
            category = filter.Category is { } category ? SupportRequest.CategoryName(category) : null,
            region = filter.Region,
            overdue = filter.Overdue,
            rows = rows.Count,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new ExportedFile($"困难诉求-{Today:yyyyMMdd}.xlsx", workbook);
    }

    // ---- Who may do what ----

    /// <summary>The domain's options for the current actor on a request with these stored fields.</summary>
    private IReadOnlyList<SupportRequestAction> OptionsFor(SupportRequestState state, string communityCode, string cityCode, string? countyCode) =>
        SupportRequest.OptionsFor(state, ActorFor(communityCode, cityCode, countyCode));

    /// <summary>
    /// The raising community's staff; its county's officers, and its city's officers (the request goes to both, A15; 嘉峪关市 has
    /// no counties, so there the city alone answers); everyone else only reads, if in scope.
    /// </summary>
    private SupportActor ActorFor(string communityCode, string cityCode, string? countyCode)
    {
        if (Actor.IsInRole(Roles.CommunityStaff) && Actor.ScopeCode == communityCode)
        {
            return SupportActor.Community;
        }

        var county = CountyStep.IsOfficer(Actor.Role, Actor.ScopeCode, cityCode, countyCode);
        var city = Actor.IsInRole(Roles.CityOfficer) && Actor.ScopeCode == cityCode;
        return county || city ? SupportActor.Responder : SupportActor.None;
    }

    private async Task<SupportRequestResult> ActAsync(Guid id, int version, SupportRequestAction action,
        Func<SupportRequest, Task<object?>> act, CancellationToken cancellationToken)
    {
        var request = await ReadableAsync(db.Set<SupportRequest>().Include(r => r.History), id, cancellationToken);
        if (SupportRequest.ActorOf[action] != ActorFor(request.CommunityCode, request.CityCode, request.CountyCode))
        {
            throw new ForbiddenException(SupportRequest.ActorOf[action] == SupportActor.Responder
                ? "答复诉求须由社区所在县区人社局或市州人社局办理。"
                : $"{SupportRequest.ActionName(action)}须由提出诉求的社区工作人员办理。");
        }

        db.ExpectVersion(request, version);
        var from = request.State;
        var details = await act(request);
        db.Touch(request);
        audit.Record("support-request." + ActionCode(action), "support-request", request.Id.ToString(), Region(request),
            before: new { state = from.ToString() }, after: new { state = request.State.ToString(), details });
        await db.SaveChangesAsync(cancellationToken);
        return Result(request, null);
    }

    private async Task<SupportRequest> ReadableAsync(IQueryable<SupportRequest> query, Guid id, CancellationToken cancellationToken)
    {
        Actor.EnsureRole(Readers);
        var request = await query.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return request is not null && RegionScope.Covers(Actor.Role, Actor.ScopeCode, request.CityCode, request.CountyCode, request.CommunityCode)
            ? request
            : throw new NotFoundException(NotFound);
    }

    private async Task<Domain.Communities.Community> CommunityInScopeAsync(string communityCode, CancellationToken cancellationToken)
    {
        Actor.EnsureRole(Readers);
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Code == communityCode, cancellationToken);
        return community is not null && Actor.Covers(community) ? community : throw new NotFoundException("未找到该社区，或不在您的管辖范围内。");
    }

    /// <summary>
    /// The rows in scope matching the filter, newest first, with the effective due date: the stored one, or for a request
    /// raised while its year had no calendar, the one the calendar gives now (still none while the year is missing).
    /// </summary>
    private async Task<List<SupportRequestRow>> RowsAsync(SupportRequestFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Scoped(db.Set<SupportRequest>().AsNoTracking());
        if (filter.State is { } state)
        {
            query = query.Where(r => r.State == state);
        }

        if (filter.Category is { } category)
        {
            query = query.Where(r => r.Category == category);
        }

        if (filter.CommunityCode is { Length: > 0 } community)
        {
            query = query.Where(r => r.CommunityCode == community);
        }

        if (filter.Region?.Trim() is { Length: 6 } region && !region.EndsWith("0000", StringComparison.Ordinal))
        {
            query = region.EndsWith("00", StringComparison.Ordinal) ? query.Where(r => r.CityCode == region) : query.Where(r => r.CountyCode == region);
        }

        var stored = await query.Select(r => new
        {
            r.Id,
            r.CommunityCode,
            r.CommunityName,
            r.CityCode,
            r.CountyCode,
            r.Category,
            r.State,
            r.RaisedOn,
            r.DueWorkingDays,
            r.DueOn,
            r.AnsweredOn,
            r.RaisedAt,
            r.Version,
        }).ToListAsync(cancellationToken);
        var cal = await calendar.LoadAsync(cancellationToken);
        var today = Today;
        var rows = stored.OrderByDescending(r => r.RaisedAt).ThenBy(r => r.CommunityCode).ThenBy(r => r.Id).Select(r =>
        {
            var due = r.DueOn ?? SupportDueDate.Compute(cal, r.RaisedOn, r.DueWorkingDays).DueOn;
            return new SupportRequestRow(r.Id, r.CommunityCode, r.CommunityName, r.CityCode, r.CountyCode, r.Category,
                SupportRequest.CategoryName(r.Category), r.State, SupportRequest.StateName(r.State), r.RaisedOn, due,
                SupportRequest.IsOverdue(r.State, due, today), r.AnsweredOn, r.Version);
        });
        return [.. filter.Overdue ? rows.Where(r => r.Overdue) : rows];
    }

    private IQueryable<SupportRequest> Scoped(IQueryable<SupportRequest> query)
    {
        Actor.EnsureRole(Readers);
        var scope = Actor.ScopeCode;
        return Actor.Role switch
        {
            Roles.ProvinceOfficer => query,
            Roles.CityOfficer => query.Where(r => r.CityCode == scope),
            Roles.CountyOfficer => query.Where(r => r.CountyCode == scope),
            _ => query.Where(r => r.CommunityCode == scope),
        };
    }

    private async Task SaveFilesAsync(SupportRequest request, IReadOnlyList<FileUpload>? uploads, string category, CancellationToken cancellationToken)
    {
        foreach (var upload in uploads ?? [])
        {
            db.Add(await files.SaveAsync(upload, FileOwner, request.Id.ToString(), category, Actor.UserName ?? "", cancellationToken));
        }
    }

    private async Task<SupportRequestView> ToViewAsync(SupportRequest r, CancellationToken cancellationToken)
    {
        var due = r.DueOn is { } stored ? new SupportDueDate(r.RaisedOn, r.DueWorkingDays, stored, null)
            : SupportDueDate.Compute(await calendar.LoadAsync(cancellationToken), r.RaisedOn, r.DueWorkingDays);
        var attachments = await db.Set<StoredFile>().AsNoTracking().Where(f => f.OwnerType == FileOwner && f.OwnerId == r.Id.ToString())
            .OrderBy(f => f.UploadedAt).ToListAsync(cancellationToken);
        var regionCodes = new[] { r.CityCode, r.CountyCode ?? r.CityCode };
        var names = await db.Regions.AsNoTracking().Where(x => regionCodes.Contains(x.Code)).ToDictionaryAsync(x => x.Code, x => x.Name, cancellationToken);
        var regionName = string.Join(" ", regionCodes.Distinct().Select(c => names.GetValueOrDefault(c, c)));
        return new SupportRequestView(r.Id, r.CommunityCode, r.CommunityName, r.CityCode, r.CountyCode, regionName, r.Category,
            SupportRequest.CategoryName(r.Category), r.Description, r.State, SupportRequest.StateName(r.State), r.RaisedBy, r.RaisedAt, r.RaisedOn,
            r.DueWorkingDays, due.DueOn, due.Warning, SupportRequest.IsOverdue(r.State, due.DueOn, Today), r.Measures, r.CoordinatedDepartments,
            r.AnsweredBy, r.AnsweredOn, r.ResolvedOn, r.ReopenCount, attachments.ConvertAll(FileView.Of),
            [.. r.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new SupportRequestHistoryView(h.At, h.Actor,
                SupportRequest.ActionName(h.Action), SupportRequest.StateName(h.From), SupportRequest.StateName(h.To), h.Text))],
            OptionsFor(r.State, r.CommunityCode, r.CityCode, r.CountyCode), r.Version);
    }

    /// <summary>The reader's region (community staff: the community's county), as the other exports record it.</summary>
    private string? RegionOfActor() => Actor.ScopeCode is { Length: >= 6 } s ? s[..6] : null;

    private static string ActionCode(SupportRequestAction action) => action switch
    {
        SupportRequestAction.Answer => "answer",
        SupportRequestAction.ConfirmResolved => "confirm",
        _ => "reopen",
    };

    private static string Region(SupportRequest r) => CountyStep.RegionOf(r.CityCode, r.CountyCode);

    private static SupportRequestResult Result(SupportRequest r, string? warning) =>
        new(r.Id, r.State, SupportRequest.StateName(r.State), r.DueOn, warning, r.Version);
}
