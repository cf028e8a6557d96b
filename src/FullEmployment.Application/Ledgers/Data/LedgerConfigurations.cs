using System.Text;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Ledgers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FullEmployment.Application.Ledgers.Data;

/// <summary>
/// Shared mapping of the ten ledger kinds: snake_case table and column names, because the bulk
/// writers address them in raw SQL on both providers; a unique index per docs/reference/ledger.md natural key.
/// </summary>
internal static class LedgerMapping
{
    public const int IdLength = 18;
    public const int NameLength = 50;
    public const int ShortText = 100;
    public const int LongText = 500;

    public static void Common<T>(EntityTypeBuilder<T> b, string table)
        where T : LedgerRecord
    {
        b.ToTable(table);
        b.HasKey(r => r.Id);
        b.HasOne<Community>().WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Cascade);
    }

    /// <summary>Column names are fixed after the properties are configured; call last.</summary>
    public static void Columns<T>(EntityTypeBuilder<T> b)
        where T : class
    {
        foreach (var property in b.Metadata.GetProperties())
        {
            property.SetColumnName(Snake(property.Name));
        }
    }

    public static string Snake(string name)
    {
        var s = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                s.Append('_');
            }

            s.Append(char.ToLowerInvariant(name[i]));
        }

        return s.ToString();
    }
}

internal sealed class LedgerPersonConfiguration : IEntityTypeConfiguration<LedgerPerson>
{
    public void Configure(EntityTypeBuilder<LedgerPerson> b)
    {
        LedgerMapping.Common(b, "ledger_persons");
        b.Property(r => r.IdNumber).HasMaxLength(LedgerMapping.IdLength);
        b.Property(r => r.Name).HasMaxLength(LedgerMapping.NameLength);
        b.Property(r => r.Phone).HasMaxLength(30);
        b.Property(r => r.FamilyNumber).HasMaxLength(LedgerMapping.NameLength);
        b.Property(r => r.RelationToHead).HasMaxLength(LedgerMapping.NameLength);
        b.Property(r => r.HouseholdType).HasMaxLength(LedgerMapping.NameLength);
        b.Property(r => r.Address).HasMaxLength(200);
        b.HasIndex(r => new { r.CommunityId, r.IdNumber }).IsUnique();
        // A16 check 1: the same ID number across communities.
        b.HasIndex(r => r.IdNumber);
        // No (community_id, name) index: sorting one community's persons by name costs little, and the index
        // was a third random-order B-tree every imported person was written into (a third of a large import's time).
        LedgerMapping.Columns(b);
    }
}

internal sealed class UnemploymentRegistrationConfiguration : IEntityTypeConfiguration<UnemploymentRegistration>
{
    public void Configure(EntityTypeBuilder<UnemploymentRegistration> b)
    {
        LedgerMapping.Common(b, "ledger_unemployment_registrations");
        b.Property(r => r.IdNumber).HasMaxLength(LedgerMapping.IdLength);
        b.Property(r => r.Reason).HasMaxLength(LedgerMapping.ShortText);
        b.HasIndex(r => new { r.CommunityId, r.IdNumber, r.RegisteredOn }).IsUnique();
        // A16 check 1: deaths and departures of persons found in several communities.
        b.HasIndex(r => new { r.IdNumber, r.DeregistrationReason });
        LedgerMapping.Columns(b);
    }
}

internal sealed class EmploymentRecordConfiguration : IEntityTypeConfiguration<EmploymentRecord>
{
    public void Configure(EntityTypeBuilder<EmploymentRecord> b)
    {
        LedgerMapping.Common(b, "ledger_employments");
        b.Property(r => r.IdNumber).HasMaxLength(LedgerMapping.IdLength);
        b.Property(r => r.Employer).HasMaxLength(LedgerMapping.ShortText);
        b.HasIndex(r => new { r.CommunityId, r.IdNumber, r.EmployedOn }).IsUnique();
        LedgerMapping.Columns(b);
    }
}

