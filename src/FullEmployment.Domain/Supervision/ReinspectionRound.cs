using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Domain.Supervision;

/// <summary>
/// A year's re-inspection round (年度复查, A9), opened by the province for every title in force on its reference date
/// (national ones only when chosen, A3.2). Opening it publishes it: the records exist and every city is notified.
/// </summary>
public sealed class ReinspectionRound
{
    /// <summary>A6: the same pass mark as creation unless the province sets another.</summary>
    public const decimal DefaultPassMark = 90m;

    public ReinspectionRound(int year, DateOnly referenceDate, DateOnly cityDeadline, DateOnly reviewDeadline, string templateVersion,
        decimal passMark, bool includeNational, string openedBy, DateTimeOffset openedAt)
    {
        if (referenceDate.Year != year)
        {
            throw new DomainException($"复查基准日应在{year}年内。", "A9");
        }

        var openedOn = DateOnly.FromDateTime(ChinaTime.ToChina(openedAt).DateTime);
        if (cityDeadline <= openedOn)
        {
            throw new DomainException("市州复查截止日期应晚于开启复查之日。", "A9");
        }

        if (reviewDeadline < cityDeadline)
        {
            throw new DomainException("复核截止日期不得早于市州复查截止日期。", "A10");
        }

        if (passMark is <= 0 or > ScoreTemplate.FullMarks)
        {
            throw new DomainException($"合格分数线应在0到{ScoreTemplate.FullMarks}分之间。", "A6");
        }

        if (string.IsNullOrWhiteSpace(templateVersion))
        {
            throw new DomainException("复查须指定评分表版本。", "A6");
        }

        Id = Guid.NewGuid();
        Year = year;
        ReferenceDate = referenceDate;
        CityDeadline = cityDeadline;
        ReviewDeadline = reviewDeadline;
        TemplateVersion = templateVersion.Trim();
        PassMark = passMark;
        IncludeNational = includeNational;
        OpenedBy = openedBy;
        OpenedAt = openedAt;
    }

    private ReinspectionRound() { }

    public Guid Id { get; private set; }

    public int Version { get; private set; }

    public int Year { get; private set; }

    /// <summary>The titles in force on this date are re-inspected.</summary>
    public DateOnly ReferenceDate { get; private set; }

    public DateOnly CityDeadline { get; private set; }

    public DateOnly ReviewDeadline { get; private set; }

    /// <summary>The pinned score template version every record's sheet uses (A6).</summary>
    public string TemplateVersion { get; private set; } = string.Empty;

    public decimal PassMark { get; private set; }

    /// <summary>A3.2: the province re-inspects national communities too, when it chooses to.</summary>
    public bool IncludeNational { get; private set; }

    public string OpenedBy { get; private set; } = string.Empty;

    public DateTimeOffset OpenedAt { get; private set; }

    public string Name => $"{Year}年度充分就业社区复查";

    /// <summary>
    /// The assessment period of the ledger indicators: the twelve full months before the reference date's month, as for
    /// an application submitted that day (docs/reference/indicators.md).
    /// </summary>
    public AssessmentPeriod AssessmentPeriod => AssessmentPeriod.DefaultFor(ReferenceDate);

    /// <summary>Which titles this round re-inspects (A9; national only when chosen, A3.2).</summary>
    public bool Covers(Title title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return title.IsInForceOn(ReferenceDate) && (IncludeNational || title.Level != TitleLevel.National);
    }

    /// <summary>One record per title in force on the reference date: a community with two titles gets two (A9).</summary>
    public IReadOnlyList<ReinspectionRecord> RecordsFor(IEnumerable<Community> communities)
    {
        ArgumentNullException.ThrowIfNull(communities);
        return communities.Where(c => c.Status == CommunityStatus.Active)
            .SelectMany(c => c.Titles.Where(Covers).Select(t => new ReinspectionRecord(this, c, t)))
            .ToList();
    }
}
