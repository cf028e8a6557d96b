using FullEmployment.Domain;
using FullEmployment.Domain.Identity;

namespace FullEmployment.UnitTests.Identity;

public sealed class RolesTests
{
    [Theory]
    [InlineData("security-admin", "auditor")]
    [InlineData("security-admin", "county-officer")]
    [InlineData("auditor", "province-officer")]
    [InlineData("auditor", "community-staff")]
    public void Separation_of_duties_refuses_mixing_security_audit_and_business(string first, string second) =>
        Should.Throw<DomainException>(() => Roles.EnsureCompatible([first, second]));

    [Theory]
    [InlineData("city-officer", "county-officer")]
    [InlineData("county-officer", "county-finance")]
    [InlineData("auditor", "auditor")]
    [InlineData("security-admin", "security-admin")]
    public void Business_roles_go_together_and_a_duty_with_itself(string first, string second) =>
        Should.NotThrow(() => Roles.EnsureCompatible([first, second]));

    [Fact]
    public void The_eight_stable_role_names()
    {
        Roles.All.ShouldBe(["province-officer", "city-officer", "county-officer", "city-finance", "county-finance", "community-staff",
            "auditor", "security-admin"]);
        Roles.All.ShouldAllBe(r => Roles.DisplayName(r) != r);
    }

    [Theory]
    [InlineData("province-officer", ScopeKind.Province)]
    [InlineData("city-officer", ScopeKind.City)]
    [InlineData("city-finance", ScopeKind.City)]
    [InlineData("county-officer", ScopeKind.County)]
    [InlineData("county-finance", ScopeKind.County)]
    [InlineData("community-staff", ScopeKind.Community)]
    [InlineData("auditor", ScopeKind.AnyRegion)]
    [InlineData("security-admin", ScopeKind.AnyRegion)]
    public void Each_role_binds_to_one_kind_of_scope(string role, ScopeKind kind) => Roles.ScopeKindOf(role).ShouldBe(kind);

    [Fact]
    public void An_unknown_role_is_refused() => Should.Throw<DomainException>(() => Roles.ScopeKindOf("admin"));
}
