using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Application.Supervision;
using FullEmployment.Domain;
using FullEmployment.Domain.Supervision;
using FullEmployment.Web.Infrastructure;

namespace FullEmployment.Web.Api;

/// <summary>POST /api/v1/reinspections (issue 10 "Stable contracts"); templateId is a template's id or version, passMark defaults to 90.</summary>
public sealed record OpenReinspectionBody(int Year, DateOnly ReferenceDate, bool IncludeNational, DateOnly CityDeadline, DateOnly ReviewDeadline,
    string? TemplateId, decimal? PassMark);

/// <summary>
/// The city's result: result pass|rectify|fail, the visit date, inspectors, findings; for rectify a date (rectifyBy) or a number of working
/// days (rectifyWorkingDays) and requiredItems; method (default 实地查看) and entries (the judged items of the pinned sheet).
/// </summary>
public sealed record ReinspectionResultBody(string Result, DateOnly Date, IReadOnlyList<string> Inspectors, string? Findings, DateOnly? RectifyBy,
    int Version, string? Method, int? RectifyWorkingDays, IReadOnlyList<string>? RequiredItems, IReadOnlyList<ScoreEntry>? Entries);

public sealed record ReinspectionConfirmBody(DateOnly DecisionDate, string Remark, int Version);

public sealed record ReinspectionRemarkBody(string Remark, int Version);

public sealed record ReinspectionRecheckBody(bool Passed, string? Remark, int Version);

public sealed record ReinspectionSelfCheckBody(string SelfAssessment, int Version);

public sealed record ReinspectionAnswerBody(string Answer, int Version);

public static class ReinspectionApi
{
    /// <summary>The API's default on-site method when a caller gives none (the pages always ask).</summary>
    public const string DefaultMethod = "实地查看";

