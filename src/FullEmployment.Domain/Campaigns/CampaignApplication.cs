using FullEmployment.Domain.Regions;

namespace FullEmployment.Domain.Campaigns;

/// <summary>
/// A community's application in a campaign (申报, A8): community → county → city → province, with an explicit
/// transition table; in a municipal campaign community → county → city, the city certifying from its own list after
/// the notice (A4.3). Every move names its intent, checks the current state first and records history.
/// </summary>
public sealed partial class CampaignApplication
{
    private static readonly ApplicationState[] Open =
    [
        ApplicationState.Draft, ApplicationState.Submitted, ApplicationState.ReturnedToCommunity, ApplicationState.ForwardedToCity,
        ApplicationState.ReturnedToCounty, ApplicationState.Recommended, ApplicationState.ForwardedToProvince, ApplicationState.Proposed,
    ];

    /// <summary>The provincial (A8.1–A8.4) workflow.</summary>
    public static readonly IReadOnlyDictionary<(ApplicationState From, ApplicationAction Action), ApplicationState> Transitions =
        BuildTransitions();

    /// <summary>
    /// A4.3: the municipal workflow is the provincial one without the province: no forwarding to it, no proposed list;
    /// the organising city certifies straight from its recommendation list once the notice is over.
    /// </summary>
    public static readonly IReadOnlyDictionary<(ApplicationState From, ApplicationAction Action), ApplicationState> MunicipalTransitions =
        BuildMunicipalTransitions();

    /// <summary>A4.3: states in which an application sent up by the county still takes one of the county's places.</summary>
    public static readonly IReadOnlyList<ApplicationState> HoldingCountyQuota =
        [ApplicationState.ForwardedToCity, ApplicationState.Recommended, ApplicationState.Certified];

    private readonly List<ScoreSheet> _scoreSheets = [];
    private readonly List<OnSiteInspection> _inspections = [];
    private readonly List<ApplicationHistoryEntry> _history = [];
    private List<string> _rejectionReasons = [];

    public CampaignApplication(Campaign campaign, int communityId, string communityCode, string communityName, string cityCode, string? countyCode,
        string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (!campaign.AcceptsApplications)
        {
            throw new DomainException($"创建批次“{campaign.Name}”当前不接受申报。", "A8.1");
        }

        if (string.IsNullOrWhiteSpace(cityCode))
        {
            throw new DomainException("申报社区必须属于一个市州。", "A8.1");
        }

        // A4.3: a municipal campaign is for the organising city's own communities.
        if (campaign.Kind == CampaignKind.Municipal && cityCode != campaign.OrganizerRegionCode)
        {
            throw new DomainException("市级创建批次只接受本市州社区的申报。", "A4.3");
        }

        Id = Guid.NewGuid();
        CampaignId = campaign.Id;
        CampaignKind = campaign.Kind;
        TemplateVersion = campaign.TemplateVersion;
        CommunityId = communityId;
        CommunityCode = communityCode;
        CommunityName = communityName;
        CityCode = cityCode;
        CountyCode = countyCode;
        State = ApplicationState.Draft;
        CreatedBy = actor;
        CreatedAt = now;
    }

    private CampaignApplication() { }

    public Guid Id { get; private set; }

    /// <summary>Optimistic-concurrency version, managed by the persistence layer.</summary>
    public int Version { get; private set; }

    public Guid CampaignId { get; private set; }

    public CampaignKind CampaignKind { get; private set; }

    /// <summary>The campaign's pinned template version; every sheet uses it (A6).</summary>
    public string TemplateVersion { get; private set; } = string.Empty;

    /// <summary>The registry's community id (<c>Community.Id</c>).</summary>
    public int CommunityId { get; private set; }

    /// <summary>The community's 12-digit code, kept so lists and notices read without a join.</summary>
    public string CommunityCode { get; private set; } = string.Empty;

    public string CommunityName { get; private set; } = string.Empty;

    public string CityCode { get; private set; } = string.Empty;

    /// <summary>Null where the city has no counties; its city officers do the county step.</summary>
    public string? CountyCode { get; private set; }

