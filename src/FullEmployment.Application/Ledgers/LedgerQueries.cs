using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers.Data;
using FullEmployment.Application.Ledgers.Import;
using FullEmployment.Domain;
using FullEmployment.Domain.Ledgers;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Ledgers;

public enum LedgerSort
{
    /// <summary>The kind's own date (登记日期, 援助日期, …); name for 人员.</summary>
    Date,
    Updated,
    Created,
}

/// <summary>
/// List filter: <see cref="Search"/> matches a whole ID number, a person's name, a family number, a complaint
/// subject or a staff name; dates filter the kind's own date.
/// </summary>
public sealed record LedgerFilter(string? Search = null, DateOnly? From = null, DateOnly? To = null, LedgerSort Sort = LedgerSort.Date,
    bool Descending = true)
{
    /// <summary>
    /// The searched ID number, only when all 18 characters are given: matching leading digits would let a few dozen
    /// searches read the masked digits (the birth date) of any row. Such a search is audited.
    /// </summary>
    public string? IdNumber => Search is { } s && Domain.Ledgers.IdNumber.IsValid(s.Trim()) ? Domain.Ledgers.IdNumber.Normalize(s.Trim()) : null;

    /// <summary>Digits that look like part of an ID number: they match no ID, the page says so.</summary>
    public bool IsPartialIdNumber => IdNumber is null && Search is { } s && s.Trim().Length >= 6
        && s.Trim().All(c => char.IsAsciiDigit(c) || c is 'x' or 'X');
}

/// <summary>A ledger row for lists and forms; <see cref="Values"/> follow the kind's columns, ID numbers and phones masked.</summary>
public sealed record LedgerRowView(long Id, LedgerKind Kind, IReadOnlyList<string> Values, bool IsComplete, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, string? PersonName);

public sealed record LedgerPageView(LedgerKindDefinition Definition, PagedResult<LedgerRowView> Rows, bool MayEdit);

/// <summary>One dated entry of a person's history across kinds.</summary>
public sealed record TimelineEntry(DateOnly? Date, LedgerKind Kind, string KindName, long RecordId, string Summary);

public sealed record PersonTimelineView(long PersonId, string MaskedIdNumber, string Name, IReadOnlyList<TimelineEntry> Entries);

/// <summary>Ledger lists, a person's timeline, single-record add/correct/delete and audited reveal, for the pages.</summary>
public sealed class LedgerQueries(AppDbContext db, AuditTrail audit, LedgerImports imports, LedgerImportOptions options, TimeProvider clock)
{
    private readonly LedgerAccess _access = new(db, audit.Actor);

