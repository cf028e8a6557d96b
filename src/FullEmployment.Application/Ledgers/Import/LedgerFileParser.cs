using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Application.Ledgers.Import;

/// <summary>
/// Parses a ledger file (xlsx with one sheet per kind, or a CSV of one kind) into validated
/// ledger records and a complete list of errors. No database: what exists already is asked
/// through <see cref="LedgerImportContext.PersonExists"/>.
/// </summary>
public sealed class LedgerFileParser(LedgerImportOptions options)
{
    public LedgerFileParser()
        : this(new LedgerImportOptions())
    {
    }

    public LedgerImportOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public LedgerImportResult Parse(Stream content, string fileName, LedgerImportContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(context);

        var file = LedgerFileGuard.OpenBounded(content, Options, out var refusal);
        if (file is null)
        {
            return LedgerImportResult.Refusal(fileName, refusal!);
        }

        var type = LedgerFileGuard.Classify(LedgerFileGuard.Prefix(file), fileName, out refusal);
        if (type is null)
        {
            return LedgerImportResult.Refusal(fileName, refusal!);
        }

        var errors = new List<ImportIssue>();
        var warnings = new List<ImportIssue>();
        if (type == LedgerFileType.Xlsx)
        {
            // A workbook is read whole: a zip needs its central directory, and the size limit (50 MB) bounds it.
            var bytes = LedgerFileGuard.ReadRest(file);
            if (LedgerFileGuard.CheckZip(bytes, Options) is { } zipError)
            {
                return LedgerImportResult.Refusal(fileName, zipError);
            }

            return Validate(XlsxLedgerReader.Read(bytes, fileName, errors, warnings), context, errors, warnings);
        }

        if (context.CsvKind is not { } kind)
        {
            return LedgerImportResult.Refusal(fileName, "CSV 文件须指定台账类型（如“人员”“援助记录”）");
        }

        // Streamed: rows are read, validated and handed on while the file is read, and only the current chunk is held.
        var csv = CsvLedgerReader.Open(file, kind, errors);
        if (csv.Sheet.Headers.Count == 0)
        {
            return LedgerImportResult.Refusal(fileName, "文件为空");
        }

        // One kind per CSV: no other sheet of this import can refer to its persons, so rows are validated as read.
        var validator = new LedgerRowValidator(context, [], errors);
        var records = validator.Validate(csv.Sheet, csv.ReadRows(), csv.ExpectedRows, warnings);
        return new LedgerImportResult
        {
            Errors = errors,
            Warnings = warnings,
            Sheets = [new ImportedSheet(kind, csv.Sheet.SheetName, csv.Sheet.Headers, csv.RereadRows().Select(Imported), validator.RowsRead)],
            Ledger = LedgerLoader.ToLedger(context.CommunityId, new Dictionary<LedgerKind, List<LedgerRecord>> { [kind] = records }),
        };
    }

    /// <summary>
    /// Validates rows that did not come from a file (the API's JSON records, a page's form) exactly
    /// like the rows of an import sheet; <paramref name="rows"/> are aligned with <paramref name="headers"/>.
    /// </summary>
    public LedgerImportResult ParseRows(LedgerKind kind, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string?>> rows,
        LedgerImportContext context)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(context);
        var sheet = new RawSheet(kind, kind.SheetName(), headers,
            [.. rows.Select((r, i) => new RawRow(i + 1, [.. r.Select(v => v is null ? RawCell.Empty : new RawCell(v))]))]);
        return Validate([sheet], context, [], []);
    }

    private static LedgerImportResult Validate(List<RawSheet> sheets, LedgerImportContext context, List<ImportIssue> errors, List<ImportIssue> warnings)
    {
        // A row refers to a person found in this import's 人员 sheet or already in the ledger.
        var importedPersons = sheets
            .Where(s => s.Kind == LedgerKind.Person)
            .SelectMany(LedgerRowValidator.PersonIds)
            .ToHashSet(StringComparer.Ordinal);
        var validator = new LedgerRowValidator(context, importedPersons, errors);
        var records = new Dictionary<LedgerKind, List<LedgerRecord>>();
        foreach (var sheet in sheets)
        {
            records[sheet.Kind] = validator.Validate(sheet, warnings);
        }

        return Result(sheets, context, records, errors, warnings);
    }

    private static LedgerImportResult Result(List<RawSheet> sheets, LedgerImportContext context, Dictionary<LedgerKind, List<LedgerRecord>> records,
        List<ImportIssue> errors, List<ImportIssue> warnings) => new()
        {
            Errors = errors,
            Warnings = warnings,
            // The rows are made again for the error report only, so a valid import does not copy every row a second time.
            Sheets = [.. sheets.Select(s => new ImportedSheet(s.Kind, s.SheetName, s.Headers, s.Rows.Select(Imported), s.Rows.Count))],
            Ledger = LedgerLoader.ToLedger(context.CommunityId, records),
        };

    private static ImportedRow Imported(RawRow row) => new(row.RowNumber, Array.ConvertAll(row.Cells, c => c.Text));
}
