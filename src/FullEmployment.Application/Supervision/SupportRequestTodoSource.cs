using FullEmployment.Application.Common;
using FullEmployment.Application.Notices;
using FullEmployment.Domain;
using FullEmployment.Domain.Supervision;

namespace FullEmployment.Application.Supervision;

/// <summary>A15: a request waiting for an answer is in its county's and city's to-do list; an answered one in its community's.</summary>
internal sealed class SupportRequestTodoSource(SupportRequests requests, WorkingCalendar calendar, TimeProvider clock) : ITodoSource
{
    public const string Category = "困难诉求";

    public async Task<IReadOnlyList<TodoItem>> ForAsync(ICurrentActor actor, CancellationToken cancellationToken)
    {
        var waiting = await requests.WaitingForActorAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return [];
        }

        var cal = await calendar.LoadAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        return [.. waiting.Select(w => w.Action == SupportRequestAction.Answer
            ? new TodoItem(Category, $"答复{w.Row.CommunityName}的困难诉求（{w.Row.CategoryName}）{(w.Row.Overdue ? "（已逾期）" : "")}",
                Url(w.Row.Id), w.Row.DueDate, w.Row.DueDate is { } due && cal.IsConfigured(today.Year) && cal.IsConfigured(due.Year)
                    ? cal.WorkingDaysBetween(today, due) : null)
            : new TodoItem(Category, $"确认诉求答复：{w.Row.CategoryName}（{w.Row.RaisedOn:yyyy-MM-dd}提出）", Url(w.Row.Id), null))];
    }

    private static string Url(Guid id) => $"/Supervision/SupportRequests/Details/{id}";
}
