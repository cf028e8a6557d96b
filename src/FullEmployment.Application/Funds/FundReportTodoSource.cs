using FullEmployment.Application.Common;
using FullEmployment.Domain.Funds;

namespace FullEmployment.Application.Funds;

/// <summary>
/// A14.1: reports waiting for a reviewer's sign-off or decision are in that reviewer's to-do list, a returned one in its
/// community's; the community is reminded of the year's report 10 and 3 working days before the due date.
/// </summary>
internal sealed class FundReportTodoSource(FundReports reports) : ITodoSource
{
    public const string Category = "资金使用报告";

    public async Task<IReadOnlyList<TodoItem>> ForAsync(ICurrentActor actor, CancellationToken cancellationToken)
    {
        var items = (await reports.WaitingForActorAsync(cancellationToken))
            .Select(w => new TodoItem(Category, $"{w.ActionName}：{w.Row.CommunityName}{w.Row.Year}年度资金使用情况报告", Url(w.Row.Id), w.Row.DueDate))
            .ToList();
        if (await reports.ReminderForCommunityAsync(cancellationToken) is { } due)
        {
            var urgency = due.Reminder.Level switch
            {
                FundReportReminderLevel.Overdue => "（已逾期，仍可提交）",
                FundReportReminderLevel.LastReminder => "（截止前3个工作日内）",
                _ => "（截止前10个工作日内）",
            };
            items.Add(new TodoItem(Category, $"提交{due.Year}年度资金使用情况报告{urgency}{due.Reminder.Warning}",
                due.ReportId is { } id ? $"/Funds/Reports/Edit/{id}" : $"/Funds/Reports/Edit?year={due.Year}", FundReportRules.DueDate(due.Year)));
        }

        return items;
    }

    private static string Url(Guid id) => $"/Funds/Reports/Details/{id}";
}
