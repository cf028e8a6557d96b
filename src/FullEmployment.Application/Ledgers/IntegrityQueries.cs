using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
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

        // Check 1 as one set-based query: this community's active persons who are active elsewhere too.
        var own = Active(on).Where(p => p.CommunityId == community.Id).Select(p => p.IdNumber);
        var elsewhere = (await Active(on).Where(p => p.CommunityId != community.Id && own.Contains(p.IdNumber))
                .Select(p => new { p.IdNumber, p.CommunityId }).ToListAsync(cancellationToken))
            .ToLookup(p => p.IdNumber, p => p.CommunityId, StringComparer.Ordinal);

        return Checker.Check(ledger, new IntegrityContext
        {
            Period = period ?? AssessmentPeriod.DefaultFor(on),
            ReferenceDate = on,
            SubmittedAt = submittedAt,
            ActiveElsewhere = id => [.. elsewhere[id]],
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
        var duplicated = Active(on).GroupBy(p => p.IdNumber)
            .Where(g => g.Select(p => p.CommunityId).Distinct().Count() > 1)
            .Select(g => g.Key);
        var visible = db.Communities.WithinScope(audit.Actor);
        var rows = await Active(on).Where(p => duplicated.Contains(p.IdNumber))
            .Join(db.Communities, p => p.CommunityId, c => c.Id, (p, c) => new { p.IdNumber, c.Code, c.Id })
            .ToListAsync(cancellationToken);
        var mine = (await visible.Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        return [.. rows.GroupBy(r => r.IdNumber)
            .Where(g => g.Any(r => mine.Contains(r.Id)))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DuplicatePerson(IdNumber.Mask(g.Key), [.. g.Select(r => r.Code).Order(StringComparer.Ordinal)]))];
    }

    /// <summary>
    /// Persons "active" in a ledger (IntegrityChecker.ActiveIdNumbers, in SQL): not dead or moved away
    /// by a deregistration or a difficulty exit dated on or before <paramref name="on"/>.
    /// </summary>
    private IQueryable<LedgerPerson> Active(DateOnly on) =>
        db.Set<LedgerPerson>().AsNoTracking().Where(p =>
            !db.Set<UnemploymentRegistration>().Any(r => r.CommunityId == p.CommunityId && r.IdNumber == p.IdNumber
                && r.DeregisteredOn <= on
                && (r.DeregistrationReason == LeaveReason.Deceased || r.DeregistrationReason == LeaveReason.MovedAway))
            && !db.Set<DifficultyIdentification>().Any(d => d.CommunityId == p.CommunityId && d.IdNumber == p.IdNumber
                && d.EndedOn <= on
                && (d.EndReason == LeaveReason.Deceased || d.EndReason == LeaveReason.MovedAway)));
}
