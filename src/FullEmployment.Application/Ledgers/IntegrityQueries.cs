using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Ledgers;

/// <summary>An ID number active in the ledgers of several communities at once (A16 check 1), ID masked.</summary>
public sealed record DuplicatePerson(string MaskedIdNumber, IReadOnlyList<string> CommunityCodes);

/// <summary>The A16 checks (docs/reference/indicators.md) on stored ledgers; findings are flags for a reviewer, not verdicts.</summary>
public sealed class IntegrityQueries(AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>ID numbers are compared by their blind index: the sealed values differ even for equal numbers (ADR 0016).</summary>
    private const string IdIndex = LedgerMapping.IdIndex;

    private readonly LedgerAccess _access = new(db, audit.Actor);

    public IntegrityChecker Checker { get; init; } = new();

    /// <summary>
    /// All six checks for one community. Checks 3 and 4 need <paramref name="submittedAt"/>; the period
    /// defaults to the twelve months before <paramref name="referenceDate"/> (default today).
    /// </summary>
    public async Task<IReadOnlyList<IntegrityFinding>> CheckAsync(string communityCode, DateOnly? referenceDate = null,
        AssessmentPeriod? period = null, DateTimeOffset? submittedAt = null, CancellationToken cancellationToken = default)
    {
        var community = await _access.ReadableAsync(communityCode, cancellationToken);
        var on = referenceDate ?? ChinaTime.Today(clock);
        var ledger = await LedgerLoader.LoadAsync(db, community.Id, cancellationToken);

        // Check 1 as one set-based query on the blind index: this community's active persons who are active elsewhere too.
        var own = Active(on).Where(p => p.CommunityId == community.Id).Select(p => EF.Property<long?>(p, IdIndex));
        var elsewhere = (await Active(on).Where(p => p.CommunityId != community.Id && own.Contains(EF.Property<long?>(p, IdIndex)))
                .Select(p => new { Index = EF.Property<long?>(p, IdIndex), p.CommunityId }).ToListAsync(cancellationToken))
            .ToLookup(p => p.Index, p => p.CommunityId);
        var keys = db.PersonalData;

        return Checker.Check(ledger, new IntegrityContext
        {
            Period = period ?? AssessmentPeriod.DefaultFor(on),
            ReferenceDate = on,
            SubmittedAt = submittedAt,
            ActiveElsewhere = id => [.. elsewhere[keys.Index(id)]],
        });
    }

    /// <summary>
    /// Check 1 across the province (or the caller's region): GROUP BY id_number HAVING more than one
    /// community, over active persons, in one query.
    /// </summary>
    public async Task<IReadOnlyList<DuplicatePerson>> DuplicatesAsync(DateOnly? referenceDate = null, CancellationToken cancellationToken = default)
    {
        audit.Actor.EnsureRole(Roles.ProvinceOfficer, Roles.CityOfficer, Roles.CountyOfficer);
        var on = referenceDate ?? ChinaTime.Today(clock);
        var duplicated = Active(on).GroupBy(p => EF.Property<long?>(p, IdIndex))
            .Where(g => g.Select(p => p.CommunityId).Distinct().Count() > 1)
            .Select(g => g.Key);
        var visible = db.Communities.WithinScope(audit.Actor);
        // The sealed number comes along to be masked for display; grouping is by the index.
        var rows = await Active(on).Where(p => duplicated.Contains(EF.Property<long?>(p, IdIndex)))
            .Join(db.Communities, p => p.CommunityId, c => c.Id, (p, c) => new { Index = EF.Property<long?>(p, IdIndex), p.IdNumber, c.Code, c.Id })
            .ToListAsync(cancellationToken);
        var mine = (await visible.Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        return [.. rows.GroupBy(r => r.Index)
            .Where(g => g.Any(r => mine.Contains(r.Id)))
            .Select(g => (IdNumber: g.First().IdNumber, Codes: g.Select(r => r.Code).Order(StringComparer.Ordinal).ToList()))
            .OrderBy(g => g.IdNumber, StringComparer.Ordinal)
            .Select(g => new DuplicatePerson(IdNumber.Mask(g.IdNumber), g.Codes))];
    }

    /// <summary>
    /// Persons "active" in a ledger (IntegrityChecker.ActiveIdNumbers, in SQL): not dead or moved away
    /// by a deregistration or a difficulty exit dated on or before <paramref name="on"/>.
    /// </summary>
    private IQueryable<LedgerPerson> Active(DateOnly on) =>
        db.Set<LedgerPerson>().AsNoTracking().Where(p =>
            !db.Set<UnemploymentRegistration>().Any(r => r.CommunityId == p.CommunityId && EF.Property<long?>(r, IdIndex) == EF.Property<long?>(p, IdIndex)
                && r.DeregisteredOn <= on
                && (r.DeregistrationReason == LeaveReason.Deceased || r.DeregistrationReason == LeaveReason.MovedAway))
            && !db.Set<DifficultyIdentification>().Any(d => d.CommunityId == p.CommunityId && EF.Property<long?>(d, IdIndex) == EF.Property<long?>(p, IdIndex)
                && d.EndedOn <= on
                && (d.EndReason == LeaveReason.Deceased || d.EndReason == LeaveReason.MovedAway)));
}
