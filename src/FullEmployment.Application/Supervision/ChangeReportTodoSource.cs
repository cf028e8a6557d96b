using FullEmployment.Application.Common;
using FullEmployment.Domain.Supervision;

namespace FullEmployment.Application.Supervision;

/// <summary>
/// A11.1: each report waits in the city bureau's and the province's to-do list until they note it, and wherever the domain
/// offers the caller an action (the county's confirmation, the decider's consent, verification or title decision).
/// </summary>
internal sealed class ChangeReportTodoSource(ChangeReports reports) : ITodoSource
{
    private const string Category = "民政变更报备";

    public async Task<IReadOnlyList<TodoItem>> ForAsync(ICurrentActor actor, CancellationToken cancellationToken)
    {
        if (!ChangeReports.IsReader(actor))
        {
            return [];
        }

        var rows = await reports.FilteredAsync(new ChangeReportFilter(), cancellationToken);
        return rows.Where(r => r.Options.Count > 0).Select(r => new TodoItem(Category,
            $"{r.CommunityName}{r.Kind.DisplayName()}报备：{string.Join("、", r.Options.Select(o => o.DisplayName()))}{(r.OverdueLabel is { } l ? "（" + l + "）" : "")}",
            $"/Supervision/Changes/{r.Id}", r.State == ChangeReportState.AwaitingCounty ? r.DueDate : null)).ToList();
    }
}
