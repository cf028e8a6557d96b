using FullEmployment.Domain;
using FullEmployment.Domain.Communities;

namespace FullEmployment.UnitTests.Communities;

public sealed class TitleTests
{
    private static readonly DateOnly Granted = new(2021, 6, 1);

    [Theory]
    [Trait("Clause", "A3.1")]
    [InlineData(2021, 5, 31, false)]
    [InlineData(2021, 6, 1, true)]
    [InlineData(2024, 12, 31, true)]
    public void A3_1_An_open_title_is_in_force_from_its_grant_date(int year, int month, int day, bool inForce)
    {
        var title = NewCommunity().GrantTitle(TitleLevel.Municipal, "兰州市人社局", "兰人社发〔2021〕1号", Granted, null);

        title.IsInForceOn(new DateOnly(year, month, day)).ShouldBe(inForce);
    }

    [Theory]
    [Trait("Clause", "A3.1")]
    [InlineData(2023, 6, 29, true)]
    [InlineData(2023, 6, 30, false)]
    [InlineData(2023, 7, 1, false)]
    public void A3_1_An_ended_title_is_no_longer_in_force_on_its_end_date(int year, int month, int day, bool inForce)
    {
        var title = NewCommunity().GrantTitle(TitleLevel.Municipal, "兰州市人社局", "兰人社发〔2021〕1号", Granted, null,
            end: new TitleEnd(new DateOnly(2023, 6, 30), TitleEndReason.Reinspection, null));

        title.IsInForceOn(new DateOnly(year, month, day)).ShouldBe(inForce);
    }

    [Fact]
    [Trait("Clause", "A3.1")]
    public void A3_1_A_title_cannot_end_before_it_was_granted()
    {
        Should.Throw<DomainException>(() => NewCommunity().GrantTitle(TitleLevel.Municipal, "兰州市人社局", "兰人社发〔2021〕1号", Granted, null,
            end: new TitleEnd(Granted.AddDays(-1), TitleEndReason.Other, null)));
    }

    [Fact]
    [Trait("Clause", "A12.1")]
    public void A12_1_A_legacy_star_title_ranks_as_provincial_and_wins_over_municipal()
    {
        var community = NewCommunity();
        community.GrantTitle(TitleLevel.Municipal, "兰州市人社局", "兰人社发〔2013〕1号", new DateOnly(2013, 6, 1), null);
        community.GrantTitle(TitleLevel.LegacyProvincialStar, "甘肃省人社厅", "甘人社发〔2015〕1号", new DateOnly(2015, 6, 1), null);

        community.HighestTitleOn(new DateOnly(2025, 6, 2))!.Level.ShouldBe(TitleLevel.LegacyProvincialStar);
        TitleLevel.LegacyProvincialStar.Rank().ShouldBe(TitleLevel.Provincial.Rank());
    }

    [Fact]
    [Trait("Clause", "A3.1")]
    public void A3_1_National_is_higher_than_provincial_and_provincial_than_a_legacy_star()
    {
        var community = NewCommunity();
        community.GrantTitle(TitleLevel.LegacyProvincialStar, "甘肃省人社厅", "甘人社发〔2015〕1号", new DateOnly(2015, 6, 1), null);
        community.GrantTitle(TitleLevel.Provincial, "甘肃省人社厅", "甘人社通〔2019〕1号", new DateOnly(2019, 11, 20), null);
        community.GrantTitle(TitleLevel.National, "人社部", "人社部函〔2020〕1号", new DateOnly(2020, 12, 1), null);

        community.HighestTitleOn(new DateOnly(2020, 1, 1))!.Level.ShouldBe(TitleLevel.Provincial);
        community.HighestTitleOn(new DateOnly(2020, 12, 1))!.Level.ShouldBe(TitleLevel.National);
        community.HighestTitleOn(new DateOnly(2015, 5, 31)).ShouldBeNull();
    }

