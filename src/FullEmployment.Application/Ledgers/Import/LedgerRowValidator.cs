using System.Globalization;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Application.Ledgers.Import;

/// <summary>
/// Checks every cell of every row against the kind's definition and turns valid rows into
/// ledger records. Collects all errors; never stops at the first.
/// </summary>
internal sealed class LedgerRowValidator
{
    private static readonly string[] DateFormats =
    [
        "yyyy-M-d", "yyyy/M/d", "yyyy年M月d日", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss",
    ];

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

    /// <summary>The ID numbers of a 人员 sheet, so other sheets of the same import may refer to them.</summary>
    public static IEnumerable<string> PersonIds(RawSheet sheet)
    {
        var index = HeaderIndex(sheet.Headers).GetValueOrDefault(LedgerKinds.IdNumber, -1);
        return index < 0 ? [] : sheet.Rows.Select(r => Cell(r, index).Text).Where(t => !string.IsNullOrWhiteSpace(t)).Select(IdNumber.Normalize);
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

        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
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

            var reader = new RowReader(this, sheet, row, columns);
            var record = reader.Read();
            CheckNaturalKey(sheet, definition, row, reader, keys);
            if (record is not null && !reader.HasErrors)
            {
                records.Add(record);
            }
        }

        HandOn(sheet.Kind, records, handedOn);
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

