using FullEmployment.Domain.Identity;

namespace FullEmployment.Domain.Communities;

public enum CommunityStatus
{
    Active = 1,
    Dissolved = 2,
    Merged = 3,
}

/// <summary>What can still be done with a community in the registry; a dissolved or merged one has none of them open (A11.2, A11.3).</summary>
public enum CommunityAction
{
    /// <summary>Correct the registry facts (修改).</summary>
    EditDetails = 1,

    /// <summary>Grant a title in force (登记称号).</summary>
    GrantTitle = 2,

    /// <summary>Apply in a creation campaign.</summary>
    Apply = 3,

    /// <summary>Be dissolved, merged or renamed by a civil-affairs change.</summary>
    Change = 4,
}

/// <summary>The registry facts of a community that officers edit together.</summary>
public sealed record CommunityDetails(
    string Name,
    string Street,
    string Address,
    string ApprovalDocumentNumber,
    string? CivilAffairsFilingNumber,
    DateOnly? CivilAffairsFiledOn,
    string? ContactName,
    string? ContactPhone);

/// <summary>How and when a title ended.</summary>
public sealed record TitleEnd(DateOnly On, TitleEndReason Reason, string? Remark);

/// <summary>A former name kept when a community is renamed.</summary>
public sealed class NameChange
{
    private NameChange() { }

    internal NameChange(string oldName, string newName, DateOnly changedOn)
    {
        OldName = oldName;
        NewName = newName;
        ChangedOn = changedOn;
    }

    public int Id { get; private set; }
    public int CommunityId { get; private set; }
    public string OldName { get; private set; } = "";
    public string NewName { get; private set; } = "";
    public DateOnly ChangedOn { get; private set; }
}

/// <summary>A grassroots community set up with county approval and filed with civil affairs (A2), and its titles (A3.1).</summary>
public sealed class Community
{
    private readonly List<Title> _titles = [];
    private readonly List<NameChange> _nameHistory = [];

    private Community() { }

