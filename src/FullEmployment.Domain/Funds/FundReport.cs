using FullEmployment.Domain.Identity;

namespace FullEmployment.Domain.Funds;

/// <summary>
/// A community's fund-usage report for one allocation year (A13, A14): its expense lines in the five categories, what it
/// received (its allocation line) and any balance carried over with a reason. The community submits it to the county stage,
/// where county HR and county finance both sign off in either order, then to the city stage, the same with city HR and city
/// finance; 嘉峪关 (no counties) has the city stage only. Either officer may return it with remarks, or propose recovery, which
/// the other officer of the stage decides (A14.2). Every move is in <see cref="Transitions"/>; every reviewer's act is kept in
/// <see cref="SignOffs"/>.
/// </summary>
public sealed class FundReport
{
    public const int ReasonLength = 1000;
    public const int RemarksLength = 1000;

    /// <summary>
    /// The transition table. Approve moves on only once both sides of the stage have signed in this round; the first
    /// signature leaves the state as it is. A report of a community without a county (嘉峪关) enters the city stage on submit.
    /// </summary>
    public static readonly IReadOnlyDictionary<(FundReportState From, FundReportAction Action), FundReportState> Transitions =
        new Dictionary<(FundReportState, FundReportAction), FundReportState>
        {
            [(FundReportState.Draft, FundReportAction.Edit)] = FundReportState.Draft,
            [(FundReportState.Draft, FundReportAction.Submit)] = FundReportState.CountyReview,
            [(FundReportState.Returned, FundReportAction.Edit)] = FundReportState.Returned,
            [(FundReportState.Returned, FundReportAction.Submit)] = FundReportState.CountyReview,
            [(FundReportState.CountyReview, FundReportAction.Approve)] = FundReportState.CityReview,
            [(FundReportState.CountyReview, FundReportAction.Return)] = FundReportState.Returned,
            [(FundReportState.CountyReview, FundReportAction.ProposeRecovery)] = FundReportState.CountyRecoveryProposed,
            [(FundReportState.CountyRecoveryProposed, FundReportAction.AgreeRecovery)] = FundReportState.Recovered,
            [(FundReportState.CountyRecoveryProposed, FundReportAction.DeclineRecovery)] = FundReportState.CountyReview,
            [(FundReportState.CityReview, FundReportAction.Approve)] = FundReportState.Approved,
            [(FundReportState.CityReview, FundReportAction.Return)] = FundReportState.Returned,
            [(FundReportState.CityReview, FundReportAction.ProposeRecovery)] = FundReportState.CityRecoveryProposed,
            [(FundReportState.CityRecoveryProposed, FundReportAction.AgreeRecovery)] = FundReportState.Recovered,
            [(FundReportState.CityRecoveryProposed, FundReportAction.DeclineRecovery)] = FundReportState.CityReview,
            [(FundReportState.Recovered, FundReportAction.RecordRefund)] = FundReportState.Recovered,
            [(FundReportState.Recovered, FundReportAction.RecordAccountability)] = FundReportState.Recovered,
        };

    private readonly List<FundReportLine> _lines = [];
    private readonly List<FundReportSignOff> _signOffs = [];
    private readonly List<Recovery> _recoveries = [];
    private readonly List<AccountabilityRecord> _accountability = [];

    private FundReport(int communityId, string communityCode, string communityName, string cityCode, string? countyCode, int year,
        decimal received, string actor, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        CommunityId = communityId;
        CommunityCode = communityCode;
        CommunityName = communityName;
        CityCode = cityCode;
        CountyCode = countyCode;
        Year = year;
        Received = FundReportRules.EnsureMoney(received, "到位资金");
        DueDate = FundReportRules.DueDate(year);
        State = FundReportState.Draft;
        CreatedBy = actor;
        CreatedAt = now;
    }

    private FundReport() { }

    public Guid Id { get; private set; }

