using FullEmployment.Application.Common;
using ClosedXML.Excel;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Application.Ledgers.Import;

/// <summary>
/// The error report of a failed import: the original rows per sheet with bad cells filled red
/// and a comment holding the message, plus an "错误清单" sheet listing every error.
/// </summary>
public static class LedgerErrorReport
{
    public const string ErrorListSheet = "错误清单";

    public static byte[] Build(LedgerImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var workbook = new XLWorkbook();
        foreach (var sheet in result.Sheets)
        {
            var worksheet = workbook.Worksheets.Add(sheet.SheetName);
            for (var c = 0; c < sheet.Headers.Count; c++)
            {
                Xlsx.SetText(worksheet.Cell(1, c + 1), sheet.Headers[c]);
            }

            worksheet.Row(1).Style.Font.Bold = true;

            // Rows keep their numbers from the file, so "第 N 行" means the same row in both.
            foreach (var row in sheet.Rows)
            {
                for (var c = 0; c < row.Values.Count; c++)
                {
                    Xlsx.SetText(worksheet.Cell(row.RowNumber, c + 1), row.Values[c]);
                }
            }

            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var c = 0; c < sheet.Headers.Count; c++)
            {
                columns.TryAdd(LedgerRowValidator.CleanHeader(sheet.Headers[c]), c + 1);
            }

            foreach (var error in result.Errors.Where(e => e.Sheet == sheet.SheetName && e.Row > 0))
            {
                if (columns.TryGetValue(error.Column, out var column))
                {
                    var cell = worksheet.Cell(error.Row, column);
                    cell.Style.Fill.BackgroundColor = XLColor.Red;
                    cell.Comment.AddText(error.Message);
                    cell.Comment.AddNewLine();
                }
            }
        }

        var list = workbook.Worksheets.Add(ErrorListSheet);
        string[] headers = ["工作表", "行", "列", "值", "错误"];
        for (var c = 0; c < headers.Length; c++)
        {
            Xlsx.SetText(list.Cell(1, c + 1), headers[c]);
        }

        list.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var error in result.Errors)
        {
            Xlsx.SetText(list.Cell(r, 1), error.Sheet);
            list.Cell(r, 2).SetValue(error.Row);
            Xlsx.SetText(list.Cell(r, 3), error.Column);
            Xlsx.SetText(list.Cell(r, 4), error.Value);
            Xlsx.SetText(list.Cell(r, 5), error.Message);
            r++;
        }

        return Xlsx.ToBytes(workbook);
    }
}

/// <summary>The downloadable import template: every kind's sheet, its headers and one valid example row.</summary>
public static class LedgerTemplate
{
    public static byte[] Build()
    {
        using var workbook = new XLWorkbook();
        foreach (var definition in LedgerKinds.All)
        {
            var worksheet = workbook.Worksheets.Add(definition.SheetName);
            for (var c = 0; c < definition.Columns.Count; c++)
            {
                var column = definition.Columns[c];
                var header = worksheet.Cell(1, c + 1);
                Xlsx.SetText(header, column.Name);
                header.Style.Font.Bold = true;
                if (column.Required)
                {
                    // Required columns: red header and a note; the name itself stays as the importer expects it.
                    header.Style.Font.FontColor = XLColor.Red;
                    header.Comment.AddText("*必填");
                }
                else if (column.Choices is { } choices)
                {
                    header.Comment.AddText("可选值：" + string.Join("/", choices));
                }

                if (column.Required && column.Choices is { } requiredChoices)
                {
                    header.Comment.AddNewLine();
                    header.Comment.AddText("可选值：" + string.Join("/", requiredChoices));
                }

                var example = worksheet.Cell(2, c + 1);
                if (column.Type == LedgerValueType.Date)
                {
                    if (DateOnly.TryParse(column.Example, System.Globalization.CultureInfo.InvariantCulture, out var date))
                    {
                        example.SetValue(date.ToDateTime(TimeOnly.MinValue));
                        example.Style.NumberFormat.Format = "yyyy-mm-dd";
                    }
                }
                else
                {
                    // Whole column as text, so ID numbers typed later are not turned into numbers.
                    worksheet.Column(c + 1).Style.NumberFormat.Format = "@";
                    Xlsx.SetText(example, column.Example);
                }

                worksheet.Column(c + 1).Width = column.Type is LedgerValueType.IdNumber or LedgerValueType.PersonReference ? 22 : 14;
            }
        }

        return Xlsx.ToBytes(workbook);
    }
}
