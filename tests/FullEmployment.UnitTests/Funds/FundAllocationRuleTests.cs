using System.Reflection;
using FullEmployment.Domain;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Funds;
using FullEmployment.Domain.Identity;

namespace FullEmployment.UnitTests.Funds;

/// <summary>A12.1, A12.2, A14.2: the allocation list of 2026 (allocation date 1 January 2026 unless a test sets another).</summary>
public class FundAllocationRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, ChinaTime.Offset);
    private static readonly DateOnly AllocationDate = new(2026, 1, 1);
    private static int _nextTitleId = 100;

    private static FundSettings Settings(DateOnly? allocationDate = null)
    {
        var settings = FundSettings.DefaultFor(2026, "province", Now);
        if (allocationDate is { } date)
        {
            settings.Change(date, settings.NationalAmount, settings.ProvincialAmount, settings.MunicipalAmount, settings.InformationSystemCapShare,
                "province", Now);
        }

        return settings;
    }

    private static Community NewCommunity(string code = "620102001001", string city = "620100", string? county = "620102") =>
        new(code, city, county, new CommunityDetails("东岗社区", "东岗街道", "东岗西路1号", "城政发〔2015〕1号", "民备001",
            new DateOnly(2015, 3, 1), null, null));

    private static Title Grant(Community community, TitleLevel level, DateOnly grantedOn, TitleEnd? end = null)
    {
        var title = community.GrantTitle(level, "授予机关", $"文〔{grantedOn.Year}〕{_nextTitleId}号", grantedOn, null, end: end);
        typeof(Title).GetProperty("Id", BindingFlags.Public | BindingFlags.Instance)!.SetValue(title, Interlocked.Increment(ref _nextTitleId));
        return title;
    }

    private static IReadOnlyList<FundAllocationLine> Compute(FundSettings settings, params Community[] communities) =>
        FundAllocationRule.Compute(settings, communities, []);

    [Fact]
    [Trait("Clause", "A12.1")]
    public void A12_1_Defaults_are_the_measures_amounts_and_1_January()
    {
        var settings = FundSettings.DefaultFor(2027, "province", Now);

        settings.AllocationDate.ShouldBe(new DateOnly(2027, 1, 1));
        settings.AmountFor(TitleLevel.National).ShouldBe(30_000m);
        settings.AmountFor(TitleLevel.Provincial).ShouldBe(20_000m);
        settings.AmountFor(TitleLevel.LegacyProvincialStar).ShouldBe(20_000m);
        settings.AmountFor(TitleLevel.Municipal).ShouldBe(10_000m);
    }

    [Fact]
    [Trait("Clause", "A12.2")]
    public void A12_2_A_community_with_several_titles_gets_one_line_at_its_highest_level()
    {
        var community = NewCommunity();
        Grant(community, TitleLevel.Municipal, new DateOnly(2019, 6, 1));
        var provincial = Grant(community, TitleLevel.Provincial, new DateOnly(2021, 6, 1));
        var national = Grant(community, TitleLevel.National, new DateOnly(2024, 6, 1));

        var line = Compute(Settings(), community).ShouldHaveSingleItem();

        line.Level.ShouldBe(TitleLevel.National);
        line.TitleId.ShouldBe(national.Id);
        line.TitleDocumentNumber.ShouldBe(national.DocumentNumber);
        line.TitleGrantedOn.ShouldBe(new DateOnly(2024, 6, 1));
        line.Amount.ShouldBe(30_000m);
        provincial.IsInForceOn(AllocationDate).ShouldBeTrue();
    }

    [Fact]
    [Trait("Clause", "A12.1")]
    public void A12_1_A_legacy_provincial_star_is_paid_as_provincial_and_outranks_a_municipal_title()
    {
        var community = NewCommunity();
        Grant(community, TitleLevel.Municipal, new DateOnly(2019, 6, 1));
        var star = Grant(community, TitleLevel.LegacyProvincialStar, new DateOnly(2016, 6, 1));

        var line = Compute(Settings(), community).ShouldHaveSingleItem();

        line.TitleId.ShouldBe(star.Id);
        line.Level.ShouldBe(TitleLevel.LegacyProvincialStar);
        line.Amount.ShouldBe(20_000m);
        FundAllocation.TotalsByLevel([line]).ShouldHaveSingleItem().Key.ShouldBe("provincial");
    }

    [Fact]
    [Trait("Clause", "A12.1")]
    public void A12_1_The_amounts_come_from_the_years_settings()
    {
        var community = NewCommunity();
        Grant(community, TitleLevel.Municipal, new DateOnly(2019, 6, 1));
        var settings = Settings();
        settings.Change(AllocationDate, 36_000m, 24_000m, 12_500.50m, 0.2m, "province", Now);

        Compute(settings, community).ShouldHaveSingleItem().Amount.ShouldBe(12_500.50m);
    }

    [Fact]
    [Trait("Clause", "A12.1")]
    public void A12_1_A_title_granted_on_the_allocation_date_counts_one_granted_the_day_after_does_not()
    {
        var onTheDay = NewCommunity("620102001001");
        Grant(onTheDay, TitleLevel.Municipal, new DateOnly(2026, 3, 1));
        var dayAfter = NewCommunity("620102001002");
        Grant(dayAfter, TitleLevel.Municipal, new DateOnly(2026, 3, 2));

        var lines = Compute(Settings(new DateOnly(2026, 3, 1)), onTheDay, dayAfter);

        lines.ShouldHaveSingleItem().CommunityCode.ShouldBe("620102001001");
    }

    [Fact]
    [Trait("Clause", "A12.1")]
    public void A12_1_A_title_ended_on_the_allocation_date_does_not_count_one_ended_the_day_after_does()
    {
        var endedOnTheDay = NewCommunity("620102001001");
        Grant(endedOnTheDay, TitleLevel.Provincial, new DateOnly(2020, 6, 1), new TitleEnd(AllocationDate, TitleEndReason.Revocation, null));
        var endedDayAfter = NewCommunity("620102001002");
        Grant(endedDayAfter, TitleLevel.Provincial, new DateOnly(2020, 6, 1), new TitleEnd(AllocationDate.AddDays(1), TitleEndReason.Revocation, null));

        var lines = Compute(Settings(), endedOnTheDay, endedDayAfter);

        lines.ShouldHaveSingleItem().CommunityCode.ShouldBe("620102001002");
    }

    [Fact]
    [Trait("Clause", "A12.2")]
    public void A12_2_When_the_higher_title_has_ended_the_line_rests_on_the_lower_one_in_force()
    {
        var community = NewCommunity();
        Grant(community, TitleLevel.Provincial, new DateOnly(2020, 6, 1), new TitleEnd(new DateOnly(2025, 10, 1), TitleEndReason.Other, null));
        var municipal = Grant(community, TitleLevel.Municipal, new DateOnly(2019, 6, 1));

        var line = Compute(Settings(), community).ShouldHaveSingleItem();

        line.TitleId.ShouldBe(municipal.Id);
        line.Amount.ShouldBe(10_000m);
    }

    [Fact]
    [Trait("Clause", "A11.2")]
    public void A11_2_A_community_dissolved_on_or_before_the_allocation_date_gets_no_line_one_dissolved_later_does()
    {
        var dissolvedOnTheDay = NewCommunity("620102001001");
        Grant(dissolvedOnTheDay, TitleLevel.Provincial, new DateOnly(2020, 6, 1));
        dissolvedOnTheDay.Dissolve(AllocationDate);
        var dissolvedLater = NewCommunity("620102001002");
        Grant(dissolvedLater, TitleLevel.Provincial, new DateOnly(2020, 6, 1));
        dissolvedLater.Dissolve(AllocationDate.AddDays(1));

        var lines = Compute(Settings(), dissolvedOnTheDay, dissolvedLater);

        lines.ShouldHaveSingleItem().CommunityCode.ShouldBe("620102001002");
        FundAllocationRule.DissolvedOrMergedOn(dissolvedOnTheDay).ShouldBe(AllocationDate);
    }

    [Fact]
    [Trait("Clause", "A11.3")]
    public void A11_3_A_community_merged_before_the_allocation_date_gets_no_line_its_successor_keeps_a_title_granted_afresh()
    {
        var predecessor = NewCommunity("620102001001");
        Grant(predecessor, TitleLevel.Provincial, new DateOnly(2020, 6, 1));
        predecessor.MergeInto("620102001002", new DateOnly(2025, 9, 1));
        var successor = NewCommunity("620102001002");
        Grant(successor, TitleLevel.Municipal, new DateOnly(2019, 6, 1));
        successor.MergeInto("620102001002", new DateOnly(2025, 9, 1));
        var afresh = Grant(successor, TitleLevel.Municipal, new DateOnly(2025, 11, 1));

        var line = Compute(Settings(), predecessor, successor).ShouldHaveSingleItem();

        line.CommunityCode.ShouldBe("620102001002");
        line.TitleId.ShouldBe(afresh.Id);
        FundAllocationRule.DissolvedOrMergedOn(successor).ShouldBeNull();
    }

    [Fact]
    [Trait("Clause", "A11.2")]
    public void A11_2_A_dissolved_community_gets_no_line_even_when_a_title_recorded_afterwards_runs_past_the_allocation_date()
    {
        var community = NewCommunity();
        community.Dissolve(new DateOnly(2024, 5, 1));
        Grant(community, TitleLevel.Municipal, new DateOnly(2020, 6, 1), new TitleEnd(new DateOnly(2026, 6, 1), TitleEndReason.Other, null));

        FundAllocationRule.DissolvedOrMergedOn(community).ShouldBe(DateOnly.MinValue);
        Compute(Settings(), community).ShouldBeEmpty();
    }

    [Fact]
    [Trait("Clause", "A14.2")]
    public void A14_2_An_excluded_community_gets_no_line_from_the_exclusions_year_until_the_province_lifts_it()
    {
        var community = NewCommunity();
        Grant(community, TitleLevel.Provincial, new DateOnly(2020, 6, 1));
        var exclusion = FundExclusion.Impose(community, 2026, "使用不规范，追回资金", Guid.NewGuid(), "lanzhou", Now.AddMonths(-2));

        FundAllocationRule.Compute(Settings(), [community], [exclusion]).ShouldBeEmpty();

        var earlier = FundSettings.DefaultFor(2025, "province", Now);
        FundAllocationRule.Compute(earlier, [community], [exclusion]).ShouldHaveSingleItem();

        exclusion.Lift(Roles.ProvinceOfficer, "整改到位", new DateOnly(2025, 12, 31), "province");
        FundAllocationRule.Compute(Settings(), [community], [exclusion]).ShouldHaveSingleItem();
    }

    [Fact]
    [Trait("Clause", "A14.2")]
    public void A14_2_An_exclusion_lifted_after_the_allocation_date_still_applies_to_that_years_list()
    {
        var community = NewCommunity();
        Grant(community, TitleLevel.Provincial, new DateOnly(2020, 6, 1));
        var exclusion = FundExclusion.Impose(community, 2026, "使用不充分", null, "lanzhou", Now.AddMonths(-2));
        exclusion.Lift(Roles.ProvinceOfficer, "整改到位", AllocationDate.AddDays(1), "province");

        FundAllocationRule.Compute(Settings(), [community], [exclusion]).ShouldBeEmpty();
    }

    [Fact]
    [Trait("Clause", "A14.2")]
    public void A14_2_An_exclusion_of_another_community_leaves_this_one_alone()
    {
        var community = NewCommunity("620102001001");
        Grant(community, TitleLevel.Municipal, new DateOnly(2020, 6, 1));
        var other = NewCommunity("620102001002");
        var exclusion = FundExclusion.Impose(other, 2026, "使用效果不好", null, "lanzhou", Now);

        FundAllocationRule.Compute(Settings(), [community], [exclusion]).ShouldHaveSingleItem();
    }

    [Fact]
    [Trait("Clause", "A12.1")]
    public void A12_1_Totals_by_city_county_and_level_add_up_the_lines()
    {
        var a = NewCommunity("620102001001");
        Grant(a, TitleLevel.National, new DateOnly(2020, 6, 1));
        var b = NewCommunity("620103001001", "620100", "620103");
        Grant(b, TitleLevel.Municipal, new DateOnly(2020, 6, 1));
        var c = NewCommunity("620201001001", "620200", null);
        Grant(c, TitleLevel.Provincial, new DateOnly(2020, 6, 1));

        var lines = Compute(Settings(), a, b, c);

        FundAllocation.TotalsByCity(lines).ShouldBe([new FundAllocationTotal("620100", 2, 40_000m), new FundAllocationTotal("620200", 1, 20_000m)]);
        FundAllocation.TotalsByCounty(lines).Select(t => t.Key).ShouldBe(["620102", "620103", "620200"]);
        FundAllocation.TotalsByLevel(lines).ShouldBe([new FundAllocationTotal("municipal", 1, 10_000m), new FundAllocationTotal("national", 1, 30_000m),
            new FundAllocationTotal("provincial", 1, 20_000m)]);
    }

    [Theory]
    [Trait("Clause", "A12.1")]
    [InlineData(2025, 12, 31, 20_000, "年内")]
    [InlineData(2026, 6, 1, 0, "大于0元")]
    [InlineData(2026, 6, 1, 20_000.001, "精确到分")]
    public void A12_1_Settings_refuse_a_date_outside_the_year_and_amounts_that_are_not_positive_yuan_and_fen(int y, int m, int d, double provincial,
        string message)
    {
        var settings = Settings();

        var ex = Should.Throw<DomainException>(() => settings.Change(new DateOnly(y, m, d), 30_000m, (decimal)provincial, 10_000m, 0.2m, "p", Now));

        ex.Message.ShouldContain(message);
        ex.Clause.ShouldBe("A12.1");
        settings.AllocationDate.ShouldBe(AllocationDate);
    }

    [Fact]
    [Trait("Clause", "A14.2")]
    public void A14_2_Only_the_province_lifts_an_exclusion_once_and_with_a_reason()
    {
        var exclusion = FundExclusion.Impose(NewCommunity(), 2026, "使用不规范", null, "lanzhou", Now);

        Should.Throw<DomainException>(() => exclusion.Lift(Roles.CityOfficer, "整改到位", AllocationDate, "lanzhou")).Clause.ShouldBe("A14.2");
        Should.Throw<DomainException>(() => exclusion.Lift(Roles.ProvinceOfficer, " ", AllocationDate, "province")).Message.ShouldContain("理由");
        exclusion.IsLifted.ShouldBeFalse();

        exclusion.Lift(Roles.ProvinceOfficer, "整改到位", AllocationDate, "province");
        exclusion.LiftReason.ShouldBe("整改到位");
        Should.Throw<DomainException>(() => exclusion.Lift(Roles.ProvinceOfficer, "再次", AllocationDate, "province")).Message.ShouldContain("已于");
    }

    [Fact]
    [Trait("Clause", "A14.2")]
    public void A14_2_An_exclusion_needs_a_reason()
    {
        Should.Throw<DomainException>(() => FundExclusion.Impose(NewCommunity(), 2026, "", null, "lanzhou", Now)).Clause.ShouldBe("A14.2");
    }
}
