using FullEmployment.Application.Common;
using FullEmployment.Domain;
using FullEmployment.Domain.Funds;

namespace FullEmployment.Application.Funds;

/// <summary>The community's fund-usage report of the current year on its workbench (A14.1): its state and due date, or that it is due.</summary>
public sealed class FundReportStatusSource(FundReports reports, TimeProvider clock) : ICommunityStatusSource
{
    public async Task<IReadOnlyList<CommunityStatusLine>> ForCommunityAsync(string communityCode, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var year = today.Year;
        var row = (await reports.ListAsync(new FundReportFilter(Year: year, CommunityCode: communityCode), new PageRequest(1, 1), cancellationToken))
            .Items.FirstOrDefault();
        var due = FundReportRules.DueDate(year);
        if (row is null)
        {
            return await reports.ReminderForCommunityAsync(cancellationToken) is { } reminder
                ? [new CommunityStatusLine(31, $"{year}年度资金使用情况报告",
                    reminder.Reminder.Level == FundReportReminderLevel.Overdue ? "未填报（已逾期）" : "未填报", due, $"/Funds/Reports/Edit?year={year}", true)]
                : [];
        }

        var needsAction = row.State is FundReportState.Draft or FundReportState.Returned;
        var state = row.StateName + (row.SubmittedLate || row.Overdue ? "（逾期）" : "")
            + (row.RecoveryOutstanding > 0m ? $"，待退回{FundReportRules.Yuan(row.RecoveryOutstanding)}元" : "");
        return [new CommunityStatusLine(31, $"{year}年度资金使用情况报告", state, row.SubmittedOn is null ? due : null,
            needsAction ? $"/Funds/Reports/Edit/{row.Id}" : $"/Funds/Reports/Details/{row.Id}", needsAction)];
    }
}
