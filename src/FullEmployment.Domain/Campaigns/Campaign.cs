using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Domain.Campaigns;

public enum CampaignKind
{
    /// <summary>Provincial creation run by the province, once per two-year cycle (A4.2).</summary>
    Provincial,

    /// <summary>Municipal creation run by a city with its own template, pass mark and quota (A4.3, A18).</summary>
    Municipal,

    /// <summary>A national round: the province recommends per the ministry's arrangements (A4.1).</summary>
    NationalRecommendation,
}

public static class CampaignKinds
{
    /// <summary>The kind as every page, export and API text names it.</summary>
    public static string DisplayName(this CampaignKind kind) => kind switch
    {
        CampaignKind.Provincial => "省级创建",
        CampaignKind.Municipal => "市级创建",
        _ => "国家级推荐",
    };
}

public enum CampaignState
{
    Draft,
    Published,
    Closed,
    Completed,
}

public enum CampaignAction
{
    Publish,
    Close,
    Complete,
}

/// <summary>Stage deadlines (China dates, inclusive to 24:00): applications, county review, city evaluation, province review.</summary>
public sealed record StageDeadlines(DateOnly Application, DateOnly County, DateOnly City, DateOnly Province);

/// <summary>
/// A region's share of a campaign's total (名额分配): a city's in a provincial round (A7), a county's in a municipal
/// one (A4.3); a city without counties holds its municipal quota itself, since its officers do the county step.
/// </summary>
public sealed class QuotaAllocation
{
    internal QuotaAllocation(string regionCode, int quota)
    {
        RegionCode = regionCode;
        Quota = quota;
    }

    private QuotaAllocation() { }

    public string RegionCode { get; private set; } = string.Empty;

    public int Quota { get; private set; }

    internal void Change(int quota) => Quota = quota;
}

/// <summary>A creation round (创建批次) run by the province or a city (A4, A7).</summary>
public sealed class Campaign
{
    // A6: ≥ 90 may be named provincial.
    public const decimal DefaultPassMark = 90m;

    public static readonly IReadOnlyDictionary<(CampaignState From, CampaignAction Action), CampaignState> Transitions =
        new Dictionary<(CampaignState, CampaignAction), CampaignState>
        {
            [(CampaignState.Draft, CampaignAction.Publish)] = CampaignState.Published,
            [(CampaignState.Published, CampaignAction.Close)] = CampaignState.Closed,
            [(CampaignState.Published, CampaignAction.Complete)] = CampaignState.Completed,
        };

    private readonly List<QuotaAllocation> _allocations = [];

