namespace FullEmployment.Domain.Identity;

/// <summary>The stable role names (docs/reference/design.md "Roles and scope") and what each may be bound to.</summary>
public static class Roles
{
    public const string ProvinceOfficer = "province-officer";
    public const string CityOfficer = "city-officer";
    public const string CountyOfficer = "county-officer";
    public const string CityFinance = "city-finance";
    public const string CountyFinance = "county-finance";
    public const string CommunityStaff = "community-staff";
    public const string Auditor = "auditor";
    public const string SecurityAdmin = "security-admin";

    public static IReadOnlyList<string> All { get; } =
        [ProvinceOfficer, CityOfficer, CountyOfficer, CityFinance, CountyFinance, CommunityStaff, Auditor, SecurityAdmin];

    /// <summary>
    /// The human-resources workflow roles: they read and act on applications, re-inspections, support requests and ledgers
    /// within their region. Auditors, security administrators and finance officers are not among them.
    /// </summary>
    public static readonly string[] Workflow = [ProvinceOfficer, CityOfficer, CountyOfficer, CommunityStaff];

    public static IReadOnlyList<string> Officers { get; } =
        [ProvinceOfficer, CityOfficer, CountyOfficer, CityFinance, CountyFinance, CommunityStaff];

    public static string DisplayName(string role) => role switch
    {
        ProvinceOfficer => "省人社厅",
        CityOfficer => "市州人社局",
        CountyOfficer => "县区人社局",
        CityFinance => "市州财政局",
        CountyFinance => "县区财政局",
        CommunityStaff => "社区工作人员",
        Auditor => "审计管理员",
        SecurityAdmin => "安全管理员",
        _ => role,
    };

    /// <summary>Separation of duties: security admin, auditor and any officer role exclude each other.</summary>
    public static void EnsureCompatible(IReadOnlyCollection<string> roles)
    {
        var duties = roles.Select(r => r switch
        {
            SecurityAdmin => "security",
            Auditor => "audit",
            _ => "officer",
        }).Distinct().Count();
        if (duties > 1)
        {
            throw new DomainException("同一账号不得同时担任安全管理员、审计管理员和业务人员中的两种角色。");
        }
    }

    /// <summary>The level of scope a role is bound to.</summary>
    public static ScopeKind ScopeKindOf(string role) => role switch
    {
        ProvinceOfficer => ScopeKind.Province,
        CityOfficer or CityFinance => ScopeKind.City,
        CountyOfficer or CountyFinance => ScopeKind.County,
        CommunityStaff => ScopeKind.Community,
        Auditor or SecurityAdmin => ScopeKind.AnyRegion,
        _ => throw new DomainException($"未知角色“{role}”。"),
    };
}

public enum ScopeKind
{
    Province,
    City,
    County,
    Community,
    AnyRegion,
}