    public async Task<LedgerPageView> ListAsync(string communityCode, LedgerKind kind, LedgerFilter filter, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        var community = await _access.ReadableAsync(communityCode, cancellationToken);
        var query = Filtered(community.Id, kind, filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Sorted(query, kind, filter).Skip(page.Skip).Take(page.SafePageSize).ToListAsync(cancellationToken);
        if (filter.IdNumber is { } idNumber && kind != LedgerKind.Complaint)
        {
            audit.Record("ledger.search", "community", community.Code, LedgerAccess.RegionOf(community),
                after: new { kind = kind.SheetName(), idNumber = IdNumber.Mask(idNumber), rows = total });
            await db.SaveChangesAsync(cancellationToken);
        }

        return new LedgerPageView(LedgerKinds.Get(kind), new PagedResult<LedgerRowView>(await ViewsAsync(community.Id, rows, cancellationToken),
            total, page.SafePage, page.SafePageSize), _access.MayWrite(community));
    }

    /// <summary>Every row matching the filter as an xlsx in the import layout, masked; audited as an export.</summary>
    public async Task<byte[]> ExportAsync(string communityCode, LedgerKind kind, LedgerFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var community = await _access.ReadableAsync(communityCode, cancellationToken);
        var rows = await Sorted(Filtered(community.Id, kind, filter), kind, filter).ToListAsync(cancellationToken);
        var definition = LedgerKinds.Get(kind);
        // Every value as text: the export is in the import layout, and ID numbers and codes must not turn into numbers.
        var workbook = Xlsx.Table(definition.SheetName, [.. definition.Columns.Select(c => c.Name)],
            rows.Select(r => (IReadOnlyList<object?>)LedgerRecordFormat.Values(r, masked: true)));
        audit.Record("ledger.export", "community", community.Code, LedgerAccess.RegionOf(community),
            after: new { kind = definition.SheetName, filter.Search, filter.From, filter.To, rows = rows.Count });
        await db.SaveChangesAsync(cancellationToken);
        return workbook;
    }

    public async Task<LedgerRowView> GetAsync(string communityCode, LedgerKind kind, long id, CancellationToken cancellationToken = default)
    {
        var community = await _access.ReadableAsync(communityCode, cancellationToken);
        var record = await FindAsync(community.Id, kind, id, tracked: false, cancellationToken);
        return (await ViewsAsync(community.Id, [record], cancellationToken))[0];
    }

    /// <summary>Every dated record of one person (by the 人员 row's id) across kinds, oldest first.</summary>
    public async Task<PersonTimelineView> TimelineAsync(string communityCode, long personId, CancellationToken cancellationToken = default)
    {
        var community = await _access.ReadableAsync(communityCode, cancellationToken);
        var person = (LedgerPerson)await FindAsync(community.Id, LedgerKind.Person, personId, tracked: false, cancellationToken);
        var entries = new List<TimelineEntry>();
        foreach (var kind in Enum.GetValues<LedgerKind>().Where(k => k is not (LedgerKind.Person or LedgerKind.Complaint)))
        {
            var records = await OfPerson(community.Id, kind, person.IdNumber).ToListAsync(cancellationToken);
            entries.AddRange(records.Select(r => new TimelineEntry(r.RecordDate, kind, kind.SheetName(), r.Id, Summary(r))));
        }

        return new PersonTimelineView(person.Id, IdNumber.Mask(person.IdNumber), person.Name,
            [.. entries.OrderBy(e => e.Date).ThenBy(e => e.Kind)]);
    }

    /// <summary>Adds (or, for an existing natural key, updates) one record entered on a form, validated like an import row.</summary>
    public Task<LedgerImportOutcome> AddAsync(string communityCode, LedgerKind kind, IReadOnlyDictionary<string, string?> values,
        CancellationToken cancellationToken = default) =>
        imports.ImportRowsAsync(communityCode, kind, [values], cancellationToken);

    /// <summary>
    /// Corrects one record in place, validated like an import row. A masked cell (ID number, birth year, phone) sent
    /// back unchanged keeps the stored value; a natural key taken by another row is refused.
    /// </summary>
    public async Task<LedgerImportOutcome> CorrectAsync(string communityCode, LedgerKind kind, long id, IReadOnlyDictionary<string, string?> values,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var community = await _access.WritableAsync(communityCode, cancellationToken);
        var stored = await FindAsync(community.Id, kind, id, tracked: false, cancellationToken);
        var storedCells = LedgerRecordFormat.Cells(stored);
        var definition = LedgerKinds.Get(kind);
        var merged = values.ToDictionary(v => v.Key, v =>
            v.Value is { } text && definition.Column(v.Key) is { } column && storedCells.GetValueOrDefault(v.Key) is { } full
                && full != text && LedgerRecordFormat.Mask(column, full) == text ? full : v.Value, StringComparer.Ordinal);

        var personExists = await LedgerAccess.PersonLookupAsync(db, community.Id, cancellationToken);
        var headers = merged.Keys.ToList();
        var now = clock.GetUtcNow();
        var result = new LedgerFileParser(options).ParseRows(kind, headers, [[.. headers.Select(h => merged[h])]], new LedgerImportContext
        {
            CommunityId = community.Id,
            Today = ChinaTime.Today(clock),
            Now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero),
            PersonExists = personExists,
        });
        if (!result.IsValid)
        {
            return new LedgerImportOutcome { Rejection = LedgerImportRejection.InvalidRows, Errors = result.Errors, ErrorReport = LedgerErrorReport.Build(result) };
        }

        var corrected = result.Ledger.RecordsOf(kind)[0];
        var table = LedgerTable.For(db, kind);
        var key = table.Key(table.Values(corrected));
        if (key != table.Key(table.Values(stored)))
        {
            var taken = await LedgerAccess.Set(db, kind).AsNoTracking().Where(r => r.CommunityId == community.Id && r.Id != id)
                .AsAsyncEnumerable().AnyAsync(r => table.Key(table.Values(r)) == key, cancellationToken);
            if (taken)
            {
                var issue = new ImportIssue(kind.SheetName(), 1, string.Join("+", LedgerKinds.Get(kind).NaturalKey), string.Empty,
                    "与已有记录重复（" + string.Join("+", LedgerKinds.Get(kind).NaturalKey) + " 相同）");
                return new LedgerImportOutcome { Rejection = LedgerImportRejection.InvalidRows, Errors = [issue] };
            }
        }

        if (kind == LedgerKind.Person && ((LedgerPerson)corrected).IdNumber != ((LedgerPerson)stored).IdNumber
            && await HasDependentsAsync(community.Id, ((LedgerPerson)stored).IdNumber, cancellationToken))
        {
            throw new DomainException("该人员已有其他台账记录，不能修改身份证号；如确属录入错误，请先更正或删除这些记录。", "A5.2.1");
        }

        var entry = db.Entry(corrected);
        entry.Property(r => r.Id).CurrentValue = id;
        entry.Property(r => r.CreatedAt).CurrentValue = stored.CreatedAt;
        entry.State = EntityState.Modified;
        entry.Property(r => r.CreatedAt).IsModified = false;
        audit.Record("ledger.correct", "ledger." + kind.SheetName(), id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            LedgerAccess.RegionOf(community), LedgerRecordFormat.Values(stored, masked: true), LedgerRecordFormat.Values(corrected, masked: true));
        await db.SaveChangesAsync(cancellationToken);
        entry.State = EntityState.Detached;
        return new LedgerImportOutcome
        {
            Rejection = LedgerImportRejection.None,
            ByKind = new Dictionary<LedgerKind, LedgerKindCounts> { [kind] = new(0, 1, 0) },
        };
    }

