using FullEmployment.Domain;
using FullEmployment.Domain.Communities;

namespace FullEmployment.UnitTests.Communities;

/// <summary>A11.2, A11.3: what the registry may still do with a community, the answer the page renders and the guards refuse from.</summary>
public sealed class CommunityOpenActionsTests
{
    private static readonly DateOnly Decision = new(2025, 1, 31);
    private static readonly CommunityDetails Details = new("东岗社区", "东岗街道", "东岗西路1号", "城政发〔2015〕1号", "民备001",
        new DateOnly(2015, 3, 1), null, null);

    [Fact]
    [Trait("Clause", "A11")]
    public void An_active_community_has_every_action_open_and_no_closed_reason()
    {
        var community = NewCommunity();

        community.OpenActions.ShouldBe(Enum.GetValues<CommunityAction>(), ignoreOrder: true);
        community.ClosedReason.ShouldBeNull();
    }

    [Fact]
    [Trait("Clause", "A11.2")]
    public void A11_2_A_dissolved_community_offers_nothing_says_why_and_refuses_editing_granting_applying_and_changes()
    {
        var community = NewCommunity();
        community.GrantTitle(TitleLevel.Municipal, "兰州市人社局", "兰人社发〔2021〕1号", new DateOnly(2021, 6, 1), null);

        community.Dissolve(Decision);

        community.OpenActions.ShouldBeEmpty();
        community.ClosedReason.ShouldNotBeNull().ShouldStartWith("已撤销");
        Should.Throw<DomainException>(() => community.UpdateDetails(Details, Decision)).Clause.ShouldBe("A11");
        Should.Throw<DomainException>(() => community.GrantTitle(TitleLevel.Provincial, "甘肃省人社厅", "甘人社发〔2025〕1号", Decision, "甘A-1"))
            .Clause.ShouldBe("A11.2");
        Should.Throw<DomainException>(() => community.EnsureMayApply()).Clause.ShouldBe("A11.2");
        Should.Throw<DomainException>(() => community.Rename("新东岗社区", Decision));
    }

    [Fact]
    [Trait("Clause", "A11.3")]
    public void A11_3_A_merged_community_offers_nothing_and_names_its_successor()
    {
        var community = NewCommunity();

        community.MergeInto("620102001009", Decision);

        community.OpenActions.ShouldBeEmpty();
        community.ClosedReason.ShouldNotBeNull().ShouldStartWith("已合并入620102001009");
        Should.Throw<DomainException>(() => community.UpdateDetails(Details, Decision)).Clause.ShouldBe("A11");
    }

    [Fact]
    [Trait("Clause", "A11.3")]
    public void A11_3_The_successor_of_a_merger_stays_open()
    {
        var successor = NewCommunity();

        successor.MergeInto(successor.Code, Decision);

        successor.OpenActions.ShouldContain(CommunityAction.GrantTitle);
        successor.ClosedReason.ShouldBeNull();
    }

    [Fact]
    [Trait("Clause", "A11.2")]
    public void A11_2_A_title_held_before_the_dissolution_may_still_be_recorded()
    {
        var community = NewCommunity();
        community.Dissolve(Decision);

        var past = community.GrantTitle(TitleLevel.Municipal, "兰州市人社局", "兰人社发〔2019〕1号", new DateOnly(2019, 6, 1), null,
            end: new TitleEnd(new DateOnly(2020, 6, 1), TitleEndReason.Other, null));

        past.IsInForceOn(Decision).ShouldBeFalse();
    }

    private static Community NewCommunity() => new("620102001001", "620100", "620102", Details);
}
