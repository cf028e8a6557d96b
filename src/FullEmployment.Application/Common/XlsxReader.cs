using System.Globalization;
using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FullEmployment.Application.Common;

public enum XlsxValueKind
{
    Empty,
    Text,
    Number,
    Date,
    Boolean,
    Error,
}

/// <summary>A cell as stored: its kind, its text (the string, or the number as written in the file) and, for dates, the date.</summary>
public readonly record struct XlsxValue(XlsxValueKind Kind, string Text, DateTime Date = default)
{
    public static readonly XlsxValue Empty = new(XlsxValueKind.Empty, string.Empty);

    public double Number => double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>As the user typed it: dates as yyyy-MM-dd, numbers without exponent, text trimmed.</summary>
    public string Typed => Kind switch
    {
        XlsxValueKind.Empty => string.Empty,
        XlsxValueKind.Date => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        XlsxValueKind.Number => Number.ToString("0.##########", CultureInfo.InvariantCulture),
        _ => Text.Trim(),
    };
}

/// <summary>A row that holds at least one value; <see cref="Cells"/>[0] is column A, up to the last value.</summary>
public sealed record XlsxSheetRow(int Number, XlsxValue[] Cells)
{
    public XlsxValue this[int column] => column < Cells.Length ? Cells[column] : XlsxValue.Empty;
}

