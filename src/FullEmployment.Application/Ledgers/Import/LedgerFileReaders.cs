using System.Globalization;
using System.Text;
using System.Text.Unicode;
using ClosedXML.Excel;
using CsvHelper;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Application.Ledgers.Import;

/// <summary>A cell as read: its text, and its date when the file stored a date (an Excel date cell).</summary>
/// <remarks>A struct: a million-row CSV has millions of cells, and an object each was most of the parse time.</remarks>
internal readonly record struct RawCell(string Text, DateOnly? Date = null, bool IsNumber = false)
{
    public static readonly RawCell Empty = new(string.Empty);

    public bool IsBlank => Date is null && string.IsNullOrWhiteSpace(Text);
}

internal sealed record RawRow(int RowNumber, RawCell[] Cells);

internal sealed record RawSheet(LedgerKind Kind, string SheetName, IReadOnlyList<string> Headers, IReadOnlyList<RawRow> Rows);

/// <summary>
/// Reads CSV bytes (UTF-8 with or without BOM, otherwise GB18030) row by row, so validation can run while the
/// file is read: the header on opening, then <see cref="ReadRows"/>, which also keeps every row in
/// <see cref="Sheet"/> for the error report. UTF-8 (the usual case) is parsed straight from the bytes without
/// decoding the file into a string first; each field becomes one string, each row one array of cells.
/// </summary>
internal sealed class CsvLedgerReader
{
    static CsvLedgerReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly CsvReader _reader;
    private readonly List<ImportIssue> _errors;

    private CsvLedgerReader(CsvReader reader, RawSheet sheet, int expectedRows, List<ImportIssue> errors)
    {
        _reader = reader;
        _errors = errors;
        Sheet = sheet;
        ExpectedRows = expectedRows;
    }

    /// <summary>
    /// The sheet; its rows are read again from the bytes if something asks for them (the error report), so a
    /// valid import does not keep a million rows alive while it writes.
    /// </summary>
    public RawSheet Sheet { get; }

    /// <summary>Data rows by line count, for progress; a quoted field with a line break makes it an overestimate.</summary>
    public int ExpectedRows { get; }

    /// <summary>Opens the CSV and reads its header row; the sheet's headers are empty for an empty file.</summary>
    public static CsvLedgerReader Open(byte[] bytes, LedgerKind kind, List<ImportIssue> errors)
    {
        var sheetName = kind.SheetName();
        var hasBom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var body = bytes.AsMemory(hasBom ? 3 : 0);
        var options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            Separator = ',',
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            // Ledger columns repeat few values (kinds, handlers, dates, the same person's ID number): one string each.
            PoolStrings = true,
            // Not UTF-8: a GBK/GB18030 file (what Excel on Chinese Windows writes); GB18030 is a superset of GBK and decodes every byte sequence.
            Encoding = Utf8.IsValid(body.Span) ? null : Encoding.GetEncoding("GB18030"),
            OnMalformedRecord = record => errors.Add(new ImportIssue(sheetName, (int)record.LineNumber, string.Empty,
                Truncate(record.RawRecord), "CSV 格式错误：引号不匹配")),
        };

        var reader = CsvReader.Create(body, options);
        var headers = Array.Empty<string>();
        try
        {
            if (reader.Read())
            {
                headers = new string[reader.FieldCount];
                for (var i = 0; i < headers.Length; i++)
                {
                    headers[i] = reader.GetString(i);
                }
            }
        }
        catch (CsvFormatException)
        {
            errors.Add(new ImportIssue(sheetName, (int)reader.LineNumber, string.Empty, string.Empty, "CSV 文件格式错误，无法继续读取"));
        }

