using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Ledgers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FullEmployment.Application.Ledgers.Data;

/// <summary>
/// One stored column of a ledger table: how to read its provider value from a record (<see cref="Get"/>, for writing;
/// sealed values are sealed afresh each time) and a value that compares equal for equal data (<see cref="Compare"/>:
/// the plaintext of a sealed column).
/// </summary>
internal sealed record LedgerTableColumn(string Name, string PropertyName, Func<LedgerRecord, object?> Get, Func<LedgerRecord, object?> Compare);

/// <summary>
/// A ledger table as the bulk writers see it, read from the EF model so the configuration stays
/// the single source of names, converters and the natural key (the model's unique index).
/// </summary>
internal sealed class LedgerTable
{
    private static readonly ConcurrentDictionary<(IModel Model, PersonalDataKeys Keys, LedgerKind Kind), LedgerTable> Cache = new();

    private static readonly Dictionary<LedgerKind, Type> ClrTypes = new()
    {
        [LedgerKind.Person] = typeof(LedgerPerson),
        [LedgerKind.UnemploymentRegistration] = typeof(UnemploymentRegistration),
        [LedgerKind.Employment] = typeof(EmploymentRecord),
        [LedgerKind.DifficultyIdentification] = typeof(DifficultyIdentification),
        [LedgerKind.ZeroEmploymentFamily] = typeof(ZeroEmploymentFamily),
        [LedgerKind.Assistance] = typeof(Assistance),
        [LedgerKind.TrainingReferral] = typeof(TrainingReferral),
        [LedgerKind.EmploymentWishRegistration] = typeof(EmploymentWishRegistration),
        [LedgerKind.Complaint] = typeof(Complaint),
        [LedgerKind.Staff] = typeof(StaffMember),
    };

    private static readonly HashSet<string> Bookkeeping =
        [nameof(LedgerRecord.CommunityId), nameof(LedgerRecord.CreatedAt), nameof(LedgerRecord.UpdatedAt)];

    private readonly int[] _keyIndexes;
    private readonly int[] _dataIndexes;

    private LedgerTable(LedgerKind kind, IEntityType entity, PersonalDataKeys keys)
    {
        Kind = kind;
        Name = entity.GetTableName()!;
        var table = StoreObjectIdentifier.Table(Name, entity.GetSchema());
        // Legacy plaintext columns are never written: new rows leave them NULL (PersonalDataMaintenance empties old ones).
        Columns = [.. entity.GetProperties().Where(p => !p.IsPrimaryKey() && !PersonalDataMapping.IsLegacy(p)).Select(p => Column(p, table, keys))];
        var unique = entity.GetIndexes().Single(i => i.IsUnique);
        KeyColumns = [.. unique.Properties.Select(p => p.GetColumnName(table)!)];
        _keyIndexes = [.. unique.Properties.Where(p => p.Name != nameof(LedgerRecord.CommunityId))
            .Select(p => Columns.ToList().FindIndex(c => c.PropertyName == p.Name))];
        _dataIndexes = [.. Enumerable.Range(0, Columns.Count).Where(i => !Bookkeeping.Contains(Columns[i].PropertyName))];
        KeyOrder = new ProviderKeyOrder([.. unique.Properties.Select(p => Columns.ToList().FindIndex(c => c.PropertyName == p.Name))]);
    }

    public LedgerKind Kind { get; }

    public string Name { get; }

    /// <summary>Every column but the generated id.</summary>
    public IReadOnlyList<LedgerTableColumn> Columns { get; }

    /// <summary>The natural key's columns, community_id first.</summary>
    public IReadOnlyList<string> KeyColumns { get; }

    /// <summary>
    /// Orders rows of <see cref="ProviderValues"/> as the unique index does (community first). The blind index makes
    /// the index order random even for a file sorted by ID number; rows written in index order touch each index page
    /// once instead of once a row (ADR 0010).
    /// </summary>
    public IComparer<object?[]> KeyOrder { get; }

