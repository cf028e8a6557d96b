using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Notices;

namespace FullEmployment.Domain.Supervision;

/// <summary>The on-site part of the city's inspection (A9): date, at least two inspectors, method and findings.</summary>
public sealed record ReinspectionVisit(DateOnly Date, IReadOnlyList<string> Inspectors, string Method, string Findings);

/// <summary>
/// One title's re-inspection in a round (A9), frozen to its community and title: the community's self-check, the city's
/// score sheet, on-site record and result (pass, 限期整改, fail), the rectification and re-check, and the review of a fail
/// (A10). Every move names its intent and checks the transition table first; <see cref="OptionsFor"/> is the one answer to
/// "what may this party do now", which pages and endpoints render.
/// </summary>
public sealed class ReinspectionRecord
{
    public static readonly IReadOnlyDictionary<(ReinspectionState From, ReinspectionAction Action), ReinspectionState> Transitions =
        new Dictionary<(ReinspectionState, ReinspectionAction), ReinspectionState>
        {
            [(ReinspectionState.NotStarted, ReinspectionAction.SelfCheck)] = ReinspectionState.NotStarted,
            [(ReinspectionState.NotStarted, ReinspectionAction.Pass)] = ReinspectionState.Passed,
            [(ReinspectionState.NotStarted, ReinspectionAction.Rectify)] = ReinspectionState.Rectifying,
            [(ReinspectionState.NotStarted, ReinspectionAction.Fail)] = ReinspectionState.Failed,
            [(ReinspectionState.Rectifying, ReinspectionAction.AnswerRectification)] = ReinspectionState.RectificationAnswered,
            // A9: an unanswered rectification past its due date may be failed by the city.
            [(ReinspectionState.Rectifying, ReinspectionAction.RecheckFail)] = ReinspectionState.Failed,
            [(ReinspectionState.RectificationAnswered, ReinspectionAction.RecheckPass)] = ReinspectionState.Passed,
            [(ReinspectionState.RectificationAnswered, ReinspectionAction.RecheckFail)] = ReinspectionState.Failed,
            [(ReinspectionState.Failed, ReinspectionAction.Confirm)] = ReinspectionState.Confirmed,
            [(ReinspectionState.Failed, ReinspectionAction.Overturn)] = ReinspectionState.Overturned,
        };

    /// <summary>Which party takes each action.</summary>
    public static readonly IReadOnlyDictionary<ReinspectionAction, ReinspectionParty> ActingParty = new Dictionary<ReinspectionAction, ReinspectionParty>
    {
        [ReinspectionAction.SelfCheck] = ReinspectionParty.Community,
        [ReinspectionAction.Pass] = ReinspectionParty.InspectingCity,
        [ReinspectionAction.Rectify] = ReinspectionParty.InspectingCity,
        [ReinspectionAction.Fail] = ReinspectionParty.InspectingCity,
        [ReinspectionAction.AnswerRectification] = ReinspectionParty.Community,
        [ReinspectionAction.RecheckPass] = ReinspectionParty.InspectingCity,
        [ReinspectionAction.RecheckFail] = ReinspectionParty.InspectingCity,
        [ReinspectionAction.Confirm] = ReinspectionParty.Reviewer,
        [ReinspectionAction.Overturn] = ReinspectionParty.Reviewer,
    };

    private readonly List<ScoreSheet> _scoreSheets = [];
    private List<string> _inspectors = [];
    private List<string> _requiredItems = [];

    internal ReinspectionRecord(ReinspectionRound round, Community community, Title title)
    {
        Id = Guid.NewGuid();
        RoundId = round.Id;
        TemplateVersion = round.TemplateVersion;
        PassMark = round.PassMark;
        CommunityId = community.Id;
        CommunityCode = community.Code;
        CommunityName = community.Name;
        CityCode = community.CityCode;
        CountyCode = community.CountyCode;
        TitleId = title.Id;
        TitleLevel = title.Level;
        TitleDocumentNumber = title.DocumentNumber;
        State = ReinspectionState.NotStarted;
    }

    private ReinspectionRecord() { }

    public Guid Id { get; private set; }

    public int Version { get; private set; }

    public Guid RoundId { get; private set; }

    public string TemplateVersion { get; private set; } = string.Empty;

    public decimal PassMark { get; private set; }

    public int CommunityId { get; private set; }

    public string CommunityCode { get; private set; } = string.Empty;

    public string CommunityName { get; private set; } = string.Empty;

    public string CityCode { get; private set; } = string.Empty;

    public string? CountyCode { get; private set; }

