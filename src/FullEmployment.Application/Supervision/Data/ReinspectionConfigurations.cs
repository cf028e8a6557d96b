using FullEmployment.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FullEmployment.Application.Supervision.Data;

internal sealed class ReinspectionRoundConfiguration : IEntityTypeConfiguration<ReinspectionRound>
{
    public void Configure(EntityTypeBuilder<ReinspectionRound> b)
    {
        b.ToTable("reinspection_rounds");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasIndex(r => r.Year).IsUnique();
        b.Property(r => r.TemplateVersion).HasMaxLength(40);
        b.Property(r => r.OpenedBy).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.Name);
        b.Ignore(r => r.AssessmentPeriod);
    }
}

internal sealed class ReinspectionRecordConfiguration : IEntityTypeConfiguration<ReinspectionRecord>
{
    public void Configure(EntityTypeBuilder<ReinspectionRecord> b)
    {
        b.ToTable("reinspection_records");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasOne<ReinspectionRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Communities.Community>().WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.RoundId, r.TitleId }).IsUnique();
        b.HasIndex(r => new { r.RoundId, r.CityCode, r.State });
        b.Property(r => r.TemplateVersion).HasMaxLength(40);
        b.Property(r => r.CommunityCode).HasMaxLength(12);
        b.HasIndex(r => r.CommunityCode);
        b.Property(r => r.CommunityName).HasMaxLength(100);
        b.Property(r => r.CityCode).HasMaxLength(6);
        b.Property(r => r.CountyCode).HasMaxLength(6);
        b.Property(r => r.TitleLevel).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.TitleDocumentNumber).HasMaxLength(100);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Result).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.SelfAssessment).HasMaxLength(4000);
        b.Property(r => r.ResultBy).HasMaxLength(100);
        b.Property(r => r.VisitMethod).HasMaxLength(200);
        b.Property(r => r.Findings).HasMaxLength(4000);
        b.Property(r => r.RectificationAnswer).HasMaxLength(4000);
        b.Property(r => r.RecheckRemark).HasMaxLength(2000);
        b.Property(r => r.ReviewRemark).HasMaxLength(2000);
        b.Property(r => r.ReviewedBy).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.ScoreSheet);
        b.Ignore(r => r.ReviewedByCity);
        b.Ignore(r => r.IsDone);
        b.PrimitiveCollection(r => r.Inspectors).HasField("_inspectors").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.PrimitiveCollection(r => r.RequiredItems).HasField("_requiredItems").UsePropertyAccessMode(PropertyAccessMode.Field);
        // A9: the city's sheet lives with the campaign sheets (score_sheets), keyed to the record.
        b.HasMany(r => r.ScoreSheets).WithOne().HasForeignKey("ReinspectionRecordId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.ScoreSheets).HasField("_scoreSheets").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