    public static Type ClrTypeOf(LedgerKind kind) => ClrTypes[kind];

    public static LedgerTable For(AppDbContext db, LedgerKind kind)
    {
        ArgumentNullException.ThrowIfNull(db);
        return For(db.Model, db.PersonalData, kind);
    }

    /// <summary>The table of a context's model and key ring, for threads that must not touch the context itself.</summary>
    public static LedgerTable For(IModel model, PersonalDataKeys keys, LedgerKind kind) =>
        Cache.GetOrAdd((model, keys, kind), k => new LedgerTable(k.Kind, k.Model.FindEntityType(ClrTypes[k.Kind])!, k.Keys));

    /// <summary>The record's comparable values (<see cref="LedgerTableColumn.Compare"/>), for <see cref="Key"/> and <see cref="SameData"/>.</summary>
    public object?[] Values(LedgerRecord record)
    {
        var values = new object?[Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Columns[i].Compare(record);
        }

        return values;
    }

    /// <summary>The record's values as stored, column by column as <see cref="Columns"/>; sealed columns sealed afresh.</summary>
    public object?[] ProviderValues(LedgerRecord record)
    {
        var values = new object?[Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Columns[i].Get(record);
        }

        return values;
    }

    /// <summary>The natural key within a community (docs/reference/ledger.md), as one comparable string.</summary>
    public string Key(object?[] values) => string.Join('\u001F', _keyIndexes.Select(i => Convert.ToString(values[i], CultureInfo.InvariantCulture)));

    /// <summary>Whether two rows hold the same data; community and bookkeeping instants are not data.</summary>
    public bool SameData(object?[] a, object?[] b)
    {
        foreach (var i in _dataIndexes)
        {
            if (!Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static LedgerTableColumn Column(IProperty property, StoreObjectIdentifier table, PersonalDataKeys keys)
    {
        var name = property.GetColumnName(table)!;
        if (PersonalDataMapping.IndexSource(property) is { } source)
        {
            // The blind index of a sealed property: computed here, the bulk paths never go through the change tracker.
            var plain = Getter(property.DeclaringType.FindProperty(source)!);
            Func<LedgerRecord, object?> index = r => plain(r) is string text ? keys.Index(text) : null;
            return new LedgerTableColumn(name, property.Name, index, index);
        }

        var raw = Getter(property);
        var converter = property.GetTypeMapping().Converter;
        if (converter is not null && converter.ProviderClrType == typeof(byte[]) && converter.ModelClrType == typeof(string))
        {
            // Sealed: compared by plaintext, written sealed under the current key without the boxing converter.
            return new LedgerTableColumn(name, property.Name, r => raw(r) is string text ? keys.Seal(text) : null, raw);
        }

        Func<LedgerRecord, object?> get = converter is null
            ? r => raw(r) is Enum e ? Convert.ToInt32(e, CultureInfo.InvariantCulture) : raw(r)
            : r => raw(r) is { } v ? converter.ConvertToProvider(v) : null;
        return new LedgerTableColumn(name, property.Name, get, get);
    }

    /// <summary>Key columns compared as the database compares their stored values: numbers by value, text by code unit.</summary>
    private sealed class ProviderKeyOrder(int[] keyIndexes) : IComparer<object?[]>
    {
        public int Compare(object?[]? x, object?[]? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            foreach (var i in keyIndexes)
            {
                var order = (x[i], y[i]) switch
                {
                    (long a, long b) => a.CompareTo(b),
                    (string a, string b) => string.CompareOrdinal(a, b),
                    var (a, b) => Comparer<object?>.Default.Compare(a, b),
                };
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        }
    }

    private static Func<LedgerRecord, object?> Getter(IReadOnlyProperty property)
    {
        var record = Expression.Parameter(typeof(LedgerRecord), "r");
        var body = Expression.Convert(Expression.Property(Expression.Convert(record, property.DeclaringType.ClrType), property.PropertyInfo!), typeof(object));
        return Expression.Lambda<Func<LedgerRecord, object?>>(body, record).Compile();
    }
}
