using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;

namespace FullEmployment.Domain.Supervision;

/// <summary>A11: the civil-affairs change a community reports.</summary>
public enum ChangeKind
{
    Dissolution = 1,
    Merger = 2,
    Rename = 3,
}

public enum ChangeReportState
{
    /// <summary>Filed by community staff; the county has not confirmed it, so it has not reached the HR departments.</summary>
    AwaitingCounty = 1,

    /// <summary>A dissolution or a merger without titles to verify: in effect, nothing left to decide.</summary>
    InEffect = 2,

    /// <summary>A merger in effect whose successor waits for the province's (or the city's) verification (A11.3).</summary>
    AwaitingVerification = 3,

    /// <summary>A rename waiting for the province's (or the city's) consent (A11.4).</summary>
    AwaitingConsent = 4,

    Verified = 5,
    Consented = 6,
    Refused = 7,
}

public enum ChangeReportAction
{
    Confirm = 1,
    Consent = 2,
    Refuse = 3,
    Verify = 4,

    /// <summary>The city or the province notes that it has seen the report (A11.1: reported to both).</summary>
    Acknowledge = 5,

    /// <summary>After a refused rename, the decider records what becomes of the title (A11.4).</summary>
    DecideTitle = 6,
}

/// <summary>Where the acting officer stands towards a report's community; 嘉峪关's city officers are both county step and city.</summary>
[Flags]
public enum ChangeStanding
{
    None = 0,
    Community = 1,
    County = 2,
    City = 4,
    Province = 8,
}

/// <summary>
/// The outcome of verifying a merged community (A11.3): the provincial score sheet filled item by item, the successor's indicators
/// as seen, and a title or a reason.
/// </summary>
public sealed record MergerVerification(DateOnly VerifiedOn, ScoreSheet Sheet, string Indicators, bool MeetsConditions, string? DocumentNumber,
    string? PlaqueNumber, DateOnly? GrantedOn, string? Reason);

public static class ChangeKinds
{
    public static string DisplayName(this ChangeKind kind) => kind switch
    {
        ChangeKind.Dissolution => "撤销",
        ChangeKind.Merger => "合并",
        ChangeKind.Rename => "更名",
        _ => kind.ToString(),
    };

    public static string ApiName(this ChangeKind kind) => kind switch
    {
        ChangeKind.Dissolution => "dissolution",
        ChangeKind.Merger => "merger",
        ChangeKind.Rename => "rename",
        _ => kind.ToString(),
    };

    public static ChangeKind? ParseApiName(string? value) => value switch
    {
        "dissolution" => ChangeKind.Dissolution,
        "merger" => ChangeKind.Merger,
        "rename" => ChangeKind.Rename,
        _ => null,
    };

    public static string DisplayName(this ChangeReportState state) => state switch
    {
        ChangeReportState.AwaitingCounty => "待县区确认",
        ChangeReportState.InEffect => "已生效",
        ChangeReportState.AwaitingVerification => "已生效，待核查",
        ChangeReportState.AwaitingConsent => "待同意",
        ChangeReportState.Verified => "已核查",
        ChangeReportState.Consented => "已同意更名",
        ChangeReportState.Refused => "不同意更名",
        _ => state.ToString(),
    };

    public static string ApiName(this ChangeReportState state) => state switch
    {
        ChangeReportState.AwaitingCounty => "awaitingCounty",
        ChangeReportState.InEffect => "inEffect",
        ChangeReportState.AwaitingVerification => "awaitingVerification",
        ChangeReportState.AwaitingConsent => "awaitingConsent",
        ChangeReportState.Verified => "verified",
        ChangeReportState.Consented => "consented",
        ChangeReportState.Refused => "refused",
        _ => state.ToString(),
    };

    public static string DisplayName(this ChangeReportAction action) => action switch
    {
        ChangeReportAction.Confirm => "确认报备",
        ChangeReportAction.Consent => "同意更名",
        ChangeReportAction.Refuse => "不同意更名",
        ChangeReportAction.Verify => "登记核查结果",
        ChangeReportAction.Acknowledge => "阅知",
        ChangeReportAction.DecideTitle => "登记称号处理意见",
        _ => action.ToString(),
    };

    public static ChangeReportAction? ParseAction(string? value) => value switch
    {
        "confirm" => ChangeReportAction.Confirm,
        "consent" => ChangeReportAction.Consent,
        "refuse" => ChangeReportAction.Refuse,
        "verify" => ChangeReportAction.Verify,
        "acknowledge" => ChangeReportAction.Acknowledge,
        "decide-title" => ChangeReportAction.DecideTitle,
        _ => null,
    };
}

