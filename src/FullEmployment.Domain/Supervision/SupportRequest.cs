using FullEmployment.Domain.Notices;

namespace FullEmployment.Domain.Supervision;

/// <summary>What a community needs help with (A15).</summary>
public enum SupportCategory
{
    PolicyImplementation,
    Funding,
    Staffing,
    PremisesAndEquipment,
    InformationSystem,
    Other,
}

public enum SupportRequestState
{
    /// <summary>Raised or reopened: waiting for the county or city to answer.</summary>
    AwaitingAnswer,

    /// <summary>Answered: waiting for the community to confirm or reopen.</summary>
    Answered,

    /// <summary>The community confirmed the difficulty resolved; final.</summary>
    Resolved,
}

public enum SupportRequestAction
{
    Answer,
    ConfirmResolved,
    Reopen,
}

/// <summary>Who is looking at a request, as the domain sees it: the raising community, one of its responders (county or city), or an onlooker.</summary>
public enum SupportActor
{
    None,
    Community,
    Responder,
}

/// <summary>
/// A community's support request (A15: the city guides communities and helps them with difficulties). The community raises it
/// to its county and city; either answers with the measures taken and the departments coordinated; the community confirms it
/// resolved or reopens it, which starts a new answer period. Every move is in <see cref="Transitions"/> and records history.
/// </summary>
public sealed class SupportRequest
{
    public const string Clause = "A15";

    /// <summary>The default answer period: 10 working days after the request is raised (docs/reference/clauses.md A15).</summary>
    public const int DefaultDueWorkingDays = 10;

    public const int DescriptionLength = 2000;
    public const int AnswerLength = 2000;
    public const int DepartmentsLength = 500;
    public const int RemarkLength = 1000;

    public static readonly IReadOnlyDictionary<(SupportRequestState From, SupportRequestAction Action), SupportRequestState> Transitions =
        new Dictionary<(SupportRequestState, SupportRequestAction), SupportRequestState>
        {
            [(SupportRequestState.AwaitingAnswer, SupportRequestAction.Answer)] = SupportRequestState.Answered,
            [(SupportRequestState.Answered, SupportRequestAction.ConfirmResolved)] = SupportRequestState.Resolved,
            [(SupportRequestState.Answered, SupportRequestAction.Reopen)] = SupportRequestState.AwaitingAnswer,
        };

    /// <summary>Which actor takes each action: the responders answer, the community confirms or reopens.</summary>
    public static readonly IReadOnlyDictionary<SupportRequestAction, SupportActor> ActorOf = new Dictionary<SupportRequestAction, SupportActor>
    {
        [SupportRequestAction.Answer] = SupportActor.Responder,
        [SupportRequestAction.ConfirmResolved] = SupportActor.Community,
        [SupportRequestAction.Reopen] = SupportActor.Community,
    };

    private readonly List<SupportRequestHistoryEntry> _history = [];

    public SupportRequest(int communityId, string communityCode, string communityName, string cityCode, string? countyCode,
        SupportCategory category, string description, SupportDueDate due, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(due);
        if (string.IsNullOrWhiteSpace(cityCode))
        {
            throw new DomainException("提出诉求的社区必须属于一个市州。", Clause);
        }

        if (!Enum.IsDefined(category))
        {
            throw new DomainException("请选择诉求类别。", Clause);
        }

        Id = Guid.NewGuid();
        CommunityId = communityId;
        CommunityCode = communityCode;
        CommunityName = communityName;
        CityCode = cityCode;
        CountyCode = countyCode;
        Category = category;
        Description = Required(description, DescriptionLength, "困难描述");
        State = SupportRequestState.AwaitingAnswer;
        RaisedBy = actor;
        RaisedAt = now;
        RaisedOn = due.From;
        DueWorkingDays = due.WorkingDays;
        DueOn = due.DueOn;
    }

    private SupportRequest() { }

    public Guid Id { get; private set; }

    /// <summary>Optimistic-concurrency version, managed by the persistence layer.</summary>
    public int Version { get; private set; }

