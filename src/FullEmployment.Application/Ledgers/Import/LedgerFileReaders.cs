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
/// Reads a CSV file (UTF-8 with or without BOM, otherwise GB18030) row by row from a seekable stream, so validation runs
/// while the file is read and memory does not grow with the file: the header on opening, then <see cref="ReadRows"/>.
/// Opening scans the bytes once, in blocks, to choose the encoding (the whole file must be valid UTF-8 to be read as
/// UTF-8) and to count lines for progress. UTF-8 (the usual case) is parsed straight from the bytes; each field becomes
/// one string, each row one array of cells, dropped once validated.
/// </summary>
internal sealed class CsvLedgerReader
{
    /// <summary>A record longer than this is a format error: an unclosed quote must not make the reader buffer the whole file.</summary>
    private const int MaxRecordBytes = 1024 * 1024;

    private const int ScanBlockBytes = 1024 * 1024;

    static CsvLedgerReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly Stream _file;
    private readonly long _body;
    private readonly Encoding? _encoding;
    private readonly CsvReader _reader;
    private readonly List<ImportIssue> _errors;

    private CsvLedgerReader(Stream file, long body, Encoding? encoding, CsvReader reader, RawSheet sheet, int expectedRows, List<ImportIssue> errors)
    {
        _file = file;
        _body = body;
        _encoding = encoding;
        _reader = reader;
        _errors = errors;
        Sheet = sheet;
        ExpectedRows = expectedRows;
    }

    /// <summary>The sheet's kind, name and headers; its rows come from <see cref="ReadRows"/>.</summary>
    public RawSheet Sheet { get; }

    /// <summary>Data rows by line count, for progress; a quoted field with a line break makes it an overestimate.</summary>
    public int ExpectedRows { get; }

    /// <summary>Opens the CSV at the stream's position and reads its header row; the sheet's headers are empty for an empty file.</summary>
    public static CsvLedgerReader Open(Stream file, LedgerKind kind, List<ImportIssue> errors)
    {
        var start = file.Position;
        var (hasBom, isUtf8, lines) = Scan(file);
        var body = start + (hasBom ? 3 : 0);
        // Not UTF-8: a GBK/GB18030 file (what Excel on Chinese Windows writes); GB18030 is a superset of GBK and decodes every byte sequence.
        var encoding = isUtf8 ? null : Encoding.GetEncoding("GB18030");
        var sheetName = kind.SheetName();
        var reader = Create(file, body, encoding, sheetName, errors);
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

        return new CsvLedgerReader(file, body, encoding, reader, new RawSheet(kind, sheetName, headers, []), (int)Math.Max(lines - 1, 0), errors);
    }

    /// <summary>The data rows as they are read; a format error ends the file and is reported.</summary>
    public IEnumerable<RawRow> ReadRows() => ReadRows(_reader, Sheet.SheetName, _errors);

    /// <summary>
    /// The data rows read again from the file, from the start, on each enumeration: for the error report, after
    /// <see cref="ReadRows"/> has finished and while the stream is still open. Errors found again are not reported twice.
    /// </summary>
    public IEnumerable<RawRow> RereadRows()
    {
        var reader = Create(_file, _body, _encoding, Sheet.SheetName, []);
        try
        {
            reader.Read();
        }
        catch (CsvFormatException)
        {
            reader.Dispose();
            yield break;
        }

        foreach (var row in ReadRows(reader, Sheet.SheetName, []))
        {
            yield return row;
        }
    }

    private static CsvReader Create(Stream file, long body, Encoding? encoding, string sheetName, List<ImportIssue> errors)
    {
        file.Position = body;
        var options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            Separator = ',',
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MaxRecordSize = MaxRecordBytes,
            // Ledger columns repeat few values (kinds, handlers, dates, the same person's ID number): one string each.
            PoolStrings = true,
            Encoding = encoding,
            OnMalformedRecord = record => errors.Add(new ImportIssue(sheetName, (int)record.LineNumber, string.Empty,
                Truncate(record.RawRecord), "CSV 格式错误：引号不匹配")),
        };
        return CsvReader.Create(file, options, leaveOpen: true);
    }

    private static IEnumerable<RawRow> ReadRows(CsvReader csv, string sheetName, List<ImportIssue> errors)
    {
        using var reader = csv;
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
                errors.Add(new ImportIssue(sheetName, (int)reader.LineNumber, string.Empty, string.Empty, "CSV 文件格式错误，无法继续读取"));
                yield break;
            }

            yield return row;
        }
    }

    /// <summary>
    /// One pass over the file in blocks: whether it starts with a UTF-8 BOM, whether the rest is valid UTF-8 (a sequence
    /// cut by a block's end is carried into the next block), and its line count. Leaves the stream where it found it.
    /// </summary>
    private static (bool HasBom, bool IsUtf8, long Lines) Scan(Stream file)
    {
        var start = file.Position;
        var buffer = new byte[ScanBlockBytes];
        var chars = new char[ScanBlockBytes];
        var carried = 0;
        var first = true;
        var hasBom = false;
        var isUtf8 = true;
        long lines = 0;
        var last = (byte)'\n';
        int read;
        while ((read = file.Read(buffer, carried, buffer.Length - carried)) > 0)
        {
            var block = buffer.AsSpan(0, carried + read);
            var counted = block[carried..];
            lines += counted.Count((byte)'\n');
            last = counted[^1];
            if (first)
            {
                hasBom = block.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
                first = false;
            }

            carried = isUtf8 ? CheckUtf8(block, chars, isFinalBlock: false, ref isUtf8) : 0;
            block[^carried..].CopyTo(buffer);
        }

        if (isUtf8 && carried > 0)
        {
            CheckUtf8(buffer.AsSpan(0, carried), chars, isFinalBlock: true, ref isUtf8);
        }

        file.Position = start;
        return (hasBom, isUtf8, lines + (last == (byte)'\n' ? 0 : 1));
    }

    /// <summary>Validates a block; returns how many bytes at its end begin a sequence that continues in the next block.</summary>
    private static int CheckUtf8(ReadOnlySpan<byte> block, char[] chars, bool isFinalBlock, ref bool isUtf8)
    {
        while (true)
        {
            var status = Utf8.ToUtf16(block, chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock);
            block = block[read..];
            switch (status)
            {
                case System.Buffers.OperationStatus.Done:
                    return 0;
                case System.Buffers.OperationStatus.DestinationTooSmall:
                    continue;
                case System.Buffers.OperationStatus.NeedMoreData:
                    return block.Length;
                default:
                    isUtf8 = false;
                    return 0;
            }
        }
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
