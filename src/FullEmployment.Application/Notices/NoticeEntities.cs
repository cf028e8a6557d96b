using FullEmployment.Domain.Communities;

namespace FullEmployment.Application.Notices;

/// <summary>
/// An in-system notice (通知) from one authority to regions: the A7 campaign notice to every city, certification
/// results to the city, county and community. A recipient is a region code, or a community code for its staff.
/// </summary>
public sealed class Message
{
    private readonly List<MessageRecipient> _recipients = [];

    public Message(string subject, string body, string senderName, string senderRegionCode, DateTimeOffset sentAt,
        IEnumerable<string> recipientCodes, string? relatedType = null, string? relatedId = null)
    {
        Id = Guid.NewGuid();
        Subject = subject;
        Body = body;
        SenderName = senderName;
        SenderRegionCode = senderRegionCode;
        SentAt = sentAt;
        RelatedType = relatedType;
        RelatedId = relatedId;
        _recipients.AddRange(recipientCodes.Distinct().Select(c => new MessageRecipient(c)));
    }

    private Message() { }

    public Guid Id { get; private set; }

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public string SenderName { get; private set; } = "";

    public string SenderRegionCode { get; private set; } = "";

    public DateTimeOffset SentAt { get; private set; }

    public Guid? AttachmentFileId { get; private set; }

    /// <summary>What the message is about (e.g. "campaign" and its id), for a link from the inbox.</summary>
    public string? RelatedType { get; private set; }

    public string? RelatedId { get; private set; }

    public IReadOnlyList<MessageRecipient> Recipients => _recipients;

    public void Attach(Guid fileId) => AttachmentFileId = fileId;
}

public sealed class MessageRecipient
{
    internal MessageRecipient(string recipientCode) => RecipientCode = recipientCode;

    private MessageRecipient() { }

    /// <summary>A city or county code (its officers) or a community code (its staff).</summary>
    public string RecipientCode { get; private set; } = "";
}

/// <summary>A public announcement (公告) of certified communities (A8.4), shown on the public site.</summary>
public sealed class Announcement
{
    private readonly List<AnnouncementEntry> _entries = [];

    public Announcement(Guid campaignId, TitleLevel level, string title, string body, string documentNumber, DateTimeOffset publishedAt,
        IEnumerable<AnnouncementEntry> entries)
    {
        Id = Guid.NewGuid();
        CampaignId = campaignId;
        Level = level;
        Title = title;
        Body = body;
        DocumentNumber = documentNumber;
        PublishedAt = publishedAt;
        _entries.AddRange(entries);
    }

    private Announcement() { }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public TitleLevel Level { get; private set; }

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public string DocumentNumber { get; private set; } = "";

    public DateTimeOffset PublishedAt { get; private set; }

    public IReadOnlyList<AnnouncementEntry> Entries => _entries;
}

/// <summary>One named community in an announcement: names and regions only, never personal data.</summary>
public sealed class AnnouncementEntry
{
    public AnnouncementEntry(string communityCode, string communityName, string cityCode, string? countyCode, string? plaqueNumber)
    {
        CommunityCode = communityCode;
        CommunityName = communityName;
        CityCode = cityCode;
        CountyCode = countyCode;
        PlaqueNumber = plaqueNumber;
    }

    private AnnouncementEntry() { }

    public string CommunityCode { get; private set; } = "";

    public string CommunityName { get; private set; } = "";

    public string CityCode { get; private set; } = "";

    public string? CountyCode { get; private set; }

    public string? PlaqueNumber { get; private set; }
}
