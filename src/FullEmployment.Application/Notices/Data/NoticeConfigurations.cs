using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FullEmployment.Application.Notices.Data;

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> b)
    {
        b.ToTable("calendar_years");
        b.HasKey(y => y.Year);
        b.Property(y => y.Year).ValueGeneratedNever();
        b.Property(y => y.Version).IsConcurrencyToken();
        b.PrimitiveCollection(y => y.OffDays).HasField("_offDays").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.PrimitiveCollection(y => y.MakeUpWorkingDays).HasField("_makeUpWorkingDays").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>A notice belongs to its candidate list (A8.3, A8.4); the list's version guards them together.</summary>
internal sealed class PublicNoticeConfiguration : IEntityTypeConfiguration<PublicNotice>
{
    public void Configure(EntityTypeBuilder<PublicNotice> b)
    {
        b.ToTable("public_notices");
        b.HasKey(n => n.Id);
        b.Property(n => n.Id).ValueGeneratedNever();
        b.Property(n => n.Title).HasMaxLength(200);
        b.Property(n => n.Version).IsConcurrencyToken();
        b.Ignore(n => n.OpensAt);
        b.Ignore(n => n.ClosesAt);
        b.Ignore(n => n.AllObjectionsAnswered);
        b.HasIndex(n => new { n.StartDate, n.LastDay });
        b.HasMany(n => n.Objections).WithOne().HasForeignKey("NoticeId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(n => n.Objections).HasField("_objections").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> b)
    {
        b.ToTable("objections");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.Objector).HasMaxLength(100);
        PersonalDataMapping.Sealed(b, nameof(Objection.ObjectorPhone), nameof(Objection.ObjectorPhone), 30, indexed: false);
        b.Property(o => o.Content).HasMaxLength(4000);
        b.Property(o => o.Reply).HasMaxLength(4000);
        b.Property(o => o.AnsweredBy).HasMaxLength(100);
        b.Ignore(o => o.IsAnswered);
        b.HasIndex(o => o.CandidateApplicationId);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.ToTable("messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Subject).HasMaxLength(200);
        b.Property(m => m.Body).HasMaxLength(8000);
        b.Property(m => m.SenderName).HasMaxLength(100);
        b.Property(m => m.SenderRegionCode).HasMaxLength(12);
        b.Property(m => m.RelatedType).HasMaxLength(40);
        b.Property(m => m.RelatedId).HasMaxLength(100);
        b.HasIndex(m => m.SentAt);
        b.OwnsMany(m => m.Recipients, r =>
        {
            r.ToTable("message_recipients");
            r.WithOwner().HasForeignKey("MessageId");
            r.Property<int>("Id");
            r.HasKey("Id");
            r.Property(x => x.RecipientCode).HasMaxLength(12);
            r.HasIndex(x => x.RecipientCode);
        });
        b.Navigation(m => m.Recipients).HasField("_recipients").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> b)
    {
        b.ToTable("announcements");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Title).HasMaxLength(200);
        b.Property(a => a.Body).HasMaxLength(8000);
        b.Property(a => a.DocumentNumber).HasMaxLength(100);
        b.HasIndex(a => a.PublishedAt);
        b.OwnsMany(a => a.Entries, e =>
        {
            e.ToTable("announcement_entries");
            e.WithOwner().HasForeignKey("AnnouncementId");
            e.Property<int>("Id");
            e.HasKey("Id");
            e.Property(x => x.CommunityCode).HasMaxLength(12);
            e.Property(x => x.CommunityName).HasMaxLength(100);
            e.Property(x => x.CityCode).HasMaxLength(6);
            e.Property(x => x.CountyCode).HasMaxLength(6);
            e.Property(x => x.PlaqueNumber).HasMaxLength(50);
        });
        b.Navigation(a => a.Entries).HasField("_entries").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("stored_files");
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.OwnerType).HasMaxLength(40);
        b.Property(f => f.OwnerId).HasMaxLength(100);
        b.Property(f => f.Category).HasMaxLength(40);
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.StoredName).HasMaxLength(60);
        b.Property(f => f.UploadedBy).HasMaxLength(100);
        b.HasIndex(f => new { f.OwnerType, f.OwnerId });
    }
}
