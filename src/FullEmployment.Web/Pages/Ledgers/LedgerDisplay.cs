using System.Globalization;
using FullEmployment.Application.Ledgers;
using FullEmployment.Domain.Ledgers;
using FullEmployment.Web.Infrastructure;

namespace FullEmployment.Web.Pages.Ledgers;

/// <summary>How the ledger pages show indicators, dates and breadcrumbs.</summary>
public static class LedgerDisplay
{
    public static bool IsRate(string indicatorId) => IndicatorText.IsRate(indicatorId);

    public static string Value(string indicatorId, decimal value, IndicatorStatus status) => IndicatorText.Value(indicatorId, value, status);

    public static string Value(IndicatorFigure figure) => IndicatorText.Value(figure);

    public static string Threshold(string indicatorId, decimal? threshold) => threshold switch
    {
        null => "计分项",
        { } t when IsRate(indicatorId) => "≥ " + Percent(t),
        { } t when indicatorId == IndicatorCalculator.QualifiedStaff => $"≥ {t:0} 人",
        { } t when indicatorId == IndicatorCalculator.ValidComplaints => $"≤ {t:0} 件",
        { } t => $"{t:0} 次超期",
    };

    public static string StatusText(IndicatorStatus status) => IndicatorText.StatusText(status);

    public static string StatusClass(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Met => "text-bg-success",
        IndicatorStatus.NotMet => "text-bg-danger",
        _ => "text-bg-secondary",
    };

    public static string Percent(decimal fraction) => IndicatorText.Percent(fraction);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The trail 社区名录 › community › 台账 › …; officers reach the community through the registry.</summary>
    public static Crumb[] Crumbs(LedgerCommunity community, bool officer, params Crumb[] more)
    {
        ArgumentNullException.ThrowIfNull(community);
        var trail = new List<Crumb>();
        if (officer)
        {
            trail.Add(new Crumb("社区名录", "/Communities"));
            trail.Add(new Crumb(community.Name, "/Communities/Details/" + community.Code));
        }

        trail.Add(more.Length == 0 ? new Crumb(community.Name + "台账") : new Crumb(community.Name + "台账", "/Ledgers/" + community.Code));
        trail.AddRange(more);
        return [.. trail];
    }
}
