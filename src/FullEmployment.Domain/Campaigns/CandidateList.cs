using FullEmployment.Domain.Notices;
using FullEmployment.Domain.Regions;

namespace FullEmployment.Domain.Campaigns;

public enum CandidateListState
{
    /// <summary>Being drawn up; candidates are added as they are recommended or proposed.</summary>
    Draft,

    /// <summary>Published for public notice; objections are taken and answered.</summary>
    UnderNotice,

    /// <summary>Notice closed with every objection answered; the remaining candidates go on.</summary>
    SentUp,

    /// <summary>The candidates left on the campaign's final list have been certified (A8.4; A4.3 for a municipal campaign).</summary>
    Certified,
}

/// <summary>A ranked candidate on a list.</summary>
public sealed class ListEntry
{
    internal ListEntry(Guid applicationId, int communityId, string communityCode, string communityName, string? countyCode, decimal score,
        int sequence)
    {
        ApplicationId = applicationId;
        CommunityId = communityId;
        CommunityCode = communityCode;
        CommunityName = communityName;
        CountyCode = countyCode;
        Score = score;
        Sequence = sequence;
    }

    private ListEntry() { }

    public Guid ApplicationId { get; private set; }

    public int CommunityId { get; private set; }

    public string CommunityCode { get; private set; } = string.Empty;

    public string CommunityName { get; private set; } = string.Empty;

    /// <summary>The candidate's county; null where its city has no counties (A4.3: per-county quotas are checked on it).</summary>
    public string? CountyCode { get; private set; }

    /// <summary>The evaluation score the candidate was ranked by.</summary>
    public decimal Score { get; private set; }

    /// <summary>1 = first; by score, then by the order added.</summary>
    public int Rank { get; internal set; }

    internal int Sequence { get; private set; }
}

/// <summary>
/// A list that goes through a public notice before it is sent up: the city's recommendation list (A8.3) or the
/// province's proposed list (A8.4).
/// </summary>
public abstract class CandidateList
{
    private readonly List<ListEntry> _entries = [];

