using FullEmployment.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FullEmployment.Application.Supervision.Data;

internal sealed class SupportRequestConfiguration : IEntityTypeConfiguration<SupportRequest>
{
    public void Configure(EntityTypeBuilder<SupportRequest> b)
    {
        b.ToTable("support_requests");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.CommunityCode).HasMaxLength(12);
        b.Property(r => r.CommunityName).HasMaxLength(100);
        b.Property(r => r.CityCode).HasMaxLength(6);
        b.Property(r => r.CountyCode).HasMaxLength(6);
        b.Property(r => r.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Description).HasMaxLength(SupportRequest.DescriptionLength);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.RaisedBy).HasMaxLength(100);
        b.Property(r => r.Measures).HasMaxLength(SupportRequest.AnswerLength);
        b.Property(r => r.CoordinatedDepartments).HasMaxLength(SupportRequest.DepartmentsLength);
        b.Property(r => r.AnsweredBy).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.CityCode, r.CountyCode, r.State });
        b.HasIndex(r => r.CommunityCode);
        b.HasMany(r => r.History).WithOne().HasForeignKey("SupportRequestId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SupportRequestHistoryConfiguration : IEntityTypeConfiguration<SupportRequestHistoryEntry>
{
    public void Configure(EntityTypeBuilder<SupportRequestHistoryEntry> b)
    {
        b.ToTable("support_request_history");
        b.HasKey(h => h.Id);
        b.Property(h => h.Actor).HasMaxLength(100);
        b.Property(h => h.Action).HasConversion<string>().HasMaxLength(30);
        b.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.Text).HasMaxLength(SupportRequest.AnswerLength);
    }
}
