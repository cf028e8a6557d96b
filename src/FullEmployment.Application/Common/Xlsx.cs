using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FullEmployment.Application.Common;

/// <summary>The few cell looks the system's workbooks use; every one but <see cref="Number"/> keeps typed text as text (format "@").</summary>
public enum XlsxStyle
{
    /// <summary>Chosen from the value: dates as yyyy-mm-dd, numbers as numbers, everything else as text.</summary>
    Auto,
    Number,
    Date,
    Text,

    /// <summary>A table header: bold on light blue.</summary>
    Header,

    /// <summary>A bold header without fill (import layouts).</summary>
    Bold,

    /// <summary>A required column's header in an import template: bold red.</summary>
    RequiredHeader,

    /// <summary>A cell an error report points at: red fill.</summary>
    Error,
}

/// <summary>One cell to write: its value (null writes nothing but the style), look and note (shown as an Excel comment).</summary>
public readonly record struct XlsxCell(object? Value, XlsxStyle Style = XlsxStyle.Auto, string? Note = null);

/// <summary>A column's width and the style of its empty cells (so text typed later into an ID column stays text).</summary>
public readonly record struct XlsxColumn(double Width, XlsxStyle Style = XlsxStyle.Auto);

/// <summary>A row to write at its row number (1-based, ascending).</summary>
public readonly record struct XlsxRow(int Number, IReadOnlyList<XlsxCell> Cells);

/// <summary>Helpers shared by every export, so they look the same and text stays text.</summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A workbook with one standard table (see <see cref="XlsxWriter.AddTable"/>).</summary>
    public static byte[] Table(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) =>
        XlsxWriter.Build(w => w.AddTable(sheetName, headers, rows));
}

