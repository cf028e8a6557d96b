using ClosedXML.Excel;

namespace FullEmployment.Application.Common;

/// <summary>Small helpers over ClosedXML so every export looks the same and text stays text.</summary>
public static class Xlsx
{
    /// <summary>Writes a sheet with a bold frozen header; ID-like strings stay text (Excel would turn them into numbers).</summary>
    public static IXLWorksheet AddTable(XLWorkbook workbook, string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var sheet = workbook.AddWorksheet(sheetName);
        for (var c = 0; c < headers.Count; c++)
        {
            SetText(sheet.Cell(1, c + 1), headers[c]);
        }

        var header = sheet.Range(1, 1, 1, Math.Max(1, headers.Count));
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
        sheet.SheetView.FreezeRows(1);

        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Count; c++)
            {
                SetValue(sheet.Cell(r, c + 1), row[c]);
            }

            r++;
        }

        for (var c = 1; c <= headers.Count; c++)
        {
            sheet.Column(c).Width = 18;
        }

        return sheet;
    }

    public static void SetValue(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case DateOnly date:
                cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
                cell.Style.DateFormat.Format = "yyyy-mm-dd";
                break;
            case decimal or int or long or double:
                cell.SetValue(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                SetText(cell, value.ToString() ?? "");
                break;
        }
    }

    public static void SetText(IXLCell cell, string text)
    {
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
    }

    public static byte[] ToBytes(XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>A cell as the user typed it: dates as yyyy-MM-dd, numbers without exponent.</summary>
    public static string ReadText(IXLCell cell)
    {
        if (cell.IsEmpty())
        {
            return "";
        }

        return cell.DataType switch
        {
            XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            XLDataType.Number => cell.GetDouble().ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture),
            _ => cell.GetString().Trim(),
        };
    }

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