    /// <summary>The region that does the county step (A8.2): the county, or the city where it has no counties (嘉峪关市).</summary>
    public string CountyStepRegionCode => CountyStep.RegionOf(CityCode, CountyCode);

    public ApplicationState State { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The date by which a returned application must be resubmitted (A8.2).</summary>
    public DateOnly? CorrectionDueDate { get; private set; }

    public IReadOnlyList<string> RejectionReasons => _rejectionReasons;

    public string? CertificationDocumentNumber { get; private set; }

    public string? PlaqueNumber { get; private set; }

    public DateOnly? CertifiedOn { get; private set; }

    public string? DisqualificationReason { get; private set; }

    public string? DisqualificationEvidence { get; private set; }

    public IReadOnlyList<ScoreSheet> ScoreSheets => _scoreSheets;

    public IReadOnlyList<OnSiteInspection> Inspections => _inspections;

    public IReadOnlyList<ApplicationHistoryEntry> History => _history;

    public bool IsFinished => !Open.Contains(State);

    /// <summary>
    /// The review level whose stage an open application is at (A8.2–A8.4): the county until it forwards, the community's own
    /// drafts and corrections included (the community applies to the county, A8.1); then the city; then the province. Null once finished.
    /// </summary>
    public ReviewLevel? ReviewingLevel => State switch
    {
        ApplicationState.Draft or ApplicationState.Submitted or ApplicationState.ReturnedToCommunity or ApplicationState.ReturnedToCounty
            => ReviewLevel.County,
        ApplicationState.ForwardedToCity or ApplicationState.Recommended => ReviewLevel.City,
        ApplicationState.ForwardedToProvince or ApplicationState.Proposed => ReviewLevel.Province,
        _ => null,
    };

    public bool Can(ApplicationAction action) => TransitionsFor(CampaignKind).ContainsKey((State, action));

    public static IReadOnlyDictionary<(ApplicationState From, ApplicationAction Action), ApplicationState> TransitionsFor(CampaignKind kind) =>
        kind == CampaignKind.Municipal ? MunicipalTransitions : Transitions;

    /// <summary>
    /// Who may apply (A2, A5.1.1, A16). A5.1.1 binds provincial applications only; a municipal campaign instead refuses a
    /// community already holding a municipal title in force (A3.1: the same level is not held twice).
    /// </summary>
    public static void EnsureEligible(CampaignKind kind, ApplicantEligibility eligibility)
    {
        ArgumentNullException.ThrowIfNull(eligibility);

        // A2: only communities filed with civil affairs may apply for any title.
        if (!eligibility.HasCivilAffairsFiling)
        {
            throw new DomainException("社区尚未在民政部门备案，不能申报。", "A2");
        }

        // A5.1.1: a provincial application needs an active municipal title filed with the province.
        if (kind == CampaignKind.Provincial && !eligibility.HasProvinceFiledMunicipalTitle)
        {
            throw new DomainException("申报省级充分就业社区须已被评为市级充分就业社区并报省人社厅备案。", "A5.1.1");
        }

        if (kind == CampaignKind.Municipal && eligibility.HoldsMunicipalTitle)
        {
            throw new DomainException("该社区已是市级充分就业社区（称号在有效期内），不能重复申报市级创建。", "A3.1");
        }

        // A16: falsification bars the community from this campaign.
        if (eligibility.DisqualifiedInCampaign)
        {
            throw new DomainException("该社区在本批次中因弄虚作假已被取消申报资格。", "A16");
        }
    }

    /// <summary>
    /// A8: the deadline of the stage the application is at, which every move from it is judged by; null once finished. A
    /// returned application waits for the community until its correction date (A8.2); a municipal candidate on the city's list
    /// waits for the city's certification, the campaign's last stage (A4.3).
    /// </summary>
    public StageDeadline? Deadline(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var d = campaign.Deadlines;
        return State switch
        {
            ApplicationState.Draft => new StageDeadline("社区申报", d.Application),
            ApplicationState.ReturnedToCommunity => new StageDeadline("退回修改", CorrectionDueDate ?? d.County),
            ApplicationState.Submitted or ApplicationState.ReturnedToCounty => new StageDeadline("县区初审", d.County),
            ApplicationState.ForwardedToCity => new StageDeadline("市州评定", d.City),
            ApplicationState.Recommended when campaign.HasProvinceStep => new StageDeadline("市州评定", d.City),
            ApplicationState.Recommended or ApplicationState.ForwardedToProvince or ApplicationState.Proposed
                => new StageDeadline(campaign.FinalStageName, d.Province),
            _ => null,
        };
    }

    public ScoreSheet? SheetFor(ReviewLevel level) => _scoreSheets.Find(s => s.Level == level);

    public OnSiteInspection? LatestInspection(ReviewLevel level) => _inspections.FindLast(i => i.Level == level);

    /// <summary>
    /// Opens (or, while that level still holds the application, refreshes) the level's copy of the pinned template,
    /// with auto items computed from <paramref name="indicators"/>.
    /// </summary>
    public ScoreSheet OpenScoreSheet(ReviewLevel level, ScoreTemplate template, AutoScoringInput indicators)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.TemplateVersion != TemplateVersion)
        {
            throw new DomainException($"本批次使用评分表{TemplateVersion}，不能使用{template.TemplateVersion}评分。", "A6");
        }

