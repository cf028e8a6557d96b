namespace FullEmployment.Domain.Ledgers;

/// <summary>The ledger kinds of docs/reference/ledger.md; each is one sheet of an import workbook.</summary>
public enum LedgerKind
{
    Person = 1,
    UnemploymentRegistration,
    Employment,
    DifficultyIdentification,
    ZeroEmploymentFamily,
    Assistance,
    TrainingReferral,
    EmploymentWishRegistration,
    Complaint,
    Staff,
}

public enum LedgerValueType
{
    Text,

    /// <summary>A GB 11643 ID number.</summary>
    IdNumber,

    /// <summary>An ID number that must name a person in the same import or already in the ledger.</summary>
    PersonReference,

    Date,

    /// <summary>One of <see cref="LedgerColumn.Choices"/>.</summary>
    Choice,
}

/// <summary>One column of a ledger sheet.</summary>
public sealed record LedgerColumn(string Name, bool Required, LedgerValueType Type, string Example, IReadOnlyList<string>? Choices = null);

/// <summary>A ledger kind as data: sheet name, columns and natural key, shared by import and the template.</summary>
public sealed record LedgerKindDefinition(LedgerKind Kind, string SheetName, IReadOnlyList<LedgerColumn> Columns, IReadOnlyList<string> NaturalKey)
{
    public LedgerColumn? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

/// <summary>Column names and the definitions of every kind (docs/reference/ledger.md, "The ten kinds").</summary>
public static class LedgerKinds
{
    public const string IdNumber = "身份证号";
    public const string Name = "姓名";
    public const string Gender = "性别";
    public const string BirthDate = "出生日期";
    public const string Education = "文化程度";
    public const string Phone = "联系电话";
    public const string FamilyNumber = "家庭编号";
    public const string RelationToHead = "与户主关系";
    public const string HouseholdType = "户籍性质";
    public const string WorkCapacity = "劳动能力";
    public const string WillingToWork = "就业意愿";
    public const string Address = "居住地址";
    public const string RegisteredOn = "登记日期";
    public const string UnemploymentReason = "失业原因";
    public const string DeregisteredOn = "注销日期";
    public const string DeregistrationReason = "注销原因";
    public const string EmployedOn = "就业日期";
    public const string EmploymentForm = "就业形式";
    public const string Employer = "就业单位";
    public const string IdentifiedOn = "认定日期";
    public const string DifficultyCategory = "困难类别";
    public const string EndedOn = "退出日期";
    public const string EndReason = "退出原因";
    public const string HeadIdNumber = "户主身份证号";
    public const string AssistedOn = "援助日期";
    public const string AssistanceKind = "援助方式";
    public const string AssistanceContent = "援助内容";
    public const string Handler = "经办人";
    public const string SystemRecordNumber = "信息系统记录号";
    public const string ReferredOn = "推荐日期";
    public const string TrainingProgramme = "培训项目";
    public const string TrainingProvider = "培训机构";
    public const string KeyGroup = "群体类别";
    public const string Intention = "就业意向";
    public const string ComplainedOn = "投诉日期";
    public const string ComplaintSubject = "投诉事项";
    public const string IsValid = "是否有效";
    public const string Resolution = "处理结果";
    public const string IsFullTime = "是否专职";
    public const string StartedOn = "到岗日期";
    public const string LeftOn = "离岗日期";

    /// <summary>A valid example ID number (男, born 1990-03-07) used by the template's example rows.</summary>
    public static readonly string ExampleIdNumber = "62010219900307123" + Ledgers.IdNumber.CheckCharacter("62010219900307123");

