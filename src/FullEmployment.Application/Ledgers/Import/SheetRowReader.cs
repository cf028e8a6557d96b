using System.Globalization;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Application.Ledgers.Import;

/// <summary>
/// The cells of one sheet's rows, read one row at a time: each getter parses its cell, records an error against it
/// when invalid and keeps natural-key values for the duplicate check. What every kind shares; the kinds' own
/// fields and cross-field rules are in <see cref="LedgerKindReaders"/>. One instance serves all rows of a sheet
/// (<see cref="Start"/>), so a row costs no more than its record and its strings.
/// </summary>
internal sealed class SheetRowReader
{
    private static readonly string[] DateFormats =
    [
        "yyyy-M-d", "yyyy/M/d", "yyyy年M月d日", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss",
    ];

    private readonly LedgerImportContext _context;
    private readonly HashSet<string> _importedPersons;
    private readonly List<ImportIssue> _errors;
    private readonly string _sheetName;
    private readonly LedgerKindDefinition _definition;
    private readonly Dictionary<string, int> _columns;
    private readonly Dictionary<string, LedgerColumn> _columnDefinitions;
    private readonly string?[] _keyParts;
    private RawRow _row = new(0, []);

    public SheetRowReader(LedgerImportContext context, HashSet<string> importedPersons, List<ImportIssue> errors, RawSheet sheet,
        Dictionary<string, int> columns)
    {
        _context = context;
        _importedPersons = importedPersons;
        _errors = errors;
        _sheetName = sheet.SheetName;
        _definition = LedgerKinds.Get(sheet.Kind);
        _columns = columns;
        _columnDefinitions = _definition.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        _keyParts = new string?[_definition.NaturalKey.Count];
        Stamp = new LedgerStamp(context.CommunityId, context.Now);
    }

    /// <summary>What every record read from this sheet is stamped with.</summary>
    public LedgerStamp Stamp { get; }

    /// <summary>Whether a cell of the current row was invalid.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>The current row's natural-key values as read, in the definition's order; null where the cell was blank or invalid.</summary>
    public ReadOnlySpan<string?> KeyParts => _keyParts;

    /// <summary>Moves to the next row.</summary>
    public void Start(RawRow row)
    {
        _row = row;
        HasErrors = false;
        Array.Clear(_keyParts);
    }

    public string Text(string column) => Raw(column).Text.Trim();

    public string? String(string column)
    {
        var text = Present(column);
        Key(column, text);
        return text;
    }

    public string? Id(string column)
    {
        var cell = Raw(column);
        var text = Present(column);
        if (text is null)
        {
            return null;
        }

        if (cell.IsNumber)
        {
            // An 18-digit number cannot be held exactly by Excel; the digits read are not the ones typed.
            Error(column, "身份证号以数字格式保存，可能已丢失精度；请将该列设置为文本格式后重新录入");
            return null;
        }

        var id = IdNumber.Normalize(text);
        if (IdNumber.Validate(id, _context.Today) is { } message)
        {
            Error(column, message);
            return null;
        }

        if (_columnDefinitions[column].Type == LedgerValueType.PersonReference
            && !_importedPersons.Contains(id) && !_context.PersonExists(id))
        {
            Error(column, "人员台账中没有该身份证号，请先在“人员”中登记此人");
        }

        Key(column, id);
        return id;
    }

    public DateOnly? Date(string column)
    {
        var cell = Raw(column);
        if (Present(column) is null)
        {
            return null;
        }

        if (!TryParseDate(cell, out var date))
        {
            Error(column, "日期格式无效，应为 YYYY-MM-DD、YYYY/M/D 或 YYYY年M月D日");
            return null;
        }

        Key(column, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return date;
    }

    public TEnum? Choice<TEnum>(string column, LabelMap<TEnum> labels)
        where TEnum : struct, Enum
    {
        var text = Present(column);
        if (text is null)
        {
            return null;
        }

        if (!labels.TryParse(text, out var value))
        {
            Error(column, "取值无效，应为：" + string.Join("/", labels.Labels));
            return null;
        }

        Key(column, text);
        return value;
    }

    /// <summary>是/否 or 有/无: true when the cell holds <paramref name="yes"/>.</summary>
    public bool? Flag(string column, string yes)
    {
        var text = Present(column);
        if (text is null)
        {
            return null;
        }

        var choices = _columnDefinitions[column].Choices!;
        if (!choices.Contains(text))
        {
            Error(column, "取值无效，应为：" + string.Join("/", choices));
            return null;
        }

        return text == yes;
    }

    /// <summary>An end date and its reason go together, and the end is not before the start.</summary>
    public void EndPair(DateOnly? start, string endColumn, DateOnly? end, string reasonColumn, string beforeStartMessage)
    {
        if (end is { } e && start is { } s && e < s)
        {
            Error(endColumn, beforeStartMessage);
        }

        if (end is not null && Raw(reasonColumn).IsBlank)
        {
            Error(reasonColumn, $"填写了{endColumn}时必须填写{reasonColumn}");
        }
        else if (Raw(endColumn).IsBlank && !Raw(reasonColumn).IsBlank)
        {
            Error(endColumn, $"填写了{reasonColumn}时必须填写{endColumn}");
        }
    }

    public void Error(string column, string message)
    {
        HasErrors = true;
        _errors.Add(new ImportIssue(_sheetName, _row.RowNumber, column, Raw(column).Text.Trim(), message));
    }

    internal static RawCell Cell(RawRow row, int index) => index < row.Cells.Length ? row.Cells[index] : RawCell.Empty;

    internal static bool TryParseDate(RawCell cell, out DateOnly date)
    {
        if (cell.Date is { } d)
        {
            date = d;
            return true;
        }

        var text = cell.Text.AsSpan().Trim();
        if (TryParseIsoDate(text, out date))
        {
            return true;
        }

        var ok = DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
        date = ok ? DateOnly.FromDateTime(parsed) : default;
        return ok;
    }

    /// <summary>YYYY-MM-DD, what the template and most exports hold, read without the general parser (a large share of an import's time).</summary>
    private static bool TryParseIsoDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text[5..7], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private RawCell Raw(string column) =>
        _columns.TryGetValue(column, out var index) ? Cell(_row, index) : RawCell.Empty;

    /// <summary>The cell's trimmed text, or null when blank; a blank required cell is an error.</summary>
    private string? Present(string column)
    {
        var cell = Raw(column);
        if (!cell.IsBlank)
        {
            return cell.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : cell.Text.Trim();
        }

        if (_columnDefinitions[column].Required)
        {
            Error(column, "必填项不能为空");
        }

        return null;
    }

    /// <summary>Keeps a natural-key column's value for the duplicate check; other columns need not be kept.</summary>
    private void Key(string column, string? value)
    {
        if (value is null)
        {
            return;
        }

        var key = _definition.NaturalKey;
        for (var i = 0; i < key.Count; i++)
        {
            if (string.Equals(key[i], column, StringComparison.Ordinal))
            {
                _keyParts[i] = value;
                return;
            }
        }
    }
}
