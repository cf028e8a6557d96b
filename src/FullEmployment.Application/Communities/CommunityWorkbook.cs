using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers.Import;
using FullEmployment.Domain;
using FullEmployment.Domain.Communities;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Communities;

public sealed record CommunityImportSummary(int CommunitiesAdded, int CommunitiesUpdated, int CommunitiesUnchanged, int TitlesAdded, int TitlesUnchanged);

/// <summary>
/// Registry import and export as xlsx: sheet 社区 (communities) and sheet 称号 (titles, including those held before the system).
/// An import is all-or-nothing and lists every error by sheet, row and column.
/// </summary>
public sealed class CommunityWorkbook(AppDbContext db, CommunityRegistry registry, AuditTrail audit, LedgerImportOptions limits)
{
    public const string CommunitySheet = "社区";
    public const string TitleSheet = "称号";
    public const long MaxBytes = 20 * 1024 * 1024;

    public static readonly string[] CommunityColumns =
        ["社区代码*", "社区名称*", "所属区划代码*", "街道（乡镇）*", "地址", "批准文件号*", "民政备案号", "民政备案日期", "联系人", "联系电话"];

    public static readonly string[] TitleColumns =
        ["社区代码*", "称号级别*", "授予机关*", "文件号*", "授予日期*", "标牌编号", "报省备案号", "报省备案日期", "终止日期", "终止原因", "终止说明"];

    public static byte[] Template()
    {
        return XlsxWriter.Build(workbook =>
        {
            workbook.AddTable(CommunitySheet, CommunityColumns,
                [["620102001001", "示例社区", "620102", "示例街道", "兰州市城关区示例路1号", "城政发〔2020〕1号", "民备2020-001", new DateOnly(2020, 5, 1), "张三", "0931-1234567"]]);
            workbook.AddTable(TitleSheet, TitleColumns,
                [["620102001001", "市级", "兰州市人力资源和社会保障局", "兰人社发〔2021〕10号", new DateOnly(2021, 6, 1), "LZ-2021-001", "甘人社备〔2021〕3号", new DateOnly(2021, 7, 1), null, null, null]]);
        });
    }