    public int CommunityId { get; private set; }

    public string CommunityCode { get; private set; } = string.Empty;

    public string CommunityName { get; private set; } = string.Empty;

    public string CityCode { get; private set; } = string.Empty;

    /// <summary>Null where the city has no counties (嘉峪关市): its city officers are the only responders.</summary>
    public string? CountyCode { get; private set; }

    public SupportCategory Category { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public SupportRequestState State { get; private set; }

    public string RaisedBy { get; private set; } = string.Empty;

    public DateTimeOffset RaisedAt { get; private set; }

    /// <summary>The China date the current answer period started: the raising date, or the last reopening date.</summary>
    public DateOnly RaisedOn { get; private set; }

    /// <summary>The answer period in working days, as configured when the period started.</summary>
    public int DueWorkingDays { get; private set; }

    /// <summary>The last day to answer; null while the calendar year it falls in is not configured (see <see cref="SupportDueDate"/>).</summary>
    public DateOnly? DueOn { get; private set; }

    public string? Measures { get; private set; }

    public string? CoordinatedDepartments { get; private set; }

    public string? AnsweredBy { get; private set; }

    public DateOnly? AnsweredOn { get; private set; }

    public DateOnly? ResolvedOn { get; private set; }

    public int ReopenCount { get; private set; }

    public IReadOnlyList<SupportRequestHistoryEntry> History => _history;

    public bool IsOpen => State != SupportRequestState.Resolved;

    public bool Can(SupportRequestAction action) => Transitions.ContainsKey((State, action));

    /// <summary>The one answer to "what may this actor do now": the legal moves from this state that are the actor's to take.</summary>
    public IReadOnlyList<SupportRequestAction> OptionsFor(SupportActor actor) => OptionsFor(State, actor);

    /// <summary>The same answer for a row read without the entity (lists and to-do items).</summary>
    public static IReadOnlyList<SupportRequestAction> OptionsFor(SupportRequestState state, SupportActor actor) =>
        [.. Enum.GetValues<SupportRequestAction>().Where(a => Transitions.ContainsKey((state, a)) && ActorOf[a] == actor)];

    /// <summary>
    /// Overdue: still waiting for an answer after its last day. The answer is the responders' move; a request waiting for the
    /// community's confirmation is not overdue. A request without a due date (calendar missing) is never reported overdue.
    /// </summary>
    public bool IsOverdueOn(DateOnly today) => IsOverdue(State, DueOn, today);

    /// <summary>The same rule for a row read without the entity (lists and counts).</summary>
    public static bool IsOverdue(SupportRequestState state, DateOnly? dueOn, DateOnly today) =>
        state == SupportRequestState.AwaitingAnswer && dueOn is { } due && today > due;

    /// <summary>The county or city answers: the measures taken and the departments coordinated (A15).</summary>
    public void Answer(string measures, string departments, string actor, DateTimeOffset now, DateOnly today)
    {
        var next = Next(SupportRequestAction.Answer);
        Measures = Required(measures, AnswerLength, "采取的措施");
        CoordinatedDepartments = Required(departments, DepartmentsLength, "协调的部门");
        AnsweredBy = actor;
        AnsweredOn = today;
        Move(SupportRequestAction.Answer, next, actor, now, Measures);
    }

    /// <summary>The community confirms the difficulty resolved; the request is closed for good.</summary>
    public void ConfirmResolved(string? remark, string actor, DateTimeOffset now, DateOnly today)
    {
        var next = Next(SupportRequestAction.ConfirmResolved);
        var text = Optional(remark, RemarkLength, "确认意见");
        ResolvedOn = today;
        Move(SupportRequestAction.ConfirmResolved, next, actor, now, text);
    }

    /// <summary>
    /// The community says the answer did not solve it, with its reason; the responders get a new answer period from the
    /// reopening date (docs/reference/clauses.md A15: a reopened request is a fresh difficulty for the deadline).
    /// </summary>
    public void Reopen(string reason, SupportDueDate due, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(due);
        var next = Next(SupportRequestAction.Reopen);
        var text = Required(reason, RemarkLength, "重新提出的理由");
        RaisedOn = due.From;
        DueWorkingDays = due.WorkingDays;
        DueOn = due.DueOn;
        ReopenCount++;
        Move(SupportRequestAction.Reopen, next, actor, now, text);
    }

    public static string StateName(SupportRequestState state) => state switch
    {
        SupportRequestState.AwaitingAnswer => "待答复",
        SupportRequestState.Answered => "已答复待确认",
        _ => "已解决",
    };

    public static string ActionName(SupportRequestAction action) => action switch
    {
        SupportRequestAction.Answer => "答复",
        SupportRequestAction.ConfirmResolved => "确认解决",
        _ => "重新提出",
    };

    public static string CategoryName(SupportCategory category) => category switch
    {
        SupportCategory.PolicyImplementation => "政策落实",
        SupportCategory.Funding => "资金",
        SupportCategory.Staffing => "人员",
        SupportCategory.PremisesAndEquipment => "场地设备",
        SupportCategory.InformationSystem => "信息系统",
        _ => "其他",
    };

    private SupportRequestState Next(SupportRequestAction action) =>
        Transitions.TryGetValue((State, action), out var next)
            ? next
            : throw new DomainException($"诉求当前为“{StateName(State)}”，不能{ActionName(action)}。", Clause);

    private void Move(SupportRequestAction action, SupportRequestState next, string actor, DateTimeOffset now, string? text)
    {
        _history.Add(new SupportRequestHistoryEntry(now, actor, action, State, next, text));
        State = next;
    }

    private static string Required(string? value, int length, string field)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new DomainException($"请填写{field}。", Clause);
        }

