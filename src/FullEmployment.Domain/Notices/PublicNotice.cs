namespace FullEmployment.Domain.Notices;

/// <summary>
/// A public notice (公示) of a city recommendation list (A8.3) or the province's proposed list (A8.4).
/// Open from 00:00 China time of the start date until 24:00 of its last working day; derived from dates, never flipped by a job.
/// </summary>
public sealed class PublicNotice
{
    // A8.3, A8.4: notice ≥ 5 working days.
    public const int MinimumWorkingDays = 5;

    private readonly List<Objection> _objections = [];

    public PublicNotice(NoticeSubject subject, string title, DateOnly startDate, int workingDays, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var clause = ClauseOf(subject);
        if (workingDays < MinimumWorkingDays)
        {
            throw new DomainException($"公示期不得少于{MinimumWorkingDays}个工作日。", clause);
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("公示标题不能为空。", clause);
        }

        Id = Guid.NewGuid();
        Subject = subject;
        Title = title.Trim();
        StartDate = startDate;
        WorkingDays = workingDays;
        LastDay = calendar.NoticeLastDay(startDate, workingDays);
    }

    private PublicNotice() { }

    public Guid Id { get; private set; }

    public int Version { get; private set; }

    public NoticeSubject Subject { get; private set; }

    public string Title { get; private set; } = string.Empty;

    /// <summary>The day the notice is published; it counts as the first working day if it is one.</summary>
    public DateOnly StartDate { get; private set; }

    /// <summary>The notice period in working days (公示期).</summary>
    public int WorkingDays { get; private set; }

    /// <summary>The last working day of the notice (China date).</summary>
    public DateOnly LastDay { get; private set; }

    /// <summary>00:00 China time of the start date.</summary>
    public DateTimeOffset OpensAt => ChinaTime.EndOf(StartDate.AddDays(-1));

    /// <summary>24:00 China time of the last day; objections are accepted until then.</summary>
    public DateTimeOffset ClosesAt => ChinaTime.EndOf(LastDay);

    public IReadOnlyList<Objection> Objections => _objections;

    public bool IsOpen(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;

    public bool HasClosed(DateTimeOffset now) => now >= ClosesAt;

    public bool AllObjectionsAnswered => _objections.TrueForAll(o => o.IsAnswered);

    /// <summary>A8.3, A8.4: the list may go up only once the notice has closed and every objection is answered.</summary>
    public bool AllowsSendingUp(DateTimeOffset now) => HasClosed(now) && AllObjectionsAnswered;

    /// <summary>Working days left in the period, today included when it is a working day; 0 once closed.</summary>
    public int WorkingDaysLeft(DateTimeOffset now, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (HasClosed(now))
        {
            return 0;
        }

        if (now < OpensAt)
        {
            return WorkingDays;
        }

        var today = ChinaTime.DateOf(now);
        return calendar.WorkingDaysBetween(today.AddDays(-1), LastDay);
    }

    /// <summary>Records an objection against a candidate; refused outside the notice period (to the minute, China time).</summary>
    public Objection SubmitObjection(Guid candidateApplicationId, string objector, string content, DateTimeOffset now, string? objectorPhone = null)
    {
        var clause = ClauseOf(Subject);
        if (now < OpensAt)
        {
            throw new DomainException($"公示尚未开始（{ChinaTime.Format(StartDate)}起），暂不受理异议。", clause);
        }

        if (HasClosed(now))
        {
            throw new DomainException($"公示期已于{ChinaTime.Format(LastDay)}24时结束，不再受理异议。", clause);
        }

        var objection = new Objection(candidateApplicationId, objector, objectorPhone, content, now);
        _objections.Add(objection);
        return objection;
    }

    public Objection FindObjection(Guid objectionId) =>
        _objections.Find(o => o.Id == objectionId) ?? throw new DomainException("未找到该异议。", ClauseOf(Subject));

    internal static string ClauseOf(NoticeSubject subject) => subject == NoticeSubject.CityRecommendationList ? "A8.3" : "A8.4";
}
