using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Ledgers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FullEmployment.Application.Ledgers.Data;

/// <summary>
/// Materialises ledger rows of one kind from a plain <see cref="DbDataReader"/>: EF's materialiser
/// reads about 90k rows/s, too slow for a province roll-up. The setters are compiled from the EF
/// model (column names, value converters), so the configuration stays the single source of mapping.
/// </summary>
internal sealed class LedgerRowReader
{
    private static readonly ConcurrentDictionary<(IModel Model, LedgerKind Kind), LedgerRowReader> Cache = new();

    /// <summary>
    /// The reader's own typed getters: GetFieldValue&lt;string&gt; goes through a shared generic instantiation whose
    /// type lookups were the largest single cost of reading a province's ledgers.
    /// </summary>
    private static readonly Dictionary<Type, System.Reflection.MethodInfo> TypedGetters = new()
    {
        [typeof(string)] = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetString))!,
        [typeof(int)] = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetInt32))!,
        [typeof(long)] = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetInt64))!,
        [typeof(bool)] = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetBoolean))!,
    };

    private readonly Func<DbDataReader, LedgerRecord> _read;

    private LedgerRowReader(LedgerKind kind, IEntityType entity)
    {
        Kind = kind;
        var tableName = entity.GetTableName()!;
        var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        // Shadow properties (blind indexes, legacy plaintext columns) are not the record's: only SQL reads them.
        var properties = entity.GetProperties().Where(p => !p.IsShadowProperty()).ToList();
        // community_id first: the merge in LedgerStream reads it alone to decide whether a row belongs to the current community.
        properties.Sort((a, b) => (b.Name == nameof(LedgerRecord.CommunityId)).CompareTo(a.Name == nameof(LedgerRecord.CommunityId)));
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""));
        Select = $"SELECT {columns} FROM {tableName}";

        var reader = Expression.Parameter(typeof(DbDataReader), "reader");
        var record = Expression.Variable(entity.ClrType, "record");
        var body = new List<Expression> { Expression.Assign(record, Expression.New(entity.ClrType)) };
        for (var i = 0; i < properties.Count; i++)
        {
            body.Add(Assign(properties[i], reader, record, i));
        }

        body.Add(Expression.Convert(record, typeof(LedgerRecord)));
        _read = Expression.Lambda<Func<DbDataReader, LedgerRecord>>(Expression.Block([record], body), reader).Compile();
    }

    public LedgerKind Kind { get; }

    /// <summary>SELECT of every column, community_id at ordinal 0; callers append WHERE and ORDER BY.</summary>
    public string Select { get; }

    public static LedgerRowReader For(IModel model, LedgerKind kind) =>
        Cache.GetOrAdd((model, kind), k => new LedgerRowReader(k.Kind, k.Model.FindEntityType(LedgerTable.ClrTypeOf(k.Kind))!));

    public LedgerRecord Read(DbDataReader reader) => _read(reader);

    /// <summary>`record.Property = convert(reader.GetFieldValue&lt;provider type&gt;(ordinal))`, skipped for NULL.</summary>
    private static Expression Assign(IProperty property, ParameterExpression reader, ParameterExpression record, int ordinal)
    {
        var converter = property.GetTypeMapping().Converter;
        var clrType = property.ClrType;
        var modelType = Nullable.GetUnderlyingType(clrType) ?? clrType;
        var providerType = converter?.ProviderClrType ?? (modelType.IsEnum ? Enum.GetUnderlyingType(modelType) : modelType);
        providerType = Nullable.GetUnderlyingType(providerType) ?? providerType;
        Expression value = TypedGetters.TryGetValue(providerType, out var getter)
            ? Expression.Call(reader, getter, Expression.Constant(ordinal))
            : Expression.Call(reader, nameof(DbDataReader.GetFieldValue), [providerType], Expression.Constant(ordinal));
        if (converter is not null)
        {
            var fromProvider = converter.ConvertFromProviderExpression;
            value = Expression.Invoke(fromProvider, Expression.Convert(value, fromProvider.Parameters[0].Type));
        }

        var assign = Expression.Assign(Expression.Property(record, property.PropertyInfo!), Expression.Convert(value, clrType));
        if (!property.IsNullable)
        {
            return assign;
        }

        return Expression.IfThen(
            Expression.Not(Expression.Call(reader, nameof(DbDataReader.IsDBNull), Type.EmptyTypes, Expression.Constant(ordinal))),
            assign);
    }
}