    [Fact]
    [Trait("Clause", "A3.1")]
    public void A3_1_The_highest_title_ignores_titles_that_have_ended()
    {
        var community = NewCommunity();
        community.GrantTitle(TitleLevel.Municipal, "兰州市人社局", "兰人社发〔2018〕1号", new DateOnly(2018, 6, 1), null);
        community.GrantTitle(TitleLevel.Provincial, "甘肃省人社厅", "甘人社通〔2019〕1号", new DateOnly(2019, 11, 20), null,
            end: new TitleEnd(new DateOnly(2024, 3, 1), TitleEndReason.Reinspection, null));

        community.HighestTitleOn(new DateOnly(2024, 3, 1))!.Level.ShouldBe(TitleLevel.Municipal);
    }

    [Fact]
    [Trait("Clause", "A3.1")]
    public void A3_1_An_overlapping_title_of_the_same_level_is_refused()
    {
        var community = NewCommunity();
        community.GrantTitle(TitleLevel.Provincial, "甘肃省人社厅", "甘人社通〔2019〕1号", new DateOnly(2019, 11, 20), null);

        var refused = Should.Throw<DomainException>(() =>
            community.GrantTitle(TitleLevel.Provincial, "甘肃省人社厅", "甘人社通〔2025〕1号", new DateOnly(2025, 6, 1), null));

        refused.Clause.ShouldBe("A3.1");
        community.Titles.Count.ShouldBe(1);
    }

    [Fact]
    [Trait("Clause", "A3.1")]
    public void A3_1_A_same_level_title_after_the_previous_one_ended_is_accepted()
    {
        var community = NewCommunity();
        community.GrantTitle(TitleLevel.Municipal, "兰州市人社局", "兰人社发〔2018〕1号", new DateOnly(2018, 6, 1), null,
            end: new TitleEnd(new DateOnly(2022, 6, 1), TitleEndReason.Reinspection, null));

        community.GrantTitle(TitleLevel.Municipal, "兰州市人社局", "兰人社发〔2022〕9号", new DateOnly(2022, 6, 1), null);

        community.Titles.Count.ShouldBe(2);
        community.HighestTitleOn(new DateOnly(2022, 6, 1))!.DocumentNumber.ShouldBe("兰人社发〔2022〕9号");
    }

    [Fact]
    [Trait("Clause", "A3.1")]
    public void A3_1_A_title_of_another_level_may_overlap()
    {
        var community = NewCommunity();
        community.GrantTitle(TitleLevel.Municipal, "兰州市人社局", "兰人社发〔2018〕1号", new DateOnly(2018, 6, 1), null);

        community.GrantTitle(TitleLevel.Provincial, "甘肃省人社厅", "甘人社通〔2019〕1号", new DateOnly(2019, 11, 20), null);

        community.TitlesInForceOn(new DateOnly(2020, 1, 1)).Count().ShouldBe(2);
    }

    [Fact]
    [Trait("Clause", "A3.1")]
    public void A3_1_A_title_needs_a_document_number()
    {
        Should.Throw<DomainException>(() => NewCommunity().GrantTitle(TitleLevel.Municipal, "兰州市人社局", " ", Granted, null))
            .Clause.ShouldBe("A3.1");
    }

    [Fact]
    [Trait("Clause", "A2")]
    public void A2_A_community_code_must_lie_in_its_county()
    {
        Should.Throw<DomainException>(() => new Community("620103001001", "620100", "620102", Details())).Clause.ShouldBe("A2");
        new Community("620200001001", "620200", null, Details()).RegionCode.ShouldBe("620200");
    }

    internal static Community NewCommunity() => new("620102001001", "620100", "620102", Details());

    private static CommunityDetails Details() =>
        new("东岗社区", "东岗西路街道", "兰州市城关区东岗西路1号", "城政发〔2012〕01号", "民备620102-001", new DateOnly(2012, 6, 1), "社区主任", "0931-8001001");
}
