using System.Text.Json;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FullEmployment.Application.Campaigns.Data;


internal sealed class ScoreTemplateConfiguration : IEntityTypeConfiguration<ScoreTemplate>
{
    public void Configure(EntityTypeBuilder<ScoreTemplate> b)
    {
        b.ToTable("score_templates");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        // A6: campaigns and sheets pin a template by its version label, so the label is unique.
        b.Property(t => t.TemplateVersion).HasMaxLength(40);
        b.HasIndex(t => t.TemplateVersion).IsUnique();
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.OwnerRegionCode).HasMaxLength(6);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.OwnsMany(t => t.Items, i =>
        {
            i.ToTable("score_template_items");
            i.WithOwner().HasForeignKey("TemplateId");
            i.Property<int>("Id");
            i.HasKey("Id");
            i.Property(x => x.GroupName).HasMaxLength(100);
            i.Property(x => x.Number).HasMaxLength(10);
            i.Property(x => x.Text).HasMaxLength(500);
            i.Property(x => x.Rule).HasMaxLength(500);
            i.Property(x => x.ClauseId).HasMaxLength(20);
            i.Property(x => x.Mode).HasConversion<string>().HasMaxLength(10);
        });
        b.Navigation(t => t.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("campaigns");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.OrganizerRegionCode).HasMaxLength(6);
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.TemplateVersion).HasMaxLength(40);
        b.Property(c => c.CycleOverrideReason).HasMaxLength(1000);
        b.Property(c => c.CloseReason).HasMaxLength(1000);
        b.Property(c => c.PassMark).HasPrecision(4, 1);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.ComplexProperty(c => c.AssessmentPeriod, p =>
        {
            p.Property(x => x.Start).HasColumnName("AssessmentFrom");
            p.Property(x => x.End).HasColumnName("AssessmentTo");
        });
        b.ComplexProperty(c => c.Deadlines, d =>
        {
            d.Property(x => x.Application).HasColumnName("ApplicationDeadline");
            d.Property(x => x.County).HasColumnName("CountyDeadline");
            d.Property(x => x.City).HasColumnName("CityDeadline");
            d.Property(x => x.Province).HasColumnName("ProvinceDeadline");
        });
        b.HasIndex(c => new { c.Kind, c.CreationYear });
        b.OwnsMany(c => c.Allocations, a =>
        {
            a.ToTable("campaign_quotas");
            a.WithOwner().HasForeignKey("CampaignId");
            a.Property<int>("Id");
            a.HasKey("Id");
            a.Property(x => x.RegionCode).HasMaxLength(6);
        });
        b.Navigation(c => c.Allocations).HasField("_allocations").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<CampaignApplication>
{
    public void Configure(EntityTypeBuilder<CampaignApplication> b)
    {
        b.ToTable("applications");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Communities.Community>().WithMany().HasForeignKey(a => a.CommunityId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.CampaignKind).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.State).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.TemplateVersion).HasMaxLength(40);
        b.Property(a => a.CommunityCode).HasMaxLength(12);
        b.Property(a => a.CommunityName).HasMaxLength(100);
        b.Property(a => a.CityCode).HasMaxLength(6);
        b.Property(a => a.CountyCode).HasMaxLength(6);
        b.Property(a => a.CreatedBy).HasMaxLength(100);
        b.Property(a => a.CertificationDocumentNumber).HasMaxLength(100);
        b.Property(a => a.PlaqueNumber).HasMaxLength(50);
        b.Property(a => a.DisqualificationReason).HasMaxLength(1000);
        b.Property(a => a.DisqualificationEvidence).HasMaxLength(1000);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.PrimitiveCollection(a => a.RejectionReasons).HasField("_rejectionReasons").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(a => new { a.CampaignId, a.State });
        b.HasIndex(a => new { a.CityCode, a.CountyCode });

        b.HasMany(a => a.ScoreSheets).WithOne().HasForeignKey("ApplicationId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.ScoreSheets).HasField("_scoreSheets").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(a => a.Inspections).WithOne().HasForeignKey("ApplicationId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Inspections).HasField("_inspections").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(a => a.History).WithOne().HasForeignKey("ApplicationId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ScoreSheetConfiguration : IEntityTypeConfiguration<ScoreSheet>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<ScoreSheet> b)
    {
        b.ToTable("score_sheets");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Ignore(s => s.UnmetGates);
        b.Property(s => s.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.TemplateVersion).HasMaxLength(40);
        // A8.1: the indicator figures the auto items came from, frozen with the sheet.
        b.Property(s => s.Indicators).HasConversion(new ValueConverter<AutoScoringInput, string>(
            v => JsonSerializer.Serialize(v, Json), s => JsonSerializer.Deserialize<AutoScoringInput>(s, Json)!));
        b.OwnsMany(s => s.Lines, l =>
        {
            l.ToTable("score_lines");
            l.WithOwner().HasForeignKey("ScoreSheetId");
            l.Property<int>("Id");
            l.HasKey("Id");
            l.Property(x => x.Number).HasMaxLength(10);
            l.Property(x => x.ClauseId).HasMaxLength(20);
            l.Property(x => x.Mode).HasConversion<string>().HasMaxLength(10);
            l.Property(x => x.OverrideReason).HasMaxLength(1000);
            l.Property(x => x.Remark).HasMaxLength(1000);
        });
        b.Navigation(s => s.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OnSiteInspectionConfiguration : IEntityTypeConfiguration<OnSiteInspection>
{
    public void Configure(EntityTypeBuilder<OnSiteInspection> b)
    {
        b.ToTable("inspections");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Findings).HasMaxLength(4000);
        b.PrimitiveCollection(i => i.Inspectors).HasField("_inspectors").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ApplicationHistoryConfiguration : IEntityTypeConfiguration<ApplicationHistoryEntry>
{
    public void Configure(EntityTypeBuilder<ApplicationHistoryEntry> b)
    {
        b.ToTable("application_history");
        b.HasKey(h => h.Id);
        b.Property(h => h.Actor).HasMaxLength(100);
        b.Property(h => h.Action).HasConversion<string>().HasMaxLength(30);
        b.Property(h => h.From).HasConversion<string>().HasMaxLength(30);
        b.Property(h => h.To).HasConversion<string>().HasMaxLength(30);
        b.Property(h => h.Remark).HasMaxLength(2000);
        b.Property(h => h.OverrideReason).HasMaxLength(1000);
    }
}

internal sealed class ApplicationDossierConfiguration : IEntityTypeConfiguration<ApplicationDossier>
{
    public void Configure(EntityTypeBuilder<ApplicationDossier> b)
    {
        b.ToTable("application_dossiers");
        b.HasKey(d => d.ApplicationId);
        b.HasOne<CampaignApplication>().WithOne().HasForeignKey<ApplicationDossier>(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Both lists in one table (TPH): the city's recommendation list (A8.3) and the province's proposed list (A8.4).</summary>
internal sealed class CandidateListConfiguration : IEntityTypeConfiguration<CandidateList>
{
    public void Configure(EntityTypeBuilder<CandidateList> b)
    {
        b.ToTable("candidate_lists");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.HasDiscriminator<string>("Kind").HasValue<RecommendationList>("city").HasValue<ProposedList>("province");
        b.Property<string>("Kind").HasMaxLength(10);
        b.Property(l => l.State).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.CertificationDocumentNumber).HasMaxLength(100);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasOne<Campaign>().WithMany().HasForeignKey(l => l.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(l => l.Notice).WithOne().HasForeignKey<PublicNotice>("CandidateListId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(l => l.Notice).UsePropertyAccessMode(PropertyAccessMode.Property);
        b.OwnsMany(l => l.Entries, e =>
        {
            e.ToTable("list_entries");
            e.WithOwner().HasForeignKey("CandidateListId");
            e.Property<int>("Id");
            e.HasKey("Id");
            e.Property(x => x.CommunityCode).HasMaxLength(12);
            e.Property(x => x.CommunityName).HasMaxLength(100);
            e.Property(x => x.CountyCode).HasMaxLength(6);
            e.Property(x => x.Score).HasPrecision(4, 1);
            e.Property<int>("Sequence");
            e.HasIndex(x => x.ApplicationId);
        });
        b.Navigation(l => l.Entries).HasField("_entries").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RecommendationListConfiguration : IEntityTypeConfiguration<RecommendationList>
{
    public void Configure(EntityTypeBuilder<RecommendationList> b)
    {
        b.Property(l => l.CityCode).HasMaxLength(6);
        b.HasIndex(l => new { l.CampaignId, l.CityCode });
    }
}

internal sealed class NationalRecommendationConfiguration : IEntityTypeConfiguration<NationalRecommendation>
{
    public void Configure(EntityTypeBuilder<NationalRecommendation> b)
    {
        b.ToTable("national_recommendations");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.CampaignId).IsUnique();
        b.OwnsMany(r => r.Candidates, c =>
        {
            c.ToTable("national_candidates");
            c.WithOwner().HasForeignKey("RecommendationId");
            c.Property<int>("Id");
            c.HasKey("Id");
            c.Property(x => x.CommunityCode).HasMaxLength(12);
            c.Property(x => x.CommunityName).HasMaxLength(100);
            c.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.DocumentNumber).HasMaxLength(100);
            c.Property(x => x.Remark).HasMaxLength(1000);
        });
        b.Navigation(r => r.Candidates).HasField("_candidates").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
