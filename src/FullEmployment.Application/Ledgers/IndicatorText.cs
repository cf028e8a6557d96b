using System.Globalization;
using FullEmployment.Application.Common;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Application.Ledgers;

/// <summary>How an indicator figure reads in a table, and the roll-up as an xlsx: one place for the page export and `fe indicators --region --xlsx`.</summary>
public static class IndicatorText
{
    /// <summary>Indicators whose value is a count (breaches, complaints, staff) rather than a rate.</summary>
    private static readonly HashSet<string> Counts =
    [
        IndicatorCalculator.ZeroEmploymentFamilies, IndicatorCalculator.WillingWorkersAssisted,
        IndicatorCalculator.ValidComplaints, IndicatorCalculator.QualifiedStaff,
    ];

    public static bool IsRate(string indicatorId) => !Counts.Contains(indicatorId);

    public static string Value(string indicatorId, decimal value, IndicatorStatus status) =>
        status == IndicatorStatus.NotApplicable ? "不适用"
        : IsRate(indicatorId) ? Percent(value)
        : value.ToString("0", CultureInfo.InvariantCulture);

    public static string Value(IndicatorFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return Value(figure.Id, figure.Value, figure.Status);
    }

    public static string StatusText(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Met => "达标",
        IndicatorStatus.NotMet => "未达标",
        _ => "不适用",
    };

    public static string Percent(decimal fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>One row per community: code, name, all met, then value, numerator, denominator and status of each indicator.</summary>
    public static byte[] RollUpWorkbook(IReadOnlyList<CommunityIndicatorRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = rows.Count > 0 ? rows[0].Figures.Select(f => (f.Id, f.Name)).ToList() : [];
        var headers = new List<string> { "社区代码", "社区名称", "全部达标" };
        foreach (var (id, name) in columns)
        {
            headers.AddRange([$"{id} {name}", $"{id} 分子", $"{id} 分母", $"{id} 状态"]);
        }

        return Xlsx.Table("指标汇总", headers, rows.Select(r =>
        {
            var cells = new List<object?> { r.Code, r.Name, r.MeetsAll ? "是" : "否" };
            foreach (var (id, _) in columns)
            {
                var f = r.Figures.FirstOrDefault(x => x.Id == id);
                cells.AddRange(f is null ? [null, null, null, null] : [Value(f), f.Numerator, f.Denominator, StatusText(f.Status)]);
            }

            return (IReadOnlyList<object?>)cells;
        }));
    }
}