    public int TitleId { get; private set; }

    public TitleLevel TitleLevel { get; private set; }

    public string TitleDocumentNumber { get; private set; } = string.Empty;

    public ReinspectionState State { get; private set; }

    public string? SelfAssessment { get; private set; }

    public DateTimeOffset? SelfCheckedAt { get; private set; }

    public ReinspectionResult? Result { get; private set; }

    public DateOnly? ResultOn { get; private set; }

    public string? ResultBy { get; private set; }

    public DateOnly? VisitDate { get; private set; }

    public IReadOnlyList<string> Inspectors => _inspectors;

    public string? VisitMethod { get; private set; }

    public string? Findings { get; private set; }

    /// <summary>The ledger indicators frozen when the city recorded its result (JSON written by the application layer).</summary>
    public string? FrozenIndicators { get; private set; }

    public DateOnly? RectifyDueDate { get; private set; }

    public IReadOnlyList<string> RequiredItems => _requiredItems;

    public string? RectificationAnswer { get; private set; }

    public DateOnly? AnsweredOn { get; private set; }

    public DateOnly? RecheckedOn { get; private set; }

    public string? RecheckRemark { get; private set; }

    public DateOnly? FailedOn { get; private set; }

    public DateOnly? ReviewedOn { get; private set; }

    public string? ReviewRemark { get; private set; }

    public string? ReviewedBy { get; private set; }

    /// <summary>The city's sheet (A6 template pinned by the round), filled when it records its result.</summary>
    public ScoreSheet? ScoreSheet => _scoreSheets.Count > 0 ? _scoreSheets[0] : null;

    /// <summary>The stored sheets: none before the result, then the city's one.</summary>
    public IReadOnlyList<ScoreSheet> ScoreSheets => _scoreSheets;

    /// <summary>A10: the province reviews national, provincial and legacy-star fails; the managing city a municipal one.</summary>
    public bool ReviewedByCity => TitleLevel == TitleLevel.Municipal;

    public bool IsDone => State is ReinspectionState.Passed or ReinspectionState.Failed or ReinspectionState.Confirmed or ReinspectionState.Overturned;

    /// <summary>
    /// Overdue on <paramref name="today"/>, derived from dates: not inspected after the city deadline, a rectification
    /// unanswered after its due date, a fail unreviewed after the review deadline.
    /// </summary>
    public bool IsOverdue(ReinspectionRound round, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(round);
        return State switch
        {
            ReinspectionState.NotStarted => today > round.CityDeadline,
            ReinspectionState.Rectifying => today > RectifyDueDate,
            ReinspectionState.Failed => today > round.ReviewDeadline,
            _ => false,
        };
    }

    /// <summary>What the account (role and scope) is to this record, from the stored record's region and title level.</summary>
    public ReinspectionParty PartiesOf(string? role, string? scopeCode)
    {
        var parties = ReinspectionParty.None;
        if (role == Roles.CommunityStaff && scopeCode == CommunityCode)
        {
            parties |= ReinspectionParty.Community;
        }

        if (role == Roles.CityOfficer && scopeCode == CityCode)
        {
            parties |= ReinspectionParty.InspectingCity;
            if (ReviewedByCity)
            {
                parties |= ReinspectionParty.Reviewer;
            }
        }

        if (role == Roles.ProvinceOfficer && !ReviewedByCity)
        {
            parties |= ReinspectionParty.Reviewer;
        }

        return parties;
    }

    /// <summary>The one answer to "what may this party do now" (state, party and dates), which pages and endpoints render.</summary>
    public IReadOnlyList<ReinspectionAction> OptionsFor(ReinspectionParty parties, DateOnly today) =>
        Transitions.Keys.Where(k => k.From == State && parties.HasFlag(ActingParty[k.Action]) && AllowedOn(k.Action, today))
            .Select(k => k.Action).Distinct().ToList();

    public bool Can(ReinspectionAction action) => Transitions.ContainsKey((State, action));

    // A9: the community prepares its self-check material and self-assessment before the city acts.
    public void SubmitSelfCheck(string selfAssessment, DateTimeOffset now)
    {
        Next(ReinspectionAction.SelfCheck);
        RequireText(selfAssessment, "请填写自评情况。", "A9");
        SelfAssessment = selfAssessment.Trim();
        SelfCheckedAt = now;
    }

