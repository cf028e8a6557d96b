using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Application.Ledgers.Import;

/// <summary>Guard rails of ledger import; configurable per deployment.</summary>
public sealed record LedgerImportOptions
{
    /// <summary>Largest file accepted (docs/reference/ledger.md: default 50 MB).</summary>
    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Largest total uncompressed size of an xlsx's zip entries.</summary>
    public long MaxUncompressedBytes { get; init; } = 500L * 1024 * 1024;

    /// <summary>Largest uncompressed/compressed ratio of an xlsx before it is treated as a zip bomb.</summary>
    public double MaxCompressionRatio { get; init; } = 100;

    /// <summary>Entries smaller than this are not judged by ratio: tiny parts compress well and harm nothing.</summary>
    public long RatioCheckMinimumBytes { get; init; } = 1024 * 1024;
}

/// <summary>What an import needs to know beyond the file.</summary>
public sealed record LedgerImportContext
{
    public int CommunityId { get; init; }

    /// <summary>Today in China time: birth dates in ID numbers may not be later.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>The instant stamped as CreatedAt/UpdatedAt on the parsed records.</summary>
    public DateTimeOffset Now { get; init; }

    /// <summary>The kind of a CSV file (one kind per file, chosen on upload); ignored for xlsx.</summary>
    public LedgerKind? CsvKind { get; init; }

    /// <summary>Whether an ID number is already a person in the community's ledger.</summary>
    public Func<string, bool> PersonExists { get; init; } = _ => false;

    public IProgress<LedgerImportProgress>? Progress { get; init; }

    /// <summary>
    /// Receives the valid rows in file order, a chunk at a time, while the rest of the input is still being read,
    /// and only as long as no error has been found; the import writes them inside its transaction as they come
    /// and rolls the transaction back if a later row is invalid. Rows handed on are not kept in the result's ledger.
    /// </summary>
    public Action<LedgerKind, List<LedgerRecord>>? OnValidRows { get; init; }
}

/// <summary>Rows validated so far in a sheet, for long imports; or, with <paramref name="RowsWritten"/>, rows of the import written so far.</summary>
public sealed record LedgerImportProgress(string Sheet, int RowsDone, int RowsTotal, int? RowsWritten = null);

/// <summary>
/// One problem, located as the user sees it: sheet, 1-based row as in the file (0 for the
/// file as a whole), Chinese column name, the cell's value and a Chinese message.
/// </summary>
public sealed record ImportIssue(string Sheet, int Row, string Column, string Value, string Message);

/// <summary>One data row as read, values aligned with <see cref="ImportedSheet.Headers"/>.</summary>
public sealed record ImportedRow(int RowNumber, IReadOnlyList<string> Values);

/// <summary>
/// A sheet (or a CSV file) as read, for the error report: <see cref="Rows"/> reads its <see cref="RowCount"/> rows again
/// on each enumeration (a CSV from the file, which must still be open), so a large file is never held as rows.
/// </summary>
public sealed record ImportedSheet(LedgerKind Kind, string SheetName, IReadOnlyList<string> Headers, IEnumerable<ImportedRow> Rows, int RowCount);

public sealed class LedgerImportResult
{
    public required IReadOnlyList<ImportIssue> Errors { get; init; }

    public required IReadOnlyList<ImportIssue> Warnings { get; init; }

    public required IReadOnlyList<ImportedSheet> Sheets { get; init; }

    /// <summary>The rows that passed every check, as ledger records; write them only when <see cref="IsValid"/>.</summary>
    public required CommunityLedger Ledger { get; init; }

    /// <summary>The file itself was refused (too large, empty, wrong type, zip bomb); nothing was parsed.</summary>
    public bool Refused { get; init; }

    /// <summary>An import is one transaction: valid only when there is no error at all.</summary>
    public bool IsValid => Errors.Count == 0;

    internal static LedgerImportResult Refusal(string fileName, string message) => new()
    {
        Errors = [new ImportIssue(fileName, 0, string.Empty, string.Empty, message)],
        Warnings = [],
        Sheets = [],
        Ledger = new CommunityLedger(),
        Refused = true,
    };
}