        if (!LevelHolds(level))
        {
            throw new DomainException($"申报当前为“{StateName(State)}”，{LevelName(level)}不能评分。", "A6");
        }

        var existing = SheetFor(level);
        if (existing is not null)
        {
            _scoreSheets.Remove(existing);
        }

        var sheet = new ScoreSheet(level, template, indicators);
        _scoreSheets.Add(sheet);
        return sheet;
    }

    /// <summary>Records an on-site inspection by the county (A8.2) or on-site evaluation by the province (A8.4).</summary>
    public OnSiteInspection RecordInspection(ReviewLevel level, DateOnly date, IEnumerable<string> inspectors, bool passed, string findings)
    {
        ArgumentNullException.ThrowIfNull(inspectors);
        var clause = level == ReviewLevel.Province ? "A8.4" : "A8.2";
        if (level is not (ReviewLevel.County or ReviewLevel.Province) || !LevelHolds(level))
        {
            throw new DomainException($"申报当前为“{StateName(State)}”，{LevelName(level)}不能登记实地考察。", clause);
        }

        var names = inspectors.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct().ToList();
        if (names.Count < OnSiteInspection.MinimumInspectors)
        {
            throw new DomainException($"实地考察人员不得少于{OnSiteInspection.MinimumInspectors}人。", clause);
        }

        if (!passed && string.IsNullOrWhiteSpace(findings))
        {
            throw new DomainException("实地考察未通过时必须填写考察发现的问题。", clause);
        }

        var inspection = new OnSiteInspection(level, date, names, passed, findings?.Trim() ?? string.Empty);
        _inspections.Add(inspection);
        return inspection;
    }

    // A8.1: the community applies to the county with its self-assessment.
    public void Submit(Campaign campaign, ApplicantEligibility eligibility, string actor, DateTimeOffset now, string? overrideReason = null)
    {
        ArgumentNullException.ThrowIfNull(eligibility);
        var next = Next(ApplicationAction.Submit);
        EnsureCampaign(campaign);
        if (!campaign.AcceptsApplications)
        {
            throw new DomainException($"创建批次“{campaign.Name}”当前不接受申报。", "A8.1");
        }

        EnsureEligible(CampaignKind, eligibility);
        var sheet = RequireCompleteSheet(ReviewLevel.Self, "A8.1");
        EnsureInTime(campaign, now, overrideReason);
        sheet.Lock();
        Move(next, ApplicationAction.Submit, actor, now, null, overrideReason);
    }

    /// <summary>The community withdraws, possible until the county acts (or while returned to it).</summary>
    public void Withdraw(string actor, DateTimeOffset now, string? remark = null)
    {
        var next = Next(ApplicationAction.Withdraw);
        Move(next, ApplicationAction.Withdraw, actor, now, remark, null);
    }

    // A8.2: the county may return the application for correction before its deadline.
    public void ReturnForCorrection(Campaign campaign, DateOnly dueDate, string remark, string actor, DateTimeOffset now,
        string? overrideReason = null)
    {
        var next = Next(ApplicationAction.ReturnForCorrection);
        EnsureCampaign(campaign);
        RequireText(remark, "退回修改必须写明需要修改的内容。", "A8.2");
        if (dueDate < ChinaTime.DateOf(now))
        {
            throw new DomainException("修改期限不能早于今天。", "A8.2");
        }

        EnsureInTime(campaign, now, overrideReason);
        if (dueDate > campaign.Deadlines.County && string.IsNullOrWhiteSpace(overrideReason))
        {
            throw new DomainException(
                $"修改期限不能晚于县区初审截止日期{ChinaTime.Format(campaign.Deadlines.County)}，如确需延后须由{campaign.OverriderName}填写理由。", "A8.2");
        }

        CorrectionDueDate = dueDate;
        SheetFor(ReviewLevel.Self)?.Unlock();
        Move(next, ApplicationAction.ReturnForCorrection, actor, now, remark, overrideReason);
    }

    public void Resubmit(Campaign campaign, string actor, DateTimeOffset now, string? overrideReason = null)
    {
        var next = Next(ApplicationAction.Resubmit);
        EnsureCampaign(campaign);
        var sheet = RequireCompleteSheet(ReviewLevel.Self, "A8.1");
        EnsureInTime(campaign, now, overrideReason);
        sheet.Lock();
        CorrectionDueDate = null;
        Move(next, ApplicationAction.Resubmit, actor, now, null, overrideReason);
    }

    /// <summary>
    /// A8.2: forward only with a county score ≥ pass mark, all gates met and a passed on-site inspection; A4.3: in a
    /// municipal campaign only within the county's quota, <paramref name="quotaUse"/> being the county step's places taken.
    /// </summary>
    public void CountyForward(Campaign campaign, CountyQuotaUse quotaUse, string actor, DateTimeOffset now, string? overrideReason = null)
    {
        ArgumentNullException.ThrowIfNull(quotaUse);
        var next = Next(ApplicationAction.CountyForward);
        EnsureCampaign(campaign);
        if (quotaUse.RegionCode != CountyStepRegionCode)
        {
            throw new DomainException("名额使用情况不是该申报所在县区的。", "A4.3");
        }

        campaign.EnsureCountyQuotaLeft(CountyStepRegionCode, quotaUse.Forwarded);
        var sheet = RequirePassingSheet(ReviewLevel.County, campaign.PassMark, "A8.2");
        var inspection = LatestInspection(ReviewLevel.County);
        if (inspection is null || !inspection.Passed)
        {
            throw new DomainException("县区实地考察尚未通过，不能报送市州。", "A8.2");
        }

        EnsureInTime(campaign, now, overrideReason);
        sheet.Lock();
        Move(next, ApplicationAction.CountyForward, actor, now, null, overrideReason);
    }

    public void CountyReject(Campaign campaign, IEnumerable<string> reasons, string actor, DateTimeOffset now, string? overrideReason = null)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var next = Next(ApplicationAction.CountyReject);
        EnsureCampaign(campaign);
        var list = reasons.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList();
        if (list.Count == 0)
        {
            throw new DomainException("县区不予推荐必须写明理由。", "A8.2");
        }

        EnsureInTime(campaign, now, overrideReason);
        _rejectionReasons = list;
        SheetFor(ReviewLevel.County)?.Lock();
        Move(next, ApplicationAction.CountyReject, actor, now, string.Join("；", list), overrideReason);
    }

    // A8.3: the city's evaluation puts the application on its list, within the city's quota.
    public void CityRecommend(Campaign campaign, RecommendationList list, string actor, DateTimeOffset now, string? overrideReason = null)
    {
        ArgumentNullException.ThrowIfNull(list);
        var next = Next(ApplicationAction.CityRecommend);
        EnsureCampaign(campaign);
        var sheet = RequirePassingSheet(ReviewLevel.City, campaign.PassMark, "A8.3");
        EnsureInTime(campaign, now, overrideReason);
        list.Add(this, sheet.Total, campaign);
        sheet.Lock();
        Move(next, ApplicationAction.CityRecommend, actor, now, null, overrideReason);
    }

    public void CityReturnToCounty(Campaign campaign, string remark, string actor, DateTimeOffset now, string? overrideReason = null)
    {
        var next = Next(ApplicationAction.CityReturnToCounty);
        EnsureCampaign(campaign);
        RequireText(remark, "退回县区必须写明理由。", "A8.3");
        EnsureInTime(campaign, now, overrideReason);
        SheetFor(ReviewLevel.County)?.Unlock();
        Move(next, ApplicationAction.CityReturnToCounty, actor, now, remark, overrideReason);
    }

    public void CityReject(Campaign campaign, string reason, string actor, DateTimeOffset now, string? overrideReason = null)
    {
        var next = Next(ApplicationAction.CityReject);
        EnsureCampaign(campaign);
        RequireText(reason, "市州不予推荐必须写明理由。", "A8.3");
        EnsureInTime(campaign, now, overrideReason);
        _rejectionReasons = [reason.Trim()];
        SheetFor(ReviewLevel.City)?.Lock();
        Move(next, ApplicationAction.CityReject, actor, now, reason, overrideReason);
    }

    // A8.3: those without objection go to the province once the city's list has been sent up.
    public void ForwardToProvince(Campaign campaign, RecommendationList list, string actor, DateTimeOffset now, string? overrideReason = null)
    {
        ArgumentNullException.ThrowIfNull(list);
        EnsureProvinceStep(campaign);
        var next = Next(ApplicationAction.ForwardToProvince);
        EnsureOnSentUpList(list, "A8.3");
        EnsureInTime(campaign, now, overrideReason);
        Move(next, ApplicationAction.ForwardToProvince, actor, now, null, overrideReason);
    }

    // A8.4: the province's review and on-site evaluation put the application on the proposed list.
    public void Propose(Campaign campaign, ProposedList list, string actor, DateTimeOffset now, string? overrideReason = null)
    {
        ArgumentNullException.ThrowIfNull(list);
        EnsureProvinceStep(campaign);
        var next = Next(ApplicationAction.Propose);
        var sheet = RequirePassingSheet(ReviewLevel.Province, campaign.PassMark, "A8.4");
        var inspection = LatestInspection(ReviewLevel.Province);
        if (inspection is null || !inspection.Passed)
        {
            throw new DomainException("省级实地考评尚未通过，不能列入拟认定名单。", "A8.4");
        }

        EnsureInTime(campaign, now, overrideReason);
        list.Add(this, sheet.Total, campaign);
        sheet.Lock();
        Move(next, ApplicationAction.Propose, actor, now, null, overrideReason);
    }

    public void NotCertify(Campaign campaign, string reason, string actor, DateTimeOffset now, string? overrideReason = null)
    {
        EnsureProvinceStep(campaign);
        var next = Next(ApplicationAction.NotCertify);
        RequireText(reason, "不予认定必须写明理由。", "A8.4");
        EnsureInTime(campaign, now, overrideReason);
        _rejectionReasons = [reason.Trim()];
        SheetFor(ReviewLevel.Province)?.Lock();
        Move(next, ApplicationAction.NotCertify, actor, now, reason, overrideReason);
    }

    /// <summary>
    /// A8.4: certify those without objection after the province's notice, with document and plaque numbers; A4.3: in a
    /// municipal campaign the city certifies from its own recommendation list after its notice.
    /// </summary>
    public void Certify(Campaign campaign, CandidateList list, string documentNumber, string plaqueNumber, string actor, DateTimeOffset now,
        string? overrideReason = null)
    {
        ArgumentNullException.ThrowIfNull(list);
        var next = Next(ApplicationAction.Certify);
        EnsureCampaign(campaign);
        var clause = campaign.HasProvinceStep ? "A8.4" : "A4.3";
        if (!list.IsFinalFor(campaign))
        {
            throw new DomainException(campaign.HasProvinceStep ? "省级创建只能依据省级拟认定名单认定。" : "市级创建依据本市州推荐名单认定。", clause);
        }

        RequireText(documentNumber, "认定必须填写认定文号。", clause);
        RequireText(plaqueNumber, "认定必须填写标牌编号。", clause);
        EnsureOnSentUpList(list, clause);
        EnsureInTime(campaign, now, overrideReason);
        CertificationDocumentNumber = documentNumber.Trim();
        PlaqueNumber = plaqueNumber.Trim();
        CertifiedOn = ChinaTime.DateOf(now);
        Move(next, ApplicationAction.Certify, actor, now, $"{CertificationDocumentNumber}，标牌{PlaqueNumber}", overrideReason);
    }

    /// <summary>
    /// A16: falsification disqualifies the application. While it stands on a list (recommended or proposed) the
    /// list must be given: the candidate leaves it at once, so a disqualified community is never certified.
    /// </summary>
    public void Disqualify(string reason, string evidence, string actor, DateTimeOffset now, CandidateList? list = null)
    {
        var next = Next(ApplicationAction.Disqualify);
        RequireText(reason, "取消申报资格必须写明原因。", "A16");
        RequireText(evidence, "取消申报资格必须附有证据。", "A16");
        if (State is ApplicationState.Recommended or ApplicationState.Proposed)
        {
            if (list is null || !list.Contains(Id))
            {
                throw new DomainException("该社区已列入名单，取消申报资格时须同时将其移出所在名单。", "A16");
            }

            list.Drop(Id);
        }

        DisqualificationReason = reason.Trim();
        DisqualificationEvidence = evidence.Trim();
        Move(next, ApplicationAction.Disqualify, actor, now, reason, null);
    }

    /// <summary>Refuses with the standard message when <paramref name="action"/> is not legal in the current state.</summary>
    internal void EnsureCan(ApplicationAction action) => Next(action);

    // A8.3, A8.4: an upheld objection takes the candidate off the list; called by the list.
    internal void RemoveAfterUpheldObjection(string reply, string actor, DateTimeOffset now)
    {
        var next = Next(ApplicationAction.UpholdObjection);
        Move(next, ApplicationAction.UpholdObjection, actor, now, reply, null);
    }

    public static string StateName(ApplicationState state) => state switch
    {
        ApplicationState.Draft => "草稿",
        ApplicationState.Submitted => "县区初审中",
        ApplicationState.ReturnedToCommunity => "退回社区修改",
        ApplicationState.ForwardedToCity => "市州评定中",
        ApplicationState.RejectedByCounty => "县区不予推荐",
        ApplicationState.RejectedByCity => "市州不予推荐",
        ApplicationState.Recommended => "已列入市州推荐名单",
        ApplicationState.ReturnedToCounty => "退回县区",
        ApplicationState.ForwardedToProvince => "省级审核中",
        ApplicationState.Proposed => "已列入拟认定名单",
        ApplicationState.Certified => "已认定",
        ApplicationState.NotCertified => "不予认定",
        ApplicationState.Withdrawn => "已撤回",
        ApplicationState.Disqualified => "已取消申报资格",
        ApplicationState.RemovedByObjection => "因异议成立移出名单",
        _ => state.ToString(),
    };

    public static string ActionName(ApplicationAction action) => action switch
    {
        ApplicationAction.Submit => "提交申报",
        ApplicationAction.Withdraw => "撤回申报",
        ApplicationAction.ReturnForCorrection => "退回修改",
        ApplicationAction.Resubmit => "重新提交",
        ApplicationAction.CountyForward => "县区报送市州",
        ApplicationAction.CountyReject => "县区不予推荐",
        ApplicationAction.CityRecommend => "列入市州推荐名单",
        ApplicationAction.CityReturnToCounty => "退回县区",
        ApplicationAction.CityReject => "市州不予推荐",
        ApplicationAction.ForwardToProvince => "报送省人社厅",
        ApplicationAction.Propose => "列入拟认定名单",
        ApplicationAction.NotCertify => "不予认定",
        ApplicationAction.Certify => "认定",
        ApplicationAction.UpholdObjection => "异议成立移出名单",
        ApplicationAction.Disqualify => "取消申报资格",
        _ => action.ToString(),
    };

    /// <summary>The review level's name, in messages, sheet columns and page headings.</summary>
    public static string LevelName(ReviewLevel level) => level switch
    {
        ReviewLevel.Self => "社区自评",
        ReviewLevel.County => "县区",
        ReviewLevel.City => "市州",
        ReviewLevel.Province => "省级",
        _ => level.ToString(),
    };

    private static Dictionary<(ApplicationState, ApplicationAction), ApplicationState> BuildMunicipalTransitions()
    {
        ApplicationState[] provinceStates = [ApplicationState.ForwardedToProvince, ApplicationState.Proposed];
        var t = BuildTransitions()
            .Where(m => !provinceStates.Contains(m.Key.Item1) && m.Key.Item2 != ApplicationAction.ForwardToProvince)
            .ToDictionary(m => m.Key, m => m.Value);
        t[(ApplicationState.Recommended, ApplicationAction.Certify)] = ApplicationState.Certified;
        return t;
    }

    private static Dictionary<(ApplicationState, ApplicationAction), ApplicationState> BuildTransitions()
    {
        var t = new Dictionary<(ApplicationState, ApplicationAction), ApplicationState>
        {
            [(ApplicationState.Draft, ApplicationAction.Submit)] = ApplicationState.Submitted,
            [(ApplicationState.Draft, ApplicationAction.Withdraw)] = ApplicationState.Withdrawn,
            [(ApplicationState.Submitted, ApplicationAction.Withdraw)] = ApplicationState.Withdrawn,
            [(ApplicationState.Submitted, ApplicationAction.ReturnForCorrection)] = ApplicationState.ReturnedToCommunity,
            [(ApplicationState.Submitted, ApplicationAction.CountyForward)] = ApplicationState.ForwardedToCity,
            [(ApplicationState.Submitted, ApplicationAction.CountyReject)] = ApplicationState.RejectedByCounty,
            [(ApplicationState.ReturnedToCommunity, ApplicationAction.Resubmit)] = ApplicationState.Submitted,
            [(ApplicationState.ReturnedToCommunity, ApplicationAction.Withdraw)] = ApplicationState.Withdrawn,
            [(ApplicationState.ForwardedToCity, ApplicationAction.CityRecommend)] = ApplicationState.Recommended,
            [(ApplicationState.ForwardedToCity, ApplicationAction.CityReturnToCounty)] = ApplicationState.ReturnedToCounty,
            [(ApplicationState.ForwardedToCity, ApplicationAction.CityReject)] = ApplicationState.RejectedByCity,
            [(ApplicationState.ReturnedToCounty, ApplicationAction.ReturnForCorrection)] = ApplicationState.ReturnedToCommunity,
            [(ApplicationState.ReturnedToCounty, ApplicationAction.CountyForward)] = ApplicationState.ForwardedToCity,
            [(ApplicationState.ReturnedToCounty, ApplicationAction.CountyReject)] = ApplicationState.RejectedByCounty,
            [(ApplicationState.Recommended, ApplicationAction.ForwardToProvince)] = ApplicationState.ForwardedToProvince,
            [(ApplicationState.Recommended, ApplicationAction.UpholdObjection)] = ApplicationState.RemovedByObjection,
            [(ApplicationState.ForwardedToProvince, ApplicationAction.Propose)] = ApplicationState.Proposed,
            [(ApplicationState.ForwardedToProvince, ApplicationAction.NotCertify)] = ApplicationState.NotCertified,
            [(ApplicationState.Proposed, ApplicationAction.Certify)] = ApplicationState.Certified,
            [(ApplicationState.Proposed, ApplicationAction.UpholdObjection)] = ApplicationState.RemovedByObjection,
        };

        // A16: falsification can disqualify an application at any open stage.
        foreach (var state in Open)
        {
            t[(state, ApplicationAction.Disqualify)] = ApplicationState.Disqualified;
        }

        return t;
    }

    private ApplicationState Next(ApplicationAction action) =>
        TransitionsFor(CampaignKind).TryGetValue((State, action), out var next)
            ? next
            : throw new DomainException($"申报当前为“{StateName(State)}”，不能{ActionName(action)}。", ClauseOf(action));

    private static string ClauseOf(ApplicationAction action) => action switch
    {
        ApplicationAction.Submit or ApplicationAction.Withdraw or ApplicationAction.Resubmit => "A8.1",
        ApplicationAction.ReturnForCorrection or ApplicationAction.CountyForward or ApplicationAction.CountyReject => "A8.2",
        ApplicationAction.CityRecommend or ApplicationAction.CityReturnToCounty or ApplicationAction.CityReject
            or ApplicationAction.ForwardToProvince => "A8.3",
        ApplicationAction.Disqualify => "A16",
        _ => "A8.4",
    };

    private void Move(ApplicationState next, ApplicationAction action, string actor, DateTimeOffset now, string? remark, string? overrideReason)
    {
        _history.Add(new ApplicationHistoryEntry(now, actor, action, State, next, remark?.Trim(),
            string.IsNullOrWhiteSpace(overrideReason) ? null : overrideReason.Trim()));
        State = next;
    }

    private bool LevelHolds(ReviewLevel level) => level switch
    {
        ReviewLevel.Self => State is ApplicationState.Draft or ApplicationState.ReturnedToCommunity,
        ReviewLevel.County => State is ApplicationState.Submitted or ApplicationState.ReturnedToCounty,
        ReviewLevel.City => State is ApplicationState.ForwardedToCity,
        ReviewLevel.Province => State is ApplicationState.ForwardedToProvince,
        _ => false,
    };

    private void EnsureCampaign(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Id != CampaignId)
        {
            throw new DomainException("该申报不属于此创建批次。", "A8");
        }
    }

    // Acting after a stage deadline needs the organiser's recorded reason: the province's, or the city's in its municipal campaign.
    private void EnsureInTime(Campaign campaign, DateTimeOffset now, string? overrideReason) =>
        Deadline(campaign)?.EnsureInTime(campaign, now, overrideReason);

    // A4.3: a municipal campaign has no province step; the province does not act in it (A10: cities manage municipal titles).
    private void EnsureProvinceStep(Campaign campaign)
    {
        EnsureCampaign(campaign);
        if (!campaign.HasProvinceStep)
        {
            throw new DomainException("市级创建由组织创建的市州人社局认定，没有报送省人社厅和省级审核环节。", "A4.3");
        }
    }

    private ScoreSheet RequireCompleteSheet(ReviewLevel level, string clause)
    {
        var sheet = SheetFor(level);
        if (sheet is null || !sheet.IsComplete)
        {
            throw new DomainException($"{LevelName(level)}评分表尚未填写完整。", clause);
        }

        return sheet;
    }

    // A6: total ≥ pass mark; A5: every gate met.
    private ScoreSheet RequirePassingSheet(ReviewLevel level, decimal passMark, string clause)
    {
        var sheet = RequireCompleteSheet(level, clause);
        if (!sheet.GatesMet)
        {
            var items = string.Join("、", sheet.UnmetGates.Select(l => $"第{l.Number}项"));
            throw new DomainException($"{LevelName(level)}评分中必备条件未达标（{items}），无论总分多少均不能通过。", "A5");
        }

        if (sheet.Total < passMark)
        {
            throw new DomainException($"{LevelName(level)}评分{sheet.Total}分，低于达标分数线{passMark}分。", "A6");
        }

        return sheet;
    }

    private void EnsureOnSentUpList(CandidateList list, string clause)
    {
        if (!list.Contains(Id))
        {
            throw new DomainException("该申报不在名单中。", clause);
        }

        if (list.State != CandidateListState.SentUp)
        {
            throw new DomainException("名单公示尚未结束或异议尚未处理完毕，不能办理。", clause);
        }
    }

    private static void RequireText(string? text, string message, string clause)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException(message, clause);
        }
    }
}
