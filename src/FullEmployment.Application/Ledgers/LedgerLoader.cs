using System.Data.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers.Data;
using FullEmployment.Domain.Ledgers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FullEmployment.Application.Ledgers;

/// <summary>
/// Loads ledgers into <see cref="CommunityLedger"/> snapshots: one query per kind, never one per person,
/// read with a plain data reader (<see cref="LedgerRowReader"/>) rather than EF materialisation.
/// </summary>
internal static class LedgerLoader
{
    public static async Task<CommunityLedger> LoadAsync(AppDbContext db, int communityId, CancellationToken cancellationToken)
    {
        var records = new Dictionary<LedgerKind, List<LedgerRecord>>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            foreach (var kind in Enum.GetValues<LedgerKind>())
            {
                var rows = LedgerRowReader.For(db.Model, kind);
                await using var command = connection.CreateCommand();
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                command.CommandText = rows.Select + " WHERE community_id = @community";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@community";
                parameter.Value = communityId;
                command.Parameters.Add(parameter);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                records[kind] = await ReadAllAsync(rows, reader, cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return ToLedger(communityId, records);
    }

    internal static CommunityLedger ToLedger(int communityId, Dictionary<LedgerKind, List<LedgerRecord>> records)
    {
        List<T> Of<T>(LedgerKind kind) => records.TryGetValue(kind, out var list) ? list.ConvertAll(r => (T)(object)r) : [];
        return new CommunityLedger
        {
            CommunityId = communityId,
            Persons = Of<LedgerPerson>(LedgerKind.Person),
            UnemploymentRegistrations = Of<UnemploymentRegistration>(LedgerKind.UnemploymentRegistration),
            Employments = Of<EmploymentRecord>(LedgerKind.Employment),
            DifficultyIdentifications = Of<DifficultyIdentification>(LedgerKind.DifficultyIdentification),
            ZeroEmploymentFamilies = Of<ZeroEmploymentFamily>(LedgerKind.ZeroEmploymentFamily),
            Assistances = Of<Assistance>(LedgerKind.Assistance),
            TrainingReferrals = Of<TrainingReferral>(LedgerKind.TrainingReferral),
            EmploymentWishRegistrations = Of<EmploymentWishRegistration>(LedgerKind.EmploymentWishRegistration),
            Complaints = Of<Complaint>(LedgerKind.Complaint),
            Staff = Of<StaffMember>(LedgerKind.Staff),
        };
    }

    private static async Task<List<LedgerRecord>> ReadAllAsync(LedgerRowReader rows, DbDataReader reader, CancellationToken cancellationToken)
    {
        var list = new List<LedgerRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(rows.Read(reader));
        }

        return list;
    }
}
