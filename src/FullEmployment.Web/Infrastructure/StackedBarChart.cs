using System.Numerics;
using System.Text.Json;

namespace FullEmployment.Web.Infrastructure;

/// <summary>One series of a stacked bar chart; <see cref="PointsOnly"/> draws it as markers over the bars (e.g. overdue counts).</summary>
public sealed record ChartSeries(string Label, string Color, IReadOnlyList<decimal> Values, bool PointsOnly = false)
{
    public static ChartSeries Of<T>(string label, string color, IEnumerable<T> values, bool pointsOnly = false) where T : INumber<T> =>
        new(label, color, [.. values.Select(decimal.CreateChecked)], pointsOnly);
}

/// <summary>
/// The data of a stacked bar chart, drawn by wwwroot/js/stacked-chart.js from the canvas's data-stacked-chart attribute. Every chart
/// has a table with the same figures beside it, so the chart adds no information of its own.
/// </summary>
public static class StackedBarChart
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Describe(string title, string axisTitle, IEnumerable<string> labels, params ChartSeries[] series) =>
        JsonSerializer.Serialize(new { title, axisTitle, labels, series }, Json);
}
