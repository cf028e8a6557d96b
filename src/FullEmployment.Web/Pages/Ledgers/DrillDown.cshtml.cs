using FullEmployment.Application.Common;
using FullEmployment.Application.Ledgers;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Pages.Ledgers;

/// <summary>The persons (masked) behind one indicator's numerator and denominator.</summary>
public sealed class DrillDownModel(IndicatorQueries indicators, LedgerAccess access, ICurrentActor actor) : LedgerPageBase(access, actor)
{
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? On { get; set; }

    public IndicatorDrillDown Drill { get; private set; } = null!;

    public string Period { get; private set; } = "";

    public string BackLink { get; private set; } = "";

    public async Task OnGetAsync(string code, CancellationToken cancellationToken)
    {
        await LoadCommunityAsync(code, cancellationToken);
        var (period, applicationDate, _) = PeriodQuery.Resolve(From, To, On, indicators.Today);
        Drill = await indicators.DrillDownAsync(code, period, Id ?? "", applicationDate, cancellationToken);
        Period = period.ToString();
        BackLink = Url.Page("Indicators", new { code, from = LedgerDisplay.Iso(period.Start), to = LedgerDisplay.Iso(period.End), on = LedgerDisplay.Iso(applicationDate) })!;
    }
}