/// <summary>
/// Writes xlsx with the Open XML SDK managing the package (parts, relationships, content types) and the sheet XML
/// streamed straight into its part row by row: a large export never exists as a document tree or a cell model.
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Excel's limit for one cell; a longer text makes Excel "repair" the file and drop it.</summary>
    private const int MaxCellText = 32767;

    private static readonly XmlWriterSettings XmlSettings = new() { Encoding = new UTF8Encoding(false), CloseOutput = true };

    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly Sheets _sheets = new();
    private int _nextVmlBlock = 1;

    private XlsxWriter(Stream output)
    {
        _document = SpreadsheetDocument.Create(output, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook);
        _workbook = _document.AddWorkbookPart();
        WritePart(_workbook.AddNewPart<WorkbookStylesPart>(), StylesXml);
    }

    /// <summary>Builds a workbook in memory; <paramref name="write"/> adds its sheets.</summary>
    public static byte[] Build(Action<XlsxWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var output = new MemoryStream();
        using (var writer = new XlsxWriter(output))
        {
            write(writer);
        }

        return output.ToArray();
    }

    /// <summary>The standard export table: a bold, filled and frozen header row, then one row per item; ID-like strings stay text.</summary>
    public void AddTable(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        AddSheet(sheetName, [.. headers.Select(_ => new XlsxColumn(18))], freezeHeader: true,
            rows.Select((row, i) => new XlsxRow(i + 2, [.. row.Select(v => new XlsxCell(v))]))
                .Prepend(new XlsxRow(1, [.. headers.Select(h => new XlsxCell(h, XlsxStyle.Header))])));
    }

    /// <summary>Adds a sheet and writes its rows as they are enumerated.</summary>
    public void AddSheet(string sheetName, IReadOnlyList<XlsxColumn> columns, bool freezeHeader, IEnumerable<XlsxRow> rows)
    {
        ArgumentException.ThrowIfNullOrEmpty(sheetName);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var part = _workbook.AddNewPart<WorksheetPart>();
        _sheets.Append(new Sheet { Name = sheetName, SheetId = (uint)_sheets.Count() + 1, Id = _workbook.GetIdOfPart(part) });

        var notes = new List<(int Row, int Column, string Text)>();
        WorksheetCommentsPart? comments = null;
        VmlDrawingPart? vml = null;
        using (var xml = XmlWriter.Create(part.GetStream(FileMode.Create, FileAccess.Write), XmlSettings))
        {
            xml.WriteStartElement("worksheet", MainNs);
            xml.WriteAttributeString("xmlns", "r", null, RelNs);
            if (freezeHeader)
            {
                xml.WriteRaw("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
            }

            if (columns.Count > 0)
            {
                xml.WriteStartElement("cols", MainNs);
                for (var c = 0; c < columns.Count; c++)
                {
                    xml.WriteStartElement("col", MainNs);
                    Attribute(xml, "min", c + 1);
                    Attribute(xml, "max", c + 1);
                    xml.WriteAttributeString("width", columns[c].Width.ToString(CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("customWidth", "1");
                    if (columns[c].Style != XlsxStyle.Auto)
                    {
                        Attribute(xml, "style", StyleIndex(columns[c].Style));
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteStartElement("sheetData", MainNs);
            var last = 0;
            foreach (var row in rows)
            {
                if (row.Number <= last)
                {
                    throw new InvalidOperationException($"Rows must ascend: row {row.Number} after row {last}.");
                }

                last = row.Number;
                xml.WriteStartElement("row", MainNs);
                Attribute(xml, "r", row.Number);
                for (var c = 0; c < row.Cells.Count; c++)
                {
                    var cell = row.Cells[c];
                    WriteCell(xml, CellReference(row.Number, c), cell);
                    if (cell.Note is { Length: > 0 } note)
                    {
                        notes.Add((row.Number, c, note));
                    }
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            if (notes.Count > 0)
            {
                // Notes need both parts: the comment text, and the VML shapes Excel draws them with.
                comments = part.AddNewPart<WorksheetCommentsPart>();
                vml = part.AddNewPart<VmlDrawingPart>();
                xml.WriteStartElement("legacyDrawing", MainNs);
                xml.WriteAttributeString("id", RelNs, part.GetIdOfPart(vml));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        // After the sheet's stream is closed, so one part is written at a time.
        if (comments is not null && vml is not null)
        {
            WriteNotes(comments, vml, notes);
        }
    }

    public void Dispose()
    {
        if (_sheets.Count() == 0)
        {
            AddSheet("Sheet1", [], freezeHeader: false, []);
        }

        _workbook.Workbook = new Workbook(_sheets);
        _document.Dispose();
    }

    private static void WriteCell(XmlWriter xml, string reference, XlsxCell cell)
    {
        var value = cell.Value;
        var style = cell.Style;
        string? number = null;
        string? text = null;
        switch (value)
        {
            case null:
                break;
            case DateOnly date:
                number = date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture);
                style = style == XlsxStyle.Auto ? XlsxStyle.Date : style;
                break;
            case DateTime dateTime:
                number = dateTime.ToOADate().ToString(CultureInfo.InvariantCulture);
                style = style == XlsxStyle.Auto ? XlsxStyle.Date : style;
                break;
            case decimal or int or long or double:
                number = Convert.ToString(value, CultureInfo.InvariantCulture);
                style = style == XlsxStyle.Auto ? XlsxStyle.Number : style;
                break;
            default:
                text = value.ToString() ?? "";
                style = style == XlsxStyle.Auto ? XlsxStyle.Text : style;
                break;
        }

        if (value is null && style == XlsxStyle.Auto)
        {
            return;
        }

        xml.WriteStartElement("c", MainNs);
        xml.WriteAttributeString("r", reference);
        if (style != XlsxStyle.Auto)
        {
            Attribute(xml, "s", StyleIndex(style));
        }

        if (number is not null)
        {
            xml.WriteElementString("v", MainNs, number);
        }
        else if (text is not null)
        {
            // Inline strings: no shared-string table to hold in memory while rows stream.
            xml.WriteAttributeString("t", "inlineStr");
            xml.WriteStartElement("is", MainNs);
            WriteText(xml, text);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>A text run (t) whose spaces Excel keeps.</summary>
    private static void WriteText(XmlWriter xml, string text)
    {
        xml.WriteStartElement("t", MainNs);
        xml.WriteAttributeString("xml", "space", null, "preserve");
        xml.WriteString(XmlSafe(text));
        xml.WriteEndElement();
    }

    private void WriteNotes(WorksheetCommentsPart comments, VmlDrawingPart vml, List<(int Row, int Column, string Text)> notes)
    {
        using (var xml = XmlWriter.Create(comments.GetStream(FileMode.Create, FileAccess.Write), XmlSettings))
        {
            xml.WriteStartElement("comments", MainNs);
            xml.WriteRaw("<authors><author>FullEmployment</author></authors>");
            xml.WriteStartElement("commentList", MainNs);
            foreach (var (row, column, text) in notes)
            {
                xml.WriteStartElement("comment", MainNs);
                xml.WriteAttributeString("ref", CellReference(row, column));
                xml.WriteAttributeString("authorId", "0");
                xml.WriteStartElement("text", MainNs);
                WriteText(xml, text);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        // VML shape ids come in blocks of 1024 per idmap entry; each sheet takes blocks of its own.
        var blocks = (notes.Count + 1023) / 1024;
        var first = _nextVmlBlock;
        _nextVmlBlock += blocks;
        var vmlText = new StringBuilder()
            .Append("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">")
            .Append("<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"")
            .AppendJoin(',', Enumerable.Range(first, blocks))
            .Append("\"/></o:shapelayout>")
            .Append("<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\">")
            .Append("<v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>");
        for (var i = 0; i < notes.Count; i++)
        {
            var (row, column, _) = notes[i];
            vmlText.Append(CultureInfo.InvariantCulture,
                    $"<v:shape id=\"_x0000_s{(first * 1024) + i + 1}\" type=\"#_x0000_t202\" style=\"position:absolute;width:144pt;height:60pt;z-index:{i + 1};visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\">")
                .Append("<v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>")
                .Append("<v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>")
                .Append(CultureInfo.InvariantCulture,
                    $"<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{column + 1}, 15, {Math.Max(row - 2, 0)}, 10, {column + 4}, 15, {row + 3}, 4</x:Anchor>")
                .Append(CultureInfo.InvariantCulture, $"<x:AutoFill>False</x:AutoFill><x:Row>{row - 1}</x:Row><x:Column>{column}</x:Column></x:ClientData></v:shape>");
        }

        WritePart(vml, vmlText.Append("</xml>").ToString());
    }

    private static void WritePart(OpenXmlPart part, string xml)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        stream.Write(Encoding.UTF8.GetBytes(xml));
    }

    private static void Attribute(XmlWriter xml, string name, int value) =>
        xml.WriteAttributeString(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Drops characters XML cannot hold (control characters from pasted text) and cuts at Excel's cell limit.</summary>
    private static string XmlSafe(string text)
    {
        var clean = text.AsSpan().IndexOfAnyExcept(XmlCharacters) < 0 ? text
            : string.Concat(text.Where((ch, i) => XmlConvert.IsXmlChar(ch)
                || (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                || (char.IsLowSurrogate(ch) && i > 0 && char.IsHighSurrogate(text[i - 1]))));
        return clean.Length <= MaxCellText ? clean : clean[..MaxCellText];
    }

    /// <summary>The characters that never need a closer look: everything printable of the BMP but surrogates.</summary>
    private static readonly System.Buffers.SearchValues<char> XmlCharacters = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0x20, 0xD800 - 0x20).Select(i => (char)i)) + "\t\n\r"
        + string.Concat(Enumerable.Range(0xE000, 0xFFFE - 0xE000).Select(i => (char)i)));

    internal static string CellReference(int row, int column)
    {
        Span<char> letters = stackalloc char[4];
        var at = letters.Length;
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters[--at] = (char)('A' + ((c - 1) % 26));
        }

        return string.Concat(letters[at..], row.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>cellXfs below, in <see cref="XlsxStyle"/> order (Auto has none of its own: index 0).</summary>
    private static int StyleIndex(XlsxStyle style) => (int)style;

    private const string StylesXml =
        "<styleSheet xmlns=\"" + MainNs + "\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
        + "<fonts count=\"3\"><font><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font>"
        + "<font><b/><sz val=\"11\"/><color rgb=\"FFFF0000\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font></fonts>"
        + "<fills count=\"4\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDEBF7\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFF0000\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"8\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>" // Auto
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>" // Number
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>" // Date
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>" // Text
        + "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\"/>" // Header
        + "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/>" // Bold
        + "<xf numFmtId=\"49\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/>" // RequiredHeader
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"3\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFill=\"1\"/>" // Error
        + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";
}
