using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using FullEmployment.Application.Common;
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
        try
        {
            using var workbook = XlsxReader.Open(new MemoryStream(bytes, writable: false));
            foreach (var name in workbook.SheetNames)
            {
                if (!LedgerKinds.TryGetBySheetName(name, out var definition))
                {
                    warnings.Add(new ImportIssue(name, 0, string.Empty, string.Empty, "未识别的工作表，已忽略"));
                    continue;
                }

                sheets.Add(ReadSheet(workbook, name, definition!));
            }
        }
        catch (InvalidDataException)
        {
            errors.Add(new ImportIssue(fileName, 0, string.Empty, string.Empty, "文件不是有效的 Excel 工作簿，无法读取"));
            sheets.Clear();
            return sheets;
        }

        if (sheets.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportIssue(fileName, 0, string.Empty, string.Empty,
                "工作簿中没有可识别的工作表，工作表应命名为：" + string.Join("、", LedgerKinds.All.Select(k => k.SheetName))));
        }

        return sheets;
    }

    /// <summary>Row 1 holds the headers; every later row with a value is a data row, numbered as in Excel.</summary>
    private static RawSheet ReadSheet(XlsxReader workbook, string name, LedgerKindDefinition definition)
    {
        var headers = new List<string>();
        var rows = new List<RawRow>();
        foreach (var row in workbook.ReadRows(name))
        {
            if (row.Number == 1)
            {
                headers.AddRange(row.Cells.Select(c => c.Kind == XlsxValueKind.Text ? c.Text : c.Typed));
                continue;
            }

            rows.Add(new RawRow(row.Number, Array.ConvertAll(row.Cells, ReadCell)));
        }

        return new RawSheet(definition.Kind, name, headers, rows);
    }

    private static RawCell ReadCell(XlsxValue cell)
    {
        switch (cell.Kind)
        {
            case XlsxValueKind.Empty:
                return RawCell.Empty;
            case XlsxValueKind.Date:
                var date = DateOnly.FromDateTime(cell.Date);
                return new RawCell(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date);
            case XlsxValueKind.Number:
                return new RawCell(cell.Number.ToString(CultureInfo.InvariantCulture), IsNumber: true);
            default:
                return new RawCell(cell.Text);
        }
    }
}