/// <summary>
/// Reads xlsx sheets row by row with the Open XML SDK opening the package and a plain XML reader walking the sheet
/// part, so no document tree of a large sheet is built. Size and zip-bomb limits are the caller's, before opening.
/// Every way a damaged file fails is one <see cref="InvalidDataException"/>.
/// </summary>
public sealed class XlsxReader : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly List<(string Name, WorksheetPart Part)> _sheets;
    private readonly string[] _sharedStrings;
    private readonly bool[] _dateStyles;
    private readonly bool _date1904;

    private XlsxReader(SpreadsheetDocument document)
    {
        _document = document;
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook part.");
        // A workbook part whose root element is not <workbook> has no Workbook (fuzz finding, community target).
        var root = workbook.Workbook ?? throw new InvalidDataException("No workbook element.");
        _sheets = [.. (root.Sheets?.Elements<Sheet>() ?? [])
            .Where(s => s.Id?.Value is { } id && workbook.TryGetPartById(id, out var p) && p is WorksheetPart)
            .Select(s => (s.Name?.Value ?? string.Empty, (WorksheetPart)workbook.GetPartById(s.Id!.Value!)))];
        _date1904 = root.WorkbookProperties?.Date1904?.Value ?? false;
        _sharedStrings = workbook.SharedStringTablePart is { } strings ? ReadSharedStrings(strings) : [];
        _dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
    }

    public IReadOnlyList<string> SheetNames => [.. _sheets.Select(s => s.Name)];

    /// <summary>Opens a workbook; a file that is no readable workbook throws <see cref="InvalidDataException"/>.</summary>
    public static XlsxReader Open(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            // A zip's directory is at its end: a response or upload stream is buffered first.
            var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            buffer.Position = 0;
            stream = buffer;
        }

        SpreadsheetDocument? document = null;
        try
        {
            document = SpreadsheetDocument.Open(Package.Open(stream, FileMode.Open, FileAccess.Read), new OpenSettings { AutoSave = false });
            return new XlsxReader(document);
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            document?.Dispose();
            throw new InvalidDataException("工作簿已损坏或不是有效的 .xlsx 文件。", ex);
        }
    }

    /// <summary>The rows holding a value, in file order; a damaged sheet throws <see cref="InvalidDataException"/> when reached.</summary>
    public IEnumerable<XlsxSheetRow> ReadRows(string sheetName)
    {
        var part = _sheets.FirstOrDefault(s => s.Name == sheetName).Part;
        return part is null ? [] : Guarded(ReadRows(part));
    }

    public void Dispose() => _document.Dispose();

    private static IEnumerable<XlsxSheetRow> Guarded(IEnumerable<XlsxSheetRow> rows)
    {
        using var enumerator = rows.GetEnumerator();
        while (true)
        {
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (IsDamage(ex))
            {
                throw new InvalidDataException("工作簿已损坏或不是有效的 .xlsx 文件。", ex);
            }

            yield return enumerator.Current;
        }
    }

    private IEnumerable<XlsxSheetRow> ReadRows(WorksheetPart part)
    {
        using var xml = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), new XmlReaderSettings { IgnoreWhitespace = false, DtdProcessing = DtdProcessing.Prohibit });
        var cells = new List<XlsxValue>();
        var rowNumber = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
            {
                continue;
            }

            rowNumber = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
            cells.Clear();
            if (xml.IsEmptyElement)
            {
                continue;
            }

            var depth = xml.Depth;
            var nextColumn = 0;
            while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
                {
                    continue;
                }

                var column = xml.GetAttribute("r") is { } reference ? ColumnOf(reference) : nextColumn;
                nextColumn = column + 1;
                var value = ReadCell(xml);
                if (value.Kind == XlsxValueKind.Empty)
                {
                    continue;
                }

                while (cells.Count < column)
                {
                    cells.Add(XlsxValue.Empty);
                }

                if (column < cells.Count)
                {
                    cells[column] = value;
                }
                else
                {
                    cells.Add(value);
                }
            }

            if (cells.Count > 0)
            {
                yield return new XlsxSheetRow(rowNumber, [.. cells]);
            }
        }
    }

    /// <summary>Reads one &lt;c&gt; and leaves the reader on its end.</summary>
    private XlsxValue ReadCell(XmlReader xml)
    {
        var type = xml.GetAttribute("t");
        var style = int.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (xml.IsEmptyElement)
        {
            return XlsxValue.Empty;
        }

        string? v = null;
        string? inline = null;
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            // Reading an element's content moves past it: no Read after, or a sibling right behind it is skipped.
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "v")
            {
                v = xml.ReadElementContentAsString();
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "is")
            {
                inline = ReadRichText(xml);
            }
            else
            {
                xml.Read();
            }
        }

        switch (type)
        {
            case "s":
                return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _sharedStrings.Length
                    ? Text(_sharedStrings[index]) : XlsxValue.Empty;
            case "inlineStr":
                return Text(inline);
            case "str" or "e":
                return v is null ? XlsxValue.Empty : new XlsxValue(type == "e" ? XlsxValueKind.Error : XlsxValueKind.Text, v);
            case "b":
                return v is null ? XlsxValue.Empty : new XlsxValue(XlsxValueKind.Boolean, v == "1" ? "TRUE" : "FALSE");
            case "d":
                return DateTime.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)
                    ? new XlsxValue(XlsxValueKind.Date, v!, iso) : Text(v);
        }

        if (v is null || !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return Text(v);
        }

        if (style < _dateStyles.Length && _dateStyles[style] && number is > -657435 and < 2958466)
        {
            return new XlsxValue(XlsxValueKind.Date, v, DateTime.FromOADate(number + (_date1904 ? 1462 : 0)));
        }

        return new XlsxValue(XlsxValueKind.Number, v);
    }

    private static XlsxValue Text(string? text) => string.IsNullOrEmpty(text) ? XlsxValue.Empty : new XlsxValue(XlsxValueKind.Text, text);

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt;: its &lt;t&gt; runs, without phonetic guides (&lt;rPh&gt;); leaves the reader past it.</summary>
    private static string ReadRichText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return string.Empty;
        }

        var depth = xml.Depth;
        string? single = null;
        System.Text.StringBuilder? many = null;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                xml.Skip();
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                var text = xml.ReadElementContentAsString();
                if (single is null)
                {
                    single = text;
                }
                else
                {
                    (many ??= new System.Text.StringBuilder(single)).Append(text);
                }
            }
            else
            {
                xml.Read();
            }
        }

        xml.Read();
        return many?.ToString() ?? single ?? string.Empty;
    }

    private static string[] ReadSharedStrings(SharedStringTablePart part)
    {
        using var xml = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var strings = new List<string>();
        xml.MoveToContent();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                strings.Add(ReadRichText(xml));
            }
            else
            {
                xml.Read();
            }
        }

        return [.. strings];
    }

    /// <summary>For each cell style: does its number format show a date? Built-in date formats and custom ones with date parts.</summary>
    private static bool[] DateStyles(Stylesheet? styles)
    {
        if (styles?.CellFormats is not { } formats)
        {
            return [];
        }

        var custom = (styles.NumberingFormats?.Elements<NumberingFormat>() ?? [])
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => IsDateFormat(g.First().FormatCode?.Value ?? string.Empty));
        return [.. formats.Elements<CellFormat>().Select(f => f.NumberFormatId?.Value is { } id
            && (custom.TryGetValue(id, out var isDate) ? isDate : id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58))];
    }

    /// <summary>A format shows a date when, outside quotes, escapes and [colour] brackets, it has y, m, d, h or s (e.g. "yyyy年m月d日"; "General" has none).</summary>
    internal static bool IsDateFormat(string code)
    {
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var ch = code[i];
            if (quoted)
            {
                quoted = ch != '"';
            }
            else if (bracket)
            {
                bracket = ch != ']';
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == '[')
            {
                // [h], [mm] and [ss] are elapsed time; [Red], [$-804] and the like are not parts of a date.
                var end = code.IndexOf(']', i);
                var inner = end < 0 ? string.Empty : code[(i + 1)..end].ToUpperInvariant();
                if (inner.Length > 0 && inner.All(c => c is 'H' or 'M' or 'S'))
                {
                    return true;
                }

                bracket = true;
            }
            else if (ch is '\\' or '_' or '*')
            {
                i++;
            }
            else if (ch is 'y' or 'Y' or 'm' or 'M' or 'd' or 'D' or 'h' or 'H' or 's' or 'S')
            {
                return true;
            }
        }

        return false;
    }

    internal static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (ch - 'A' + 1);
            }
            else if (ch is >= 'a' and <= 'z')
            {
                column = (column * 26) + (ch - 'a' + 1);
            }
            else
            {
                break;
            }
        }

        return column - 1;
    }

    private static bool IsDamage(Exception ex) => ex is InvalidDataException or IOException or XmlException or FormatException
        or InvalidOperationException or ArgumentException or NotSupportedException or OpenXmlPackageException;
}
