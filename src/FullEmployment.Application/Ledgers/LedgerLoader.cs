using FullEmployment.Application.Data;
using FullEmployment.Domain.Ledgers;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Ledgers;

/// <summary>Loads ledgers into <see cref="CommunityLedger"/> snapshots: one no-tracking query per kind, never one per person.</summary>
internal static class LedgerLoader
{
    public static async Task<CommunityLedger> LoadAsync(AppDbContext db, int communityId, CancellationToken cancellationToken)
    {
        var ledgers = await LoadManyAsync(db, [communityId], cancellationToken);
        return ledgers[communityId];
    }

    /// <summary>The ledgers of several communities with one query per kind (region roll-up batches).</summary>
    public static async Task<Dictionary<int, CommunityLedger>> LoadManyAsync(AppDbContext db, IReadOnlyList<int> communityIds,
        CancellationToken cancellationToken)
    {
        var ids = communityIds.ToList();
        var persons = await Rows<LedgerPerson>(db, ids, cancellationToken);
        var registrations = await Rows<UnemploymentRegistration>(db, ids, cancellationToken);
        var employments = await Rows<EmploymentRecord>(db, ids, cancellationToken);
        var difficulty = await Rows<DifficultyIdentification>(db, ids, cancellationToken);
        var families = await Rows<ZeroEmploymentFamily>(db, ids, cancellationToken);
        var assistances = await Rows<Assistance>(db, ids, cancellationToken);
        var referrals = await Rows<TrainingReferral>(db, ids, cancellationToken);
        var wishes = await Rows<EmploymentWishRegistration>(db, ids, cancellationToken);
        var complaints = await Rows<Complaint>(db, ids, cancellationToken);
        var staff = await Rows<StaffMember>(db, ids, cancellationToken);
        return ids.ToDictionary(id => id, id => new CommunityLedger
        {
            CommunityId = id,
            Persons = Of(persons, id),
            UnemploymentRegistrations = Of(registrations, id),
            Employments = Of(employments, id),
            DifficultyIdentifications = Of(difficulty, id),
            ZeroEmploymentFamilies = Of(families, id),
            Assistances = Of(assistances, id),
            TrainingReferrals = Of(referrals, id),
            EmploymentWishRegistrations = Of(wishes, id),
            Complaints = Of(complaints, id),
            Staff = Of(staff, id),
        });
    }

    private static async Task<ILookup<int, T>> Rows<T>(AppDbContext db, List<int> ids, CancellationToken cancellationToken)
        where T : LedgerRecord
    {
        var query = db.Set<T>().AsNoTracking();
        query = ids.Count == 1 ? query.Where(r => r.CommunityId == ids[0]) : query.Where(r => ids.Contains(r.CommunityId));
        return (await query.ToListAsync(cancellationToken)).ToLookup(r => r.CommunityId);
    }

    private static List<T> Of<T>(ILookup<int, T> rows, int communityId) => [.. rows[communityId]];
}