    public Campaign(
        CampaignKind kind,
        string organizerRegionCode,
        string name,
        int creationYear,
        int totalQuota,
        ScoreTemplate template,
        AssessmentPeriod assessmentPeriod,
        StageDeadlines deadlines,
        CycleCheck cycleCheck,
        decimal passMark = DefaultPassMark)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(cycleCheck);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("创建批次名称不能为空。", "A7");
        }

        if (string.IsNullOrWhiteSpace(organizerRegionCode))
        {
            throw new DomainException("必须指明组织创建的省或市州。", "A7");
        }

        // A4.2: the provincial check must be the one made for this year.
        if (kind == CampaignKind.Provincial && cycleCheck.CreationYear != creationYear)
        {
            throw new DomainException("创建周期校验与创建年度不一致。", "A4.2");
        }

        if (!template.IsPublished)
        {
            throw new DomainException($"评分表{template.TemplateVersion}尚未发布，创建批次只能使用已发布的版本。", "A6");
        }

        Id = Guid.NewGuid();
        Kind = kind;
        OrganizerRegionCode = organizerRegionCode;
        Name = name.Trim();
        CreationYear = creationYear;
        TemplateVersion = template.TemplateVersion;
        CycleOverrideReason = kind == CampaignKind.Provincial ? cycleCheck.OverrideReason : null;
        SetTotalQuota(totalQuota);
        SetPassMark(passMark);
        SetSchedule(assessmentPeriod, deadlines);
        State = CampaignState.Draft;
    }

    private Campaign() { }

    public Guid Id { get; private set; }

    /// <summary>Optimistic-concurrency version, managed by the persistence layer.</summary>
    public int Version { get; private set; }

    public CampaignKind Kind { get; private set; }

    /// <summary>The province's region code, or the city's for a municipal campaign.</summary>
    public string OrganizerRegionCode { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public int CreationYear { get; private set; }

    public int TotalQuota { get; private set; }

    public IReadOnlyList<QuotaAllocation> Allocations => _allocations;

    /// <summary>The pinned score template version (A6); later versions never change this campaign's scores.</summary>
    public string TemplateVersion { get; private set; } = string.Empty;

    public decimal PassMark { get; private set; }

    /// <summary>The months the indicators cover (考核期).</summary>
    public AssessmentPeriod AssessmentPeriod { get; private set; } = null!;

    public StageDeadlines Deadlines { get; private set; } = null!;

    /// <summary>A4.2: why the province opened a second provincial campaign within a two-year cycle, if it did.</summary>
    public string? CycleOverrideReason { get; private set; }

    public CampaignState State { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? CloseReason { get; private set; }

    public bool AcceptsApplications => State == CampaignState.Published;

    public int AllocatedQuota => _allocations.Sum(a => a.Quota);

    /// <summary>The most a city's recommendation list may hold (A8.3); in a municipal campaign the organiser's list holds the total (A4.3).</summary>
    public int QuotaFor(string cityCode) =>
        Kind == CampaignKind.Municipal
            ? (cityCode == OrganizerRegionCode ? TotalQuota : 0)
            : AllocationOf(cityCode);

    /// <summary>
    /// A4.3: the most a county may send to the city in a municipal campaign, keyed by the county step's region (the
    /// county, or the city itself where it has no counties). Null in other campaigns: their counties have no quota of their own.
    /// </summary>
    public int? CountyQuotaFor(string countyStepRegionCode) =>
        Kind == CampaignKind.Municipal ? AllocationOf(countyStepRegionCode) : null;

    /// <summary>
    /// The last stage, whose deadline is <see cref="StageDeadlines.Province"/>: the province's review (A8.4), or in a municipal
    /// campaign the city's certification after its notice (A4.3).
    /// </summary>
    public string FinalStageName => Kind == CampaignKind.Municipal ? "市级认定" : "省级审核";

    /// <summary>A8: who may act in a stage's place once its deadline has passed: the province, or the city organising a municipal campaign.</summary>
    public string OverriderName => HasProvinceStep ? "省人社厅" : "组织创建的市州人社局";

    /// <summary>Whether the campaign has the province's review and proposed list (A8.4); a municipal one ends at the city (A4.3).</summary>
    public bool HasProvinceStep => Kind != CampaignKind.Municipal;

    /// <summary>
    /// A4.3: the county step of a municipal campaign may not forward beyond its quota; <paramref name="forwarded"/> counts the
    /// applications it has already sent that still hold a place (at the city, on its list or certified).
    /// </summary>
    public void EnsureCountyQuotaLeft(string countyStepRegionCode, int forwarded)
    {
        if (CountyQuotaFor(countyStepRegionCode) is { } quota && forwarded >= quota)
        {
            throw new DomainException(quota == 0
                ? "该县区在本批次中没有分配名额，不能报送市州。"
                : $"该县区在本批次中的名额为{quota}个，已报送{forwarded}个，不能再报送。", "A4.3");
        }
    }

    /// <summary>A19: a warning when the campaign's stages fall outside the measures' validity window, else null.</summary>
    public string? ValidityWarning() =>
        MeasuresValidity.Covers(Deadlines.Application) && MeasuresValidity.Covers(Deadlines.Province)
            ? null
            : $"本批次的申报至省级审核期间（{ChinaTime.Format(Deadlines.Application)}—{ChinaTime.Format(Deadlines.Province)}）"
              + $"超出《管理办法》有效期（{ChinaTime.Format(MeasuresValidity.From)}—{ChinaTime.Format(MeasuresValidity.To)}），请确认适用依据。";

    public void SetTotalQuota(int totalQuota)
    {
        EnsureDraft();
        if (totalQuota <= 0)
        {
            throw new DomainException("创建名额总数必须大于0。", "A7");
        }

        TotalQuota = totalQuota;
    }

    public void SetPassMark(decimal passMark)
    {
        EnsureDraft();
        if (passMark <= 0 || passMark > ScoreTemplate.FullMarks || decimal.Round(passMark, 1) != passMark)
        {
            throw new DomainException("达标分数线必须在0到100分之间，最多保留一位小数。", "A6");
        }

        PassMark = passMark;
    }

    public void SetSchedule(AssessmentPeriod assessmentPeriod, StageDeadlines deadlines)
    {
        ArgumentNullException.ThrowIfNull(assessmentPeriod);
        ArgumentNullException.ThrowIfNull(deadlines);
        EnsureDraft();
        if (deadlines.County < deadlines.Application || deadlines.City < deadlines.County || deadlines.Province < deadlines.City)
        {
            throw new DomainException($"各阶段截止日期必须依次为：社区申报、县区初审、市州评定、{FinalStageName}，且不能倒置。", "A8");
        }

        AssessmentPeriod = assessmentPeriod;
        Deadlines = deadlines;
    }

    // A7: the province fixes the allocation per city; A4.3: a city fixes its municipal campaign's allocation per county.
    public void AllocateQuota(string regionCode, int quota)
    {
        EnsureDraft();
        if (string.IsNullOrWhiteSpace(regionCode))
        {
            throw new DomainException($"必须指明分配名额的{AllocationUnit}。", AllocationClause);
        }

        if (Kind == CampaignKind.Municipal && !regionCode.StartsWith(OrganizerRegionCode[..4], StringComparison.Ordinal))
        {
            throw new DomainException("市级创建批次的名额只能分配给本市州的县区。", "A4.3");
        }

        if (quota < 0)
        {
            throw new DomainException("分配名额不能为负数。", AllocationClause);
        }

        var existing = _allocations.Find(a => a.RegionCode == regionCode);
        if (quota == 0)
        {
            if (existing is not null)
            {
                _allocations.Remove(existing);
            }
        }
        else if (existing is null)
        {
            _allocations.Add(new QuotaAllocation(regionCode, quota));
        }
        else
        {
            existing.Change(quota);
        }

        if (AllocatedQuota > TotalQuota)
        {
            throw new DomainException($"各{AllocationUnit}名额合计{AllocatedQuota}个，超过名额总数{TotalQuota}个。", AllocationClause);
        }
    }

    public void Publish(DateTimeOffset now)
    {
        var next = Next(CampaignAction.Publish);
        // A7, A4.3: the per-city (per-county) allocation must account for the whole total.
        if (AllocatedQuota != TotalQuota)
        {
            throw new DomainException($"各{AllocationUnit}名额合计{AllocatedQuota}个，与名额总数{TotalQuota}个不一致，不能发布。", AllocationClause);
        }

        if (now >= ChinaTime.EndOf(Deadlines.Application))
        {
            throw new DomainException($"申报截止日期{ChinaTime.Format(Deadlines.Application)}已过，不能发布。", "A7");
        }

        State = next;
        PublishedAt = now;
    }

    /// <summary>Ends the campaign early, e.g. cancelled by the organiser; a reason is required.</summary>
    public void Close(string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("结束创建批次必须填写原因。", "A7");
        }

        State = Next(CampaignAction.Close);
        CloseReason = reason.Trim();
        EndedAt = now;
    }

    /// <summary>Marks the campaign done once certification is finished.</summary>
    public void Complete(DateTimeOffset now)
    {
        State = Next(CampaignAction.Complete);
        EndedAt = now;
    }

    private string AllocationUnit => Kind == CampaignKind.Municipal ? "县区" : "市州";

    private string AllocationClause => Kind == CampaignKind.Municipal ? "A4.3" : "A7";

    private int AllocationOf(string regionCode) => _allocations.Find(a => a.RegionCode == regionCode)?.Quota ?? 0;

    private CampaignState Next(CampaignAction action) =>
        Transitions.TryGetValue((State, action), out var next)
            ? next
            : throw new DomainException($"创建批次当前为“{StateName(State)}”状态，不能执行“{ActionName(action)}”。", "A7");

    private void EnsureDraft()
    {
        if (State != CampaignState.Draft)
        {
            throw new DomainException("创建批次发布后不能再修改名额、分数线或日程。", "A7");
        }
    }

    public static string StateName(CampaignState state) => state switch
    {
        CampaignState.Draft => "草稿",
        CampaignState.Published => "已发布",
        CampaignState.Closed => "已结束",
        CampaignState.Completed => "已完成",
        _ => state.ToString(),
    };

    public static string ActionName(CampaignAction action) => action switch
    {
        CampaignAction.Publish => "发布",
        CampaignAction.Close => "结束",
        CampaignAction.Complete => "完成",
        _ => action.ToString(),
    };
}