    /// <summary>
    /// A9: the city records its result with the filled sheet, the on-site record and the indicators frozen now. A pass needs a
    /// complete sheet at or above the pass mark with every gate met; 限期整改 needs a due date after the result and the
    /// required items; a fail needs findings.
    /// </summary>
    public void RecordResult(ReinspectionResult result, ScoreSheet sheet, ReinspectionVisit visit, string frozenIndicators, string actor,
        DateOnly today, DateOnly? rectifyDueDate = null, IReadOnlyList<string>? requiredItems = null)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(visit);
        var action = result switch
        {
            ReinspectionResult.Pass => ReinspectionAction.Pass,
            ReinspectionResult.Rectify => ReinspectionAction.Rectify,
            _ => ReinspectionAction.Fail,
        };
        var next = Next(action);
        if (sheet.TemplateVersion != TemplateVersion)
        {
            throw new DomainException($"复查须使用本轮指定的评分表{TemplateVersion}。", "A6");
        }

        if (!sheet.IsComplete)
        {
            throw new DomainException("评分表尚有未评分的项目，不能登记复查结果。", "A6");
        }

        var inspectors = visit.Inspectors.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct().ToList();
        if (inspectors.Count < OnSiteInspection.MinimumInspectors)
        {
            throw new DomainException($"实地复查人员不得少于{OnSiteInspection.MinimumInspectors}人。", "A9");
        }

        if (visit.Date > today)
        {
            throw new DomainException("实地复查日期不能晚于今天。", "A9");
        }

        RequireText(visit.Method, "请填写复查方式（如实地查看、查阅台账、走访群众）。", "A9");
        if (result == ReinspectionResult.Pass && !sheet.Passes(PassMark))
        {
            throw new DomainException($"评分{sheet.Total}分未达到合格线{PassMark}分或有必备条件未达到，不能评为复查合格。", "A9");
        }

        if (result != ReinspectionResult.Pass)
        {
            RequireText(visit.Findings, result == ReinspectionResult.Fail ? "复查不合格须填写发现的问题。" : "限期整改须填写发现的问题。", "A9");
        }

        if (result == ReinspectionResult.Rectify)
        {
            if (rectifyDueDate is not { } due || due <= today)
            {
                throw new DomainException("限期整改须指定晚于今天的整改期限。", "A9");
            }

            var items = (requiredItems ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList();
            if (items.Count == 0)
            {
                throw new DomainException("限期整改须列明整改事项。", "A9");
            }

            RectifyDueDate = due;
            _requiredItems = items;
        }

        sheet.Lock();
        _scoreSheets.Clear();
        _scoreSheets.Add(sheet);
        _inspectors = inspectors;
        VisitDate = visit.Date;
        VisitMethod = visit.Method.Trim();
        Findings = string.IsNullOrWhiteSpace(visit.Findings) ? null : visit.Findings.Trim();
        FrozenIndicators = frozenIndicators;
        Result = result;
        ResultOn = today;
        ResultBy = actor;
        if (result == ReinspectionResult.Fail)
        {
            FailedOn = today;
        }

        State = next;
    }

    /// <summary>A due date <paramref name="workingDays"/> working days after <paramref name="from"/> (docs/reference/calendar.md).</summary>
    public static DateOnly RectifyDueDateFrom(WorkingDayCalendar calendar, DateOnly from, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (workingDays < 1)
        {
            throw new DomainException("整改期限至少为1个工作日。", "A9");
        }

        return calendar.AddWorkingDays(from, workingDays);
    }

    // A9: the community answers the required items with evidence by the due date.
    public void AnswerRectification(string answer, DateOnly today)
    {
        var next = Next(ReinspectionAction.AnswerRectification);
        if (today > RectifyDueDate)
        {
            throw new DomainException($"整改期限已于{ChinaTime.Format(RectifyDueDate!.Value)}届满，整改已逾期，由市州复核作出结论。", "A9");
        }

        RequireText(answer, "请填写整改情况说明。", "A9");
        RectificationAnswer = answer.Trim();
        AnsweredOn = today;
        State = next;
    }

    // A9: the city re-checks the rectification to pass or fail.
    public void RecheckPass(string remark, DateOnly today)
    {
        var next = Next(ReinspectionAction.RecheckPass);
        Recheck(remark, today);
        State = next;
    }

    public void RecheckFail(string remark, DateOnly today)
    {
        var next = Next(ReinspectionAction.RecheckFail);
        if (!AllowedOn(ReinspectionAction.RecheckFail, today))
        {
            throw new DomainException($"整改期限{ChinaTime.Format(RectifyDueDate!.Value)}未届满且社区尚未答复，暂不能判定整改不合格。", "A9");
        }

        RequireText(remark, "整改不合格须填写理由。", "A9");
        Recheck(remark, today);
        FailedOn = today;
        State = next;
    }

