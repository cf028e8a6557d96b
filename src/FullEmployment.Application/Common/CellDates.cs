using System.Globalization;
using System.Text.RegularExpressions;

namespace FullEmployment.Application.Common;

/// <summary>Dates as people type them in Chinese spreadsheets: 2025-03-10, 2025/3/10, 2025年3月10日.</summary>
public static partial class CellDates
{
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = DatePattern().Match(text.Trim());
        if (!match.Success)
        {
            return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)
                && (date = DateOnly.FromDateTime(dt)) != default;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    // ASCII digits only: \d also matches other scripts' digits (٢, ２), which int.Parse refuses (fuzz finding, date target).
    [GeneratedRegex(@"^(?<y>[0-9]{4})(?:-|/|年)(?<m>[0-9]{1,2})(?:-|/|月)(?<d>[0-9]{1,2})日?(?:\s+0?0:00(?::00)?)?$")]
    private static partial Regex DatePattern();
}
