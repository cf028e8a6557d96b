using System.Text;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Ledgers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FullEmployment.Application.Ledgers.Data;

/// <summary>
/// Shared mapping of the ten ledger kinds: snake_case table and column names, because the bulk
/// writers address them in raw SQL on both providers; a unique index per docs/reference/ledger.md natural key.
/// </summary>
internal static class LedgerMapping
{
    public const int IdLength = 18;

    /// <summary>The blind index of IdNumber: what natural keys, lookups and joins use (ADR 0016).</summary>
    public const string IdIndex = "IdNumber" + PersonalDataMapping.IndexSuffix;
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
            // Sealed personal data and its index and legacy columns are named by PersonalDataMapping.
            if (property.FindAnnotation(RelationalAnnotationNames.ColumnName) is null)
            {
                property.SetColumnName(Snake(property.Name));
            }
        }
    }

    /// <summary>An ID number column, sealed, with its blind index (ADR 0016).</summary>
    public static void SealedId<T>(EntityTypeBuilder<T> b, string property)
        where T : class =>
        PersonalDataMapping.Sealed(b, property, Snake(property), IdLength, indexed: true);

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
        LedgerMapping.SealedId(b, nameof(LedgerPerson.IdNumber));
        b.Property(r => r.Name).HasMaxLength(LedgerMapping.NameLength);
        PersonalDataMapping.Sealed(b, nameof(LedgerPerson.Phone), "phone", 30, indexed: false);
        b.Property(r => r.FamilyNumber).HasMaxLength(LedgerMapping.NameLength);
        b.Property(r => r.RelationToHead).HasMaxLength(LedgerMapping.NameLength);
        b.Property(r => r.HouseholdType).HasMaxLength(LedgerMapping.NameLength);
        b.Property(r => r.Address).HasMaxLength(200);
        b.HasIndex(nameof(LedgerRecord.CommunityId), LedgerMapping.IdIndex).IsUnique();
        // A16 check 1: the same ID number across communities.
        b.HasIndex(LedgerMapping.IdIndex);
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
        LedgerMapping.SealedId(b, nameof(UnemploymentRegistration.IdNumber));
        b.Property(r => r.Reason).HasMaxLength(LedgerMapping.ShortText);
        b.HasIndex(nameof(LedgerRecord.CommunityId), LedgerMapping.IdIndex, nameof(UnemploymentRegistration.RegisteredOn)).IsUnique();
        // A16 check 1: deaths and departures of persons found in several communities.
        b.HasIndex(LedgerMapping.IdIndex, nameof(UnemploymentRegistration.DeregistrationReason));
        LedgerMapping.Columns(b);
    }
}

internal sealed class EmploymentRecordConfiguration : IEntityTypeConfiguration<EmploymentRecord>
{
    public void Configure(EntityTypeBuilder<EmploymentRecord> b)
    {
        LedgerMapping.Common(b, "ledger_employments");
        LedgerMapping.SealedId(b, nameof(EmploymentRecord.IdNumber));
        b.Property(r => r.Employer).HasMaxLength(LedgerMapping.ShortText);
        b.HasIndex(nameof(LedgerRecord.CommunityId), LedgerMapping.IdIndex, nameof(EmploymentRecord.EmployedOn)).IsUnique();
        LedgerMapping.Columns(b);
    }
}

internal sealed class DifficultyIdentificationConfiguration : IEntityTypeConfiguration<DifficultyIdentification>
{
    public void Configure(EntityTypeBuilder<DifficultyIdentification> b)
    {
        LedgerMapping.Common(b, "ledger_difficulty_identifications");
        LedgerMapping.SealedId(b, nameof(DifficultyIdentification.IdNumber));
        b.Property(r => r.Category).HasMaxLength(LedgerMapping.ShortText);
        b.HasIndex(nameof(LedgerRecord.CommunityId), LedgerMapping.IdIndex, nameof(DifficultyIdentification.IdentifiedOn)).IsUnique();
        b.HasIndex(LedgerMapping.IdIndex, nameof(DifficultyIdentification.EndReason));
        LedgerMapping.Columns(b);
    }
}

internal sealed class ZeroEmploymentFamilyConfiguration : IEntityTypeConfiguration<ZeroEmploymentFamily>
{
    public void Configure(EntityTypeBuilder<ZeroEmploymentFamily> b)
    {
        LedgerMapping.Common(b, "ledger_zero_employment_families");
        b.Property(r => r.FamilyNumber).HasMaxLength(LedgerMapping.NameLength);
        LedgerMapping.SealedId(b, nameof(ZeroEmploymentFamily.HeadIdNumber));
        b.HasIndex(r => new { r.CommunityId, r.FamilyNumber, r.IdentifiedOn }).IsUnique();
        LedgerMapping.Columns(b);
    }
}

internal sealed class AssistanceConfiguration : IEntityTypeConfiguration<Assistance>
{
    public void Configure(EntityTypeBuilder<Assistance> b)
    {
        LedgerMapping.Common(b, "ledger_assistances");
        LedgerMapping.SealedId(b, nameof(Assistance.IdNumber));
        b.Property(r => r.Content).HasMaxLength(LedgerMapping.LongText);
        b.Property(r => r.Handler).HasMaxLength(LedgerMapping.NameLength);
        b.Property(r => r.SystemRecordNumber).HasMaxLength(LedgerMapping.NameLength);
        b.HasIndex(nameof(LedgerRecord.CommunityId), LedgerMapping.IdIndex, nameof(Assistance.AssistedOn), nameof(Assistance.AssistanceKind)).IsUnique();
        LedgerMapping.Columns(b);
    }
}

internal sealed class TrainingReferralConfiguration : IEntityTypeConfiguration<TrainingReferral>
{
    public void Configure(EntityTypeBuilder<TrainingReferral> b)
    {
        LedgerMapping.Common(b, "ledger_training_referrals");
        LedgerMapping.SealedId(b, nameof(TrainingReferral.IdNumber));
        b.Property(r => r.Programme).HasMaxLength(LedgerMapping.ShortText);
        b.Property(r => r.Provider).HasMaxLength(LedgerMapping.ShortText);
        b.HasIndex(nameof(LedgerRecord.CommunityId), LedgerMapping.IdIndex, nameof(TrainingReferral.ReferredOn)).IsUnique();
        LedgerMapping.Columns(b);
    }
}

internal sealed class EmploymentWishRegistrationConfiguration : IEntityTypeConfiguration<EmploymentWishRegistration>
{
    public void Configure(EntityTypeBuilder<EmploymentWishRegistration> b)
    {
        LedgerMapping.Common(b, "ledger_employment_wishes");
        LedgerMapping.SealedId(b, nameof(EmploymentWishRegistration.IdNumber));
        b.Property(r => r.Intention).HasMaxLength(LedgerMapping.ShortText);
        b.HasIndex(nameof(LedgerRecord.CommunityId), LedgerMapping.IdIndex, nameof(EmploymentWishRegistration.RegisteredOn)).IsUnique();
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
        LedgerMapping.SealedId(b, nameof(StaffMember.IdNumber));
        b.HasIndex(r => new { r.CommunityId, r.Name, r.StartedOn }).IsUnique();
        LedgerMapping.Columns(b);
    }
}
