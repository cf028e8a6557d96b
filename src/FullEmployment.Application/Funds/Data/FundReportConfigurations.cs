using FullEmployment.Domain.Funds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FullEmployment.Application.Funds.Data;

internal sealed class FundReportConfiguration : IEntityTypeConfiguration<FundReport>
{
    public void Configure(EntityTypeBuilder<FundReport> b)
    {
        b.ToTable("fund_reports");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasIndex(r => new { r.CommunityCode, r.Year }).IsUnique();
        b.HasIndex(r => new { r.Year, r.CityCode, r.CountyCode });
        b.Property(r => r.CommunityCode).HasMaxLength(12);
        b.Property(r => r.CommunityName).HasMaxLength(100);
        b.Property(r => r.CityCode).HasMaxLength(6);
        b.Property(r => r.CountyCode).HasMaxLength(6);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.CarriedOverReason).HasMaxLength(FundReport.ReasonLength);
        b.Property(r => r.ReturnRemarks).HasMaxLength(FundReport.RemarksLength);
        b.Property(r => r.CreatedBy).HasMaxLength(100);
        b.Property(r => r.SubmittedBy).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.Spent);
        b.Ignore(r => r.DecidedRecovery);
        b.Ignore(r => r.ProposedRecovery);
        b.Ignore(r => r.IsSubmitted);
        b.Ignore(r => r.CurrentStage);
        b.Ignore(r => r.HasCountyStage);
        b.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(r => r.SignOffs).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.SignOffs).HasField("_signOffs").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(r => r.Recoveries).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Recoveries).HasField("_recoveries").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(r => r.Accountability).WithOne().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Accountability).HasField("_accountability").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class FundReportLineConfiguration : IEntityTypeConfiguration<FundReportLine>
{
    public void Configure(EntityTypeBuilder<FundReportLine> b)
    {
        b.ToTable("fund_report_lines");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.HasIndex(l => new { l.ReportId, l.Position });
        b.Property(l => l.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(l => l.Description).HasMaxLength(FundReportLine.DescriptionLength);
        b.Property(l => l.Payee).HasMaxLength(FundReportLine.PayeeLength);
        b.Property(l => l.VoucherNumber).HasMaxLength(FundReportLine.VoucherLength);
    }
}

internal sealed class FundReportSignOffConfiguration : IEntityTypeConfiguration<FundReportSignOff>
{
    public void Configure(EntityTypeBuilder<FundReportSignOff> b)
    {
        b.ToTable("fund_report_sign_offs");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasIndex(s => s.ReportId);
        b.Property(s => s.Stage).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Side).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Action).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.Actor).HasMaxLength(100);
        b.Property(s => s.Remarks).HasMaxLength(FundReport.RemarksLength);
    }
}

internal sealed class RecoveryConfiguration : IEntityTypeConfiguration<Recovery>
{
    public void Configure(EntityTypeBuilder<Recovery> b)
    {
        b.ToTable("fund_recoveries");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasIndex(r => r.ReportId);
        b.Property(r => r.Stage).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.ProposedBySide).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Reason).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Findings).HasMaxLength(Recovery.FindingsLength);
        b.Property(r => r.ProposedBy).HasMaxLength(100);
        b.Property(r => r.DecidedBy).HasMaxLength(100);
        b.Property(r => r.DeclineRemark).HasMaxLength(FundReport.RemarksLength);
        b.Ignore(r => r.Refunded);
        b.Ignore(r => r.Outstanding);
        b.HasMany(r => r.Refunds).WithOne().HasForeignKey(f => f.RecoveryId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Refunds).HasField("_refunds").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RecoveryRefundConfiguration : IEntityTypeConfiguration<RecoveryRefund>
{
    public void Configure(EntityTypeBuilder<RecoveryRefund> b)
    {
        b.ToTable("fund_recovery_refunds");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasIndex(r => r.RecoveryId);
        b.Property(r => r.VoucherNumber).HasMaxLength(FundReportLine.VoucherLength);
        b.Property(r => r.RecordedBy).HasMaxLength(100);
    }
}

internal sealed class AccountabilityRecordConfiguration : IEntityTypeConfiguration<AccountabilityRecord>
{
    public void Configure(EntityTypeBuilder<AccountabilityRecord> b)
    {
        b.ToTable("fund_accountability_records");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.HasIndex(a => a.ReportId);
        b.Property(a => a.SubjectKind).HasConversion<string>().HasMaxLength(10);
        b.Property(a => a.Subject).HasMaxLength(AccountabilityRecord.SubjectLength);
        b.Property(a => a.Measure).HasMaxLength(AccountabilityRecord.MeasureLength);
        b.Property(a => a.Basis).HasMaxLength(AccountabilityRecord.BasisLength);
        b.Property(a => a.RecordedBy).HasMaxLength(100);
    }
}
