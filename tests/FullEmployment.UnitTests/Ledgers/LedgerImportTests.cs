using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FullEmployment.Application.Common;
using FullEmployment.Application.Ledgers.Import;
using FullEmployment.Domain.Ledgers;
using static FullEmployment.UnitTests.Ledgers.LedgerBuilder;

namespace FullEmployment.UnitTests.Ledgers;

public class LedgerImportTests
{
    private static readonly string A = TestIds.Person(1); // 男, born 1990-01-01
    private static readonly string B = TestIds.Person(2); // 女

    static LedgerImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static LedgerImportResult Parse(
        byte[] bytes, string fileName = "台账.xlsx", LedgerKind? kind = null, Func<string, bool>? exists = null, LedgerImportOptions? options = null) =>
        new LedgerFileParser(options ?? new LedgerImportOptions()).Parse(new MemoryStream(bytes), fileName, new LedgerImportContext
        {
            CommunityId = 5,
            Today = D("2025-03-10"),
            CsvKind = kind,
            PersonExists = exists ?? (_ => false),
        });

    private static byte[] Workbook(Action<ExcelFile> build) => ExcelFile.Build(build);

    private static ExcelFile.ExcelSheet Sheet(ExcelFile workbook, string name, params string[][] rows) => workbook.Sheet(name, rows);

    // ---- CSV encodings ----

    private static string PersonsCsv => $"身份证号,姓名,性别\r\n{A},张三,男\r\n";

    [Fact]
    public void Csv_in_UTF8_with_BOM_is_read_without_mojibake()
    {
        var result = Parse([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(PersonsCsv)], "人员.csv", LedgerKind.Person);
        result.Errors.ShouldBeEmpty();
        result.Ledger.Persons.ShouldHaveSingleItem().Name.ShouldBe("张三");
    }

    [Fact]
    public void Csv_in_UTF8_without_BOM_is_read_without_mojibake()
    {
        var result = Parse(Encoding.UTF8.GetBytes(PersonsCsv), "人员.csv", LedgerKind.Person);
        result.Errors.ShouldBeEmpty();
        result.Ledger.Persons.ShouldHaveSingleItem().Name.ShouldBe("张三");
    }

    [Fact]
    public void Csv_in_GB18030_as_written_by_Excel_on_Chinese_Windows_is_detected()
    {
        var result = Parse(Encoding.GetEncoding("GB18030").GetBytes(PersonsCsv), "人员.csv", LedgerKind.Person);
        result.Errors.ShouldBeEmpty();
        var person = result.Ledger.Persons.ShouldHaveSingleItem();
        person.Name.ShouldBe("张三");
        person.Gender.ShouldBe(Gender.Male);
    }

    [Fact]
    public void Csv_rows_are_numbered_as_the_file_shows_them()
    {
        var csv = $"身份证号,登记日期\n{A},2024-04-01\n{A},2024-13-01\n";
        var error = Parse(Encoding.UTF8.GetBytes(csv), "x.csv", LedgerKind.UnemploymentRegistration, _ => true).Errors.ShouldHaveSingleItem();
        error.ShouldBe(new ImportIssue("失业登记", 3, "登记日期", "2024-13-01", "日期格式无效，应为 YYYY-MM-DD、YYYY/M/D 或 YYYY年M月D日"));
    }

    [Fact]
    public void Csv_row_referring_to_an_unknown_person_is_an_error_unless_the_ledger_has_them()
    {
        var csv = Encoding.UTF8.GetBytes($"身份证号,援助日期,援助方式,经办人\n{A},2024-04-01,岗位推荐,李四\n");
        Parse(csv, "援助.csv", LedgerKind.Assistance).Errors.ShouldHaveSingleItem().Message.ShouldContain("人员台账中没有该身份证号");
        var known = Parse(csv, "援助.csv", LedgerKind.Assistance, id => id == A);
        known.IsValid.ShouldBeTrue();
        known.Ledger.Assistances.ShouldHaveSingleItem().AssistanceKind.ShouldBe(AssistanceKind.JobReferral);
    }

    [Fact]
    public void Csv_without_a_kind_is_refused() =>
        Parse(Encoding.UTF8.GetBytes(PersonsCsv), "人员.csv").Refused.ShouldBeTrue();

    // ---- xlsx ----

