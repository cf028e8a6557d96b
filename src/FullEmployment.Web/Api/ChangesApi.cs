using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Application.Supervision;
using FullEmployment.Domain;
using FullEmployment.Domain.Supervision;

namespace FullEmployment.Web.Api;

public sealed record ChangeBody(string Kind, string DecisionDocumentNumber, DateOnly DecisionDate, string? NewName, IReadOnlyList<string>? PredecessorCodes,
    string? SuccessorCode);

/// <summary>An action's body: the version seen, plus date, remark (reason or decision), and for verify the provincial sheet's entries
/// (<c>[{number, score, remark}]</c>: every judged item, auto items only when corrected with a reason; the total is derived), templateVersion
/// (from <c>GET /changes/{id}/verification-sheet</c>), meetsConditions, documentNumber, plaqueNumber, grantedOn.</summary>
public sealed record ChangeActionBody(int Version, DateOnly? Date, string? Remark, IReadOnlyList<ScoreEntry>? Entries, string? TemplateVersion,
    bool? MeetsConditions, string? DocumentNumber, string? PlaqueNumber, DateOnly? GrantedOn);

/// <summary>A change report as the API shows it (issue 10 "Stable contracts"); <c>overdue</c> is filed late or overdue and unreported.</summary>
public sealed record ChangeDto(Guid Id, string Kind, string CommunityCode, string CommunityName, string DecisionDocumentNumber, DateOnly DecisionDate,
    DateOnly DueDate, DateOnly ReportedOn, bool Overdue, string? OverdueLabel, string State, string? NewName, IReadOnlyList<string> PredecessorCodes,
    string? SuccessorCode, string? Reason, string? TitleDecision, bool? MeetsConditions, string? GrantedDocumentNumber, decimal? VerificationScore,
    ScoreSheetView? VerificationSheet, int Version, IReadOnlyList<string> Actions)
{
    public static ChangeDto From(ChangeReportView v) => new(v.Id, v.Kind.ApiName(), v.CommunityCode, v.CommunityName, v.DecisionDocumentNumber,
        v.DecisionDate, v.DueDate, v.FiledOn, v.FiledLate || v.OverdueUnreported, v.OverdueLabel, v.State.ApiName(), v.NewName, v.PredecessorCodes,
        v.SuccessorCode, v.Reason, v.TitleDecision, v.MeetsConditions, v.GrantedDocumentNumber, v.VerificationScore, v.VerificationSheet, v.Version,
        v.Options.Select(ChangesApi.ActionName).ToList());
}

public sealed record ChangePage(IReadOnlyList<ChangeDto> Items, int Total);

public static class ChangesApi
{
    private static readonly Dictionary<ChangeReportAction, string> Actions = new()
    {
        [ChangeReportAction.Confirm] = "confirm",
        [ChangeReportAction.Consent] = "consent",
        [ChangeReportAction.Refuse] = "refuse",
        [ChangeReportAction.Verify] = "verify",
        [ChangeReportAction.Acknowledge] = "acknowledge",
        [ChangeReportAction.DecideTitle] = "decide-title",
    };

    public static string ActionName(ChangeReportAction action) => Actions[action];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/communities/{code}/changes", async (string code, ChangeBody b, ChangeReports r, CancellationToken ct) =>
        {
            var kind = ChangeKinds.ParseApiName(b.Kind) ?? throw new DomainException("变更类别 kind 应为 dissolution、merger 或 rename。", "A11.1");
            var view = await r.FileAsync(code, new ChangeReportInput(kind, b.DecisionDocumentNumber, b.DecisionDate, b.NewName, b.PredecessorCodes,
                b.SuccessorCode), ct);
            return Results.Created($"/api/v1/changes/{view.Id}", ChangeDto.From(view));
        }).RequireAuthorization().WithName("FileChangeReport").WithSummary("报备民政部门撤销、合并、更名（A11）");

        var changes = api.MapGroup("/changes").RequireAuthorization();
        changes.MapGet("/", async (string? kind, string? state, bool? overdue, string? q, int? page, int? pageSize, ChangeReports r, CancellationToken ct) =>
        {
            var filter = new ChangeReportFilter(ChangeKinds.ParseApiName(kind),
                Enum.GetValues<ChangeReportState>().Cast<ChangeReportState?>().FirstOrDefault(s => s!.Value.ApiName() == state), overdue ?? false, q);
            var result = await r.ListAsync(filter, new PageRequest(page ?? 1, pageSize ?? 20), ct);
            return new ChangePage(result.Items.Select(ChangeDto.From).ToList(), result.Total);
        }).WithName("ListChangeReports");
        changes.MapGet("/{id:guid}", async (Guid id, ChangeReports r, CancellationToken ct) => ChangeDto.From(await r.GetAsync(id, ct)))
            .WithName("GetChangeReport");
        changes.MapGet("/{id:guid}/verification-sheet", (Guid id, ChangeReports r, CancellationToken ct) => r.VerificationSheetAsync(id, ct))
            .WithName("ChangeVerificationSheet").WithSummary("合并后社区核查所用的省级评分表（逐项，A11.3）");
        changes.MapPost("/{id:guid}/{action}", async (Guid id, string action, ChangeActionBody b, ChangeReports r, CancellationToken ct) =>
        {
            var parsed = ChangeKinds.ParseAction(action) ?? throw new NotFoundException($"没有报备操作“{action}”。");
            return ChangeDto.From(await r.ActAsync(new ChangeReportActionInput(id, parsed, b.Version, b.Date, b.Remark, b.Entries, b.MeetsConditions,
                b.DocumentNumber, b.PlaqueNumber, b.GrantedOn, b.TemplateVersion), ct));
        }).WithName("ActOnChangeReport").WithSummary("confirm | consent | refuse | verify | acknowledge | decide-title");
    }
}
