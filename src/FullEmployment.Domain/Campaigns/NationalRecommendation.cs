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

    public void Add(int communityId, string communityCode, string communityName)
    {
        EnsureState(NationalRecommendationState.Draft, "推荐名单已报送，不能再修改。");
        if (_candidates.Exists(c => c.CommunityId == communityId))
        {
            throw new DomainException("该社区已在推荐名单中。", "A4.1");
        }

        if (_candidates.Count >= Quota)
        {
            throw new DomainException($"推荐名单已达名额上限{Quota}个。", "A4.1");
        }

        _candidates.Add(new NationalCandidate(communityId, communityCode, communityName, _candidates.Count + 1));
    }

    public void Remove(int communityId)
    {
        EnsureState(NationalRecommendationState.Draft, "推荐名单已报送，不能再修改。");
        _candidates.Remove(Find(communityId));
        for (var i = 0; i < _candidates.Count; i++)
        {
            _candidates[i].Rank = i + 1;
        }
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

    public void RecordGranted(int communityId, string documentNumber, DateOnly grantedOn)
    {
        if (string.IsNullOrWhiteSpace(documentNumber))
        {
            throw new DomainException("命名结果必须填写文号。", "A4.1");
        }

        Decide(communityId, NationalOutcome.Granted, documentNumber.Trim(), grantedOn, null);
    }

    public void RecordNotGranted(int communityId, DateOnly decidedOn, string? remark = null) =>
        Decide(communityId, NationalOutcome.NotGranted, null, decidedOn, string.IsNullOrWhiteSpace(remark) ? null : remark.Trim());

    private void Decide(int communityId, NationalOutcome outcome, string? documentNumber, DateOnly decidedOn, string? remark)
    {
        EnsureState(NationalRecommendationState.Submitted, "推荐名单尚未报送或结果已全部登记。");
        var candidate = Find(communityId);
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

    private NationalCandidate Find(int communityId) =>
        _candidates.Find(c => c.CommunityId == communityId) ?? throw new DomainException("该社区不在推荐名单中。", "A4.1");

    private void EnsureState(NationalRecommendationState expected, string message)
    {
        if (State != expected)
        {
            throw new DomainException(message, "A4.1");
        }
    }
}
