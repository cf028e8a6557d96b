using FullEmployment.Application.Funds;
using FullEmployment.Domain;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.ViewComponents;

/// <summary>What the workbench's fund-report panel shows: the year's figures in scope and the reports waiting for this reader.</summary>
public sealed record FundReportPanelModel(FundReportSummary Summary, IReadOnlyList<FundReportWaiting> Waiting);

/// <summary>
/// The workbench's fund-report panel (A14): reports waiting for the reader's sign-off with due dates (finance, county, city),
/// reports by state, overdue, recoveries outstanding; the province's has submissions per city (chart, table, xlsx) and the
/// category (4) share across communities.
/// </summary>
public sealed class FundReportPanelViewComponent(FundReports reports, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await reports.SummaryAsync(ChinaTime.Today(clock).Year, cancellationToken) is not { } summary)
        {
            return Content("");
        }

        return View(new FundReportPanelModel(summary, await reports.WaitingForActorAsync(cancellationToken)));
    }
}
