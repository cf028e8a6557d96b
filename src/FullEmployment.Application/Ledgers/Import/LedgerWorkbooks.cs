using FullEmployment.Application.Common;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Application.Ledgers.Import;

/// <summary>
/// The error report of a failed import: the original rows per sheet with bad cells filled red
/// and a comment holding the message, plus an "错误清单" sheet listing every error.
/// </summary>
public static class LedgerErrorReport
{
    public const string ErrorListSheet = "错误清单";

    /// <summary>
    /// A sheet with more rows keeps only its rows with errors in the report: a report of a five-million-row file would be
    /// larger than the file and more than Excel opens (1,048,576 rows); row numbers still match the file's.
    /// </summary>
    public const int MaxFullSheetRows = 100_000;

    public static byte[] Build(LedgerImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return XlsxWriter.Build(workbook =>
        {
            foreach (var sheet in result.Sheets)
            {
                var columns = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var c = 0; c < sheet.Headers.Count; c++)
                {
                    columns.TryAdd(LedgerRowValidator.CleanHeader(sheet.Headers[c]), c);
                }

                // The messages of each bad cell, known before its row is written: rows stream out in file order.
                var notes = result.Errors
                    .Where(e => e.Sheet == sheet.SheetName && e.Row > 0 && columns.ContainsKey(e.Column))
                    .GroupBy(e => (e.Row, Column: columns[e.Column]))
                    .ToDictionary(g => g.Key, g => string.Join("\n", g.Select(e => e.Message)));
                var lastNoted = notes.Keys.GroupBy(k => k.Row).ToDictionary(g => g.Key, g => g.Max(k => k.Column));

                // Rows keep their numbers from the file, so "第 N 行" means the same row in both. Records that came
                // from no file (API, form) are numbered from 1: they go below the header instead of over it.
                int? offset = null;
                var errorRows = result.Errors.Where(e => e.Sheet == sheet.SheetName).Select(e => e.Row).ToHashSet();
                var kept = sheet.RowCount > MaxFullSheetRows ? sheet.Rows.Where(r => errorRows.Contains(r.RowNumber)) : sheet.Rows;
                var rows = kept.Select(row =>
                {
                    offset ??= row.RowNumber <= 1 ? 1 : 0;
                    var width = Math.Max(row.Values.Count, lastNoted.TryGetValue(row.RowNumber, out var last) ? last + 1 : 0);
                    var cells = new XlsxCell[width];
                    for (var c = 0; c < width; c++)
                    {
                        var value = c < row.Values.Count && row.Values[c] is { Length: > 0 } text ? text : null;
                        cells[c] = notes.TryGetValue((row.RowNumber, c), out var note)
                            ? new XlsxCell(value, XlsxStyle.Error, note)
                            : new XlsxCell(value, XlsxStyle.Text);
                    }

                    return new XlsxRow(row.RowNumber + offset.Value, cells);
                });
                workbook.AddSheet(sheet.SheetName, [], freezeHeader: false,
                    rows.Prepend(new XlsxRow(1, [.. sheet.Headers.Select(h => new XlsxCell(h, XlsxStyle.Bold))])));
            }

            workbook.AddSheet(ErrorListSheet, [], freezeHeader: false, result.Errors
                .Select((e, i) => new XlsxRow(i + 2, [new(e.Sheet, XlsxStyle.Text), new(e.Row), new(e.Column, XlsxStyle.Text),
                    new(e.Value, XlsxStyle.Text), new(e.Message, XlsxStyle.Text)]))
                .Prepend(new XlsxRow(1, [.. new[] { "工作表", "行", "列", "值", "错误" }.Select(h => new XlsxCell(h, XlsxStyle.Bold))])));
        });
    }
}

/// <summary>The downloadable import template: every kind's sheet, its headers and one valid example row.</summary>
public static class LedgerTemplate
{
    public static byte[] Build() => XlsxWriter.Build(workbook =>
    {
        foreach (var definition in LedgerKinds.All)
        {
            // Columns other than dates are text throughout, so ID numbers typed later are not turned into numbers.
            var columns = definition.Columns.Select(column => new XlsxColumn(
                column.Type is LedgerValueType.IdNumber or LedgerValueType.PersonReference ? 22 : 14,
                column.Type == LedgerValueType.Date ? XlsxStyle.Auto : XlsxStyle.Text)).ToList();
            var header = definition.Columns.Select(column =>
            {
                // Required columns: red header and a note; the name itself stays as the importer expects it.
                var choices = column.Choices is { } c ? "可选值：" + string.Join("/", c) : null;
                var note = column.Required ? (choices is null ? "*必填" : "*必填\n" + choices) : choices;
                return new XlsxCell(column.Name, column.Required ? XlsxStyle.RequiredHeader : XlsxStyle.Bold, note);
            });
            var example = definition.Columns.Select(column => column.Type == LedgerValueType.Date
                ? new XlsxCell(DateOnly.TryParse(column.Example, System.Globalization.CultureInfo.InvariantCulture, out var date) ? date : null)
                : new XlsxCell(column.Example, XlsxStyle.Text));
            workbook.AddSheet(definition.SheetName, columns, freezeHeader: false, [new XlsxRow(1, [.. header]), new XlsxRow(2, [.. example])]);
        }
    });
}