    /// <summary>Deletes one record; the reason is required and audited with the record's (masked) content.</summary>
    public async Task DeleteAsync(string communityCode, LedgerKind kind, long id, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InputRejectedException("请填写删除原因。", [new InputError(null, null, "reason", reason, "删除原因不能为空")]);
        }

        var community = await _access.WritableAsync(communityCode, cancellationToken);
        var record = await FindAsync(community.Id, kind, id, tracked: true, cancellationToken);
        if (record is LedgerPerson person && await HasDependentsAsync(community.Id, person.IdNumber, cancellationToken))
        {
            throw new DomainException("该人员还有其他台账记录（失业登记、援助记录等），请先删除这些记录。");
        }

        db.Remove(record);
        audit.Record("ledger.delete", "ledger." + kind.SheetName(), id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            LedgerAccess.RegionOf(community), before: LedgerRecordFormat.Values(record, masked: true), after: new { reason = reason.Trim() });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A record's cells in full (ID number, birth date, phone), aligned with the kind's columns: an audited action of
    /// its own (docs/reference/design.md "Personal data"), naming the columns that were shown.
    /// </summary>
    public async Task<IReadOnlyList<string>> RevealAsync(string communityCode, LedgerKind kind, long id, CancellationToken cancellationToken = default)
    {
        var community = await _access.ReadableAsync(communityCode, cancellationToken);
        var record = await FindAsync(community.Id, kind, id, tracked: false, cancellationToken);
        var number = record.PersonIdNumber ?? throw new DomainException("该记录没有身份证号。");
        var full = LedgerRecordFormat.Values(record, masked: false);
        var masked = LedgerRecordFormat.Values(record, masked: true);
        var columns = LedgerKinds.Get(kind).Columns.Where((_, i) => full[i] != masked[i]).Select(c => c.Name).ToList();
        audit.Record("ledger.reveal", "ledger." + kind.SheetName(), id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            LedgerAccess.RegionOf(community), after: new { idNumber = IdNumber.Mask(number), columns });
        await db.SaveChangesAsync(cancellationToken);
        return full;
    }

