using System.Globalization;
using System.Text.Json;
using FullEmployment.Application.Common;
using FullEmployment.Application.Ledgers;
using FullEmployment.Application.Ledgers.Import;
using FullEmployment.Domain.Ledgers;
using FullEmployment.Web.Infrastructure;
using FullEmployment.Web.Pages.Ledgers;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Api;

public sealed record LedgerCountsDto(int Added, int Updated, int Unchanged)
{
    public static LedgerCountsDto From(LedgerKindCounts c) => new(c.Added, c.Updated, c.Unchanged);
}

public sealed record LedgerIssueDto(string Sheet, int Row, string Column, string Value, string Message);

/// <summary>docs/reference/design.md "Stable contracts": {added, updated, unchanged}, plus the counts per kind (Chinese kind name) and warnings.</summary>
public sealed record LedgerImportDto(int Added, int Updated, int Unchanged, IReadOnlyDictionary<string, LedgerCountsDto> ByKind,
    IReadOnlyList<LedgerIssueDto> Warnings)
{
    public static LedgerImportDto From(LedgerImportOutcome o) => new(o.Totals.Added, o.Totals.Updated, o.Totals.Unchanged,
        o.ByKind.ToDictionary(k => k.Key.SheetName(), k => LedgerCountsDto.From(k.Value)),
        [.. o.Warnings.Select(w => new LedgerIssueDto(w.Sheet, w.Row, w.Column, w.Value, w.Message))]);
}

/// <summary>A background import (docs/reference/ledger.md "Background imports"): state, progress while running, the result or every kept error once finished.</summary>
public sealed record LedgerImportJobDto(Guid Id, string State, string FileName, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt, string? Sheet, int RowsValidated, int RowsTotal, int RowsWritten, string? Message, LedgerImportDto? Result,
    int ErrorCount, IReadOnlyList<LedgerIssueDto> Errors)
{
    public static LedgerImportJobDto From(LedgerImportJob job, LedgerImportJobProgress? progress)
    {
        ArgumentNullException.ThrowIfNull(job);
        var result = job.State == LedgerImportJobState.Succeeded
            ? new LedgerImportDto(job.Added, job.Updated, job.Unchanged, job.ByKind.ToDictionary(k => k.Key, k => LedgerCountsDto.From(k.Value)),
                [.. job.Warnings.Select(w => new LedgerIssueDto(w.Sheet, w.Row, w.Column, w.Value, w.Message))])
            : null;
        return new(job.Id, job.State.ToString().ToLowerInvariant(), job.FileName, job.CreatedAt, job.StartedAt, job.FinishedAt,
            progress?.Sheet, progress?.RowsValidated ?? 0, progress?.RowsTotal ?? 0, progress?.RowsWritten ?? 0, job.Message, result,
            job.ErrorCount, [.. job.Errors.Select(e => new LedgerIssueDto(e.Sheet, e.Row, e.Column, e.Value, e.Message))]);
    }
}

/// <summary>A ledger row: its cells by Chinese column name, ID numbers and phones masked.</summary>
public sealed record LedgerRowDto(long Id, IReadOnlyDictionary<string, string> Fields, bool IsComplete, DateTimeOffset UpdatedAt);

/// <summary>
/// PUT body of one record: a row as GET lists it, with its cells changed. A masked cell (ID number, birth year, phone) sent
/// back unchanged keeps the stored value; <c>isComplete</c> and <c>updatedAt</c> are read-only.
/// </summary>
public sealed record LedgerRowBody(IReadOnlyDictionary<string, string?> Fields, long? Id);

public sealed record LedgerRowsPage(IReadOnlyList<LedgerRowDto> Items, int Total);

public sealed record IndicatorDto(string Id, string Name, int Numerator, int Denominator, decimal Value, decimal? Threshold, string Status);

public sealed record IndicatorsDto(string From, string To, string ApplicationDate, IReadOnlyList<IndicatorDto> Indicators, IReadOnlyList<string> StaleKinds);

public sealed record IntegrityFindingDto(int Rule, string Description, string IdNumber, string Evidence);

public sealed record IntegrityDto(string ReferenceDate, IReadOnlyList<IntegrityFindingDto> Findings);