    private void CheckNaturalKey(RawSheet sheet, LedgerKindDefinition definition, RawRow row, RowReader reader, Dictionary<string, int> keys)
    {
        var parts = reader.KeyParts;
        if (Array.Exists(parts, string.IsNullOrEmpty))
        {
            return;
        }

        var key = parts.Length == 1 ? parts[0]! : string.Join('\u001F', parts);
        if (!keys.TryAdd(key, row.RowNumber))
        {
            var first = definition.NaturalKey[0];
            _errors.Add(new ImportIssue(sheet.SheetName, row.RowNumber, first, reader.Text(first),
                $"与第 {keys[key]} 行重复（{string.Join("+", definition.NaturalKey)} 相同）"));
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

    private static RawCell Cell(RawRow row, int index) => index < row.Cells.Length ? row.Cells[index] : RawCell.Empty;

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

    /// <summary>Reads one row: each getter validates its cell and records errors against it.</summary>
    private sealed class RowReader(LedgerRowValidator owner, RawSheet sheet, RawRow row, Dictionary<string, int> columns)
    {
        private readonly LedgerKindDefinition _definition = LedgerKinds.Get(sheet.Kind);
        private readonly string?[] _keyParts = new string?[LedgerKinds.Get(sheet.Kind).NaturalKey.Count];

        public bool HasErrors { get; private set; }

        /// <summary>The natural key's values as read, in the definition's order; null where the cell was blank or invalid.</summary>
        public string?[] KeyParts => _keyParts;

        public string Text(string column) => Raw(column).Text.Trim();

        public LedgerRecord? Read()
        {
            var c = owner._context;
            LedgerRecord? record = sheet.Kind switch
            {
                LedgerKind.Person => ReadPerson(),
                LedgerKind.UnemploymentRegistration => ReadRegistration(),
                LedgerKind.Employment => new EmploymentRecord
                {
                    IdNumber = Id(LedgerKinds.IdNumber) ?? string.Empty,
                    EmployedOn = Date(LedgerKinds.EmployedOn) ?? default,
                    Form = Choice(LedgerKinds.EmploymentForm, LedgerLabels.EmploymentForms) ?? default,
                    Employer = String(LedgerKinds.Employer),
                    CommunityId = c.CommunityId,
                    CreatedAt = c.Now,
                    UpdatedAt = c.Now,
                },
                LedgerKind.DifficultyIdentification => ReadDifficulty(),
                LedgerKind.ZeroEmploymentFamily => new ZeroEmploymentFamily
                {
                    FamilyNumber = String(LedgerKinds.FamilyNumber) ?? string.Empty,
                    IdentifiedOn = Date(LedgerKinds.IdentifiedOn) ?? default,
                    HeadIdNumber = Id(LedgerKinds.HeadIdNumber) ?? string.Empty,
                    CommunityId = c.CommunityId,
                    CreatedAt = c.Now,
                    UpdatedAt = c.Now,
                },
                LedgerKind.Assistance => new Assistance
                {
                    IdNumber = Id(LedgerKinds.IdNumber) ?? string.Empty,
                    AssistedOn = Date(LedgerKinds.AssistedOn) ?? default,
                    AssistanceKind = Choice(LedgerKinds.AssistanceKind, LedgerLabels.AssistanceKinds) ?? default,
                    Content = String(LedgerKinds.AssistanceContent),
                    Handler = String(LedgerKinds.Handler) ?? string.Empty,
                    SystemRecordNumber = String(LedgerKinds.SystemRecordNumber),
                    CommunityId = c.CommunityId,
                    CreatedAt = c.Now,
                    UpdatedAt = c.Now,
                },
                LedgerKind.TrainingReferral => new TrainingReferral
                {
                    IdNumber = Id(LedgerKinds.IdNumber) ?? string.Empty,
                    ReferredOn = Date(LedgerKinds.ReferredOn) ?? default,
                    Programme = String(LedgerKinds.TrainingProgramme),
                    Provider = String(LedgerKinds.TrainingProvider),
                    CommunityId = c.CommunityId,
                    CreatedAt = c.Now,
                    UpdatedAt = c.Now,
                },
                LedgerKind.EmploymentWishRegistration => new EmploymentWishRegistration
                {
                    IdNumber = Id(LedgerKinds.IdNumber) ?? string.Empty,
                    RegisteredOn = Date(LedgerKinds.RegisteredOn) ?? default,
                    Group = Choice(LedgerKinds.KeyGroup, LedgerLabels.KeyGroups) ?? default,
                    Intention = String(LedgerKinds.Intention),
                    CommunityId = c.CommunityId,
                    CreatedAt = c.Now,
                    UpdatedAt = c.Now,
                },
                LedgerKind.Complaint => new Complaint
                {
                    ComplainedOn = Date(LedgerKinds.ComplainedOn) ?? default,
                    Subject = String(LedgerKinds.ComplaintSubject) ?? string.Empty,
                    IsValid = Flag(LedgerKinds.IsValid, "是") ?? false,
                    Resolution = String(LedgerKinds.Resolution),
                    CommunityId = c.CommunityId,
                    CreatedAt = c.Now,
                    UpdatedAt = c.Now,
                },
                LedgerKind.Staff => ReadStaff(),
                _ => null,
            };
            return record;
        }

        private LedgerPerson ReadPerson()
        {
            var c = owner._context;
            var id = Id(LedgerKinds.IdNumber);
            var gender = Choice(LedgerKinds.Gender, LedgerLabels.Genders);
            var birthDate = Date(LedgerKinds.BirthDate);
            if (id is not null && IdNumber.TryParse(id, out var parsed))
            {
                // docs/reference/ledger.md: gender and birth date, when given, must agree with the ID number.
                if (gender is { } g && g != parsed!.Gender)
                {
                    Error(LedgerKinds.Gender, "性别与身份证号不符");
                }

                if (birthDate is { } b && b != parsed!.BirthDate)
                {
                    Error(LedgerKinds.BirthDate, "出生日期与身份证号不符");
                }
            }

            return new LedgerPerson
            {
                IdNumber = id ?? string.Empty,
                Name = String(LedgerKinds.Name) ?? string.Empty,
                Gender = gender,
                BirthDate = birthDate,
                Education = Choice(LedgerKinds.Education, LedgerLabels.EducationLevels),
                Phone = String(LedgerKinds.Phone),
                FamilyNumber = String(LedgerKinds.FamilyNumber),
                RelationToHead = String(LedgerKinds.RelationToHead),
                HouseholdType = String(LedgerKinds.HouseholdType),
                HasWorkCapacity = Flag(LedgerKinds.WorkCapacity, "有"),
                IsWillingToWork = Flag(LedgerKinds.WillingToWork, "有"),
                Address = String(LedgerKinds.Address),
                CommunityId = c.CommunityId,
                CreatedAt = c.Now,
                UpdatedAt = c.Now,
            };
        }

        private UnemploymentRegistration ReadRegistration()
        {
            var c = owner._context;
            var registeredOn = Date(LedgerKinds.RegisteredOn);
            var deregisteredOn = Date(LedgerKinds.DeregisteredOn);
            var reason = Choice(LedgerKinds.DeregistrationReason, LedgerLabels.DeregistrationReasons);
            EndPair(registeredOn, LedgerKinds.DeregisteredOn, deregisteredOn, LedgerKinds.DeregistrationReason, "注销日期早于登记日期");
            return new UnemploymentRegistration
            {
                IdNumber = Id(LedgerKinds.IdNumber) ?? string.Empty,
                RegisteredOn = registeredOn ?? default,
                Reason = String(LedgerKinds.UnemploymentReason),
                DeregisteredOn = deregisteredOn,
                DeregistrationReason = reason,
                CommunityId = c.CommunityId,
                CreatedAt = c.Now,
                UpdatedAt = c.Now,
            };
        }

        private DifficultyIdentification ReadDifficulty()
        {
            var c = owner._context;
            var identifiedOn = Date(LedgerKinds.IdentifiedOn);
            var endedOn = Date(LedgerKinds.EndedOn);
            var reason = Choice(LedgerKinds.EndReason, LedgerLabels.DifficultyExitReasons);
            EndPair(identifiedOn, LedgerKinds.EndedOn, endedOn, LedgerKinds.EndReason, "退出日期早于认定日期");
            return new DifficultyIdentification
            {
                IdNumber = Id(LedgerKinds.IdNumber) ?? string.Empty,
                IdentifiedOn = identifiedOn ?? default,
                Category = String(LedgerKinds.DifficultyCategory) ?? string.Empty,
                EndedOn = endedOn,
                EndReason = reason,
                CommunityId = c.CommunityId,
                CreatedAt = c.Now,
                UpdatedAt = c.Now,
            };
        }

        private StaffMember ReadStaff()
        {
            var c = owner._context;
            var startedOn = Date(LedgerKinds.StartedOn);
            var leftOn = Date(LedgerKinds.LeftOn);
            if (startedOn is { } s && leftOn is { } l && l < s)
            {
                Error(LedgerKinds.LeftOn, "离岗日期早于到岗日期");
            }

            return new StaffMember
            {
                Name = String(LedgerKinds.Name) ?? string.Empty,
                IdNumber = Id(LedgerKinds.IdNumber),
                Education = Choice(LedgerKinds.Education, LedgerLabels.EducationLevels) ?? default,
                IsFullTime = Flag(LedgerKinds.IsFullTime, "是") ?? false,
                StartedOn = startedOn ?? default,
                LeftOn = leftOn,
                CommunityId = c.CommunityId,
                CreatedAt = c.Now,
                UpdatedAt = c.Now,
            };
        }

        /// <summary>An end date and its reason go together, and the end is not before the start.</summary>
        private void EndPair(DateOnly? start, string endColumn, DateOnly? end, string reasonColumn, string beforeStartMessage)
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

        private RawCell Raw(string column) =>
            columns.TryGetValue(column, out var index) ? Cell(row, index) : RawCell.Empty;

        /// <summary>The cell's trimmed text, or null when blank; a blank required cell is an error.</summary>
        private string? Present(string column)
        {
            var cell = Raw(column);
            if (!cell.IsBlank)
            {
                return cell.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : cell.Text.Trim();
            }

            if (_definition.Column(column)!.Required)
            {
                Error(column, "必填项不能为空");
            }

            return null;
        }

        private string? String(string column)
        {
            var text = Present(column);
            Key(column, text);
            return text;
        }

        private string? Id(string column)
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
            if (IdNumber.Validate(id, owner._context.Today) is { } message)
            {
                Error(column, message);
                return null;
            }

            if (_definition.Column(column)!.Type == LedgerValueType.PersonReference
                && !owner._importedPersons.Contains(id) && !owner._context.PersonExists(id))
            {
                Error(column, "人员台账中没有该身份证号，请先在“人员”中登记此人");
            }

            Key(column, id);
            return id;
        }

        private DateOnly? Date(string column)
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

        private TEnum? Choice<TEnum>(string column, LabelMap<TEnum> labels)
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
        private bool? Flag(string column, string yes)
        {
            var text = Present(column);
            if (text is null)
            {
                return null;
            }

            var choices = _definition.Column(column)!.Choices!;
            if (!choices.Contains(text))
            {
                Error(column, "取值无效，应为：" + string.Join("/", choices));
                return null;
            }

            return text == yes;
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

        private void Error(string column, string message)
        {
            HasErrors = true;
            owner._errors.Add(new ImportIssue(sheet.SheetName, row.RowNumber, column, Raw(column).Text.Trim(), message));
        }
    }
}
