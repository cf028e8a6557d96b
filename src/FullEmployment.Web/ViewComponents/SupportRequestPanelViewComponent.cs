using FullEmployment.Application.Supervision;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.ViewComponents;

/// <summary>The workbench's support-request panel (A15): open and overdue counts in scope; the province's has a chart per city.</summary>
public sealed class SupportRequestPanelViewComponent(SupportRequests requests) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        await requests.SummaryAsync(HttpContext.RequestAborted) is { } summary ? View(summary) : Content("");
}