    [Fact]
    public void Xlsx_date_cells_are_read_as_dates()
    {
        var bytes = Workbook(wb =>
        {
            Sheet(wb, "人员", ["身份证号", "姓名"], [A, "张三"]);
            var sheet = Sheet(wb, "失业登记", ["身份证号", "登记日期"], [A, ""]);
            sheet.Date(2, 2, new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Unspecified), "yyyy年m月d日");
        });
        var result = Parse(bytes);
        result.Errors.ShouldBeEmpty();
        result.Ledger.UnemploymentRegistrations.ShouldHaveSingleItem().RegisteredOn.ShouldBe(D("2024-04-01"));
        result.Ledger.CommunityId.ShouldBe(5);
    }

    [Theory]
    [InlineData("2024/4/1")]
    [InlineData("2024年4月1日")]
    [InlineData("2024-04-01")]
    public void Text_dates_in_every_accepted_form_are_read(string text)
    {
        var bytes = Workbook(wb =>
        {
            Sheet(wb, "人员", ["身份证号", "姓名"], [A, "张三"]);
            Sheet(wb, "就业记录", ["身份证号", "就业日期", "就业形式"], [A, text, "灵活就业"]);
        });
        Parse(bytes).Ledger.Employments.ShouldHaveSingleItem().EmployedOn.ShouldBe(D("2024-04-01"));
    }

    [Fact]
    public void Id_number_stored_as_an_Excel_number_asks_for_a_text_column()
    {
        var bytes = Workbook(wb =>
        {
            var sheet = Sheet(wb, "人员", ["身份证号", "姓名"], ["", "张三"]);
            sheet.Number(2, 1, 620102199001010011d);
        });
        var error = Parse(bytes).Errors.ShouldHaveSingleItem();
        error.Column.ShouldBe("身份证号");
        error.Row.ShouldBe(2);
        error.Message.ShouldContain("文本格式");
    }

    [Fact]
    public void Every_error_of_every_sheet_is_reported_at_once()
    {
        var bytes = Workbook(wb =>
        {
            Sheet(wb, "人员", ["身份证号", "姓名", "性别", "出生日期"],
                ["110105194912310021", "甲", "", ""],
                [A, "", "", ""],
                [B, "丙", "男", "1990-01-02"]);
            Sheet(wb, "失业登记", ["身份证号", "登记日期", "注销日期", "注销原因"],
                [A, "2024-13-01", "", ""],
                [A, "2024-04-01", "2024-05-01", "跳槽"],
                [TestIds.Person(9), "2024-04-01", "", ""]);
        });
        var result = Parse(bytes);
        result.IsValid.ShouldBeFalse();
        result.Refused.ShouldBeFalse();
        result.Errors.Select(e => (e.Sheet, e.Row, e.Column)).ShouldBe(
        [
            ("人员", 2, "身份证号"),
            ("人员", 3, "姓名"),
            ("人员", 4, "性别"),
            ("人员", 4, "出生日期"),
            ("失业登记", 2, "登记日期"),
            ("失业登记", 3, "注销原因"),
            ("失业登记", 4, "身份证号"),
        ], ignoreOrder: true);
        result.Errors.Single(e => e.Column == "性别").Message.ShouldBe("性别与身份证号不符");
        result.Errors.Single(e => e.Column == "注销原因").Value.ShouldBe("跳槽");
        result.Errors.Single(e => e.Sheet == "人员" && e.Row == 2).Message.ShouldBe("身份证号校验码错误");
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_unknown_ones_are_ignored_with_a_warning()
    {
        var bytes = Workbook(wb => Sheet(wb, "人员", ["备注", "姓名", "身份证号*"], ["随便", "张三", A]));
        var result = Parse(bytes);
        result.Errors.ShouldBeEmpty();
        result.Warnings.ShouldHaveSingleItem().Column.ShouldBe("备注");
        result.Ledger.Persons.ShouldHaveSingleItem().IdNumber.ShouldBe(A);
    }

    [Fact]
    public void Missing_required_column_is_an_error_on_the_header_row()
    {
        var bytes = Workbook(wb => Sheet(wb, "就业记录", ["身份证号", "就业日期"], [A, "2024-04-01"]));
        Parse(bytes, exists: _ => true).Errors.ShouldHaveSingleItem()
            .ShouldBe(new ImportIssue("就业记录", 1, "就业形式", string.Empty, "缺少必填列"));
    }

    [Fact]
    public void Same_natural_key_twice_in_one_file_is_an_error()
    {
        var bytes = Workbook(wb => Sheet(wb, "人员", ["身份证号", "姓名"], [A, "张三"], [A.ToLowerInvariant(), "张三"]));
        var error = Parse(bytes).Errors.ShouldHaveSingleItem();
        error.Row.ShouldBe(3);
        error.Message.ShouldContain("与第 2 行重复");
    }

    [Fact]
    public void Unknown_sheets_are_warned_about_and_a_workbook_without_ledger_sheets_is_an_error()
    {
        var result = Parse(Workbook(wb => Sheet(wb, "Sheet1", ["a"], ["b"])));
        result.Warnings.ShouldHaveSingleItem().Sheet.ShouldBe("Sheet1");
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("没有可识别的工作表");
    }

    [Fact]
    public void Blank_rows_are_skipped()
    {
        var bytes = Workbook(wb => Sheet(wb, "人员", ["身份证号", "姓名"], [A, "张三"], ["", ""], [B, "李四"]));
        var result = Parse(bytes);
        result.Errors.ShouldBeEmpty();
        result.Ledger.Persons.Count.ShouldBe(2);
    }

    // ---- guard rails ----

    [Fact]
    public void Empty_file_is_refused()
    {
        var result = Parse([]);
        result.Refused.ShouldBeTrue();
        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("文件为空");
    }

    [Fact]
    public void File_over_the_size_limit_is_refused()
    {
        var result = Parse(Encoding.UTF8.GetBytes(PersonsCsv), "人员.csv", LedgerKind.Person, options: new LedgerImportOptions { MaxFileBytes = 10 });
        result.Refused.ShouldBeTrue();
        result.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("文件过大");
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x00, 0x01 }, "台账.csv", "不是 Excel 工作簿")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00 }, "台账.xls", ".xls")]
    [InlineData(new byte[] { 0x68, 0x65, 0x6C, 0x6C, 0x6F }, "台账.xlsx", "不是有效的 Excel 工作簿")]
    public void File_that_is_not_a_workbook_or_csv_is_refused(byte[] bytes, string fileName, string message)
    {
        var result = Parse(bytes, fileName, LedgerKind.Person);
        result.Refused.ShouldBeTrue();
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain(message);
    }

    [Fact]
    public void Zip_that_is_not_a_workbook_is_refused()
    {
        var bytes = Zip(("readme.txt", Encoding.UTF8.GetBytes("hello")));
        Parse(bytes).Errors.ShouldHaveSingleItem().Message.ShouldBe("文件不是有效的 Excel 工作簿");
    }

    [Fact]
    public void Zip_bomb_is_refused_before_parsing()
    {
        var bytes = Zip(("xl/workbook.xml", new byte[100]), ("xl/worksheets/sheet1.xml", new byte[20 * 1024 * 1024]));
        bytes.Length.ShouldBeLessThan(200 * 1024);
        var result = Parse(bytes);
        result.Refused.ShouldBeTrue();
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("压缩炸弹");
    }

    [Fact]
    public void Workbook_whose_uncompressed_size_exceeds_the_limit_is_refused()
    {
        var result = Parse(LedgerTemplate.Build(), options: new LedgerImportOptions { MaxUncompressedBytes = 1000 });
        result.Refused.ShouldBeTrue();
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("压缩炸弹");
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    // ---- template and error report ----

    [Fact]
    public void Template_has_every_sheet_and_its_example_rows_import_cleanly()
    {
        var template = LedgerTemplate.Build();
        using (var workbook = XlsxReader.Open(new MemoryStream(template)))
        {
            workbook.SheetNames.ShouldBe(LedgerKinds.All.Select(k => k.SheetName));
            var idCell = workbook.ReadRows("人员").Single(r => r.Number == 2)[0];
            idCell.Kind.ShouldBe(XlsxValueKind.Text);
            idCell.Text.ShouldBe(LedgerKinds.ExampleIdNumber);
        }

        using (var document = SpreadsheetDocument.Open(new MemoryStream(template), false))
        {
            var persons = Part(document, "人员");
            Note(persons, "A1")!.ShouldContain("必填");
            CellFormat(document, persons, "A2").NumberFormatId!.Value.ShouldBe(49u); // "@": stays text when edited
        }

        var result = Parse(template);
        result.Errors.ShouldBeEmpty();
        result.Warnings.ShouldBeEmpty();
        foreach (var kind in LedgerKinds.All)
        {
            result.Ledger.RecordsOf(kind.Kind).ShouldHaveSingleItem().IsComplete().ShouldBeTrue();
        }
    }

    [Fact]
    public void Every_kind_read_is_stamped_with_the_community_and_the_import_instant()
    {
        var now = new DateTimeOffset(2025, 3, 10, 2, 30, 0, TimeSpan.Zero);
        var result = new LedgerFileParser(new LedgerImportOptions()).Parse(new MemoryStream(LedgerTemplate.Build()), "台账.xlsx",
            new LedgerImportContext { CommunityId = 5, Today = D("2025-03-10"), Now = now });

        result.Errors.ShouldBeEmpty();
        foreach (var kind in LedgerKinds.All)
        {
            var record = result.Ledger.RecordsOf(kind.Kind).ShouldHaveSingleItem();
            record.Kind.ShouldBe(kind.Kind);
            record.CommunityId.ShouldBe(5);
            record.CreatedAt.ShouldBe(now);
            record.UpdatedAt.ShouldBe(now);
        }
    }

    [Fact]
    public void Error_report_marks_bad_cells_red_with_the_message_and_lists_every_error()
    {
        var bytes = Workbook(wb => Sheet(wb, "人员", ["姓名", "身份证号"], ["张三", "110105194912310021"], ["", A]));
        var result = Parse(bytes);
        result.Errors.Count.ShouldBe(2);

        var reportFile = LedgerErrorReport.Build(result);
        using (var report = XlsxReader.Open(new MemoryStream(reportFile)))
        {
            report.ReadRows("人员").Single(r => r.Number == 2)[1].Text.ShouldBe("110105194912310021");
            var list = report.ReadRows(LedgerErrorReport.ErrorListSheet).ToList();
            list[^1].Number.ShouldBe(3);
            list[1][1].Kind.ShouldBe(XlsxValueKind.Number);
            list[1][4].Text.ShouldBe("身份证号校验码错误");
        }

        using var document = SpreadsheetDocument.Open(new MemoryStream(reportFile), false);
        var sheet = Part(document, "人员");
        var fill = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fills!.Elements<Fill>()
            .ElementAt((int)CellFormat(document, sheet, "B2").FillId!.Value);
        fill.PatternFill!.ForegroundColor!.Rgb!.Value.ShouldBe("FFFF0000");
        Note(sheet, "B2")!.ShouldContain("身份证号校验码错误");
        Note(sheet, "A3")!.ShouldContain("必填项不能为空");
        Note(sheet, "A2").ShouldBeNull();
        sheet.VmlDrawingParts.ShouldHaveSingleItem(); // Excel draws notes from the VML part
    }

    [Fact]
    public void Error_report_of_records_from_no_file_puts_them_below_the_header()
    {
        var result = new LedgerFileParser().ParseRows(LedgerKind.Person, ["身份证号", "姓名"], [["123", ""]], new LedgerImportContext
        {
            CommunityId = 5,
            Today = D("2025-03-10"),
            PersonExists = _ => false,
        });
        result.IsValid.ShouldBeFalse();

        using var report = XlsxReader.Open(new MemoryStream(LedgerErrorReport.Build(result)));
        var rows = report.ReadRows("人员").ToList();
        rows[0].Cells.Select(c => c.Text).ShouldBe(["身份证号", "姓名"]);
        rows[1].Number.ShouldBe(2);
        rows[1][0].Text.ShouldBe("123");
    }

    private static WorksheetPart Part(SpreadsheetDocument document, string sheetName)
    {
        var workbook = document.WorkbookPart!;
        return (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName).Id!.Value!);
    }

    private static string? Note(WorksheetPart sheet, string reference) =>
        sheet.WorksheetCommentsPart?.Comments.CommentList!.Elements<Comment>().SingleOrDefault(c => c.Reference == reference)?.InnerText;

    private static CellFormat CellFormat(SpreadsheetDocument document, WorksheetPart sheet, string reference)
    {
        var cell = sheet.Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
        return document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
    }
}