internal sealed class DifficultyIdentificationConfiguration : IEntityTypeConfiguration<DifficultyIdentification>
{
    public void Configure(EntityTypeBuilder<DifficultyIdentification> b)
    {
        LedgerMapping.Common(b, "ledger_difficulty_identifications");
        b.Property(r => r.IdNumber).HasMaxLength(LedgerMapping.IdLength);
        b.Property(r => r.Category).HasMaxLength(LedgerMapping.ShortText);
        b.HasIndex(r => new { r.CommunityId, r.IdNumber, r.IdentifiedOn }).IsUnique();
        b.HasIndex(r => new { r.IdNumber, r.EndReason });
        LedgerMapping.Columns(b);
    }
}

internal sealed class ZeroEmploymentFamilyConfiguration : IEntityTypeConfiguration<ZeroEmploymentFamily>
{
    public void Configure(EntityTypeBuilder<ZeroEmploymentFamily> b)
    {
        LedgerMapping.Common(b, "ledger_zero_employment_families");
        b.Property(r => r.FamilyNumber).HasMaxLength(LedgerMapping.NameLength);
        b.Property(r => r.HeadIdNumber).HasMaxLength(LedgerMapping.IdLength);
        b.HasIndex(r => new { r.CommunityId, r.FamilyNumber, r.IdentifiedOn }).IsUnique();
        LedgerMapping.Columns(b);
    }
}

internal sealed class AssistanceConfiguration : IEntityTypeConfiguration<Assistance>
{
    public void Configure(EntityTypeBuilder<Assistance> b)
    {
        LedgerMapping.Common(b, "ledger_assistances");
        b.Property(r => r.IdNumber).HasMaxLength(LedgerMapping.IdLength);
        b.Property(r => r.Content).HasMaxLength(LedgerMapping.LongText);
        b.Property(r => r.Handler).HasMaxLength(LedgerMapping.NameLength);
        b.Property(r => r.SystemRecordNumber).HasMaxLength(LedgerMapping.NameLength);
        b.HasIndex(r => new { r.CommunityId, r.IdNumber, r.AssistedOn, r.AssistanceKind }).IsUnique();
        LedgerMapping.Columns(b);
    }
}

internal sealed class TrainingReferralConfiguration : IEntityTypeConfiguration<TrainingReferral>
{
    public void Configure(EntityTypeBuilder<TrainingReferral> b)
    {
        LedgerMapping.Common(b, "ledger_training_referrals");
        b.Property(r => r.IdNumber).HasMaxLength(LedgerMapping.IdLength);
        b.Property(r => r.Programme).HasMaxLength(LedgerMapping.ShortText);
        b.Property(r => r.Provider).HasMaxLength(LedgerMapping.ShortText);
        b.HasIndex(r => new { r.CommunityId, r.IdNumber, r.ReferredOn }).IsUnique();
        LedgerMapping.Columns(b);
    }
}

internal sealed class EmploymentWishRegistrationConfiguration : IEntityTypeConfiguration<EmploymentWishRegistration>
{
    public void Configure(EntityTypeBuilder<EmploymentWishRegistration> b)
    {
        LedgerMapping.Common(b, "ledger_employment_wishes");
        b.Property(r => r.IdNumber).HasMaxLength(LedgerMapping.IdLength);
        b.Property(r => r.Intention).HasMaxLength(LedgerMapping.ShortText);
        b.HasIndex(r => new { r.CommunityId, r.IdNumber, r.RegisteredOn }).IsUnique();
        LedgerMapping.Columns(b);
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        LedgerMapping.Common(b, "ledger_complaints");
        b.Property(r => r.Subject).HasMaxLength(200);
        b.Property(r => r.Resolution).HasMaxLength(LedgerMapping.LongText);
        b.HasIndex(r => new { r.CommunityId, r.ComplainedOn, r.Subject }).IsUnique();
        LedgerMapping.Columns(b);
    }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> b)
    {
        LedgerMapping.Common(b, "ledger_staff");
        b.Property(r => r.Name).HasMaxLength(LedgerMapping.NameLength);
        b.Property(r => r.IdNumber).HasMaxLength(LedgerMapping.IdLength);
        b.HasIndex(r => new { r.CommunityId, r.Name, r.StartedOn }).IsUnique();
        LedgerMapping.Columns(b);
    }
}