    public Community(string code, string cityCode, string? countyCode, CommunityDetails details)
    {
        if (code.Length != 12 || !code.All(char.IsAsciiDigit))
        {
            throw new DomainException("社区代码应为12位统计用区划代码。", "A2");
        }

        var regionPrefix = countyCode ?? cityCode;
        if (!code.StartsWith(regionPrefix[..(countyCode is null ? 4 : 6)], StringComparison.Ordinal))
        {
            throw new DomainException($"社区代码“{code}”与所属区划“{regionPrefix}”不一致。", "A2");
        }

        Code = code;
        CityCode = cityCode;
        CountyCode = countyCode;
        Status = CommunityStatus.Active;
        Apply(details);
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string CityCode { get; private set; } = "";

    /// <summary>Null where the city has no counties (嘉峪关市).</summary>
    public string? CountyCode { get; private set; }

    public string Street { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string ApprovalDocumentNumber { get; private set; } = "";
    public string? CivilAffairsFilingNumber { get; private set; }
    public DateOnly? CivilAffairsFiledOn { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactPhone { get; private set; }
    public CommunityStatus Status { get; private set; }
    public string? MergedIntoCode { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<Title> Titles => _titles;
    public IReadOnlyList<NameChange> NameHistory => _nameHistory;

    /// <summary>The region that scopes this record: its county, or its city where there is none.</summary>
    public string RegionCode => CountyCode ?? CityCode;

    /// <summary>A2: only a community with county approval and a civil-affairs filing may apply for a title.</summary>
    public bool HasCivilAffairsFiling =>
        !string.IsNullOrWhiteSpace(ApprovalDocumentNumber)
        && !string.IsNullOrWhiteSpace(CivilAffairsFilingNumber)
        && CivilAffairsFiledOn is not null;

    /// <summary>
    /// A11.2, A11.3: the one answer to "what may still be done with this community": everything while it is active, nothing once
    /// it is dissolved or merged. Pages render it; the guards below refuse from it.
    /// </summary>
    public IReadOnlyList<CommunityAction> OpenActions => Status == CommunityStatus.Active ? Enum.GetValues<CommunityAction>() : [];

    /// <summary>Why nothing is open any more (已撤销 / 已合并入…), shown where the actions would be; null while active.</summary>
    public string? ClosedReason => Status switch
    {
        CommunityStatus.Dissolved => "已撤销：民政部门撤销该社区，全部称号已于撤销决定日期终止，登记信息和台账只读，不能再申报或授予称号（A11.2）。",
        CommunityStatus.Merged => $"已合并入{MergedIntoCode}：称号已于合并决定日期终止，台账已并入合并后社区，登记信息只读，不能再申报或授予称号（A11.3）。",
        _ => null,
    };

    public void UpdateDetails(CommunityDetails details, DateOnly today)
    {
        EnsureOpen(CommunityAction.EditDetails);
        if (!string.Equals(details.Name.Trim(), Name, StringComparison.Ordinal))
        {
            _nameHistory.Add(new NameChange(Name, details.Name.Trim(), today));
        }

        Apply(details);
    }

    public IEnumerable<Title> TitlesInForceOn(DateOnly date) => _titles.Where(t => t.IsInForceOn(date));

    /// <summary>The highest title in force on D (A12.2: one subsidy, at the highest level).</summary>
    public Title? HighestTitleOn(DateOnly date) =>
        TitlesInForceOn(date).OrderByDescending(t => t.Level.Rank()).ThenByDescending(t => t.Level).FirstOrDefault();

    /// <summary>A5.1.1: an active municipal title filed with the province.</summary>
    public bool HasFiledMunicipalTitleOn(DateOnly date) =>
        TitlesInForceOn(date).Any(t => t.Level == TitleLevel.Municipal && t.IsFiledWithProvince);

    /// <summary>
    /// Grants a title, or records one held before the system (with its end, if it has ended).
    /// A10 authority is checked by the caller's role.
    /// </summary>
    public Title GrantTitle(TitleLevel level, string grantingAuthority, string documentNumber, DateOnly grantedOn,
        string? plaqueNumber, string? provinceFilingNumber = null, DateOnly? provinceFiledOn = null, TitleEnd? end = null)
    {
        if (string.IsNullOrWhiteSpace(documentNumber))
        {
            throw new DomainException("授予称号须填写文件号。", "A3.1");
        }

        // A11.2: a title held before the closing may still be recorded; a title in force may not be granted.
        if (end is null && !OpenActions.Contains(CommunityAction.GrantTitle))
        {
            throw new DomainException("该社区已撤销或合并，不能授予称号。", "A11.2");
        }

        // The same level can't be held twice over overlapping periods.
        var endedOn = end?.On;
        var overlapping = _titles.FirstOrDefault(t => t.Level == level
            && grantedOn < (t.EndedOn ?? DateOnly.MaxValue) && t.GrantedOn < (endedOn ?? DateOnly.MaxValue));
        if (overlapping is not null)
        {
            throw new DomainException($"该社区已持有{level.DisplayName()}称号（文号{overlapping.DocumentNumber}），与所填期间重叠，须先终止原称号。", "A3.1");
        }

        if (provinceFilingNumber is not null && level != TitleLevel.Municipal)
        {
            throw new DomainException("只有市级称号需要报省人社厅备案。", "A5.1.1");
        }

        var title = new Title(level, grantingAuthority.Trim(), documentNumber.Trim(), grantedOn, plaqueNumber?.Trim(),
            provinceFilingNumber?.Trim(), provinceFiledOn);
        if (end is not null)
        {
            title.End(end.On, end.Reason, end.Remark);
        }

        _titles.Add(title);
        return title;
    }

    public void EndTitle(int titleId, DateOnly endedOn, TitleEndReason reason, string? remark)
    {
        // A9, A10: 复查不合格 ends a title only through the review of a re-inspection fail (Supervision/ReinspectionRecord).
        if (reason == TitleEndReason.Reinspection)
        {
            throw new DomainException("“复查不合格”只能由年度复查的复核确认终止称号，请在复查记录中办理。", "A10");
        }

        FindTitle(titleId).End(endedOn, reason, remark);
    }

    /// <summary>A10: called only by <see cref="Supervision.ReinspectionRecord.Confirm"/> once the reviewer confirms a fail.</summary>
    internal void EndTitleAfterReinspection(int titleId, DateOnly endedOn, string remark) =>
        FindTitle(titleId).End(endedOn, TitleEndReason.Reinspection, remark);

    /// <summary>A11.2: dissolved by civil affairs; every title in force ends on the decision date.</summary>
    public void Dissolve(DateOnly decisionDate)
    {
        EnsureOpen(CommunityAction.Change);
        EndTitlesInForce(decisionDate, TitleEndReason.Dissolution);
        Status = CommunityStatus.Dissolved;
    }

    /// <summary>
    /// A11.3: merged; the titles in force end on the decision date (the successor is verified afresh), and a predecessor
    /// other than the successor is marked merged into it.
    /// </summary>
    public void MergeInto(string successorCode, DateOnly decisionDate)
    {
        EnsureOpen(CommunityAction.Change);
        EndTitlesInForce(decisionDate, TitleEndReason.Merger);
        if (successorCode != Code)
        {
            Status = CommunityStatus.Merged;
            MergedIntoCode = successorCode;
        }
    }

    /// <summary>A11.4: renamed with consent; the old name is kept in the history and every title continues.</summary>
    public void Rename(string newName, DateOnly on)
    {
        EnsureOpen(CommunityAction.Change);
        if (string.IsNullOrWhiteSpace(newName))
        {
            throw new DomainException("社区名称不能为空。", "A11.4");
        }

        _nameHistory.Add(new NameChange(Name, newName.Trim(), on));
        Name = newName.Trim();
    }

    /// <summary>A11.2: a dissolved or merged community no longer applies for any title.</summary>
    public Community EnsureMayApply() => OpenActions.Contains(CommunityAction.Apply) ? this
        : throw new DomainException($"社区“{Name}”已{(Status == CommunityStatus.Dissolved ? "撤销" : "合并")}，不能申报。", "A11.2");

    private void EndTitlesInForce(DateOnly on, TitleEndReason reason)
    {
        foreach (var title in _titles.Where(t => t.EndedOn is null && t.GrantedOn <= on))
        {
            title.End(on, reason, null);
        }
    }

    public void RecordProvinceFiling(int titleId, string filingNumber, DateOnly filedOn) =>
        FindTitle(titleId).RecordProvinceFiling(filingNumber.Trim(), filedOn);

    public Title FindTitle(int titleId) =>
        _titles.FirstOrDefault(t => t.Id == titleId) ?? throw new DomainException("未找到该称号记录。");

    private void EnsureOpen(CommunityAction action)
    {
        if (!OpenActions.Contains(action))
        {
            throw new DomainException("该社区已撤销或合并，登记信息不能再修改。", "A11");
        }
    }

    private void Apply(CommunityDetails details)
    {
        if (string.IsNullOrWhiteSpace(details.Name))
        {
            throw new DomainException("社区名称不能为空。");
        }

        if (string.IsNullOrWhiteSpace(details.Street))
        {
            throw new DomainException("所属街道（乡镇）不能为空。");
        }

        if (string.IsNullOrWhiteSpace(details.ApprovalDocumentNumber))
        {
            throw new DomainException("须填写县（市、区）政府批准设立的文件号。", "A2");
        }

        if (details.CivilAffairsFilingNumber is { Length: > 0 } != details.CivilAffairsFiledOn.HasValue)
        {
            throw new DomainException("民政部门备案号与备案日期须同时填写。", "A2");
        }

        Ledgers.PhoneMask.EnsureNotMasked(details.ContactPhone);

        Name = details.Name.Trim();
        Street = details.Street.Trim();
        Address = details.Address.Trim();
        ApprovalDocumentNumber = details.ApprovalDocumentNumber.Trim();
        CivilAffairsFilingNumber = string.IsNullOrWhiteSpace(details.CivilAffairsFilingNumber) ? null : details.CivilAffairsFilingNumber.Trim();
        CivilAffairsFiledOn = details.CivilAffairsFiledOn;
        ContactName = string.IsNullOrWhiteSpace(details.ContactName) ? null : details.ContactName.Trim();
        ContactPhone = string.IsNullOrWhiteSpace(details.ContactPhone) ? null : details.ContactPhone.Trim();
    }
}

/// <summary>A10: who may grant or end which title level.</summary>
public static class TitleAuthority
{
    public static bool MayManage(string role, TitleLevel level) => level switch
    {
        // A10: only the province grants/ends provincial titles and records national ones (A4.1) and legacy stars.
        TitleLevel.National or TitleLevel.Provincial or TitleLevel.LegacyProvincialStar => role == Roles.ProvinceOfficer,
        // A10: only a city grants/ends municipal titles in its area.
        TitleLevel.Municipal => role == Roles.CityOfficer,
        _ => false,
    };

    public static void EnsureMayManage(string role, TitleLevel level)
    {
        if (!MayManage(role, level))
        {
            throw new DomainException(Refusal(level), "A10");
        }
    }

    public static string Refusal(TitleLevel level) =>
        $"{level.DisplayName()}称号只能由{(level == TitleLevel.Municipal ? "市州人社局" : "省人社厅")}授予或终止。";
}
