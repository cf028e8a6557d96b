using FullEmployment.Domain;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;

namespace FullEmployment.UnitTests.Communities;

/// <summary>A10: the province grants and ends national, provincial and legacy star titles; a city, municipal ones; nobody else any.</summary>
public sealed class TitleAuthorityTests
{
    public static TheoryData<string, TitleLevel, bool> Matrix()
    {
        var data = new TheoryData<string, TitleLevel, bool>();
        foreach (var role in Roles.All)
        {
            foreach (var level in Enum.GetValues<TitleLevel>())
            {
                var allowed = level == TitleLevel.Municipal ? role == Roles.CityOfficer : role == Roles.ProvinceOfficer;
                data.Add(role, level, allowed);
            }
        }

        return data;
    }

    [Theory]
    [Trait("Clause", "A10")]
    [MemberData(nameof(Matrix))]
    public void A10_Each_role_may_manage_only_its_title_levels(string role, TitleLevel level, bool allowed)
    {
        TitleAuthority.MayManage(role, level).ShouldBe(allowed);
        if (allowed)
        {
            Should.NotThrow(() => TitleAuthority.EnsureMayManage(role, level));
        }
        else
        {
            var refused = Should.Throw<DomainException>(() => TitleAuthority.EnsureMayManage(role, level));
            refused.Clause.ShouldBe("A10");
            refused.Message.ShouldBe(TitleAuthority.Refusal(level));
        }
    }

    [Fact]
    [Trait("Clause", "A10")]
    public void A10_City_officer_cannot_grant_provincial_title() =>
        TitleAuthority.Refusal(TitleLevel.Provincial).ShouldBe("省级称号只能由省人社厅授予或终止。");

    [Fact]
    [Trait("Clause", "A10")]
    public void A10_Province_officer_cannot_grant_municipal_title() =>
        TitleAuthority.Refusal(TitleLevel.Municipal).ShouldBe("市级称号只能由市州人社局授予或终止。");
}