    private async Task<LedgerRecord> FindAsync(int communityId, LedgerKind kind, long id, bool tracked, CancellationToken cancellationToken)
    {
        var query = LedgerAccess.Set(db, kind);
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id && r.CommunityId == communityId, cancellationToken)
            ?? throw new NotFoundException("未找到该台账记录。");
    }

    private async Task<bool> HasDependentsAsync(int communityId, string idNumber, CancellationToken cancellationToken)
    {
        foreach (var kind in Enum.GetValues<LedgerKind>().Where(k => k is not (LedgerKind.Person or LedgerKind.Complaint or LedgerKind.Staff)))
        {
            if (await OfPerson(communityId, kind, idNumber).AnyAsync(cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private IQueryable<LedgerRecord> OfPerson(int communityId, LedgerKind kind, string idNumber)
    {
        var index = IndexOf(kind == LedgerKind.ZeroEmploymentFamily ? nameof(ZeroEmploymentFamily.HeadIdNumber) : nameof(LedgerPerson.IdNumber));
        long? value = db.PersonalData.Index(idNumber);
        return LedgerAccess.Set(db, kind).AsNoTracking()
            .Where(r => r.CommunityId == communityId && EF.Property<long?>(r, index) == value);
    }

    private IQueryable<LedgerRecord> Filtered(int communityId, LedgerKind kind, LedgerFilter filter)
    {
        var query = LedgerAccess.Set(db, kind).AsNoTracking().Where(r => r.CommunityId == communityId);
        if (LedgerRecordFormat.DateProperty(kind) is { } date)
        {
            if (filter.From is { } from)
            {
                query = query.Where(r => EF.Property<DateOnly>(r, date) >= from);
            }

            if (filter.To is { } to)
            {
                query = query.Where(r => EF.Property<DateOnly>(r, date) <= to);
            }
        }

        if (string.IsNullOrWhiteSpace(filter.Search))
        {
            return query;
        }

        var term = filter.Search.Trim();
        var named = db.Set<LedgerPerson>().Where(p => p.CommunityId == communityId && p.Name.Contains(term))
            .Select(p => EF.Property<long?>(p, LedgerMapping.IdIndex));
        var property = kind switch
        {
            LedgerKind.Complaint => null,
            LedgerKind.ZeroEmploymentFamily => nameof(ZeroEmploymentFamily.HeadIdNumber),
            _ => nameof(LedgerPerson.IdNumber),
        };
        if (property is not null && filter.IdNumber is { } whole)
        {
            // Never a prefix of an ID number: the whole number matches its blind index, or no ID does.
            long? index = db.PersonalData.Index(whole);
            return query.Where(r => EF.Property<long?>(r, IndexOf(property)) == index);
        }

        return kind switch
        {
            LedgerKind.Complaint => query.Where(r => EF.Property<string>(r, nameof(Complaint.Subject)).Contains(term)),
            LedgerKind.Staff => query.Where(r => EF.Property<string>(r, nameof(StaffMember.Name)).Contains(term)),
            LedgerKind.ZeroEmploymentFamily => query.Where(r => EF.Property<string>(r, nameof(ZeroEmploymentFamily.FamilyNumber)).StartsWith(term)
                || named.Contains(EF.Property<long?>(r, IndexOf(nameof(ZeroEmploymentFamily.HeadIdNumber))))),
            _ => query.Where(r => named.Contains(EF.Property<long?>(r, LedgerMapping.IdIndex))),
        };
    }

    private static string IndexOf(string idProperty) => idProperty + PersonalDataMapping.IndexSuffix;

    private static IQueryable<LedgerRecord> Sorted(IQueryable<LedgerRecord> query, LedgerKind kind, LedgerFilter filter)
    {
        var date = LedgerRecordFormat.DateProperty(kind);
        return (filter.Sort, filter.Descending, date) switch
        {
            (LedgerSort.Date, false, { } d) => query.OrderBy(r => EF.Property<DateOnly>(r, d)).ThenBy(r => r.Id),
            (LedgerSort.Date, true, { } d) => query.OrderByDescending(r => EF.Property<DateOnly>(r, d)).ThenByDescending(r => r.Id),
            (LedgerSort.Date, false, null) => query.OrderBy(r => EF.Property<string>(r, nameof(LedgerPerson.Name))).ThenBy(r => r.Id),
            (LedgerSort.Date, true, null) => query.OrderByDescending(r => EF.Property<string>(r, nameof(LedgerPerson.Name))).ThenBy(r => r.Id),
            (LedgerSort.Created, false, _) => query.OrderBy(r => r.Id),
            (LedgerSort.Created, true, _) => query.OrderByDescending(r => r.Id),
            (_, false, _) => query.OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id),
            _ => query.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id),
        };
    }

    private async Task<List<LedgerRowView>> ViewsAsync(int communityId, IReadOnlyList<LedgerRecord> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.PersonIdNumber).OfType<string>().Distinct().Select(id => (long?)db.PersonalData.Index(id)).ToList();
        var names = ids.Count == 0 ? [] : await db.Set<LedgerPerson>().AsNoTracking()
            .Where(p => p.CommunityId == communityId && ids.Contains(EF.Property<long?>(p, LedgerMapping.IdIndex)))
            .ToDictionaryAsync(p => p.IdNumber, p => p.Name, cancellationToken);
        return [.. rows.Select(r => new LedgerRowView(r.Id, r.Kind, LedgerRecordFormat.Values(r, masked: true), r.IsComplete(), r.CreatedAt,
            r.UpdatedAt, r.PersonIdNumber is { } id ? names.GetValueOrDefault(id) : null))];
    }

    private static string Summary(LedgerRecord record)
    {
        var definition = LedgerKinds.Get(record.Kind);
        var values = LedgerRecordFormat.Values(record, masked: true);
        return string.Join("；", definition.Columns.Select((c, i) => (c, v: values[i]))
            .Where(x => x.c.Type is not (LedgerValueType.IdNumber or LedgerValueType.PersonReference) && x.v.Length > 0)
            .Select(x => $"{x.c.Name}：{x.v}"));
    }
}
