using FullEmployment.Domain.Communities;

namespace FullEmployment.Domain.Campaigns;

public enum NationalRecommendationState
{
    Draft,
    Submitted,
    Concluded,
}

public enum NationalOutcome
{
    Pending,
    Granted,
    NotGranted,
}

/// <summary>A community the province recommends to the ministry, and the ministry's outcome.</summary>
public sealed class NationalCandidate
{
    internal NationalCandidate(int communityId, string communityCode, string communityName, int rank)
    {
        CommunityId = communityId;
        CommunityCode = communityCode;
        CommunityName = communityName;
        Rank = rank;
        Outcome = NationalOutcome.Pending;
    }

    private NationalCandidate() { }

    public int CommunityId { get; private set; }

    public string CommunityCode { get; private set; } = string.Empty;

    public string CommunityName { get; private set; } = string.Empty;

    public int Rank { get; internal set; }

    public NationalOutcome Outcome { get; private set; }

    public string? DocumentNumber { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? Remark { get; private set; }

    internal void Decide(NationalOutcome outcome, string? documentNumber, DateOnly decidedOn, string? remark)
    {
        Outcome = outcome;
        DocumentNumber = documentNumber;
        DecidedOn = decidedOn;
        Remark = remark;
    }
}

/// <summary>
/// A4.1: the province's recommendation list for a national round and, later, the ministry's outcome per community.
/// The system scores nothing here beyond the provincial sheet.
/// </summary>
public sealed class NationalRecommendation
{
    private readonly List<NationalCandidate> _candidates = [];

    public NationalRecommendation(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Kind != CampaignKind.NationalRecommendation)
        {
            throw new DomainException("只有国家级推荐批次才能建立国家级推荐名单。", "A4.1");
        }

        Id = Guid.NewGuid();
        CampaignId = campaign.Id;
        Quota = campaign.TotalQuota;
        State = NationalRecommendationState.Draft;
    }

    private NationalRecommendation() { }

    public Guid Id { get; private set; }

    /// <summary>Optimistic-concurrency version, managed by the persistence layer.</summary>
    public int Version { get; private set; }

    public Guid CampaignId { get; private set; }

    /// <summary>The number the ministry allots the province.</summary>
    public int Quota { get; private set; }

    public NationalRecommendationState State { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public IReadOnlyList<NationalCandidate> Candidates => _candidates;

    /// <summary>
    /// A4.1, A3.2 [I]: the province recommends from its own provincial communities, so a candidate must hold a provincial
    /// title in force today (a dissolved or merged community's titles have ended, A11.2), and one already national is not
    /// recommended again.
    /// </summary>
    public static string? IneligibilityReason(Community community, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(community);
        var titles = community.TitlesInForceOn(today).ToList();
        return titles.Exists(t => t.Level == TitleLevel.National) ? $"{community.Name}已是国家级充分就业社区，无需再推荐。"
            : !titles.Exists(t => t.Level == TitleLevel.Provincial) ? $"{community.Name}未持有有效的省级充分就业社区称号，不能推荐为国家级。"
            : null;
    }

    public void Add(Community community, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(community);
        EnsureState(NationalRecommendationState.Draft, "推荐名单已报送，不能再修改。");
        if (IneligibilityReason(community, today) is { } reason)
        {
            throw new DomainException(reason, "A4.1");
        }

        if (_candidates.Exists(c => c.CommunityCode == community.Code))
        {
            throw new DomainException("该社区已在推荐名单中。", "A4.1");
        }

        if (_candidates.Count >= Quota)
        {
            throw new DomainException($"推荐名单已达名额上限{Quota}个。", "A4.1");
        }

        _candidates.Add(new NationalCandidate(community.Id, community.Code, community.Name, _candidates.Count + 1));
    }

    /// <summary>Puts a candidate at <paramref name="rank"/> (1 = first); the others keep their order around it.</summary>
    public void Move(string communityCode, int rank)
    {
        EnsureState(NationalRecommendationState.Draft, "推荐名单已报送，不能再调整顺序。");
        var ordered = Ordered();
        var candidate = Find(communityCode);
        if (rank < 1 || rank > ordered.Count)
        {
            throw new DomainException($"名次应在1至{ordered.Count}之间。", "A4.1");
        }

        ordered.Remove(candidate);
        ordered.Insert(rank - 1, candidate);
        Renumber(ordered);
    }

    public void Remove(string communityCode)
    {
        EnsureState(NationalRecommendationState.Draft, "推荐名单已报送，不能再修改。");
        var ordered = Ordered();
        var candidate = Find(communityCode);
        ordered.Remove(candidate);
        _candidates.Remove(candidate);
        Renumber(ordered);
    }

    public void Submit(DateTimeOffset now)
    {
        EnsureState(NationalRecommendationState.Draft, "推荐名单已报送。");
        if (_candidates.Count == 0)
        {
            throw new DomainException("推荐名单为空，不能报送。", "A4.1");
        }

        State = NationalRecommendationState.Submitted;
        SubmittedAt = now;
    }

    public void RecordGranted(string communityCode, string documentNumber, DateOnly grantedOn)
    {
        if (string.IsNullOrWhiteSpace(documentNumber))
        {
            throw new DomainException("命名结果必须填写文号。", "A4.1");
        }

        Decide(communityCode, NationalOutcome.Granted, documentNumber.Trim(), grantedOn, null);
    }

    public void RecordNotGranted(string communityCode, DateOnly decidedOn, string? remark = null) =>
        Decide(communityCode, NationalOutcome.NotGranted, null, decidedOn, string.IsNullOrWhiteSpace(remark) ? null : remark.Trim());

    private void Decide(string communityCode, NationalOutcome outcome, string? documentNumber, DateOnly decidedOn, string? remark)
    {
        EnsureState(NationalRecommendationState.Submitted, "推荐名单尚未报送或结果已全部登记。");
        var candidate = Find(communityCode);
        // The ministry decides on a list it has received: an outcome dated before the submission is a typing error.
        if (decidedOn < ChinaTime.DateOf(SubmittedAt!.Value))
        {
            throw new DomainException($"结果日期不能早于推荐名单报送日期{ChinaTime.Format(SubmittedAt.Value)}。", "A4.1");
        }

        if (candidate.Outcome != NationalOutcome.Pending)
        {
            throw new DomainException($"{candidate.CommunityName}的结果已登记。", "A4.1");
        }

        candidate.Decide(outcome, documentNumber, decidedOn, remark);
        if (_candidates.TrueForAll(c => c.Outcome != NationalOutcome.Pending))
        {
            State = NationalRecommendationState.Concluded;
        }
    }

    private NationalCandidate Find(string communityCode) =>
        _candidates.Find(c => c.CommunityCode == communityCode) ?? throw new DomainException("该社区不在推荐名单中。", "A4.1");

    // Rows come back from the database in any order; the rank is the order.
    private List<NationalCandidate> Ordered() => [.. _candidates.OrderBy(c => c.Rank)];

    private static void Renumber(List<NationalCandidate> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Rank = i + 1;
        }
    }

    private void EnsureState(NationalRecommendationState expected, string message)
    {
        if (State != expected)
        {
            throw new DomainException(message, "A4.1");
        }
    }
}
