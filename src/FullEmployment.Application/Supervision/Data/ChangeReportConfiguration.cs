using FullEmployment.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FullEmployment.Application.Supervision.Data;

internal sealed class ChangeReportConfiguration : IEntityTypeConfiguration<ChangeReport>
{
    public void Configure(EntityTypeBuilder<ChangeReport> b)
    {
        b.ToTable("change_reports");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Decider).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.CommunityCode).HasMaxLength(12);
        b.Property(r => r.CommunityName).HasMaxLength(100);
        b.Property(r => r.CityCode).HasMaxLength(6);
        b.Property(r => r.CountyCode).HasMaxLength(6);
        b.Property(r => r.DecisionDocumentNumber).HasMaxLength(100);
        b.Property(r => r.FiledBy).HasMaxLength(100);
        b.Property(r => r.NewName).HasMaxLength(100);
        b.Property(r => r.SuccessorCode).HasMaxLength(12);
        b.Property<string>("_predecessorCodes").HasColumnName("PredecessorCodes").HasMaxLength(400);
        b.Ignore(r => r.PredecessorCodes);
        b.Property(r => r.DecidedBy).HasMaxLength(100);
        b.Property(r => r.Reason).HasMaxLength(1000);
        b.Property(r => r.PlaqueReissueNote).HasMaxLength(300);
        b.Property(r => r.TitleDecision).HasMaxLength(1000);
        b.Property(r => r.VerificationScore).HasPrecision(5, 1);
        b.Property(r => r.VerificationIndicators).HasMaxLength(8000);
        b.Property(r => r.GrantedDocumentNumber).HasMaxLength(100);
        b.Property(r => r.GrantedPlaqueNumber).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.CommunityCode);
        b.HasIndex(r => new { r.CityCode, r.State });
        // A11.3: the verification sheet lives with the campaign and re-inspection sheets (score_sheets), keyed to the report.
        b.Ignore(r => r.VerificationSheet);
        b.HasMany(r => r.ScoreSheets).WithOne().HasForeignKey("ChangeReportId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.ScoreSheets).HasField("_scoreSheets").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