    public static byte[] Export(IEnumerable<CommunityRow> rows)
    {
        return Xlsx.Table("社区名录", ["社区代码", "社区名称", "市州", "县区", "街道（乡镇）", "状态", "现有最高称号", "民政备案"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Code, r.Name, r.CityName, r.CountyName ?? "（市直属）", r.Street, r.Status.DisplayName(),
                r.HighestTitle?.DisplayName() ?? "无", r.HasCivilAffairsFiling ? "已备案" : "未备案"]));
    }

    public async Task<CommunityImportSummary> ImportAsync(Stream file, CancellationToken cancellationToken = default)
    {
        // Who may import is settled before anything of the file is read; each row is then checked against its target.
        registry.EnsureMayImport();
        var (communities, titles) = Read(file, limits);
        var errors = new List<InputError>();
        var existing = await db.Communities.Include(c => c.Titles).AsSplitQuery().ToDictionaryAsync(c => c.Code, cancellationToken);
        int added = 0, updated = 0, unchanged = 0, titlesAdded = 0, titlesUnchanged = 0;

        errors.AddRange(communities.HeaderErrors);
        foreach (var (row, input, rowErrors) in communities.Rows)
        {
            errors.AddRange(rowErrors);
            if (input is null)
            {
                continue;
            }

            try
            {
                switch (await registry.ApplyImportRowAsync(input, existing, cancellationToken))
                {
                    case ImportedCommunity.Added:
                        added++;
                        break;
                    case ImportedCommunity.Updated:
                        updated++;
                        break;
                    default:
                        unchanged++;
                        break;
                }
            }
            catch (Exception ex) when (ex is DomainException or ForbiddenException)
            {
                errors.Add(row.Error(null, ex.Message));
            }
        }

        errors.AddRange(titles.HeaderErrors);
        foreach (var (row, title, rowErrors) in titles.Rows)
        {
            errors.AddRange(rowErrors);
            if (title is null)
            {
                continue;
            }

            try
            {
                var (code, input) = title;
                if (!existing.TryGetValue(code, out var community))
                {
                    errors.Add(row.Error("社区代码*", $"社区“{code}”未登记，请先在“社区”工作表中登记。"));
                    continue;
                }

                registry.EnsureMayManageTitle(community, input.Level);
                if (community.Titles.Any(t => t.Level == input.Level && t.DocumentNumber == input.DocumentNumber.Trim() && t.GrantedOn == input.GrantedOn))
                {
                    titlesUnchanged++;
                    continue;
                }

                CommunityRegistry.ApplyTitle(community, input);
                titlesAdded++;
                audit.Record("title.import", "community", code, community.RegionCode,
                    after: new { level = input.Level.ApiName(), input.DocumentNumber, input.GrantedOn, input.EndedOn });
            }
            catch (Exception ex) when (ex is DomainException or ForbiddenException)
            {
                errors.Add(row.Error(null, ex.Message));
            }
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            audit.Discard();
            throw new InputRejectedException($"导入未执行：共发现 {errors.Count} 处错误，请修改后重新导入。", errors);
        }

        audit.Record("community.import", "community", null, null,
            after: new { added, updated, unchanged, titlesAdded, titlesUnchanged });
        await db.SaveChangesAsync(cancellationToken);
        return new CommunityImportSummary(added, updated, unchanged, titlesAdded, titlesUnchanged);
    }

    /// <summary>
    /// Reads and checks both sheets without the database (what the fuzz target calls): each row's input, or null with
    /// its errors; a file that cannot be read at all is refused with <see cref="InputRejectedException"/>.
    /// </summary>
    internal static (ParsedSheet<CommunityInput> Communities, ParsedSheet<TitleRow> Titles) Read(Stream file, LedgerImportOptions limits)
    {
        using var guarded = Guarded(file, limits);
        using var workbook = Open(guarded);
        var communitySheet = workbook.SheetNames.Contains(CommunitySheet) ? CommunitySheet : null;
        var titleSheet = workbook.SheetNames.Contains(TitleSheet) ? TitleSheet : null;
        if (communitySheet is null && titleSheet is null)
        {
            throw new InputRejectedException("文件中没有“社区”或“称号”工作表。", [new InputError(null, null, null, null, "请使用系统提供的导入模板。")]);
        }

        return (ReadSheet(workbook, communitySheet, CommunityColumns, ReadCommunity),
            ReadSheet(workbook, titleSheet, TitleColumns, (row, errors) =>
            {
                var code = row.Required("社区代码*", errors);
                var input = ReadTitle(row, errors);
                return code is null || input is null ? null : new TitleRow(code, input);
            }));
    }

    private static ParsedSheet<T> ReadSheet<T>(XlsxReader workbook, string? sheet, string[] columns, Func<SheetRow, List<InputError>, T?> read)
        where T : class
    {
        var headerErrors = new List<InputError>();
        var rows = new List<ParsedRow<T>>();
        foreach (var row in Rows(workbook, sheet, columns, headerErrors))
        {
            var errors = new List<InputError>();
            rows.Add(new ParsedRow<T>(row, read(row, errors), errors));
        }

        return new ParsedSheet<T>(headerErrors, rows);
    }

    private static XlsxReader Open(MemoryStream guarded)
    {
        try
        {
            return XlsxReader.Open(guarded);
        }
        catch (InvalidDataException)
        {
            throw Damaged();
        }
    }

    private static IEnumerable<SheetRow> Rows(XlsxReader workbook, string? sheet, string[] columns, List<InputError> errors)
    {
        if (sheet is null)
        {
            yield break;
        }

        List<XlsxSheetRow> rows;
        try
        {
            rows = [.. workbook.ReadRows(sheet)];
        }
        catch (InvalidDataException)
        {
            throw Damaged();
        }

        var header = new Dictionary<string, int>();
        var titles = rows.FirstOrDefault(r => r.Number == 1)?.Cells ?? [];
        for (var c = 0; c < titles.Length; c++)
        {
            var name = titles[c].Typed.TrimEnd('*').Trim();
            if (name.Length > 0)
            {
                header[name] = c;
            }
        }

        var missing = columns.Where(c => c.EndsWith('*') && !header.ContainsKey(c.TrimEnd('*'))).ToList();
        foreach (var column in missing)
        {
            errors.Add(new InputError(sheet, 1, column.TrimEnd('*'), null, $"缺少必填列“{column.TrimEnd('*')}”。"));
        }

        if (missing.Count > 0)
        {
            yield break;
        }

        foreach (var row in rows.Where(r => r.Number > 1))
        {
            var values = header.ToDictionary(h => h.Key, h => row[h.Value].Typed);
            if (values.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            yield return new SheetRow(sheet, row.Number, values);
        }
    }

    private static InputRejectedException Damaged() =>
        new("无法读取该工作簿。", [new InputError(null, null, null, null, "工作簿已损坏或不是有效的 .xlsx 文件。")]);

    private static CommunityInput? ReadCommunity(SheetRow row, List<InputError> errors)
    {
        var before = errors.Count;
        var code = row.Required("社区代码*", errors);
        if (code is not null && (code.Length != 12 || !code.All(char.IsAsciiDigit)))
        {
            errors.Add(row.Error("社区代码*", "社区代码应为12位数字（统计用区划代码）。"));
        }

        var name = row.Required("社区名称*", errors);
        var region = row.Required("所属区划代码*", errors);
        var street = row.Required("街道（乡镇）*", errors);
        var approval = row.Required("批准文件号*", errors);
        var filedOn = row.Date("民政备案日期", errors);
        if (errors.Count > before)
        {
            return null;
        }

        return new CommunityInput(code!, name!, region!, street!, row.Optional("地址") ?? "", approval!, row.Optional("民政备案号"), filedOn,
            row.Optional("联系人"), row.Optional("联系电话"));
    }

    private static TitleInput? ReadTitle(SheetRow row, List<InputError> errors)
    {
        var before = errors.Count;
        var levelText = row.Required("称号级别*", errors);
        var level = TitleLevels.ParseDisplayName(levelText);
        if (levelText is not null && level is null)
        {
            errors.Add(row.Error("称号级别*", "称号级别应为：国家级、省级、省级星级、市级。"));
        }

        var authority = row.Required("授予机关*", errors);
        var document = row.Required("文件号*", errors);
        var grantedOn = row.Date("授予日期*", errors, required: true);
        var filedOn = row.Date("报省备案日期", errors);
        var endedOn = row.Date("终止日期", errors);
        var reasonText = row.Optional("终止原因");
        TitleEndReason? reason = reasonText is null ? null
            : Enum.GetValues<TitleEndReason>().FirstOrDefault(r => r.DisplayName() == reasonText, TitleEndReason.Other);
        if (errors.Count > before)
        {
            return null;
        }

        return new TitleInput(level!.Value, authority!, document!, grantedOn!.Value, row.Optional("标牌编号"), row.Optional("报省备案号"), filedOn,
            endedOn, reason, row.Optional("终止说明"));
    }

    internal sealed record TitleRow(string Code, TitleInput Input);

    internal sealed record ParsedRow<T>(SheetRow Row, T? Input, List<InputError> Errors)
        where T : class;

    internal sealed record ParsedSheet<T>(List<InputError> HeaderErrors, List<ParsedRow<T>> Rows)
        where T : class;

    internal sealed record SheetRow(string Sheet, int Number, Dictionary<string, string> Values)
    {
        public string? Optional(string column) =>
            Values.TryGetValue(column.TrimEnd('*'), out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        public string? Required(string column, List<InputError> errors)
        {
            var value = Optional(column);
            if (value is null)
            {
                errors.Add(Error(column, $"“{column.TrimEnd('*')}”不能为空。"));
            }

            return value;
        }

        public DateOnly? Date(string column, List<InputError> errors, bool required = false)
        {
            var text = required ? Required(column, errors) : Optional(column);
            if (text is null)
            {
                return null;
            }

            if (CellDates.TryParse(text, out var date))
            {
                return date;
            }

            errors.Add(Error(column, "日期格式应为 2025-03-10、2025/3/10 或 2025年3月10日。"));
            return null;
        }

        public InputError Error(string? column, string message) =>
            new(Sheet, Number, column?.TrimEnd('*'), column is null ? null : Optional(column), message);
    }

    /// <summary>The ledger import's guard (size, emptiness, zip bombs) before any xlsx reader sees the file.</summary>
    private static MemoryStream Guarded(Stream file, LedgerImportOptions limits)
    {
        var options = limits with { MaxFileBytes = MaxBytes };
        var bytes = LedgerFileGuard.ReadBounded(file, options, out var refusal);
        refusal ??= LedgerFileGuard.CheckZip(bytes!, options);
        return refusal is null
            ? new MemoryStream(bytes!, writable: false)
            : throw new InputRejectedException($"{refusal}。", [new InputError(null, null, null, null, $"{refusal}。")]);
    }
}
