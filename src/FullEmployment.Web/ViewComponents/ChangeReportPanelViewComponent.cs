using FullEmployment.Application.Common;
using FullEmployment.Application.Supervision;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.ViewComponents;

/// <summary>The workbench's civil-affairs change panel (A11.1): reports waiting for the caller and, for cities and the province, overdue unreported changes.</summary>
public sealed class ChangeReportPanelViewComponent(ChangeReports reports, ICurrentActor actor) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => ChangeReports.IsReader(actor)
        ? View(await reports.SummaryAsync(HttpContext.RequestAborted))
        : Content("");
}
