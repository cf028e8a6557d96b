using FullEmployment.Application.Common;
using FullEmployment.Application.Communities;
using FullEmployment.Application.Ledgers.Import;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.UnitTests.Fuzz;

/// <summary>
/// Inputs that made a parser throw under scripts/fuzz.sh (SharpFuzz + AFL++, issue 13 section 6), kept as regression
/// tests: each is now refused as bad input. The files under Fuzz/Findings are the fuzzer's crash inputs as it saved
/// them, named TARGET-N-WHAT; the targets are those of fuzz/FullEmployment.Fuzz.
/// </summary>
public sealed class FuzzFindingTests
{
    private static readonly LedgerImportContext Context = new() { Today = new DateOnly(2026, 1, 1), CommunityId = 1 };

    public static TheoryData<string> Findings() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fuzz", "Findings")).Select(f => Path.GetFileName(f)).Order()];

    // Date target, first replay of the seed corpus: \d matched Arabic-Indic and full-width digits, which int.Parse refuses
    // (FormatException); year 0000 passed the pattern and DateTime.DaysInMonth threw (ArgumentOutOfRangeException).
    [Theory]
    [InlineData("٢٠٢٥-٠٣-١٠")]
    [InlineData("２０２５-０３-１０")]
    [InlineData("0000-01-01")]
    [InlineData("0000年2月29日")]
    public void A_date_with_other_digits_or_year_zero_is_refused_not_thrown(string text)
    {
        CellDates.TryParse(text, out _).ShouldBeFalse();
        SheetRowReader.TryParseDate(new RawCell(text), out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2025-03-10")]
    [InlineData("2025/3/10")]
    [InlineData("2025年3月10日")]
    public void The_date_forms_people_type_still_parse(string text)
    {
        CellDates.TryParse(text, out var date).ShouldBeTrue();
        date.ShouldBe(new DateOnly(2025, 3, 10));
    }

    /// <summary>Each saved crash input through the call its fuzz target makes: a result with errors, or a refusal, never another exception.</summary>
    [Theory]
    [MemberData(nameof(Findings))]
    public void A_file_the_fuzzer_crashed_a_parser_with_is_now_refused(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fuzz", "Findings", name));
        switch (name.Split('-')[0])
        {
            case "community":
                try
                {
                    CommunityWorkbook.Read(new MemoryStream(bytes), new LedgerImportOptions());
                }
                catch (InputRejectedException)
                {
                    // The documented answer to a damaged file.
                }

                break;
            case "xlsx":
                new LedgerFileParser().Parse(new MemoryStream(bytes), "fuzz.xlsx", Context).IsValid.ShouldBeFalse();
                break;
            case "csv":
                var kinds = Enum.GetValues<LedgerKind>();
                new LedgerFileParser().Parse(new MemoryStream(bytes, 1, bytes.Length - 1), "fuzz.csv", Context with { CsvKind = kinds[bytes[0] % kinds.Length] });
                break;
            default:
                throw new InvalidOperationException($"no fuzz target for {name}");
        }
    }

    // Community target, 15 s run: a workbook part whose root element is not <workbook> made XlsxReader throw NullReferenceException.
    [Fact]
    public void A_workbook_whose_workbook_part_is_not_a_workbook_is_damaged_for_the_reader()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fuzz", "Findings", "community-1-workbook-root.xlsx"));
        Should.Throw<InvalidDataException>(() => XlsxReader.Open(new MemoryStream(bytes)));
    }
}
