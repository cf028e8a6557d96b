using FullEmployment.Application.Common;
using FullEmployment.Application.Ledgers;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.ViewComponents;

/// <summary>
/// The community-staff workbench: its indicators against the thresholds (A5, IndicatorCalculator), its stale ledger kinds (A5.2.1),
/// and where its matters stand with their due dates, each line from the feature that owns it (<see cref="ICommunityStatusSource"/>).
/// </summary>
public sealed class CommunityWorkbenchViewComponent(IndicatorQueries indicators, IEnumerable<ICommunityStatusSource> sources, ICurrentActor actor)
    : ViewComponent
{
    public sealed record Panel(string CommunityCode, IndicatorReport Report, IReadOnlyList<CommunityStatusLine> Lines);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (actor.Role != Roles.CommunityStaff || actor.ScopeCode is not { } code)
        {
            return Content("");
        }

        var cancellationToken = HttpContext.RequestAborted;
        var report = await indicators.ComputeAsync(code, AssessmentPeriod.DefaultFor(indicators.Today), cancellationToken: cancellationToken);
        var lines = new List<CommunityStatusLine>();
        foreach (var source in sources)
        {
            lines.AddRange(await source.ForCommunityAsync(code, cancellationToken));
        }

        return View(new Panel(code, report, [.. lines.OrderBy(l => l.Order).ThenBy(l => l.DueOn ?? DateOnly.MaxValue)]));
    }
}
