using FullEmployment.Domain.Funds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FullEmployment.Application.Funds.Data;

internal sealed class FundSettingsConfiguration : IEntityTypeConfiguration<FundSettings>
{
    public void Configure(EntityTypeBuilder<FundSettings> b)
    {
        b.ToTable("fund_settings");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasIndex(s => s.Year).IsUnique();
        b.Property(s => s.InformationSystemCapShare).HasPrecision(5, 4);
        b.Property(s => s.UpdatedBy).HasMaxLength(100);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class FundAllocationConfiguration : IEntityTypeConfiguration<FundAllocation>
{
    public void Configure(EntityTypeBuilder<FundAllocation> b)
    {
        b.ToTable("fund_allocations");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.HasIndex(a => a.Year).IsUnique();
        b.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.CreatedBy).HasMaxLength(100);
        b.Property(a => a.ComputedBy).HasMaxLength(100);
        b.Property(a => a.ConfirmedBy).HasMaxLength(100);
        b.Property(a => a.IssuedBy).HasMaxLength(100);
        b.Property(a => a.DocumentNumber).HasMaxLength(100);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.Total);
        b.Ignore(a => a.IsOutsideMeasuresValidity);
        b.Ignore(a => a.AvailableActions);
        b.HasMany(a => a.Lines).WithOne().HasForeignKey(l => l.AllocationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class FundAllocationLineConfiguration : IEntityTypeConfiguration<FundAllocationLine>
{
    public void Configure(EntityTypeBuilder<FundAllocationLine> b)
    {
        b.ToTable("fund_allocation_lines");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.HasIndex(l => new { l.AllocationId, l.CommunityCode }).IsUnique();
        b.HasIndex(l => new { l.CommunityCode });
        b.HasIndex(l => new { l.AllocationId, l.CityCode, l.CountyCode });
        b.Property(l => l.CommunityCode).HasMaxLength(12);
        b.Property(l => l.CommunityName).HasMaxLength(100);
        b.Property(l => l.CityCode).HasMaxLength(6);
        b.Property(l => l.CountyCode).HasMaxLength(6);
        b.Property(l => l.Level).HasConversion<string>().HasMaxLength(30);
        b.Property(l => l.TitleDocumentNumber).HasMaxLength(100);
    }
}

internal sealed class FundExclusionConfiguration : IEntityTypeConfiguration<FundExclusion>
{
    public void Configure(EntityTypeBuilder<FundExclusion> b)
    {
        b.ToTable("fund_exclusions");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.HasIndex(e => e.CommunityCode);
        b.HasIndex(e => e.RecoveryId);
        b.Property(e => e.CommunityCode).HasMaxLength(12);
        b.Property(e => e.CommunityName).HasMaxLength(100);
        b.Property(e => e.CityCode).HasMaxLength(6);
        b.Property(e => e.CountyCode).HasMaxLength(6);
        b.Property(e => e.Reason).HasMaxLength(1000);
        b.Property(e => e.ImposedBy).HasMaxLength(100);
        b.Property(e => e.LiftedBy).HasMaxLength(100);
        b.Property(e => e.LiftReason).HasMaxLength(1000);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.Ignore(e => e.IsLifted);
    }
}