/// <summary>
/// A civil-affairs change report (A11.1): a dissolution, merger or rename decided by civil affairs, reported within one
/// calendar month of the decision. State changes go through intent-named methods that check the transition table and
/// the actor's standing; <see cref="OptionsFor"/> is the one answer to "what may this actor do now".
/// </summary>
public sealed class ChangeReport
{
    public const string Clause = "A11";

    /// <summary>The moves that change state; Acknowledge and DecideTitle only record a note and are guarded in <see cref="OptionsFor"/>.</summary>
    public static readonly IReadOnlyDictionary<(ChangeReportState From, ChangeReportAction Action), ChangeReportState> Transitions =
        new Dictionary<(ChangeReportState, ChangeReportAction), ChangeReportState>
        {
            // A11.2/A11.3: the county's confirmation makes a dissolution or merger take effect.
            [(ChangeReportState.AwaitingCounty, ChangeReportAction.Confirm)] = ChangeReportState.InEffect,
            [(ChangeReportState.AwaitingConsent, ChangeReportAction.Consent)] = ChangeReportState.Consented,
            [(ChangeReportState.AwaitingConsent, ChangeReportAction.Refuse)] = ChangeReportState.Refused,
            [(ChangeReportState.AwaitingVerification, ChangeReportAction.Verify)] = ChangeReportState.Verified,
        };

    /// <summary>A11.3 with A6: the merged community meets the conditions at 90 points on the provincial sheet, as a provincial candidate does.</summary>
    public const decimal VerificationPassMark = Campaign.DefaultPassMark;

    private readonly List<ScoreSheet> _scoreSheets = [];

    private string _predecessorCodes = "";

    private ChangeReport() { }

