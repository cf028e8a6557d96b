using FullEmployment.Application.Audit;
using FullEmployment.Application.Identity;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FullEmployment.Application.Data;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.ToTable("regions");
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(6);
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.ParentCode).HasMaxLength(6);
        b.HasIndex(r => r.ParentCode);
    }
}

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> b)
    {
        b.ToTable("communities");
        b.HasKey(c => c.Id);
        b.Property(c => c.Code).HasMaxLength(12);
        b.HasIndex(c => c.Code).IsUnique();
        b.Property(c => c.Name).HasMaxLength(100);
        b.HasIndex(c => c.Name);
        b.Property(c => c.CityCode).HasMaxLength(6);
        b.Property(c => c.CountyCode).HasMaxLength(6);
        b.HasIndex(c => new { c.CityCode, c.CountyCode });
        b.Property(c => c.Street).HasMaxLength(100);
        b.Property(c => c.Address).HasMaxLength(200);
        b.Property(c => c.ApprovalDocumentNumber).HasMaxLength(100);
        b.Property(c => c.CivilAffairsFilingNumber).HasMaxLength(100);
        b.Property(c => c.ContactName).HasMaxLength(50);
        PersonalDataMapping.Sealed(b, nameof(Community.ContactPhone), nameof(Community.ContactPhone), 30, indexed: false);
        b.Property(c => c.MergedIntoCode).HasMaxLength(12);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.RegionCode);
        b.Ignore(c => c.HasCivilAffairsFiling);
        b.HasMany(c => c.Titles).WithOne().HasForeignKey(t => t.CommunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.NameHistory).WithOne().HasForeignKey(n => n.CommunityId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Titles).HasField("_titles").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.NameHistory).HasField("_nameHistory").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TitleConfiguration : IEntityTypeConfiguration<Title>
{
    public void Configure(EntityTypeBuilder<Title> b)
    {
        b.ToTable("titles");
        b.HasKey(t => t.Id);
        b.Property(t => t.GrantingAuthority).HasMaxLength(100);
        b.Property(t => t.DocumentNumber).HasMaxLength(100);
        b.Property(t => t.PlaqueNumber).HasMaxLength(50);
        b.Property(t => t.ProvinceFilingNumber).HasMaxLength(100);
        b.Property(t => t.EndRemark).HasMaxLength(500);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Ignore(t => t.IsFiledWithProvince);
        b.HasIndex(t => new { t.Level, t.GrantedOn });
    }
}

internal sealed class NameChangeConfiguration : IEntityTypeConfiguration<NameChange>
{
    public void Configure(EntityTypeBuilder<NameChange> b)
    {
        b.ToTable("community_name_history");
        b.Property(n => n.OldName).HasMaxLength(100);
        b.Property(n => n.NewName).HasMaxLength(100);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_events");
        b.HasIndex(e => e.Sequence).IsUnique();
        b.HasIndex(e => e.OccurredAt);
        b.HasIndex(e => new { e.TargetType, e.TargetId });
        b.Property(e => e.UserName).HasMaxLength(AuditEvent.UserNameLength);
        b.Property(e => e.Role).HasMaxLength(AuditEvent.RoleLength);
        b.Property(e => e.Scope).HasMaxLength(AuditEvent.ScopeLength);
        b.Property(e => e.ClientIp).HasMaxLength(AuditEvent.ClientIpLength);
        b.Property(e => e.Action).HasMaxLength(AuditEvent.ActionLength);
        b.Property(e => e.TargetType).HasMaxLength(AuditEvent.TargetTypeLength);
        b.Property(e => e.TargetId).HasMaxLength(AuditEvent.TargetIdLength);
        b.Property(e => e.RegionCode).HasMaxLength(AuditEvent.RegionCodeLength);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.Property(e => e.AuditHmac).HasMaxLength(64);
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> b)
    {
        // Fixed lower-case names: AppDbContext addresses this table in raw SQL on both providers.
        b.ToTable("audit_chain_head");
        b.Property(h => h.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(h => h.LastSequence).HasColumnName("last_sequence");
        b.Property(h => h.LastHash).HasColumnName("last_hash").HasMaxLength(64);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("api_tokens");
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.Property(t => t.Prefix).HasMaxLength(12);
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SecondFactorEnrolmentConfiguration : IEntityTypeConfiguration<SecondFactorEnrolment>
{
    public void Configure(EntityTypeBuilder<SecondFactorEnrolment> b)
    {
        b.ToTable("second_factor_enrolments");
        b.HasKey(e => e.UserId);
        b.Property(e => e.ProtectedSecret).HasMaxLength(200);
        b.HasOne<AppUser>().WithOne().HasForeignKey<SecondFactorEnrolment>(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCode>
{
    public void Configure(EntityTypeBuilder<RecoveryCode> b)
    {
        b.ToTable("recovery_codes");
        b.Property(c => c.Hash).HasMaxLength(120);
        b.HasIndex(c => c.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(50);
        b.Property(u => u.Role).HasMaxLength(40);
        b.Property(u => u.ScopeCode).HasMaxLength(12);
    }
}
