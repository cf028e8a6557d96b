namespace FullEmployment.Domain.Ledgers;

public enum Gender
{
    Male = 1,
    Female = 2,
}

/// <summary>Why a registration or a difficulty identification ended (注销原因 / 退出原因).</summary>
public enum LeaveReason
{
    Employed = 1,
    Retired,
    Deceased,
    MovedAway,
    LostWorkCapacity,
    Enrolled,
    Enlisted,
    Imprisoned,
    Other,
}

public enum EmploymentForm
{
    Employer = 1,
    Flexible,
    SelfEmployed,
    PublicWelfarePost,
}

public enum AssistanceKind
{
    CareerGuidance = 1,
    JobReferral,
    SkillsTraining,
    PublicWelfarePost,
    PolicyConsultation,
    EntrepreneurshipService,
    FollowUpVisit,
    Other,
}

/// <summary>重点群体 (A5.3.4).</summary>
public enum KeyGroupCategory
{
    Graduate = 1,
    Veteran,
    MigrantWorker,
    FormerlyPoorWorker,
    Other,
}

public enum EducationLevel
{
    Postgraduate = 1,
    Bachelor,
    College,
    HighSchool,
    VocationalSecondary,
    JuniorHighOrBelow,
}

/// <summary>The Chinese label of every enum value in docs/reference/ledger.md, both ways.</summary>
public sealed class LabelMap<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _labels;
    private readonly Dictionary<string, TEnum> _values;

    public LabelMap(IReadOnlyList<(TEnum Value, string Label)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        _labels = pairs.ToDictionary(p => p.Value, p => p.Label);
        _values = pairs.ToDictionary(p => p.Label, p => p.Value, StringComparer.Ordinal);
        Labels = [.. pairs.Select(p => p.Label)];
    }

    public IReadOnlyList<string> Labels { get; }

    public string Label(TEnum value) =>
        _labels.TryGetValue(value, out var label) ? label : throw new ArgumentOutOfRangeException(nameof(value), value, null);

    public bool TryParse(string? label, out TEnum value)
    {
        value = default;
        return label is not null && _values.TryGetValue(label.Trim(), out value);
    }

    public bool IsDefined(TEnum value) => _labels.ContainsKey(value);
}

public static class LedgerLabels
{
    public static readonly LabelMap<Gender> Genders = new([(Gender.Male, "男"), (Gender.Female, "女")]);

    public static readonly LabelMap<LeaveReason> DeregistrationReasons = new(
    [
        (LeaveReason.Employed, "就业"), (LeaveReason.Retired, "退休"), (LeaveReason.Deceased, "死亡"),
        (LeaveReason.MovedAway, "迁出"), (LeaveReason.LostWorkCapacity, "丧失劳动能力"), (LeaveReason.Enrolled, "入学"),
        (LeaveReason.Enlisted, "参军"), (LeaveReason.Imprisoned, "服刑"), (LeaveReason.Other, "其他"),
    ]);

    /// <summary>退出原因 of a difficulty identification: a subset of the deregistration reasons.</summary>
    public static readonly LabelMap<LeaveReason> DifficultyExitReasons = new(
    [
        (LeaveReason.Employed, "就业"), (LeaveReason.Retired, "退休"), (LeaveReason.Deceased, "死亡"),
        (LeaveReason.MovedAway, "迁出"), (LeaveReason.LostWorkCapacity, "丧失劳动能力"), (LeaveReason.Other, "其他"),
    ]);

    public static readonly LabelMap<EmploymentForm> EmploymentForms = new(
    [
        (EmploymentForm.Employer, "单位就业"), (EmploymentForm.Flexible, "灵活就业"),
        (EmploymentForm.SelfEmployed, "自主创业"), (EmploymentForm.PublicWelfarePost, "公益性岗位"),
    ]);

    public static readonly LabelMap<AssistanceKind> AssistanceKinds = new(
    [
        (AssistanceKind.CareerGuidance, "职业指导"), (AssistanceKind.JobReferral, "岗位推荐"),
        (AssistanceKind.SkillsTraining, "技能培训"), (AssistanceKind.PublicWelfarePost, "公益性岗位"),
        (AssistanceKind.PolicyConsultation, "政策咨询"), (AssistanceKind.EntrepreneurshipService, "创业服务"),
        (AssistanceKind.FollowUpVisit, "跟踪回访"), (AssistanceKind.Other, "其他"),
    ]);

    public static readonly LabelMap<KeyGroupCategory> KeyGroups = new(
    [
        (KeyGroupCategory.Graduate, "高校毕业生"), (KeyGroupCategory.Veteran, "退役军人"),
        (KeyGroupCategory.MigrantWorker, "农民工"), (KeyGroupCategory.FormerlyPoorWorker, "脱贫劳动力"),
        (KeyGroupCategory.Other, "其他"),
    ]);

    public static readonly LabelMap<EducationLevel> EducationLevels = new(
    [
        (EducationLevel.Postgraduate, "研究生"), (EducationLevel.Bachelor, "本科"), (EducationLevel.College, "大专"),
        (EducationLevel.HighSchool, "高中"), (EducationLevel.VocationalSecondary, "中专"),
        (EducationLevel.JuniorHighOrBelow, "初中及以下"),
    ]);

    /// <summary>是/否 columns.</summary>
    public static readonly IReadOnlyList<string> YesNo = ["是", "否"];

    /// <summary>有/无 columns (劳动能力, 就业意愿).</summary>
    public static readonly IReadOnlyList<string> HasOrNot = ["有", "无"];

    public static string ToLabel(this Gender value) => Genders.Label(value);

    public static string ToLabel(this LeaveReason value) => DeregistrationReasons.Label(value);

    public static string ToLabel(this EmploymentForm value) => EmploymentForms.Label(value);

    public static string ToLabel(this AssistanceKind value) => AssistanceKinds.Label(value);

    public static string ToLabel(this KeyGroupCategory value) => KeyGroups.Label(value);

    public static string ToLabel(this EducationLevel value) => EducationLevels.Label(value);

    /// <summary>
    /// "Left the labour force" (docs/reference/indicators.md, "Terms"): 退休, 死亡, 迁出, 丧失劳动能力, 入学, 参军, 服刑.
    /// </summary>
    public static bool LeavesLabourForce(this LeaveReason reason) =>
        reason is not (LeaveReason.Employed or LeaveReason.Other);

    /// <summary>A5.1.4: 大专 or above.</summary>
    public static bool IsCollegeOrAbove(this EducationLevel level) =>
        level is EducationLevel.Postgraduate or EducationLevel.Bachelor or EducationLevel.College;
}
