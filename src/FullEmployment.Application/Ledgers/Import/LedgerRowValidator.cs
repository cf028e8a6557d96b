using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Application.Ledgers.Import;

/// <summary>
/// Checks every cell of every row against the kind's definition and turns valid rows into
/// ledger records. Collects all errors; never stops at the first.
/// </summary>
internal sealed class LedgerRowValidator
{
    /// <summary>Valid rows handed on at a time: large enough for efficient batched writes, small enough to start writing early.</summary>
    private const int ChunkRows = 16_384;

    private readonly LedgerImportContext _context;
    private readonly HashSet<string> _importedPersons;
    private readonly List<ImportIssue> _errors;

    public LedgerRowValidator(LedgerImportContext context, HashSet<string> importedPersons, List<ImportIssue> errors)
    {
        _context = context;
        _importedPersons = importedPersons;
        _errors = errors;
    }

    /// <summary>Rows read by the last <see cref="Validate(RawSheet, IEnumerable{RawRow}, int, List{ImportIssue})"/>, blank ones included.</summary>
    public int RowsRead { get; private set; }

    /// <summary>The ID numbers of a 人员 sheet, so other sheets of the same import may refer to them.</summary>
    public static IEnumerable<string> PersonIds(RawSheet sheet)
    {
        var index = HeaderIndex(sheet.Headers).GetValueOrDefault(LedgerKinds.IdNumber, -1);
        return index < 0 ? [] : sheet.Rows.Select(r => SheetRowReader.Cell(r, index).Text).Where(t => !string.IsNullOrWhiteSpace(t)).Select(IdNumber.Normalize);
    }

    /// <summary>Header text without surrounding blanks or the required-column mark.</summary>
    public static string CleanHeader(string header) => header.Trim().TrimEnd('*', '＊').Trim();

    public List<LedgerRecord> Validate(RawSheet sheet, List<ImportIssue> warnings) => Validate(sheet, sheet.Rows, sheet.Rows.Count, warnings);

    /// <summary>
    /// Validates <paramref name="rows"/> of <paramref name="sheet"/> as they come (a CSV still being read);
    /// <paramref name="expectedRows"/> is for progress only.
    /// </summary>
    public List<LedgerRecord> Validate(RawSheet sheet, IEnumerable<RawRow> rows, int expectedRows, List<ImportIssue> warnings)
    {
        var definition = LedgerKinds.Get(sheet.Kind);
        var columns = CheckHeaders(sheet, definition, warnings);
        var records = new List<LedgerRecord>(_context.OnValidRows is null ? expectedRows : ChunkRows);
        if (columns is null)
        {
            return records;
        }

        var reader = new SheetRowReader(_context, _importedPersons, _errors, sheet, columns);
        var read = LedgerKindReaders.For(sheet.Kind);
        var keys = new NaturalKeySet(expectedRows);
        var done = 0;
        var handedOn = 0;
        foreach (var row in rows)
        {
            if (++done % 1000 == 0)
            {
                _context.Progress?.Report(new LedgerImportProgress(sheet.SheetName, done, Math.Max(done, expectedRows)));
            }

            if (records.Count - handedOn >= ChunkRows)
            {
                handedOn = HandOn(sheet.Kind, records, handedOn);
            }

            if (IsBlank(row))
            {
                continue;
            }

            reader.Start(row);
            var record = read(reader);
            CheckNaturalKey(sheet, definition, row, reader, keys);
            if (!reader.HasErrors)
            {
                records.Add(record);
            }
        }

        HandOn(sheet.Kind, records, handedOn);
        RowsRead = done;
        _context.Progress?.Report(new LedgerImportProgress(sheet.SheetName, done, done));
        return records;
    }

    /// <summary>
    /// Gives the valid rows not yet handed on to <see cref="LedgerImportContext.OnValidRows"/>, unless an error makes
    /// writing pointless, and then forgets them: what is written need not stay in memory.
    /// </summary>
    private int HandOn(LedgerKind kind, List<LedgerRecord> records, int handedOn)
    {
        if (_context.OnValidRows is not { } receive)
        {
            return records.Count;
        }

        if (_errors.Count == 0 && records.Count > handedOn)
        {
            receive(kind, records.GetRange(handedOn, records.Count - handedOn));
        }

        records.Clear();
        return 0;
    }

    private Dictionary<string, int>? CheckHeaders(RawSheet sheet, LedgerKindDefinition definition, List<ImportIssue> warnings)
    {
        if (sheet.Headers.Count == 0)
        {
            _errors.Add(new ImportIssue(sheet.SheetName, 1, string.Empty, string.Empty, "缺少表头行（第一行应为列名）"));
            return null;
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sheet.Headers.Count; i++)
        {
            var name = CleanHeader(sheet.Headers[i]);
            if (name.Length == 0)
            {
                continue;
            }

            if (definition.Column(name) is null)
            {
                warnings.Add(new ImportIssue(sheet.SheetName, 1, name, name, "未识别的列，已忽略"));
            }
            else if (!columns.TryAdd(name, i))
            {
                _errors.Add(new ImportIssue(sheet.SheetName, 1, name, name, "列名重复"));
            }
        }

        var complete = true;
        foreach (var column in definition.Columns.Where(c => c.Required && !columns.ContainsKey(c.Name)))
        {
            _errors.Add(new ImportIssue(sheet.SheetName, 1, column.Name, string.Empty, "缺少必填列"));
            complete = false;
        }

        return complete ? columns : null;
    }

    private void CheckNaturalKey(RawSheet sheet, LedgerKindDefinition definition, RawRow row, SheetRowReader reader, NaturalKeySet keys)
    {
        var parts = reader.KeyParts;
        foreach (var part in parts)
        {
            if (string.IsNullOrEmpty(part))
            {
                return;
            }
        }

        if (keys.Add(parts, row.RowNumber) is var firstRow and not 0)
        {
            var first = definition.NaturalKey[0];
            _errors.Add(new ImportIssue(sheet.SheetName, row.RowNumber, first, reader.Text(first),
                $"与第 {firstRow} 行重复（{string.Join("+", definition.NaturalKey)} 相同）"));
        }
    }

    private static Dictionary<string, int> HeaderIndex(IReadOnlyList<string> headers)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            index.TryAdd(CleanHeader(headers[i]), i);
        }

        return index;
    }

    private static bool IsBlank(RawRow row)
    {
        foreach (var cell in row.Cells)
        {
            if (!cell.IsBlank)
            {
                return false;
            }
        }

        return true;
    }
}