    public static void Map(RouteGroupBuilder api)
    {
        var rounds = api.MapGroup("/reinspections").RequireAuthorization();
        rounds.MapGet("/", (Reinspections r, CancellationToken ct) => r.ListRoundsAsync(ct)).WithName("ListReinspections").WithSummary("年度复查轮次（A9）");
        rounds.MapPost("/", async (OpenReinspectionBody b, Reinspections r, CancellationToken ct) =>
        {
            var view = await r.OpenAsync(new OpenReinspectionInput(b.Year, b.ReferenceDate, b.CityDeadline, b.ReviewDeadline, b.IncludeNational,
                b.TemplateId, b.PassMark), ct);
            return Results.Created($"/api/v1/reinspections/{view.Id}", view);
        }).WithName("OpenReinspection").WithSummary("省人社厅开启年度复查：基准日有效的每个称号一条复查记录，通知各市州");
        rounds.MapGet("/{id:guid}", (Guid id, string? city, Reinspections r, CancellationToken ct) => r.GetRoundAsync(id, city, ct))
            .WithName("GetReinspection");
        rounds.MapGet("/{id:guid}/records", (Guid id, string? city, Reinspections r, CancellationToken ct) => r.RecordsAsync(id, city, ct))
            .WithName("ListReinspectionRecords").WithSummary("复查记录（限本辖区），city 按市州筛选");
        rounds.MapGet("/{id:guid}/progress", (Guid id, Reinspections r, CancellationToken ct) => r.ProgressAsync(id, ct))
            .WithName("ReinspectionProgress").WithSummary("各市州复查进度：应复查、已完成、合格、整改中、不合格待复核、确认不合格、逾期");
        rounds.MapGet("/{id:guid}/progress.xlsx", async (Guid id, Reinspections r, CancellationToken ct) =>
        {
            var file = await r.ExportProgressAsync(id, ct);
            return Results.File(file.Content, Xlsx.ContentType, file.FileName);
        }).WithName("ExportReinspectionProgress").WithSummary("各市州复查进度（限本辖区）导出 xlsx，记入审计日志");
        rounds.MapGet("/{id:guid}/records.xlsx", async (Guid id, string? city, Reinspections r, CancellationToken ct) =>
        {
            var file = await r.ExportRecordsAsync(id, city, ct);
            return Results.File(file.Content, Xlsx.ContentType, file.FileName);
        }).WithName("ExportReinspectionRecords");

        var records = api.MapGroup("/reinspection-records").RequireAuthorization();
        records.MapGet("/{id:guid}", (Guid id, Reinspections r, CancellationToken ct) => r.GetRecordAsync(id, ct)).WithName("GetReinspectionRecord");
        records.MapPost("/{id:guid}/result", (Guid id, ReinspectionResultBody b, Reinspections r, CancellationToken ct) =>
            r.RecordResultAsync(new ReinspectionResultInput(id, b.Version, ReinspectionRecord.ParseResult(b.Result), b.Date, b.Inspectors,
                string.IsNullOrWhiteSpace(b.Method) ? DefaultMethod : b.Method, b.Findings, b.Entries ?? [], b.RectifyBy, b.RectifyWorkingDays,
                b.RequiredItems), ct))
            .WithName("RecordReinspectionResult").WithSummary("市州登记复查结果：pass、rectify（限期整改）、fail");
        records.MapPost("/{id:guid}/self-check", (Guid id, ReinspectionSelfCheckBody b, Reinspections r, CancellationToken ct) =>
            r.SubmitSelfCheckAsync(id, b.Version, b.SelfAssessment, ct)).WithName("ReinspectionSelfCheck");
        records.MapPost("/{id:guid}/answer", (Guid id, ReinspectionAnswerBody b, Reinspections r, CancellationToken ct) =>
            r.AnswerRectificationAsync(id, b.Version, b.Answer, ct)).WithName("AnswerReinspectionRectification");
        records.MapPost("/{id:guid}/recheck", (Guid id, ReinspectionRecheckBody b, Reinspections r, CancellationToken ct) =>
            r.RecheckAsync(id, b.Version, b.Passed, b.Remark ?? "", ct)).WithName("RecheckReinspection");
        records.MapPost("/{id:guid}/confirm", (Guid id, ReinspectionConfirmBody b, Reinspections r, CancellationToken ct) =>
            r.ConfirmAsync(id, b.Version, b.DecisionDate, b.Remark, ct))
            .WithName("ConfirmReinspectionFail").WithSummary("复核确认不合格：称号于决定日期终止，原因复查不合格（A10）");
        records.MapPost("/{id:guid}/overturn", (Guid id, ReinspectionRemarkBody b, Reinspections r, CancellationToken ct) =>
            r.OverturnAsync(id, b.Version, b.Remark, ct)).WithName("OverturnReinspectionFail");
        records.MapPost("/{id:guid}/files", UploadAsync)
            .DisableAntiforgery()
            .WithName("UploadReinspectionFile")
            .WithSummary("上传复查附件（multipart：category 为 self-check 自查材料、evidence 整改佐证或 photo 现场照片，file 为文件）");
        records.MapGet("/{id:guid}/files/{fileId:guid}", async (Guid id, Guid fileId, Reinspections r, CancellationToken ct) =>
        {
            var (file, content) = await r.OpenFileAsync(id, fileId, ct);
            return Results.File(content, file.ContentType, file.FileName);
        }).WithName("ReinspectionFile");
    }

    /// <summary>The page's upload through the API: the same categories, parties and states (<see cref="Reinspections.UploadAsync"/>).</summary>
    private static async Task<IResult> UploadAsync(Guid id, HttpRequest request, Reinspections r, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw new InputRejectedException("请以 multipart/form-data 上传附件（字段 category 与 file）。",
                [new InputError(null, null, "file", null, "请以 multipart/form-data 上传附件（字段 category 与 file）")]);
        }

        var form = await request.ReadFormAsync(ct);
        var upload = await FormFiles.ReadAsync(form.Files.GetFile("file"), ct) ?? throw new DomainException("请选择要上传的文件（字段 file）。", "A9");
        var file = await r.UploadAsync(new ReinspectionFileInput(id, form["category"].ToString(), upload), ct);
        return Results.Created($"/api/v1/reinspection-records/{id}/files/{file.Id}", file);
    }
}