    /// <summary>Optimistic-concurrency version, managed by the persistence layer; it covers the lines too (one aggregate).</summary>
    public int Version { get; private set; }

    public int CommunityId { get; private set; }

    public string CommunityCode { get; private set; } = string.Empty;

    public string CommunityName { get; private set; } = string.Empty;

    public string CityCode { get; private set; } = string.Empty;

    public string? CountyCode { get; private set; }

    public int Year { get; private set; }

    /// <summary>The subsidy the province granted the community for the year (its allocation line): received, and the A13.4 base.</summary>
    public decimal Received { get; private set; }

    public decimal CarriedOver { get; private set; }

    public string? CarriedOverReason { get; private set; }

    public DateOnly DueDate { get; private set; }

    public FundReportState State { get; private set; }

    /// <summary>1 from the first submission, one more after each return.</summary>
    public int Round { get; private set; }

    public DateOnly? FirstSubmittedOn { get; private set; }

    public DateOnly? SubmittedOn { get; private set; }

    public string? SubmittedBy { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>A14.1: 逾期: first submitted after the due date (a later resubmission after a return does not change it).</summary>
    public bool SubmittedLate { get; private set; }

    public string? ReturnRemarks { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<FundReportLine> Lines => _lines;

    public IReadOnlyList<FundReportSignOff> SignOffs => _signOffs;

    public IReadOnlyList<Recovery> Recoveries => _recoveries;

    public IReadOnlyList<AccountabilityRecord> Accountability => _accountability;

    public decimal Spent => _lines.Sum(l => l.Amount);

    public decimal TotalOf(FundReportCategory category) => _lines.Where(l => l.Category == category).Sum(l => l.Amount);

    /// <summary>The decided recovery, if any.</summary>
    public Recovery? DecidedRecovery => _recoveries.FirstOrDefault(r => r.Status == RecoveryStatus.Decided);

    /// <summary>The recovery awaiting the other officer's decision, if any.</summary>
    public Recovery? ProposedRecovery => _recoveries.FirstOrDefault(r => r.Status == RecoveryStatus.Proposed);

    public bool IsSubmitted => FirstSubmittedOn is not null;

    /// <summary>A14.1: overdue on <paramref name="today"/>: never submitted and past the due date.</summary>
    public bool IsOverdue(DateOnly today) => !IsSubmitted && today > DueDate;

    /// <summary>The stage the report is at, if it is under review.</summary>
    public FundReviewStage? CurrentStage => State switch
    {
        FundReportState.CountyReview or FundReportState.CountyRecoveryProposed => FundReviewStage.County,
        FundReportState.CityReview or FundReportState.CityRecoveryProposed => FundReviewStage.City,
        _ => null,
    };

    /// <summary>嘉峪关 (a city without counties) has one stage, done by its city officers.</summary>
    public bool HasCountyStage => CountyCode is not null;

    /// <summary>A13, A14.1: community staff open the report of their community for a year in which it has an allocation line.</summary>
    public static FundReport Open(FundReportParty parties, int communityId, string communityCode, string communityName, string cityCode,
        string? countyCode, int year, decimal received, string actor, DateTimeOffset now)
    {
        if (!parties.HasFlag(FundReportParty.Community))
        {
            throw new DomainException("资金使用情况报告只能由社区自行填报。", "A14.1");
        }

        if (string.IsNullOrWhiteSpace(cityCode))
        {
            throw new DomainException("报告的社区必须属于一个市州。", "A14.1");
        }

        return new FundReport(communityId, communityCode, communityName, cityCode, countyCode, year, received, actor, now);
    }

    /// <summary>What an account (role and scope) is to this report, from the stored report's region.</summary>
    public FundReportParty PartiesOf(string? role, string? scopeCode)
    {
        var parties = FundReportParty.None;
        if (scopeCode is null)
        {
            return parties;
        }

        if (role == Roles.CommunityStaff && scopeCode == CommunityCode)
        {
            parties |= FundReportParty.Community;
        }

        if (CountyCode is not null && scopeCode == CountyCode)
        {
            parties |= role switch
            {
                Roles.CountyOfficer => FundReportParty.CountyHumanResources,
                Roles.CountyFinance => FundReportParty.CountyFinance,
                _ => FundReportParty.None,
            };
        }

        if (scopeCode == CityCode)
        {
            parties |= role switch
            {
                Roles.CityOfficer => FundReportParty.CityHumanResources,
                Roles.CityFinance => FundReportParty.CityFinance,
                _ => FundReportParty.None,
            };
        }

        return parties;
    }

    /// <summary>The one answer to "what may this party do now", which pages and endpoints render.</summary>
    public IReadOnlyList<FundReportAction> OptionsFor(FundReportParty parties) =>
        [.. Transitions.Keys.Where(k => k.From == State && Refusal(k.Action, parties) is null).Select(k => k.Action)];

    /// <summary>
    /// A14.1, A14.2: what the report waits for from this party, or null when it waits for nothing from it: the community's
    /// resubmission of a returned report, a reviewer's sign-off not yet given this round, the other officer's decision on a
    /// proposed recovery. Returning, proposing recovery and recording refunds stay possible but are not waited for, so an
    /// officer who has signed no longer has the report in the to-do list.
    /// </summary>
    public FundReportAction? WaitingFor(FundReportParty parties) =>
        OptionsFor(parties).Where(a => a is FundReportAction.Submit or FundReportAction.Approve or FundReportAction.AgreeRecovery)
            .Select(a => (FundReportAction?)a).FirstOrDefault();

    /// <summary>The side (HR or finance) the party signs for at the report's current stage, or null when it is not a reviewer there.</summary>
    public FundReviewSide? SideOf(FundReportParty parties) => CurrentStage switch
    {
        FundReviewStage.County when parties.HasFlag(FundReportParty.CountyHumanResources) => FundReviewSide.HumanResources,
        FundReviewStage.County when parties.HasFlag(FundReportParty.CountyFinance) => FundReviewSide.Finance,
        FundReviewStage.City when parties.HasFlag(FundReportParty.CityHumanResources) => FundReviewSide.HumanResources,
        FundReviewStage.City when parties.HasFlag(FundReportParty.CityFinance) => FundReviewSide.Finance,
        _ => null,
    };

    /// <summary>The approvals given at <paramref name="stage"/> in the current round, by side.</summary>
    public IReadOnlyList<FundReportSignOff> ApprovalsAt(FundReviewStage stage) =>
        [.. _signOffs.Where(s => s.Round == Round && s.Stage == stage && s.Action == FundReportAction.Approve)];

    public bool HasApproved(FundReviewStage stage, FundReviewSide side) => ApprovalsAt(stage).Any(s => s.Side == side);

    /// <summary>A13: the community writes or revises the lines and the carried-over balance while the report is a draft or returned.</summary>
    public void Edit(FundReportParty parties, IReadOnlyList<FundReportLineInput> lines, decimal carriedOver, string? carriedOverReason)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Next(FundReportAction.Edit, parties);
        FundReportRules.EnsureMoney(carriedOver, "结转资金", allowZero: true);
        var reason = string.IsNullOrWhiteSpace(carriedOverReason) ? null : carriedOverReason.Trim();
        if (reason is { Length: > ReasonLength })
        {
            throw new DomainException($"结转原因不得超过{ReasonLength}个字。", "A13");
        }

        var built = lines.Select((line, i) => new FundReportLine(Id, i + 1, line, Year)).ToList();
        _lines.Clear();
        _lines.AddRange(built);
        CarriedOver = carriedOver;
        CarriedOverReason = reason;
    }

    /// <summary>
    /// A13.4, A14.1: the community submits; category (4) must stay within <paramref name="informationNetworkShare"/> of what
    /// was received, spending within received plus carried over, and a carried-over balance needs its reason. Late is
    /// allowed and marked 逾期.
    /// </summary>
    public void Submit(FundReportParty parties, decimal informationNetworkShare, string actor, DateOnly today, DateTimeOffset now)
    {
        var next = Next(FundReportAction.Submit, parties);
        if (_lines.Count == 0)
        {
            throw new DomainException("报告至少应有一笔支出明细。", "A13");
        }

        FundReportRules.EnsureInformationNetworkWithinCap(TotalOf(FundReportCategory.InformationNetwork), Received, informationNetworkShare);
        FundReportRules.EnsureSpendingCovered(Spent, Received, CarriedOver);
        if (CarriedOver > 0m && CarriedOverReason is null)
        {
            throw new DomainException("有结转资金的须说明结转原因。", "A13");
        }

        if (FirstSubmittedOn is null)
        {
            FirstSubmittedOn = today;
            SubmittedLate = FundReportRules.IsLate(DueDate, today);
        }

        SubmittedOn = today;
        SubmittedBy = actor;
        SubmittedAt = now;
        Round++;
        ReturnRemarks = null;
        State = HasCountyStage ? next : FundReportState.CityReview;
    }

    /// <summary>
    /// A14.1: an officer of the current stage signs off for their side; once both HR and finance have signed in this round
    /// (in either order) the report moves to the next stage, or is approved after the city stage.
    /// </summary>
    public void Approve(FundReportParty parties, string? remarks, string actor, DateTimeOffset now)
    {
        var next = Next(FundReportAction.Approve, parties);
        var stage = CurrentStage!.Value;
        var side = SideOf(parties)!.Value;
        _signOffs.Add(new FundReportSignOff(Id, Round, stage, side, FundReportAction.Approve, actor, now, Limit(remarks)));
        if (HasApproved(stage, FundReviewSide.HumanResources) && HasApproved(stage, FundReviewSide.Finance))
        {
            State = next;
            if (next == FundReportState.Approved)
            {
                CompletedOn = ChinaTime.DateOf(now);
            }
        }
    }

    /// <summary>A14.1: either officer of the current stage returns the report to the community for revision, with remarks.</summary>
    public void Return(FundReportParty parties, string remarks, string actor, DateTimeOffset now)
    {
        var next = Next(FundReportAction.Return, parties);
        var text = RequireRemarks(remarks, "退回修改须填写意见。", "A14.1");
        _signOffs.Add(new FundReportSignOff(Id, Round, CurrentStage!.Value, SideOf(parties)!.Value, FundReportAction.Return, actor, now, text));
        ReturnRemarks = text;
        State = next;
    }

    /// <summary>A14.2: an officer of the current stage proposes recovery: amount up to what was received, reason, findings, refund due date.</summary>
    public Recovery ProposeRecovery(FundReportParty parties, decimal amount, RecoveryReason reason, string findings, DateOnly refundDueOn,
        string actor, DateOnly today, DateTimeOffset now)
    {
        var next = Next(FundReportAction.ProposeRecovery, parties);
        var stage = CurrentStage!.Value;
        var side = SideOf(parties)!.Value;
        var recovery = new Recovery(Id, stage, side, amount, Received, reason, findings, refundDueOn, actor, today, now);
        _recoveries.Add(recovery);
        _signOffs.Add(new FundReportSignOff(Id, Round, stage, side, FundReportAction.ProposeRecovery, actor, now,
            $"{Recovery.ReasonName(reason)}，追回{FundReportRules.Yuan(amount)}元"));
        State = next;
        return recovery;
    }

    /// <summary>
    /// A14.2: the other officer of the stage agrees: the recovery is decided and the report ends recovered. The caller then
    /// imposes the exclusion from later allocations with the returned recovery.
    /// </summary>
    public Recovery AgreeRecovery(FundReportParty parties, string? remarks, string actor, DateTimeOffset now)
    {
        var next = Next(FundReportAction.AgreeRecovery, parties);
        var recovery = ProposedRecovery!;
        recovery.Decide(actor, ChinaTime.DateOf(now), now);
        _signOffs.Add(new FundReportSignOff(Id, Round, recovery.Stage, SideOf(parties)!.Value, FundReportAction.AgreeRecovery, actor, now,
            Limit(remarks)));
        CompletedOn = recovery.DecidedOn;
        State = next;
        return recovery;
    }

    /// <summary>A14.2: the other officer of the stage does not agree, with remarks; the report goes back to that stage's review.</summary>
    public void DeclineRecovery(FundReportParty parties, string remarks, string actor, DateTimeOffset now)
    {
        var next = Next(FundReportAction.DeclineRecovery, parties);
        var text = RequireRemarks(remarks, "不同意追回须填写理由。", "A14.2");
        var recovery = ProposedRecovery!;
        recovery.Decline(actor, text, now);
        _signOffs.Add(new FundReportSignOff(Id, Round, recovery.Stage, SideOf(parties)!.Value, FundReportAction.DeclineRecovery, actor, now, text));
        State = next;
    }

    /// <summary>A14.2: an officer of the deciding stage records a refund with its voucher and date; the outstanding balance follows.</summary>
    public RecoveryRefund RecordRefund(FundReportParty parties, decimal amount, string voucherNumber, DateOnly paidOn, string actor,
        DateOnly today, DateTimeOffset now)
    {
        Next(FundReportAction.RecordRefund, parties);
        return DecidedRecovery!.AddRefund(amount, voucherNumber, paidOn, actor, today, now);
    }

    /// <summary>A14.2: an officer of the deciding stage records an accountability (问责) measure, kept with the report.</summary>
    public AccountabilityRecord RecordAccountability(FundReportParty parties, AccountabilityInput input, string actor, DateOnly today,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        Next(FundReportAction.RecordAccountability, parties);
        var record = new AccountabilityRecord(Id, input, actor, today, now);
        _accountability.Add(record);
        return record;
    }

    public static string StateName(FundReportState state) => state switch
    {
        FundReportState.Draft => "草稿",
        FundReportState.Returned => "退回修改",
        FundReportState.CountyReview => "县区审核中",
        FundReportState.CityReview => "市州复审中",
        FundReportState.CountyRecoveryProposed => "县区提议追回",
        FundReportState.CityRecoveryProposed => "市州提议追回",
        FundReportState.Approved => "审核通过",
        FundReportState.Recovered => "已决定追回",
        _ => state.ToString(),
    };

    public static string StateApiName(FundReportState state) => state switch
    {
        FundReportState.Draft => "draft",
        FundReportState.Returned => "returned",
        FundReportState.CountyReview => "county-review",
        FundReportState.CityReview => "city-review",
        FundReportState.CountyRecoveryProposed => "county-recovery-proposed",
        FundReportState.CityRecoveryProposed => "city-recovery-proposed",
        FundReportState.Approved => "approved",
        FundReportState.Recovered => "recovered",
        _ => state.ToString(),
    };

    public static string ActionName(FundReportAction action) => action switch
    {
        FundReportAction.Edit => "修改报告",
        FundReportAction.Submit => "提交报告",
        FundReportAction.Approve => "审核同意",
        FundReportAction.Return => "退回修改",
        FundReportAction.ProposeRecovery => "提议追回资金",
        FundReportAction.AgreeRecovery => "同意追回",
        FundReportAction.DeclineRecovery => "不同意追回",
        FundReportAction.RecordRefund => "登记退回资金",
        FundReportAction.RecordAccountability => "登记问责",
        _ => action.ToString(),
    };

    /// <summary>How a to-do list names what the report waits for (<see cref="WaitingFor"/>): a proposed recovery awaits a decision.</summary>
    public static string WaitingName(FundReportAction action) =>
        action == FundReportAction.AgreeRecovery ? "决定是否追回" : ActionName(action);

    /// <summary>The API's action names: submit | approve | return | propose-recovery | agree-recovery | decline-recovery | refund | accountability.</summary>
    public static string ActionApiName(FundReportAction action) => action switch
    {
        FundReportAction.Edit => "edit",
        FundReportAction.Submit => "submit",
        FundReportAction.Approve => "approve",
        FundReportAction.Return => "return",
        FundReportAction.ProposeRecovery => "propose-recovery",
        FundReportAction.AgreeRecovery => "agree-recovery",
        FundReportAction.DeclineRecovery => "decline-recovery",
        FundReportAction.RecordRefund => "refund",
        FundReportAction.RecordAccountability => "accountability",
        _ => action.ToString(),
    };

    public static string StageName(FundReviewStage stage) => stage == FundReviewStage.County ? "县区" : "市州";

    public static string SideName(FundReviewSide side) => side == FundReviewSide.HumanResources ? "人社" : "财政";

    /// <summary>Why the party may not take the action now, or null when it may (state, party, and the stage's signatures).</summary>
    public string? Refusal(FundReportAction action, FundReportParty parties)
    {
        if (!Transitions.ContainsKey((State, action)))
        {
            return $"报告当前为“{StateName(State)}”，不能{ActionName(action)}。";
        }

        return action switch
        {
            FundReportAction.Edit or FundReportAction.Submit => parties.HasFlag(FundReportParty.Community) ? null : "只有本社区可以修改和提交报告。",
            FundReportAction.Approve => SideOf(parties) is not { } side ? NotStageOfficer()
                : HasApproved(CurrentStage!.Value, side) ? $"您（{StageName(CurrentStage!.Value)}{SideName(side)}）已在本轮签署同意，等待另一方签署。"
                : null,
            FundReportAction.Return or FundReportAction.ProposeRecovery => SideOf(parties) is null ? NotStageOfficer() : null,
            FundReportAction.AgreeRecovery or FundReportAction.DeclineRecovery => SideOf(parties) is not { } decider ? NotStageOfficer()
                : decider == ProposedRecovery!.ProposedBySide ? "追回由本级另一方决定，提议方不能自行决定。"
                : null,
            FundReportAction.RecordRefund or FundReportAction.RecordAccountability =>
                IsOfficerOf(DecidedRecovery!.Stage, parties) ? null : $"只有作出追回决定的{StageName(DecidedRecovery!.Stage)}人社或财政部门可以登记。",
            _ => null,
        };
    }

    private string NotStageOfficer() =>
        $"报告正在{StageName(CurrentStage!.Value)}审核，只有该{StageName(CurrentStage!.Value)}的人社部门和财政部门可以办理。";

    private static bool IsOfficerOf(FundReviewStage stage, FundReportParty parties) => stage == FundReviewStage.County
        ? (parties & (FundReportParty.CountyHumanResources | FundReportParty.CountyFinance)) != 0
        : (parties & (FundReportParty.CityHumanResources | FundReportParty.CityFinance)) != 0;

    private FundReportState Next(FundReportAction action, FundReportParty parties)
    {
        if (Refusal(action, parties) is { } refusal)
        {
            throw new DomainException(refusal, ClauseOf(action));
        }

        return Transitions[(State, action)];
    }

    private static string ClauseOf(FundReportAction action) => action switch
    {
        FundReportAction.Edit => "A13",
        FundReportAction.Submit or FundReportAction.Approve or FundReportAction.Return => "A14.1",
        _ => "A14.2",
    };

    private static string? Limit(string? remarks)
    {
        if (remarks is { } text && text.Trim().Length > RemarksLength)
        {
            throw new DomainException($"意见不得超过{RemarksLength}个字。", "A14.1");
        }

        return remarks;
    }

    private static string RequireRemarks(string? remarks, string message, string clause) =>
        string.IsNullOrWhiteSpace(remarks) ? throw new DomainException(message, clause) : Limit(remarks)!.Trim();
}