    private ChangeReport(ChangeKind kind, Community community, string documentNumber, DateOnly decisionDate, DateOnly filedOn, string filedBy)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        CommunityId = community.Id;
        CommunityCode = community.Code;
        CommunityName = community.Name;
        CityCode = community.CityCode;
        CountyCode = community.CountyCode;
        DecisionDocumentNumber = documentNumber;
        DecisionDate = decisionDate;
        DueDate = DueDateFor(decisionDate);
        FiledOn = filedOn;
        FiledBy = filedBy;
    }

    public Guid Id { get; private set; }

    public int Version { get; private set; }

    public ChangeKind Kind { get; private set; }

    public int CommunityId { get; private set; }

    public string CommunityCode { get; private set; } = "";

    /// <summary>The name when filed; a consented rename keeps the old name here and the new in <see cref="NewName"/>.</summary>
    public string CommunityName { get; private set; } = "";

    public string CityCode { get; private set; } = "";

    public string? CountyCode { get; private set; }

    public string DecisionDocumentNumber { get; private set; } = "";

    public DateOnly DecisionDate { get; private set; }

    /// <summary>The civil-affairs decision document (stored file), when uploaded.</summary>
    public Guid? DecisionFileId { get; private set; }

    public DateOnly DueDate { get; private set; }

    public DateOnly FiledOn { get; private set; }

    public string FiledBy { get; private set; } = "";

    public ChangeReportState State { get; private set; }

    /// <summary>Who consents to a rename or verifies a merger: the province, or the city for municipal titles only (A10).</summary>
    public ChangeStanding Decider { get; private set; }

    public string? NewName { get; private set; }

    public string? SuccessorCode { get; private set; }

    public IReadOnlyList<string> PredecessorCodes =>
        _predecessorCodes.Length == 0 ? [] : _predecessorCodes.Split(',');

    public DateOnly? ConfirmedOn { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? DecidedBy { get; private set; }

    /// <summary>The refusal reason (A11.4), or the verification's reason for no title (A11.3).</summary>
    public string? Reason { get; private set; }

    /// <summary>A11.4: a consented rename needs a new plaque.</summary>
    public string? PlaqueReissueNote { get; private set; }

    public DateOnly? TitleDecidedOn { get; private set; }

    public string? TitleDecision { get; private set; }

    public DateOnly? VerifiedOn { get; private set; }

    /// <summary>The verification sheet's total, kept for lists; it is never given, only derived from the items (A6).</summary>
    public decimal? VerificationScore { get; private set; }

    /// <summary>A11.3: the provincial score sheet the verifier filled, item by item, locked with the verification.</summary>
    public ScoreSheet? VerificationSheet => _scoreSheets.Count > 0 ? _scoreSheets[0] : null;

    /// <summary>The persistence side of <see cref="VerificationSheet"/> (at most one sheet).</summary>
    public IReadOnlyList<ScoreSheet> ScoreSheets => _scoreSheets;

    public string? VerificationIndicators { get; private set; }

    public bool? MeetsConditions { get; private set; }

    public string? GrantedDocumentNumber { get; private set; }

    public string? GrantedPlaqueNumber { get; private set; }

    public DateOnly? GrantedOn { get; private set; }

    public DateOnly? CityAcknowledgedOn { get; private set; }

    public DateOnly? ProvinceAcknowledgedOn { get; private set; }

    /// <summary>
    /// A11.1: one calendar month after the decision. <see cref="DateOnly.AddMonths"/> clamps to the last day of a shorter
    /// month (2025-01-31 → 2025-02-28, 2024-01-31 → 2024-02-29), which is the reading of "1个月内" in docs/reference/clauses.md.
    /// </summary>
    public static DateOnly DueDateFor(DateOnly decisionDate) => decisionDate.AddMonths(1);

    /// <summary>逾期报备: filed after its due date (accepted all the same).</summary>
    public bool FiledLate => FiledOn > DueDate;

    /// <summary>Filed by the community but not yet confirmed by the county after the due date: overdue and still unreported.</summary>
    public bool IsOverdueUnreported(DateOnly today) => State == ChangeReportState.AwaitingCounty && today > DueDate;

    /// <summary>Whether the change has taken effect on the registry (titles ended, community marked, name changed).</summary>
    public bool HasTakenEffect => State is ChangeReportState.InEffect or ChangeReportState.AwaitingVerification or ChangeReportState.Verified
        or ChangeReportState.Consented;

    /// <summary>
    /// Files a report. Community staff and the county step may file (A11.1); a county filing a dissolution or merger makes
    /// it take effect at once (A11.2), a staff filing waits for the county. A rename goes straight to its decider (A11.4).
    /// </summary>
    public static ChangeReport File(ChangeKind kind, Community community, ChangeStanding filer, string documentNumber, DateOnly decisionDate,
        DateOnly today, string filedBy, ChangeStanding decider = ChangeStanding.None, string? newName = null,
        IReadOnlyList<string>? predecessorCodes = null, string? successorCode = null)
    {
        ArgumentNullException.ThrowIfNull(community);
        if (!filer.HasFlag(ChangeStanding.Community) && !filer.HasFlag(ChangeStanding.County))
        {
            throw new DomainException("民政部门撤销、合并、更名事项由社区或所在县区人社局（无县区的市由市人社局）报备。", Clause);
        }

        if (!community.OpenActions.Contains(CommunityAction.Change))
        {
            throw new DomainException($"社区“{community.Name}”已撤销或合并，不能再报备变更。", Clause);
        }

        if (string.IsNullOrWhiteSpace(documentNumber))
        {
            throw new DomainException("须填写民政部门决定的文件号。", "A11.1");
        }

        if (decisionDate > today)
        {
            throw new DomainException($"民政部门决定日期（{ChinaTime.Format(decisionDate)}）不能晚于报备日期。", "A11.1");
        }

        var report = new ChangeReport(kind, community, documentNumber.Trim(), decisionDate, today, filedBy);
        var countyFiles = filer.HasFlag(ChangeStanding.County);
        switch (kind)
        {
            case ChangeKind.Rename:
                if (string.IsNullOrWhiteSpace(newName))
                {
                    throw new DomainException("更名须填写新名称。", "A11.4");
                }

                if (newName.Trim() == community.Name)
                {
                    throw new DomainException("新名称与现名称相同。", "A11.4");
                }

                report.NewName = newName.Trim();
                report.Decider = DeciderOf(decider);
                report.State = ChangeReportState.AwaitingConsent;
                break;
            case ChangeKind.Merger:
                var codes = (predecessorCodes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
                if (!codes.Contains(community.Code))
                {
                    codes.Insert(0, community.Code);
                }

                if (codes.Count < 2)
                {
                    throw new DomainException("合并须列明两个及以上被合并社区。", "A11.3");
                }

                if (codes.Any(c => c.Length != 12 || c[..4] != community.CityCode[..4]))
                {
                    throw new DomainException("被合并社区须属于同一市州。", "A11.3");
                }

                if (string.IsNullOrWhiteSpace(successorCode) || successorCode.Trim()[..Math.Min(4, successorCode.Trim().Length)] != community.CityCode[..4])
                {
                    throw new DomainException("须指明合并后的社区（新设社区或被合并社区之一），且属于同一市州。", "A11.3");
                }

                report._predecessorCodes = string.Join(',', codes);
                report.SuccessorCode = successorCode.Trim();
                report.Decider = decider;
                report.State = countyFiles ? EffectState(report) : ChangeReportState.AwaitingCounty;
                report.ConfirmedOn = countyFiles ? today : null;
                break;
            default:
                report.State = countyFiles ? ChangeReportState.InEffect : ChangeReportState.AwaitingCounty;
                report.ConfirmedOn = countyFiles ? today : null;
                break;
        }

        return report;
    }

    /// <summary>The one answer to "what may this actor do now" (pages and endpoints render it; every method checks it).</summary>
    public IReadOnlyList<ChangeReportAction> OptionsFor(ChangeStanding actor)
    {
        var options = new List<ChangeReportAction>();
        if (State == ChangeReportState.AwaitingCounty && actor.HasFlag(ChangeStanding.County))
        {
            options.Add(ChangeReportAction.Confirm);
        }

        if (State == ChangeReportState.AwaitingConsent && actor.HasFlag(Decider))
        {
            options.Add(ChangeReportAction.Consent);
            options.Add(ChangeReportAction.Refuse);
        }

        if (State == ChangeReportState.AwaitingVerification && actor.HasFlag(Decider))
        {
            options.Add(ChangeReportAction.Verify);
        }

        if (State == ChangeReportState.Refused && TitleDecidedOn is null && actor.HasFlag(Decider))
        {
            options.Add(ChangeReportAction.DecideTitle);
        }

        if (State != ChangeReportState.AwaitingCounty
            && ((actor.HasFlag(ChangeStanding.City) && CityAcknowledgedOn is null) || (actor.HasFlag(ChangeStanding.Province) && ProvinceAcknowledgedOn is null)))
        {
            options.Add(ChangeReportAction.Acknowledge);
        }

        return options;
    }

    /// <summary>A11.2/A11.3: the county confirms the community's filing; the change takes effect.</summary>
    public void Confirm(ChangeStanding actor, DateOnly today)
    {
        Ensure(actor, ChangeReportAction.Confirm);
        State = Kind == ChangeKind.Merger ? EffectState(this) : ChangeReportState.InEffect;
        ConfirmedOn = today;
    }

    /// <summary>A11.4: the decider consents; the name changes on the consent date and the plaque is re-issued.</summary>
    public void Consent(ChangeStanding actor, DateOnly on, string by)
    {
        Ensure(actor, ChangeReportAction.Consent);
        Move(ChangeReportAction.Consent);
        DecidedOn = on;
        DecidedBy = by;
        PlaqueReissueNote = $"更名为“{NewName}”，称号继续保留，牌匾按新名称换发。";
    }

    /// <summary>A11.4: the decider refuses with a reason; the title is then decided separately.</summary>
    public void Refuse(ChangeStanding actor, DateOnly on, string by, string reason)
    {
        Ensure(actor, ChangeReportAction.Refuse);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("不同意更名须填写理由。", "A11.4");
        }

        Move(ChangeReportAction.Refuse);
        DecidedOn = on;
        DecidedBy = by;
        Reason = reason.Trim();
    }

    /// <summary>A11.4: after a refusal, what the decider decided about the title (kept, or ended on the community page).</summary>
    public void DecideTitle(ChangeStanding actor, DateOnly on, string decision)
    {
        Ensure(actor, ChangeReportAction.DecideTitle);
        if (string.IsNullOrWhiteSpace(decision))
        {
            throw new DomainException("须填写称号处理意见。", "A11.4");
        }

        TitleDecidedOn = on;
        TitleDecision = decision.Trim();
    }

    /// <summary>
    /// A11.3: the verification of the merged community on the provincial score sheet (A6): every item scored within its maximum,
    /// the total derived from the items; meeting the conditions needs the pass mark with every "must have" item met, and the new
    /// title's document.
    /// </summary>
    public void Verify(ChangeStanding actor, MergerVerification verification, string by)
    {
        ArgumentNullException.ThrowIfNull(verification);
        ArgumentNullException.ThrowIfNull(verification.Sheet);
        Ensure(actor, ChangeReportAction.Verify);
        var sheet = verification.Sheet;
        if (!sheet.IsComplete)
        {
            var missing = string.Join("、", sheet.Lines.Where(l => l.Score is null).Select(l => l.Number));
            throw new DomainException($"核查评分表尚有未评分的项目（第{missing}项），每一项都须评分。", "A6");
        }

        if (verification.MeetsConditions && !sheet.Passes(VerificationPassMark))
        {
            throw new DomainException(
                $"核查评分{sheet.Total}分未达到{VerificationPassMark}分或有必备条件未达到，不能认定为符合条件。", "A11.3");
        }

        if (verification.MeetsConditions
            && (string.IsNullOrWhiteSpace(verification.DocumentNumber) || string.IsNullOrWhiteSpace(verification.PlaqueNumber) || verification.GrantedOn is null))
        {
            throw new DomainException("核查合格须填写认定文件号、牌匾编号和认定日期。", "A11.3");
        }

        if (!verification.MeetsConditions && string.IsNullOrWhiteSpace(verification.Reason))
        {
            throw new DomainException("核查不合格须填写理由。", "A11.3");
        }

        if (verification.VerifiedOn < DecisionDate || (verification.GrantedOn is { } g && g < DecisionDate))
        {
            throw new DomainException("核查和认定日期不得早于合并决定日期。", "A11.3");
        }

        Move(ChangeReportAction.Verify);
        sheet.Lock();
        _scoreSheets.Clear();
        _scoreSheets.Add(sheet);
        VerifiedOn = verification.VerifiedOn;
        VerificationScore = sheet.Total;
        VerificationIndicators = verification.Indicators;
        MeetsConditions = verification.MeetsConditions;
        GrantedDocumentNumber = verification.MeetsConditions ? verification.DocumentNumber!.Trim() : null;
        GrantedPlaqueNumber = verification.MeetsConditions ? verification.PlaqueNumber!.Trim() : null;
        GrantedOn = verification.MeetsConditions ? verification.GrantedOn : null;
        Reason = verification.MeetsConditions ? null : verification.Reason!.Trim();
        DecidedOn = verification.VerifiedOn;
        DecidedBy = by;
    }

    /// <summary>The review level a verification sheet is filed at: the province's, or the city's for municipal titles (A10).</summary>
    public ReviewLevel VerificationLevel => Decider == ChangeStanding.Province ? ReviewLevel.Province : ReviewLevel.City;

    /// <summary>A11.1: the city bureau or the province notes the report.</summary>
    public void Acknowledge(ChangeStanding actor, DateOnly on)
    {
        Ensure(actor, ChangeReportAction.Acknowledge);
        if (actor.HasFlag(ChangeStanding.Province))
        {
            ProvinceAcknowledgedOn = on;
        }
        else
        {
            CityAcknowledgedOn = on;
        }
    }

    public void AttachDecisionFile(Guid fileId) => DecisionFileId = fileId;

    /// <summary>The level that verified a merger grants: provincial for the province, municipal for the city (A11.3, A10).</summary>
    public TitleLevel VerifiedLevel => Decider == ChangeStanding.Province ? TitleLevel.Provincial : TitleLevel.Municipal;

    /// <summary>The decider for a community's titles in force: the province unless it holds municipal titles only (A10).</summary>
    public static ChangeStanding DeciderFor(IEnumerable<Title> titlesInForce) =>
        titlesInForce.Any(t => t.Level != TitleLevel.Municipal) ? ChangeStanding.Province : ChangeStanding.City;

    private static ChangeStanding DeciderOf(ChangeStanding decider) =>
        decider is ChangeStanding.Province or ChangeStanding.City ? decider : ChangeStanding.Province;

    // A11.3: a merger whose predecessors held no title in force has nothing to verify.
    private static ChangeReportState EffectState(ChangeReport report) =>
        report.Decider is ChangeStanding.Province or ChangeStanding.City ? ChangeReportState.AwaitingVerification : ChangeReportState.InEffect;

    /// <summary>Whether someone may take the action in the current state (so a refusal is about the actor, not the state).</summary>
    public bool AllowsNow(ChangeReportAction action) =>
        OptionsFor(ChangeStanding.Community | ChangeStanding.County | ChangeStanding.City | ChangeStanding.Province).Contains(action);

    private void Move(ChangeReportAction action) => State = Transitions[(State, action)];

    private void Ensure(ChangeStanding actor, ChangeReportAction action)
    {
        if (OptionsFor(actor).Contains(action))
        {
            return;
        }

        throw new DomainException(AllowsNow(action)
            ? $"您无权对该{Kind.DisplayName()}报备执行“{action.DisplayName()}”。"
            : $"该{Kind.DisplayName()}报备当前为“{State.DisplayName()}”，不能执行“{action.DisplayName()}”。", Clause);
    }
}