    protected CandidateList(Campaign campaign, int quota)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        Id = Guid.NewGuid();
        CampaignId = campaign.Id;
        Quota = quota;
        State = CandidateListState.Draft;
    }

    protected CandidateList() { }

    public Guid Id { get; private set; }

    /// <summary>Optimistic-concurrency version, managed by the persistence layer.</summary>
    public int Version { get; private set; }

    public Guid CampaignId { get; private set; }

    /// <summary>The most candidates the list may hold.</summary>
    public int Quota { get; private set; }

    public CandidateListState State { get; private set; }

    public PublicNotice? Notice { get; private set; }

    public DateTimeOffset? SentUpAt { get; private set; }

    public DateTimeOffset? CertifiedAt { get; private set; }

    public string? CertificationDocumentNumber { get; private set; }

    public IReadOnlyList<ListEntry> Entries => _entries;

    public abstract NoticeSubject Subject { get; }

    protected string Clause => PublicNotice.ClauseOf(Subject);

    public bool Contains(Guid applicationId) => _entries.Exists(e => e.ApplicationId == applicationId);

    /// <summary>Whether certification follows this list in <paramref name="campaign"/>: the proposed list, or a municipal campaign's city list (A4.3).</summary>
    public abstract bool IsFinalFor(Campaign campaign);

    /// <summary>
    /// Closes the list once its candidates have been certified under <paramref name="documentNumber"/>; a second
    /// certification of the same list is refused.
    /// </summary>
    public void RecordCertification(Campaign campaign, string documentNumber, DateTimeOffset now)
    {
        EnsureMayCertify(campaign);
        if (string.IsNullOrWhiteSpace(documentNumber))
        {
            throw new DomainException("认定必须填写认定文号。", Clause);
        }

        State = CandidateListState.Certified;
        CertifiedAt = now;
        CertificationDocumentNumber = documentNumber.Trim();
    }

    /// <summary>Refuses unless the list is the campaign's final list, sent up and not yet certified.</summary>
    public void EnsureMayCertify(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Id != CampaignId || !IsFinalFor(campaign))
        {
            throw new DomainException("该名单不是本批次的认定名单。", Clause);
        }

        if (State == CandidateListState.Certified)
        {
            throw new DomainException($"名单已于{ChinaTime.Format(CertifiedAt!.Value)}认定（{CertificationDocumentNumber}），不能重复认定。", Clause);
        }

        EnsureState(CandidateListState.SentUp, "名单公示尚未结束或异议尚未处理完毕，不能认定。");
    }

    /// <summary>Publishes the list for a notice of at least five working days (A8.3, A8.4).</summary>
    public PublicNotice PublishNotice(string title, DateOnly startDate, int workingDays, WorkingDayCalendar calendar)
    {
        EnsureState(CandidateListState.Draft, "名单已公示，不能重复发布公示。");
        if (_entries.Count == 0)
        {
            throw new DomainException("名单为空，不能公示。", Clause);
        }

        Notice = new PublicNotice(Subject, title, startDate, workingDays, calendar);
        State = CandidateListState.UnderNotice;
        return Notice;
    }

    /// <summary>Takes an objection from the public against a listed candidate while the notice is open.</summary>
    public Objection SubmitObjection(Guid candidateApplicationId, string objector, string content, DateTimeOffset now, string? objectorPhone = null)
    {
        var notice = RequireNotice();
        if (!Contains(candidateApplicationId))
        {
            throw new DomainException("异议针对的社区不在公示名单中。", Clause);
        }

        return notice.SubmitObjection(candidateApplicationId, objector, content, now, objectorPhone);
    }

    /// <summary>The objection is upheld: the candidate leaves the list (A8.3, A8.4).</summary>
    public void UpholdObjection(CampaignApplication candidate, Guid objectionId, string reply, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        candidate.EnsureCan(ApplicationAction.UpholdObjection);
        var objection = RequireNotice().FindObjection(objectionId);
        if (objection.CandidateApplicationId != candidate.Id)
        {
            throw new DomainException("该异议针对的不是此社区。", Clause);
        }

        objection.Answer(ObjectionStatus.Upheld, reply, actor, now);
        _entries.RemoveAll(e => e.ApplicationId == candidate.Id);
        Rerank();
        candidate.RemoveAfterUpheldObjection(reply, actor, now);
    }

    /// <summary>The objection is dismissed: the candidate stays on the list.</summary>
    public void DismissObjection(Guid objectionId, string reply, string actor, DateTimeOffset now) =>
        RequireNotice().FindObjection(objectionId).Answer(ObjectionStatus.Dismissed, reply, actor, now);

    /// <summary>
    /// A8: the deadline of the list's stage, for sending it up and certifying from it: a city's list in a provincial campaign
    /// is the city's evaluation (A8.3); the campaign's final list is its last stage (A8.4; A4.3 in a municipal campaign).
    /// </summary>
    public StageDeadline Deadline(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return IsFinalFor(campaign)
            ? new StageDeadline(campaign.FinalStageName, campaign.Deadlines.Province)
            : new StageDeadline("市州评定", campaign.Deadlines.City);
    }

    /// <summary>
    /// The officer who publishes the list's notice, answers its objections and sends it up: the city for its recommendation
    /// list (A8.3), the campaign's organiser for the proposed list (A8.4).
    /// </summary>
    public abstract bool IsOwnedBy(CampaignActor actor, Campaign campaign);

    /// <summary>Why the list cannot be sent up at <paramref name="now"/> (A8.3, A8.4), or null when it can; <see cref="SendUp"/> refuses with it.</summary>
    public string? SendUpBlocker(DateTimeOffset now)
    {
        switch (State)
        {
            case CandidateListState.Draft:
                return _entries.Count == 0 ? "名单中还没有社区。" : $"名单尚未公示，须先公示不少于{PublicNotice.MinimumWorkingDays}个工作日。";
            case CandidateListState.SentUp:
                return "名单已报送，公示已结束。";
            case CandidateListState.Certified:
                return "名单已认定，公示已结束。";
        }

        var notice = Notice!;
        if (!notice.HasClosed(now))
        {
            return $"公示期至{ChinaTime.Format(notice.LastDay)}24时结束，公示期满前不能报送。";
        }

        var pending = notice.Objections.Count(o => !o.IsAnswered);
        return pending > 0 ? $"尚有{pending}条异议未答复，全部处理完毕后才能报送。" : null;
    }

    /// <summary>
    /// Whether <paramref name="actor"/> may send the list up (or fix the final list) now, and with a late reason; null when
    /// not: the owner until the stage deadline, the organiser after it (A8).
    /// </summary>
    public StagePermit? SendUpPermit(CampaignActor actor, Campaign campaign, DateTimeOffset now) =>
        State is CandidateListState.Draft or CandidateListState.UnderNotice ? Permit(actor, campaign, now) : null;

    /// <summary>Whether <paramref name="actor"/> may certify from the list now, and with a late reason; null when not (A8.4; A4.3).</summary>
    public StagePermit? CertifyPermit(CampaignActor actor, Campaign campaign, DateTimeOffset now) =>
        State == CandidateListState.SentUp && IsFinalFor(campaign) ? Permit(actor, campaign, now) : null;

    /// <summary>The server's check before acting on the list: why <paramref name="actor"/> is refused (403), or null.</summary>
    public string? RefusalOf(CampaignActor actor, Campaign campaign, DateTimeOffset now, string? lateReason)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return StageActing.Refusal(campaign, IsOwnedBy(actor, campaign), actor.IsTopOf(campaign), lateReason, Deadline(campaign), now,
            this is RecommendationList ? "只有该市州人社局可以办理本市州推荐名单。" : "只有省人社厅可以办理拟认定名单。");
    }

    // A8.3, A8.4: only after the notice has closed and every objection is answered.
    public void SendUp(DateTimeOffset now)
    {
        if (SendUpBlocker(now) is { } blocker)
        {
            throw new DomainException(blocker, Clause);
        }

        State = CandidateListState.SentUp;
        SentUpAt = now;
    }

    // A16: a disqualified candidate leaves the list whatever its state; the notice and its objections stay on record.
    internal void Drop(Guid applicationId)
    {
        _entries.RemoveAll(e => e.ApplicationId == applicationId);
        Rerank();
    }

    internal void Add(CampaignApplication application, decimal score, Campaign campaign)
    {
        EnsureState(CandidateListState.Draft, "名单已公示，不能再增加社区。");
        if (application.CampaignId != CampaignId)
        {
            throw new DomainException("该申报不属于此名单所在的创建批次。", Clause);
        }

        if (Contains(application.Id))
        {
            throw new DomainException("该社区已在名单中。", Clause);
        }

        if (_entries.Count >= Quota)
        {
            throw new DomainException($"名单已有{_entries.Count}个社区，已达名额上限{Quota}个。", Clause);
        }

        CheckCandidate(application, campaign);
        var sequence = _entries.Count == 0 ? 1 : _entries.Max(e => e.Sequence) + 1;
        _entries.Add(new ListEntry(application.Id, application.CommunityId, application.CommunityCode, application.CommunityName,
            application.CountyCode, score, sequence));
        Rerank();
    }

    /// <summary>List-specific eligibility of a candidate; none by default.</summary>
    protected virtual void CheckCandidate(CampaignApplication application, Campaign campaign)
    {
    }

    private StagePermit? Permit(CampaignActor actor, Campaign campaign, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return StageActing.Permit(IsOwnedBy(actor, campaign), actor.IsTopOf(campaign), Deadline(campaign), now);
    }

    private PublicNotice RequireNotice()
    {
        EnsureState(CandidateListState.UnderNotice, State switch
        {
            CandidateListState.Draft => "名单尚未公示。",
            CandidateListState.Certified => "名单已认定，公示已结束。",
            _ => "名单已报送，公示已结束。",
        });
        return Notice!;
    }

    private void EnsureState(CandidateListState expected, string message)
    {
        if (State != expected)
        {
            throw new DomainException(message, Clause);
        }
    }

    private void Rerank()
    {
        var rank = 1;
        foreach (var entry in _entries.OrderByDescending(e => e.Score).ThenBy(e => e.Sequence))
        {
            entry.Rank = rank++;
        }
    }
}

