using FullEmployment.Application.Common;
using FullEmployment.Application.Supervision;
using FullEmployment.Domain;
using FullEmployment.Domain.Supervision;

namespace FullEmployment.Web.Api;

public sealed record RaiseSupportRequestBody(SupportCategory Category, string Description);

/// <summary>A support-request action's body: the version seen plus measures+departments (answer), remark (confirm) or reason (reopen).</summary>
public sealed record SupportRequestActionBody(int Version, string? Measures, string? Departments, string? Remark, string? Reason);

/// <summary>Support requests (A15). Role and the stored request's region are checked in the use case: 404 outside scope, 403 wrong role.</summary>
public static class SupportRequestsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var community = api.MapGroup("/communities/{code}/support-requests").RequireAuthorization();
        community.MapPost("/", async (string code, RaiseSupportRequestBody b, SupportRequests r, CancellationToken ct) =>
        {
            var result = await r.RaiseAsync(new RaiseSupportRequestInput(code, b.Category, b.Description ?? ""), ct);
            return Results.Created($"/api/v1/support-requests/{result.Id}", result);
        }).WithName("RaiseSupportRequest").WithSummary("社区提出困难诉求（A15），返回 {id, state, dueDate}");
        community.MapGet("/", (string code, string? state, int? page, int? pageSize, SupportRequests r, CancellationToken ct) =>
            r.ListForCommunityAsync(code, new SupportRequestFilter(Parse<SupportRequestState>(state, "state")), new PageRequest(page ?? 1, pageSize ?? 20), ct))
            .WithName("ListCommunitySupportRequests").WithSummary("一个社区的困难诉求");

        var requests = api.MapGroup("/support-requests").RequireAuthorization();
        requests.MapGet("/", (string? state, string? category, string? region, bool? overdue, int? page, int? pageSize,
            SupportRequests r, CancellationToken ct) =>
            r.ListAsync(new SupportRequestFilter(Parse<SupportRequestState>(state, "state"), Parse<SupportCategory>(category, "category"), region,
                overdue ?? false), new PageRequest(page ?? 1, pageSize ?? 20), ct))
            .WithName("ListSupportRequests").WithSummary("困难诉求（限本辖区）");
        requests.MapGet("/{id:guid}", (Guid id, SupportRequests r, CancellationToken ct) => r.GetAsync(id, ct)).WithName("GetSupportRequest");
        requests.MapPost("/{id:guid}/{action}", (Guid id, string action, SupportRequestActionBody b, SupportRequests r, CancellationToken ct) => action switch
        {
            "answer" => r.AnswerAsync(new AnswerSupportRequestInput(id, b.Version, b.Measures ?? "", b.Departments ?? ""), ct),
            "confirm" => r.ConfirmResolvedAsync(new SupportRequestActionInput(id, b.Version, b.Remark), ct),
            "reopen" => r.ReopenAsync(new SupportRequestActionInput(id, b.Version, b.Reason ?? b.Remark), ct),
            _ => throw new NotFoundException($"没有诉求操作“{action}”。"),
        }).WithName("SupportRequestAction").WithSummary("诉求操作：answer（县区或市州）、confirm、reopen（社区），返回新的状态");
    }

    /// <summary>A filter value in the API's camelCase names (as the responses write them), any case accepted.</summary>
    private static T? Parse<T>(string? value, string name) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(value) ? null
        : Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw new DomainException($"筛选条件 {name} 的取值“{value}”无效。", SupportRequest.Clause);
}