        return Optional(text, length, field)!;
    }

    private static string? Optional(string? value, int length, string field)
    {
        var text = value?.Trim();
        if (text is { Length: > 0 } && text.Length > length)
        {
            throw new DomainException($"{field}不能超过{length}字。", Clause);
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }
}

/// <summary>One move of a support request: who, when, from which state to which, and the text they gave.</summary>
public sealed class SupportRequestHistoryEntry
{
    public SupportRequestHistoryEntry(DateTimeOffset at, string actor, SupportRequestAction action, SupportRequestState from, SupportRequestState to,
        string? text)
    {
        At = at;
        Actor = actor;
        Action = action;
        From = from;
        To = to;
        Text = text;
    }

    private SupportRequestHistoryEntry() { }

    public int Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; } = string.Empty;

    public SupportRequestAction Action { get; private set; }

    public SupportRequestState From { get; private set; }

    public SupportRequestState To { get; private set; }

    public string? Text { get; private set; }
}

/// <summary>
/// An answer period: <see cref="WorkingDays"/> working days after <see cref="From"/> (not counted), net of holidays
/// (docs/reference/calendar.md). When a year the period reaches has no calendar, the request is still accepted (a difficulty
/// must never be refused for a missing calendar) with no due date and <see cref="Warning"/> saying why; it gets no overdue mark.
/// </summary>
public sealed record SupportDueDate(DateOnly From, int WorkingDays, DateOnly? DueOn, string? Warning)
{
    public static SupportDueDate Compute(WorkingDayCalendar calendar, DateOnly from, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (workingDays is < 1 or > 60)
        {
            throw new DomainException("诉求答复期限应在1到60个工作日之间。", SupportRequest.Clause);
        }

        var date = from;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            if (!calendar.IsConfigured(date.Year))
            {
                return new SupportDueDate(from, workingDays, null, MissingYearWarning(date.Year));
            }

            if (calendar.IsWorkingDay(date))
            {
                counted++;
            }
        }

        return new SupportDueDate(from, workingDays, date, null);
    }

    public static string MissingYearWarning(int year) =>
        $"{year}年工作日历尚未配置，无法推算答复期限；诉求已受理，期限待省人社厅录入{year}年节假日安排后确定。";
}