/// <summary>A city's recommendation list (推荐名单, A8.3), limited to the city's quota.</summary>
public sealed class RecommendationList : CandidateList
{
    public RecommendationList(Campaign campaign, string cityCode)
        : base(campaign, campaign?.QuotaFor(cityCode) ?? 0)
    {
        if (Quota <= 0)
        {
            throw new DomainException("该市州在本批次中没有分配名额，不能建立推荐名单。", "A8.3");
        }

        CityCode = cityCode;
    }

    private RecommendationList() { }

    public string CityCode { get; private set; } = string.Empty;

    public override NoticeSubject Subject => NoticeSubject.CityRecommendationList;

    public override bool IsOwnedBy(CampaignActor actor, Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsCityOf(CityCode);
    }

    public override bool IsFinalFor(Campaign campaign) => campaign is { HasProvinceStep: false } && campaign.Id == CampaignId;

    protected override void CheckCandidate(CampaignApplication application, Campaign campaign)
    {
        if (application.CityCode != CityCode)
        {
            throw new DomainException("只能推荐本市州的社区。", "A8.3");
        }

        // A4.3: the city's list takes no more from one county than that county's quota.
        var region = application.CountyStepRegionCode;
        if (campaign.CountyQuotaFor(region) is { } quota)
        {
            var taken = Entries.Count(e => CountyStep.RegionOf(CityCode, e.CountyCode) == region);
            if (taken >= quota)
            {
                throw new DomainException($"名单中已有该县区社区{taken}个，已达该县区名额{quota}个。", "A4.3");
            }
        }
    }
}

/// <summary>The province's proposed list (拟认定名单, A8.4), limited to the campaign's total (A7).</summary>
public sealed class ProposedList : CandidateList
{
    public ProposedList(Campaign campaign)
        : base(campaign, campaign?.TotalQuota ?? 0)
    {
        // A4.3: a municipal campaign has no province step and so no proposed list.
        if (!campaign!.HasProvinceStep)
        {
            throw new DomainException("市级创建没有省级拟认定名单，由市州依据推荐名单认定。", "A4.3");
        }
    }

    private ProposedList() { }

    public override bool IsFinalFor(Campaign campaign) => campaign is { HasProvinceStep: true } && campaign.Id == CampaignId;

    public override NoticeSubject Subject => NoticeSubject.ProvinceProposedList;

    public override bool IsOwnedBy(CampaignActor actor, Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsTopOf(campaign);
    }
}
