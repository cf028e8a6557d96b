using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FullEmployment.Application.Common;
using FullEmployment.Application.Ledgers.Import;
using FullEmployment.UnitTests.Ledgers;

namespace FullEmployment.UnitTests.Common;

/// <summary>The xlsx writer and reader every export and import goes through (issue 8, item 9: ClosedXML replaced).</summary>
public class XlsxTests
{
    [Fact]
    public void A_table_keeps_its_sheet_name_headers_Chinese_text_and_cell_types()
    {
        var bytes = Xlsx.Table("充分就业社区名录", ["社区名称", "社区代码", "认定日期", "名额", "得分"],
            [["培黎社区", "620102001001", new DateOnly(2024, 5, 1), 3, 87.5m], ["西峰社区\u0001", "0931", null, null, null]]);

        using (var workbook = XlsxReader.Open(new MemoryStream(bytes)))
        {
            workbook.SheetNames.ShouldBe(["充分就业社区名录"]);
            var rows = workbook.ReadRows("充分就业社区名录").ToList();
            rows.Select(r => r.Number).ShouldBe([1, 2, 3]);
            rows[0].Cells.Select(c => c.Text).ShouldBe(["社区名称", "社区代码", "认定日期", "名额", "得分"]);
            rows[1][0].Text.ShouldBe("培黎社区");
            rows[1][1].Kind.ShouldBe(XlsxValueKind.Text); // an ID-like code is not turned into a number
            rows[1][1].Text.ShouldBe("620102001001");
            rows[1][2].Kind.ShouldBe(XlsxValueKind.Date);
            rows[1][2].Date.ShouldBe(new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Unspecified));
            rows[1][3].Kind.ShouldBe(XlsxValueKind.Number);
            rows[1][4].Number.ShouldBe(87.5);
            rows[2][0].Text.ShouldBe("西峰社区"); // a control character XML cannot hold is dropped, not a broken file
            rows[2][1].Text.ShouldBe("0931");
            rows[2].Cells.Length.ShouldBe(2);
        }

        // Read back with the SDK's own document tree: header styled and frozen, the date formatted as a date.
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var part = document.WorkbookPart!.WorksheetParts.Single();
        part.Worksheet.Descendants<Pane>().Single().State!.Value.ShouldBe(PaneStateValues.Frozen);
        var formats = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var cells = part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        var header = formats[(int)cells["A1"].StyleIndex!.Value];
        document.WorkbookPart.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)header.FontId!.Value).Bold.ShouldNotBeNull();
        var dateFormat = formats[(int)cells["C2"].StyleIndex!.Value].NumberFormatId!.Value;
        document.WorkbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Single(f => f.NumberFormatId! == dateFormat).FormatCode!.Value.ShouldBe("yyyy-mm-dd");
    }

    [Fact]
    public void A_large_table_streams_into_one_sheet_and_reads_back_row_by_row()
    {
        const int count = 20_000;
        var bytes = Xlsx.Table("人员", ["身份证号", "姓名"], Enumerable.Range(0, count).Select(i => (IReadOnlyList<object?>)[$"62010219900101{i:0000}", $"张{i}"]));
        using var workbook = XlsxReader.Open(new MemoryStream(bytes));
        var last = workbook.ReadRows("人员").Last();
        last.Number.ShouldBe(count + 1);
        last[0].Text.ShouldBe($"62010219900101{count - 1:0000}");
    }

    [Fact]
    public void Excel_files_with_shared_strings_and_custom_date_formats_are_read()
    {
        var bytes = ExcelFile.Build(file =>
        {
            var sheet = file.Sheet("社区", ["社区代码", "", "日期"], ["620102001001"]);
            sheet.Date(2, 3, new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Unspecified), "yyyy\"年\"m\"月\"d\"日\"");
            sheet.Number(3, 2, 0.25);
        });

        using var workbook = XlsxReader.Open(new MemoryStream(bytes));
        var rows = workbook.ReadRows("社区").ToList();
        rows[0].Cells.Select(c => c.Text).ShouldBe(["社区代码", "", "日期"]);
        rows[1][0].Text.ShouldBe("620102001001");
        rows[1][2].Typed.ShouldBe("2024-04-01");
        rows[2].Number.ShouldBe(3);
        rows[2][1].Typed.ShouldBe("0.25");
    }

    [Fact]
    public void Phonetic_guides_are_not_part_of_the_text_and_no_shared_string_is_skipped()
    {
        var bytes = Replace(ExcelFile.Build(file => file.Sheet("社区", ["东岗", "西峰"])), "xl/shared",
            "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>东岗</t><rPh sb=\"0\" eb=\"2\"><t>dōnggǎng</t></rPh>"
            + "<phoneticPr fontId=\"1\"/></si><si><r><t>西</t></r><r><rPr><b/></rPr><t>峰</t></r></si></sst>");

        using var workbook = XlsxReader.Open(new MemoryStream(bytes));
        workbook.ReadRows("社区").Single().Cells.Select(c => c.Text).ShouldBe(["东岗", "西峰"]);
    }

    [Theory]
    [InlineData("yyyy-mm-dd", true)]
    [InlineData("yyyy年m月d日", true)]
    [InlineData("[$-804]yyyy\"年\"m\"月\"", true)]
    [InlineData("[h]:mm", true)]
    [InlineData("General", false)]
    [InlineData("0.00", false)]
    [InlineData("[Red]#,##0", false)]
    [InlineData("0.00E+00", false)]
    [InlineData("\"day\"0", false)]
    public void Number_formats_that_show_a_date_are_told_apart(string format, bool isDate) =>
        XlsxReader.IsDateFormat(format).ShouldBe(isDate);

    [Fact]
    public void A_package_with_a_damaged_sheet_is_one_InvalidDataException()
    {
        var bytes = Replace(LedgerTemplate.Build(), "xl/worksheets/", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>身份证号");
        using var workbook = XlsxReader.Open(new MemoryStream(bytes));
        Should.Throw<InvalidDataException>(() => workbook.ReadRows(workbook.SheetNames[0]).ToList());
    }

    [Fact]
    public void A_ledger_import_of_a_damaged_sheet_is_an_error_not_a_crash()
    {
        var bytes = Replace(LedgerTemplate.Build(), "xl/worksheets/", "<worksheet");
        var result = new LedgerFileParser().Parse(new MemoryStream(bytes), "台账.xlsx", new LedgerImportContext
        {
            CommunityId = 1,
            Today = new DateOnly(2025, 3, 10),
            PersonExists = _ => false,
        });
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("不是有效的 Excel 工作簿");
    }

    /// <summary>The package with the first entry under <paramref name="folder"/> replaced by <paramref name="xml"/>.</summary>
    private static byte[] Replace(byte[] package, string folder, string xml)
    {
        var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.First(e => e.FullName.StartsWith(folder, StringComparison.Ordinal) && !e.FullName.Contains("_rels", StringComparison.Ordinal));
            var name = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(xml);
        }

        return stream.ToArray();
    }
}