public static class LedgersApi
{
    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        // Kestrel's and the form reader's limits for the upload routes: above the import's file limit, so the use case gives the Chinese 413.
        var uploadLimit = LedgerImportRegistration.UploadBodyLimit(((IEndpointRouteBuilder)group).ServiceProvider.GetRequiredService<LedgerImportOptions>());
        var formLimit = new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute { MultipartBodyLengthLimit = uploadLimit };
        group.MapPost("/{code}/ledger/imports", ImportAsync)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(uploadLimit), formLimit)
            .WithName("ImportLedger").WithSummary("导入社区台账（xlsx 或 CSV；CSV 须指定 kind，如“人员”）");
        group.MapPost("/{code}/ledger/import-jobs", StartImportJobAsync)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(uploadLimit), formLimit)
            .WithName("StartLedgerImportJob").WithSummary("后台导入社区台账：202 及任务地址（Location），导入规则与同步导入相同");
        group.MapGet("/{code}/ledger/import-jobs/{id:guid}", async (string code, Guid id, LedgerImportJobs jobs, CancellationToken ct) =>
            LedgerImportJobDto.From(await jobs.GetAsync(code, id, ct), jobs.ProgressOf(id)))
            .WithName("GetLedgerImportJob").WithSummary("后台导入任务：状态（queued/running/succeeded/failed）、进度、结果或错误");

        group.MapGet("/{code}/ledger/{kind}", async (string code, string kind, int? page, int? pageSize, string? q, LedgerQueries queries,
            CancellationToken ct) =>
        {
            var result = await queries.ListAsync(code, LedgerAccess.ParseKind(kind), new LedgerFilter(q), new PageRequest(page ?? 1, pageSize ?? 20), ct);
            var columns = result.Definition.Columns;
            return new LedgerRowsPage([.. result.Rows.Items.Select(r => new LedgerRowDto(r.Id,
                columns.Select((c, i) => (c.Name, r.Values[i])).ToDictionary(x => x.Name, x => x.Item2), r.IsComplete, r.UpdatedAt))],
                result.Rows.Total);
        }).WithName("ListLedger").WithSummary("台账列表（身份证号、电话已脱敏，出生日期只显示年份；q 为完整的18位身份证号（查询记入审计）或姓名）");

        group.MapPost("/{code}/ledger/{kind}", async (string code, string kind, [FromBody] List<Dictionary<string, JsonElement>> records,
            LedgerImports imports, CancellationToken ct) =>
        {
            var rows = records.Select(r => (IReadOnlyDictionary<string, string?>)r.ToDictionary(f => f.Key, f => Text(f.Value))).ToList();
            var outcome = await imports.ImportRowsAsync(code, LedgerAccess.ParseKind(kind), rows, ct);
            return outcome.Succeeded ? LedgerImportDto.From(outcome) : throw outcome.ToException();
        }).WithName("UpsertLedgerRecords").WithSummary("按自然键批量写入台账记录（与导入相同的校验，全部有效才写入）");

        group.MapPut("/{code}/ledger/{kind}/{id:long}", async (string code, string kind, long id, LedgerRowBody body, LedgerQueries queries,
            CancellationToken ct) =>
        {
            if (body.Id is { } bodyId && bodyId != id)
            {
                var message = $"请求体的记录号 {bodyId} 与地址中的 {id} 不一致。";
                throw new InputRejectedException(message, [new InputError(null, null, "id", bodyId.ToString(CultureInfo.InvariantCulture), message)]);
            }

            var outcome = await queries.CorrectAsync(code, LedgerAccess.ParseKind(kind), id, body.Fields, ct);
            return outcome.Succeeded ? LedgerImportDto.From(outcome) : throw outcome.ToException();
        }).WithName("CorrectLedgerRecord").WithSummary("更正一条台账记录（与导入相同的校验）").RoundTrips<LedgerRowDto>();

        group.MapGet("/{code}/indicators", async (string code, DateOnly? from, DateOnly? to, DateOnly? on, IndicatorQueries indicators,
            CancellationToken ct) =>
        {
            var (period, applicationDate) = AssessmentPeriod.ForRequest(from, to, on, indicators.Today);
            var report = await indicators.ComputeAsync(code, period, applicationDate, ct);
            return new IndicatorsDto(Iso(report.Period.Start), Iso(report.Period.End), Iso(report.ApplicationDate),
                [.. report.Indicators.Select(i => new IndicatorDto(i.Id, i.Name, i.Numerator, i.Denominator, i.Value, i.Threshold, StatusName(i.Status)))],
                [.. report.StaleKinds.Select(k => k.SheetName())]);
        }).WithName("GetIndicators").WithSummary("社区 A5 指标（由台账计算；from/to 缺省为申报日前十二个整月；给出 from/to 而未给 on 时，申报日期为 to 的次日）");

        group.MapGet("/{code}/integrity", async (string code, DateOnly? on, IntegrityQueries integrity, IndicatorQueries indicators,
            CancellationToken ct) =>
        {
            var referenceDate = on ?? indicators.Today;
            var findings = await integrity.CheckAsync(code, referenceDate, cancellationToken: ct);
            return new IntegrityDto(Iso(referenceDate),
                [.. findings.Select(f => new IntegrityFindingDto(f.Rule, f.Description, f.MaskedIdNumber, f.Evidence))]);
        }).WithName("GetIntegrityFindings").WithSummary("A16 诚信核查提示（供人工复核，不是结论）");
    }

    public static string StatusName(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Met => "met",
        IndicatorStatus.NotMet => "not_met",
        _ => "not_applicable",
    };

    private static async Task<IResult> StartImportJobAsync(string code, HttpRequest request, LedgerImportJobs jobs, CancellationToken ct)
    {
        var (file, kind) = await UploadAsync(request, ct);
        await using var content = file.OpenReadStream();
        var job = await jobs.StartAsync(code, content, file.FileName, kind, ct);
        return Results.Accepted($"/api/v1/communities/{job.CommunityCode}/ledger/import-jobs/{job.Id}", LedgerImportJobDto.From(job, null));
    }

    private static async Task<(IFormFile File, LedgerKind? Kind)> UploadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw new InputRejectedException("请以 multipart/form-data 上传文件（字段名 file）。",
                [new InputError(null, null, "file", null, "请以 multipart/form-data 上传文件（字段名 file）")]);
        }

        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? throw new InputRejectedException("缺少上传文件。",
            [new InputError(null, null, "file", null, "缺少上传文件（字段名 file）")]);
        var kindName = form["kind"].ToString();
        return (file, string.IsNullOrWhiteSpace(kindName) ? null : LedgerAccess.ParseKind(kindName));
    }

    private static async Task<LedgerImportDto> ImportAsync(string code, HttpRequest request, LedgerImports imports, CancellationToken ct)
    {
        var (file, kind) = await UploadAsync(request, ct);
        await using var content = file.OpenReadStream();
        var outcome = await imports.ImportFileAsync(code, content, file.FileName, kind, cancellationToken: ct);
        return outcome.Rejection switch
        {
            LedgerImportRejection.None => LedgerImportDto.From(outcome),
            LedgerImportRejection.TooLarge => throw new BadHttpRequestException(outcome.Message, StatusCodes.Status413PayloadTooLarge),
            _ => throw outcome.ToException(),
        };
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