/// <summary>
/// The ledgers of many communities read in one pass: one reader per kind, each ordered by
/// community_id, merged as the caller asks for communities in ascending id order. Only the
/// current community's rows are in memory.
/// </summary>
internal sealed class LedgerStream : IAsyncDisposable
{
    private readonly List<Cursor> _cursors;
    private readonly List<IAsyncDisposable> _owned;

    private LedgerStream(List<Cursor> cursors, List<IAsyncDisposable> owned)
    {
        _cursors = cursors;
        _owned = owned;
    }

    /// <summary>
    /// Opens one connection per kind (PostgreSQL allows one active reader per connection) from
    /// <paramref name="contextFactory"/>; <paramref name="communityIds"/> null reads every community.
    /// </summary>
    public static async Task<LedgerStream> OpenAsync(Func<AppDbContext> contextFactory, IReadOnlyCollection<int>? communityIds,
        CancellationToken cancellationToken)
    {
        var cursors = new List<Cursor>();
        var owned = new List<IAsyncDisposable>();
        try
        {
            // Integers only, so inlining them is safe, and it spares a parameter per community.
            var where = communityIds is null ? string.Empty : $" WHERE community_id IN ({string.Join(",", communityIds)})";
            foreach (var kind in Enum.GetValues<LedgerKind>())
            {
                var context = contextFactory();
                owned.Add(context);
                await context.Database.OpenConnectionAsync(cancellationToken);
                var rows = LedgerRowReader.For(context.Model, kind);
                var command = context.Database.GetDbConnection().CreateCommand();
                owned.Add(command);
                command.CommandText = rows.Select + where + " ORDER BY community_id";
                var reader = await command.ExecuteReaderAsync(cancellationToken);
                owned.Add(reader);
                cursors.Add(new Cursor(kind, rows, reader));
            }
        }
        catch
        {
            await DisposeAllAsync(owned);
            throw;
        }

        return new LedgerStream(cursors, owned);
    }

    /// <summary>The next community's ledger; ids must ascend from call to call, rows of skipped ids are dropped unread.</summary>
    public CommunityLedger Next(int communityId)
    {
        // Each kind has its own connection and reader, so the kinds are read side by side.
        var lists = new List<LedgerRecord>[_cursors.Count];
        Parallel.For(0, _cursors.Count, i => lists[i] = _cursors[i].Take(communityId));
        var records = new Dictionary<LedgerKind, List<LedgerRecord>>();
        for (var i = 0; i < _cursors.Count; i++)
        {
            records[_cursors[i].Kind] = lists[i];
        }

        return LedgerLoader.ToLedger(communityId, records);
    }

    public ValueTask DisposeAsync() => new(DisposeAllAsync(_owned));

    private static async Task DisposeAllAsync(List<IAsyncDisposable> owned)
    {
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            await owned[i].DisposeAsync();
        }
    }

    private sealed class Cursor(LedgerKind kind, LedgerRowReader rows, DbDataReader reader)
    {
        private bool _started;
        private bool _hasRow;

        public LedgerKind Kind { get; } = kind;

        public List<LedgerRecord> Take(int communityId)
        {
            if (!_started)
            {
                _started = true;
                _hasRow = reader.Read();
            }

            var list = new List<LedgerRecord>();
            while (_hasRow)
            {
                var id = reader.GetInt32(0);
                if (id > communityId)
                {
                    break;
                }

                if (id == communityId)
                {
                    list.Add(rows.Read(reader));
                }

                // Synchronous: SQLite's async read is synchronous anyway, and Npgsql buffers; this runs on a worker thread.
                _hasRow = reader.Read();
            }

            return list;
        }
    }
}