    /// <summary>
    /// A10: the reviewer confirms the fail: the title ends on the decision date with reason 复查不合格. This is the only way a
    /// title ends for that reason (<see cref="Community.EndTitle"/> refuses it).
    /// </summary>
    public void Confirm(Community community, DateOnly decisionDate, string remark, string actor, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(community);
        var next = Next(ReinspectionAction.Confirm);
        if (community.Id != CommunityId)
        {
            throw new DomainException("复查记录与社区不符。", "A10");
        }

        EnsureDecisionDate(decisionDate, today);
        RequireText(remark, "确认复查不合格须填写复核意见。", "A10");
        community.EndTitleAfterReinspection(TitleId, decisionDate, remark.Trim());
        Review(decisionDate, remark, actor);
        State = next;
    }

    // A10: the reviewer overturns the fail with a reason; the title stays.
    public void Overturn(string remark, string actor, DateOnly today)
    {
        var next = Next(ReinspectionAction.Overturn);
        RequireText(remark, "撤销复查不合格结论须填写理由。", "A10");
        Review(today, remark, actor);
        State = next;
    }

    public static string StateName(ReinspectionState state) => state switch
    {
        ReinspectionState.NotStarted => "未复查",
        ReinspectionState.Passed => "复查合格",
        ReinspectionState.Rectifying => "限期整改",
        ReinspectionState.RectificationAnswered => "整改待复核",
        ReinspectionState.Failed => "不合格待复核",
        ReinspectionState.Confirmed => "确认不合格（称号终止）",
        ReinspectionState.Overturned => "复核撤销不合格",
        _ => state.ToString(),
    };

    public static string ActionName(ReinspectionAction action) => action switch
    {
        ReinspectionAction.SelfCheck => "提交自查材料",
        ReinspectionAction.Pass => "复查合格",
        ReinspectionAction.Rectify => "限期整改",
        ReinspectionAction.Fail => "复查不合格",
        ReinspectionAction.AnswerRectification => "提交整改情况",
        ReinspectionAction.RecheckPass => "整改合格",
        ReinspectionAction.RecheckFail => "整改不合格",
        ReinspectionAction.Confirm => "确认不合格并终止称号",
        ReinspectionAction.Overturn => "撤销不合格结论",
        _ => action.ToString(),
    };

    public static string ResultApiName(ReinspectionResult? result) => result switch
    {
        ReinspectionResult.Pass => "pass",
        ReinspectionResult.Rectify => "rectify",
        ReinspectionResult.Fail => "fail",
        _ => "",
    };

    public static ReinspectionResult ParseResult(string? value) => value switch
    {
        "pass" => ReinspectionResult.Pass,
        "rectify" => ReinspectionResult.Rectify,
        "fail" => ReinspectionResult.Fail,
        _ => throw new DomainException("复查结果应为 pass（合格）、rectify（限期整改）或 fail（不合格）。", "A9"),
    };

    // Date-dependent options: an unanswered rectification can be failed only once its due date has passed.
    private bool AllowedOn(ReinspectionAction action, DateOnly today) => action switch
    {
        ReinspectionAction.RecheckFail when State == ReinspectionState.Rectifying => today > RectifyDueDate,
        ReinspectionAction.AnswerRectification => today <= RectifyDueDate,
        _ => true,
    };

    private void Recheck(string remark, DateOnly today)
    {
        RecheckedOn = today;
        RecheckRemark = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim();
    }

    private void Review(DateOnly on, string remark, string actor)
    {
        ReviewedOn = on;
        ReviewRemark = remark.Trim();
        ReviewedBy = actor;
    }

    private void EnsureDecisionDate(DateOnly decisionDate, DateOnly today)
    {
        if (decisionDate > today)
        {
            throw new DomainException("复核决定日期不能晚于今天。", "A10");
        }

        if (FailedOn is { } failed && decisionDate < failed)
        {
            throw new DomainException($"复核决定日期不得早于复查不合格之日（{ChinaTime.Format(failed)}）。", "A10");
        }
    }

    private ReinspectionState Next(ReinspectionAction action) =>
        Transitions.TryGetValue((State, action), out var next)
            ? next
            : throw new DomainException($"复查记录当前为“{StateName(State)}”，不能{ActionName(action)}。", ClauseOf(action));

    private static string ClauseOf(ReinspectionAction action) =>
        action is ReinspectionAction.Confirm or ReinspectionAction.Overturn ? "A10" : "A9";

    private static void RequireText(string? text, string message, string clause)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException(message, clause);
        }
    }
}