    public static readonly IReadOnlyList<LedgerKindDefinition> All =
    [
        new(LedgerKind.Person, "人员",
        [
            new(IdNumber, true, LedgerValueType.IdNumber, ExampleIdNumber),
            new(Name, true, LedgerValueType.Text, "张三"),
            new(Gender, false, LedgerValueType.Choice, "男", LedgerLabels.Genders.Labels),
            new(BirthDate, false, LedgerValueType.Date, "1990-03-07"),
            new(Education, false, LedgerValueType.Choice, "高中", LedgerLabels.EducationLevels.Labels),
            new(Phone, false, LedgerValueType.Text, "13800001234"),
            new(FamilyNumber, false, LedgerValueType.Text, "F0001"),
            new(RelationToHead, false, LedgerValueType.Text, "户主"),
            new(HouseholdType, false, LedgerValueType.Text, "城镇"),
            new(WorkCapacity, false, LedgerValueType.Choice, "有", LedgerLabels.HasOrNot),
            new(WillingToWork, false, LedgerValueType.Choice, "有", LedgerLabels.HasOrNot),
            new(Address, false, LedgerValueType.Text, "兰州市城关区示例路1号"),
        ], [IdNumber]),
        new(LedgerKind.UnemploymentRegistration, "失业登记",
        [
            new(IdNumber, true, LedgerValueType.PersonReference, ExampleIdNumber),
            new(RegisteredOn, true, LedgerValueType.Date, "2024-03-01"),
            new(UnemploymentReason, false, LedgerValueType.Text, "合同期满"),
            new(DeregisteredOn, false, LedgerValueType.Date, "2024-06-01"),
            new(DeregistrationReason, false, LedgerValueType.Choice, "就业", LedgerLabels.DeregistrationReasons.Labels),
        ], [IdNumber, RegisteredOn]),
        new(LedgerKind.Employment, "就业记录",
        [
            new(IdNumber, true, LedgerValueType.PersonReference, ExampleIdNumber),
            new(EmployedOn, true, LedgerValueType.Date, "2024-06-01"),
            new(EmploymentForm, true, LedgerValueType.Choice, "单位就业", LedgerLabels.EmploymentForms.Labels),
            new(Employer, false, LedgerValueType.Text, "兰州示例有限公司"),
        ], [IdNumber, EmployedOn]),
        new(LedgerKind.DifficultyIdentification, "就业困难人员",
        [
            new(IdNumber, true, LedgerValueType.PersonReference, ExampleIdNumber),
            new(IdentifiedOn, true, LedgerValueType.Date, "2024-03-05"),
            new(DifficultyCategory, true, LedgerValueType.Text, "长期失业人员"),
            new(EndedOn, false, LedgerValueType.Date, "2024-06-01"),
            new(EndReason, false, LedgerValueType.Choice, "就业", LedgerLabels.DifficultyExitReasons.Labels),
        ], [IdNumber, IdentifiedOn]),
        new(LedgerKind.ZeroEmploymentFamily, "零就业家庭",
        [
            new(FamilyNumber, true, LedgerValueType.Text, "F0001"),
            new(IdentifiedOn, true, LedgerValueType.Date, "2024-05-10"),
            new(HeadIdNumber, true, LedgerValueType.PersonReference, ExampleIdNumber),
        ], [FamilyNumber, IdentifiedOn]),
        new(LedgerKind.Assistance, "援助记录",
        [
            new(IdNumber, true, LedgerValueType.PersonReference, ExampleIdNumber),
            new(AssistedOn, true, LedgerValueType.Date, "2024-03-15"),
            new(AssistanceKind, true, LedgerValueType.Choice, "岗位推荐", LedgerLabels.AssistanceKinds.Labels),
            new(AssistanceContent, false, LedgerValueType.Text, "推荐至兰州示例有限公司面试"),
            new(Handler, true, LedgerValueType.Text, "李四"),
            new(SystemRecordNumber, false, LedgerValueType.Text, "GS2024000001"),
        ], [IdNumber, AssistedOn, AssistanceKind]),
        new(LedgerKind.TrainingReferral, "培训推荐",
        [
            new(IdNumber, true, LedgerValueType.PersonReference, ExampleIdNumber),
            new(ReferredOn, true, LedgerValueType.Date, "2024-04-01"),
            new(TrainingProgramme, false, LedgerValueType.Text, "电工"),
            new(TrainingProvider, false, LedgerValueType.Text, "兰州示例职业培训学校"),
        ], [IdNumber, ReferredOn]),
        new(LedgerKind.EmploymentWishRegistration, "就业愿望登记",
        [
            new(IdNumber, true, LedgerValueType.PersonReference, ExampleIdNumber),
            new(RegisteredOn, true, LedgerValueType.Date, "2024-03-02"),
            new(KeyGroup, true, LedgerValueType.Choice, "农民工", LedgerLabels.KeyGroups.Labels),
            new(Intention, false, LedgerValueType.Text, "电工"),
        ], [IdNumber, RegisteredOn]),
        new(LedgerKind.Complaint, "投诉",
        [
            new(ComplainedOn, true, LedgerValueType.Date, "2024-07-01"),
            new(ComplaintSubject, true, LedgerValueType.Text, "失业登记办理时限"),
            new(IsValid, true, LedgerValueType.Choice, "否", LedgerLabels.YesNo),
            new(Resolution, false, LedgerValueType.Text, "已解释说明"),
        ], [ComplainedOn, ComplaintSubject]),
        new(LedgerKind.Staff, "工作人员",
        [
            new(Name, true, LedgerValueType.Text, "李四"),
            new(IdNumber, false, LedgerValueType.IdNumber, "62010219880506124X"),
            new(Education, true, LedgerValueType.Choice, "大专", LedgerLabels.EducationLevels.Labels),
            new(IsFullTime, true, LedgerValueType.Choice, "是", LedgerLabels.YesNo),
            new(StartedOn, true, LedgerValueType.Date, "2020-09-01"),
            new(LeftOn, false, LedgerValueType.Date, string.Empty),
        ], [Name, StartedOn]),
    ];

    private static readonly Dictionary<LedgerKind, LedgerKindDefinition> ByKind = All.ToDictionary(d => d.Kind);
    private static readonly Dictionary<string, LedgerKindDefinition> BySheet = All.ToDictionary(d => d.SheetName, StringComparer.Ordinal);

    public static LedgerKindDefinition Get(LedgerKind kind) => ByKind[kind];

    public static string SheetName(this LedgerKind kind) => ByKind[kind].SheetName;

    public static bool TryGetBySheetName(string? sheetName, out LedgerKindDefinition? definition)
    {
        definition = null;
        return sheetName is not null && BySheet.TryGetValue(sheetName.Trim(), out definition);
    }
}
