using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FullEmployment.Application.Common;

namespace FullEmployment.UnitTests.Ledgers;

/// <summary>
/// Workbooks laid out as Excel saves them (a shared-string table, custom number formats), built with the Open XML
/// SDK's document tree rather than the application's writer, so imports are tested against files they did not make.
/// </summary>
public sealed class ExcelFile
{
    private readonly List<(string Name, SortedDictionary<(int Row, int Column), Cell> Cells)> _sheets = [];
    private readonly List<string> _strings = [];
    private readonly List<string> _formats = [];

    public static byte[] Build(Action<ExcelFile> build)
    {
        var file = new ExcelFile();
        build(file);
        return file.Save();
    }

    /// <summary>A sheet whose cells hold the strings given (row 1 first); an empty string leaves the cell empty.</summary>
    public ExcelSheet Sheet(string name, params string[][] rows)
    {
        var cells = new SortedDictionary<(int Row, int Column), Cell>();
        _sheets.Add((name, cells));
        var sheet = new ExcelSheet(this, cells);
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c].Length > 0)
                {
                    sheet.Text(r + 1, c + 1, rows[r][c]);
                }
            }
        }

        return sheet;
    }

    public sealed class ExcelSheet(ExcelFile file, SortedDictionary<(int Row, int Column), Cell> cells)
    {
        public void Text(int row, int column, string text)
        {
            file._strings.Add(text);
            cells[(row, column)] = new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(file._strings.Count - 1) };
        }

        public void Number(int row, int column, double value) => cells[(row, column)] = new Cell { CellValue = new CellValue(value) };

        /// <summary>A date cell: the serial number with a number format such as "yyyy年m月d日".</summary>
        public void Date(int row, int column, DateTime value, string format)
        {
            file._formats.Add(format);
            cells[(row, column)] = new Cell { CellValue = new CellValue(value.ToOADate()), StyleIndex = (uint)file._formats.Count };
        }
    }

    private byte[] Save()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(_strings.Select(s => new SharedStringItem(new Text(s))));
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new NumberingFormats(_formats.Select((f, i) => new NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = f })),
                new Fonts(new Font()),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new[] { new CellFormat() }.Concat(_formats.Select((_, i) => new CellFormat { NumberFormatId = (uint)(164 + i), ApplyNumberFormat = true }))));
            for (var s = 0; s < _sheets.Count; s++)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                foreach (var row in _sheets[s].Cells.GroupBy(c => c.Key.Row))
                {
                    data.Append(new Row(row.Select(c =>
                    {
                        c.Value.CellReference = XlsxWriter.CellReference(c.Key.Row, c.Key.Column - 1);
                        return c.Value;
                    }))
                    { RowIndex = (uint)row.Key });
                }

                part.Worksheet = new Worksheet(data);
                workbook.Workbook.Sheets!.Append(new Sheet { Name = _sheets[s].Name, SheetId = (uint)s + 1, Id = workbook.GetIdOfPart(part) });
            }
        }

        return stream.ToArray();
    }
}
