using FullEmployment.Application.Common;
using FullEmployment.Application.Ledgers;
using FullEmployment.Domain.Ledgers;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Pages.Ledgers;

/// <summary>The A5 indicators of one community for a chosen period, computed from its ledger (stored while it is unchanged).</summary>
public sealed class IndicatorsModel(IndicatorQueries indicators, LedgerAccess access, ICurrentActor actor) : LedgerPageBase(access, actor)
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? On { get; set; }

    public IndicatorFigures Report { get; private set; } = null!;

    public string? PeriodError { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken cancellationToken)
    {
        await LoadCommunityAsync(code, cancellationToken);
        (var period, var applicationDate, PeriodError) = PeriodQuery.Resolve(From, To, On, indicators.Today);
        Report = await indicators.FiguresAsync(code, period, applicationDate, cancellationToken);
    }

    public string DrillLink(string indicatorId, string part) =>
        Url.Page("DrillDown", null, new
        {
            code = Community.Code,
            id = indicatorId,
            from = LedgerDisplay.Iso(Report.Period.Start),
            to = LedgerDisplay.Iso(Report.Period.End),
            on = LedgerDisplay.Iso(Report.ApplicationDate),
        }, null, null, part)!;
}