        var lines = body.Span.Count((byte)'\n') + (body.Span.EndsWith((ReadOnlySpan<byte>)[(byte)'\n']) ? 0 : 1);
        var sheet = new RawSheet(kind, sheetName, headers, new RereadRows(() => [.. Open(bytes, kind, []).ReadRows()]));
        return new CsvLedgerReader(reader, sheet, Math.Max(lines - 1, 0), errors);
    }

    /// <summary>The data rows as they are read; a format error ends the file and is reported.</summary>
    public IEnumerable<RawRow> ReadRows()
    {
        using var reader = _reader;
        while (true)
        {
            RawRow row;
            try
            {
                if (!reader.Read())
                {
                    yield break;
                }

                var cells = new RawCell[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = new RawCell(reader.GetString(i));
                }

                // Line numbers are what Excel shows as row numbers when it opens the CSV.
                row = new RawRow((int)reader.LineNumber, cells);
            }
            catch (CsvFormatException)
            {
                _errors.Add(new ImportIssue(Sheet.SheetName, (int)reader.LineNumber, string.Empty, string.Empty, "CSV 文件格式错误，无法继续读取"));
                yield break;
            }

            yield return row;
        }
    }

    /// <summary>Rows made again on first access.</summary>
    private sealed class RereadRows(Func<List<RawRow>> read) : IReadOnlyList<RawRow>
    {
        private readonly Lazy<List<RawRow>> _rows = new(read);

        public int Count => _rows.Value.Count;

        public RawRow this[int index] => _rows.Value[index];

        public IEnumerator<RawRow> GetEnumerator() => _rows.Value.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static string Truncate(string? text) => text is null ? string.Empty : text.Length <= 100 ? text.TrimEnd() : text[..100];
}

/// <summary>Reads the sheets of an xlsx named after the ledger kinds.</summary>
internal static class XlsxLedgerReader
{
    public static List<RawSheet> Read(byte[] bytes, string fileName, List<ImportIssue> errors, List<ImportIssue> warnings)
    {
        var sheets = new List<RawSheet>();
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(bytes, writable: false));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // ClosedXML and the OpenXML SDK throw many exception types for a damaged workbook; each means "not readable".
            errors.Add(new ImportIssue(fileName, 0, string.Empty, string.Empty, "文件不是有效的 Excel 工作簿，无法读取"));
            return sheets;
        }

        using (workbook)
        {
            foreach (var worksheet in workbook.Worksheets)
            {
                if (!LedgerKinds.TryGetBySheetName(worksheet.Name, out var definition))
                {
                    warnings.Add(new ImportIssue(worksheet.Name, 0, string.Empty, string.Empty, "未识别的工作表，已忽略"));
                    continue;
                }

                sheets.Add(ReadSheet(worksheet, definition!));
            }
        }

        if (sheets.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportIssue(fileName, 0, string.Empty, string.Empty,
                "工作簿中没有可识别的工作表，工作表应命名为：" + string.Join("、", LedgerKinds.All.Select(k => k.SheetName))));
        }

        return sheets;
    }

    private static RawSheet ReadSheet(IXLWorksheet worksheet, LedgerKindDefinition definition)
    {
        var lastColumn = worksheet.LastColumnUsed()?.ColumnNumber() ?? 0;
        var lastRow = worksheet.LastRowUsed()?.RowNumber() ?? 0;
        var headers = new List<string>(lastColumn);
        for (var c = 1; c <= lastColumn; c++)
        {
            headers.Add(worksheet.Cell(1, c).GetString());
        }

        var rows = new List<RawRow>(Math.Max(lastRow - 1, 0));
        for (var r = 2; r <= lastRow; r++)
        {
            var cells = new RawCell[lastColumn];
            for (var c = 1; c <= lastColumn; c++)
            {
                cells[c - 1] = ReadCell(worksheet.Cell(r, c));
            }

            rows.Add(new RawRow(r, cells));
        }

        return new RawSheet(definition.Kind, worksheet.Name, headers, rows);
    }

    private static RawCell ReadCell(IXLCell cell)
    {
        if (cell.IsEmpty())
        {
            return RawCell.Empty;
        }

        switch (cell.DataType)
        {
            case XLDataType.DateTime:
                var date = DateOnly.FromDateTime(cell.GetDateTime());
                return new RawCell(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date);
            case XLDataType.Number:
                return new RawCell(cell.GetDouble().ToString(CultureInfo.InvariantCulture), IsNumber: true);
            case XLDataType.Text:
                return new RawCell(cell.GetString());
            default:
                return new RawCell(cell.GetFormattedString());
        }
    }
}
