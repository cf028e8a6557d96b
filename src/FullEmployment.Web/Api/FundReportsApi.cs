using FullEmployment.Application.Common;
using FullEmployment.Application.Funds;
using FullEmployment.Domain;
using FullEmployment.Domain.Funds;

namespace FullEmployment.Web.Api;

/// <summary>A report as POST and PUT send it: {year, lines, carriedOver?, carriedOverReason?}, plus version on PUT.</summary>
public sealed record FundReportBody(int Year, IReadOnlyList<FundReportLineBody>? Lines, decimal? CarriedOver, string? CarriedOverReason, int? Version);

/// <summary>
/// A report action's body: the version seen, plus remarks (approve, return, agree-recovery, decline-recovery); amount,
/// reason, findings, refundDueOn (propose-recovery); amount, voucherNumber, paidOn (refund); subjectKind, subject, measure,
/// basis, on (accountability).
/// </summary>
public sealed record FundReportActionBody(int? Version, string? Remarks, decimal? Amount, string? Reason, string? Findings, DateOnly? RefundDueOn,
    string? VoucherNumber, DateOnly? PaidOn, string? SubjectKind, string? Subject, string? Measure, string? Basis, DateOnly? On);

/// <summary>Fund-usage reports (A13, A14). Role and the stored report's region are checked in the use case: 404 outside scope, 403 wrong role.</summary>
public static class FundReportsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var community = api.MapGroup("/communities/{code}/fund-reports").RequireAuthorization();
        community.MapPost("/", async (string code, FundReportBody b, FundReports r, CancellationToken ct) =>
        {
            var result = await r.CreateAsync(code, Input(b), ct);
            return Results.Created($"/api/v1/fund-reports/{result.Id}", result);
        }).WithName("CreateFundReport").WithSummary("社区填报年度资金使用情况报告（A13、A14.1），返回 {id, state, dueDate, received}");
        community.MapGet("/", (string code, int? year, int? page, int? pageSize, FundReports r, CancellationToken ct) =>
            r.ListAsync(new FundReportFilter(Year: year, CommunityCode: code), new PageRequest(page ?? 1, pageSize ?? 20), ct))
            .WithName("ListCommunityFundReports").WithSummary("一个社区的资金使用情况报告");

        var reports = api.MapGroup("/fund-reports").RequireAuthorization();
        reports.MapGet("/", (int? year, string? state, string? region, bool? overdue, int? page, int? pageSize, FundReports r, CancellationToken ct) =>
            r.ListAsync(new FundReportFilter(year, ParseState(state), region, overdue ?? false), new PageRequest(page ?? 1, pageSize ?? 20), ct))
            .WithName("ListFundReports").WithSummary("资金使用情况报告（限本辖区）");
        reports.MapGet("/export", async (int? year, string? state, string? region, bool? overdue, FundReports r, CancellationToken ct) =>
        {
            var file = await r.ExportAsync(new FundReportFilter(year, ParseState(state), region, overdue ?? false), ct);
            return Results.File(file.Content, Xlsx.ContentType, file.FileName);
        }).WithName("ExportFundReports").WithSummary("导出资金使用情况报告（xlsx）");
        reports.MapGet("/{id:guid}", (Guid id, FundReports r, CancellationToken ct) => r.GetAsync(id, ct)).WithName("GetFundReport");
        reports.MapPut("/{id:guid}", (Guid id, FundReportBody b, FundReports r, CancellationToken ct) => r.UpdateAsync(id, b.Version, Input(b), ct))
            .WithName("UpdateFundReport").WithSummary("修改草稿或退回的报告（带 version，版本过期返回409）");
        reports.MapPost("/{id:guid}/{action}", (Guid id, string action, FundReportActionBody b, FundReports r, CancellationToken ct) => action switch
        {
            "submit" => r.SubmitAsync(id, b.Version, ct),
            "approve" => r.ApproveAsync(id, b.Version, b.Remarks, ct),
            "return" => r.ReturnAsync(id, b.Version, b.Remarks, ct),
            "propose-recovery" => r.ProposeRecoveryAsync(new ProposeRecoveryInput(id, b.Version, b.Amount ?? 0m, b.Reason, b.Findings,
                b.RefundDueOn ?? throw new DomainException("请填写退回期限 refundDueOn。", "A14.2")), ct),
            "agree-recovery" => r.AgreeRecoveryAsync(id, b.Version, b.Remarks, ct),
            "decline-recovery" => r.DeclineRecoveryAsync(id, b.Version, b.Remarks, ct),
            "refund" => r.RecordRefundAsync(new RefundInput(id, b.Version, b.Amount ?? 0m, b.VoucherNumber,
                b.PaidOn ?? throw new DomainException("请填写退回日期 paidOn。", "A14.2")), ct),
            "accountability" => r.RecordAccountabilityAsync(new AccountabilityBody(id, b.Version, b.SubjectKind, b.Subject, b.Measure, b.Basis,
                b.On ?? throw new DomainException("请填写问责日期 on。", "A14.2")), ct),
            _ => throw new NotFoundException($"没有报告操作“{action}”。"),
        }).WithName("FundReportAction")
            .WithSummary("报告操作：submit（社区）、approve、return、propose-recovery、agree-recovery、decline-recovery、refund、accountability（县区和市州人社、财政）；类别4超过上限返回422（A13.4）");
    }

    private static FundReportInput Input(FundReportBody b) => new(b.Year, b.Lines ?? [], b.CarriedOver, b.CarriedOverReason);

    private static FundReportState? ParseState(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Enum.GetValues<FundReportState>().FirstOrDefault(s => FundReport.StateApiName(s) == value.Trim(), (FundReportState)(-1)) is var state
            && Enum.IsDefined(state) ? state
        : throw new DomainException($"筛选条件 state 的取值“{value}”无效。", "A14.1");
}
