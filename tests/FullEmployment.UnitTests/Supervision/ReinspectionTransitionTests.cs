using FullEmployment.Domain;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Supervision;

namespace FullEmployment.UnitTests.Supervision;

public class ReinspectionTransitionTests
{
    public static TheoryData<ReinspectionState, ReinspectionAction> LegalMoves()
    {
        var data = new TheoryData<ReinspectionState, ReinspectionAction>();
        foreach (var (from, action) in ReinspectionRecord.Transitions.Keys)
        {
            data.Add(from, action);
        }

        return data;
    }

    public static TheoryData<ReinspectionState, ReinspectionAction> IllegalMoves()
    {
        var data = new TheoryData<ReinspectionState, ReinspectionAction>();
        foreach (var state in Enum.GetValues<ReinspectionState>())
        {
            foreach (var action in Enum.GetValues<ReinspectionAction>().Where(a => !ReinspectionRecord.Transitions.ContainsKey((state, a))))
            {
                data.Add(state, action);
            }
        }

        return data;
    }

    [Theory]
    [Trait("Clause", "A9")]
    [MemberData(nameof(LegalMoves))]
    public void A9_Every_legal_move_reaches_the_state_in_the_transition_table(ReinspectionState from, ReinspectionAction action)
    {
        var world = new ReinspectionWorld();
        var record = world.RecordIn(from);

        world.Perform(record, action);

        record.State.ShouldBe(ReinspectionRecord.Transitions[(from, action)]);
    }

    [Theory]
    [Trait("Clause", "A9")]
    [MemberData(nameof(IllegalMoves))]
    public void A9_Every_illegal_move_is_refused_with_a_Chinese_message_naming_the_state(ReinspectionState from, ReinspectionAction action)
    {
        var world = new ReinspectionWorld();
        var record = world.RecordIn(from);

        var ex = Should.Throw<DomainException>(() => world.Perform(record, action));

        ex.Message.ShouldContain(ReinspectionRecord.StateName(from));
        ex.Clause.ShouldBe(action is ReinspectionAction.Confirm or ReinspectionAction.Overturn ? "A10" : "A9");
        record.State.ShouldBe(from);
    }

    [Fact]
    [Trait("Clause", "A9")]
    public void A9_Opening_creates_one_record_per_title_in_force_and_two_for_a_community_with_two_titles()
    {
        var world = new ReinspectionWorld();
        var ended = ReinspectionWorld.NewCommunity("620102001002", "620100", "620102");
        ended.GrantTitle(TitleLevel.Municipal, "兰州市人社局", "兰人社发〔2015〕1号", new DateOnly(2015, 6, 1), null,
            end: new TitleEnd(new DateOnly(2025, 6, 30), TitleEndReason.Other, null));
        var star = ReinspectionWorld.NewCommunity("620102001003", "620100", "620102");
        star.GrantTitle(TitleLevel.LegacyProvincialStar, "甘肃省人社厅", "甘人社发〔2012〕3号", new DateOnly(2012, 6, 1), null);
        var later = ReinspectionWorld.NewCommunity("620102001004", "620100", "620102");
        later.GrantTitle(TitleLevel.Municipal, "兰州市人社局", "兰人社发〔2025〕9号", new DateOnly(2025, 7, 1), null);

        var records = world.Round.RecordsFor([world.Community, ended, star, later]);

        records.Select(r => (r.CommunityCode, r.TitleLevel)).ShouldBe(
        [
            ("620102001001", TitleLevel.Municipal), ("620102001001", TitleLevel.Provincial), ("620102001003", TitleLevel.LegacyProvincialStar),
        ]);
        records.ShouldAllBe(r => r.State == ReinspectionState.NotStarted && r.CityCode == "620100" && r.PassMark == 90m);
    }

    [Fact]
    [Trait("Clause", "A3.2")]
    public void A3_2_National_titles_are_included_only_when_the_province_chooses()
    {
        var world = new ReinspectionWorld();
        var national = ReinspectionWorld.NewCommunity("620102001006", "620100", "620102");
        national.GrantTitle(TitleLevel.National, "人力资源社会保障部", "人社部函〔2020〕1号", new DateOnly(2020, 6, 1), null);
        var with = new ReinspectionRound(2025, new DateOnly(2025, 6, 30), new DateOnly(2025, 9, 30), new DateOnly(2025, 10, 31), "2023-1", 90m,
            includeNational: true, "province", ReinspectionWorld.OpenedAt);

        world.Round.RecordsFor([national]).ShouldBeEmpty();
        with.RecordsFor([national]).Single().TitleLevel.ShouldBe(TitleLevel.National);
    }

    [Fact]
    [Trait("Clause", "A9")]
    public void A9_A_round_refuses_a_reference_date_outside_its_year_and_deadlines_out_of_order()
    {
        DomainException Open(int year, DateOnly reference, DateOnly city, DateOnly review) => Should.Throw<DomainException>(() =>
            new ReinspectionRound(year, reference, city, review, "2023-1", 90m, false, "province", ReinspectionWorld.OpenedAt));

        Open(2024, new DateOnly(2025, 6, 30), new DateOnly(2025, 9, 30), new DateOnly(2025, 10, 31)).Message.ShouldContain("2024年");
        Open(2025, new DateOnly(2025, 6, 30), new DateOnly(2025, 7, 1), new DateOnly(2025, 10, 31)).Message.ShouldContain("晚于开启复查之日");
        Open(2025, new DateOnly(2025, 6, 30), new DateOnly(2025, 9, 30), new DateOnly(2025, 9, 29)).Clause.ShouldBe("A10");
    }

    [Fact]
    [Trait("Clause", "A9")]
    public void A9_The_result_needs_a_complete_sheet_two_inspectors_a_method_and_a_pass_needs_the_pass_mark()
    {
        var world = new ReinspectionWorld();
        var record = world.RecordFor(world.Provincial);
        var incomplete = new FullEmployment.Domain.Campaigns.ScoreSheet(FullEmployment.Domain.Campaigns.ReviewLevel.City, world.Template,
            new(true, 2, 0.98m, 0, 0, 0, 0, 0, 0.97m, 0.93m, 1m, 0.9m, 1m, 1m, 1m, 0));

        Should.Throw<DomainException>(() => record.RecordResult(ReinspectionResult.Pass, incomplete, ReinspectionWorld.Visit(), "{}", "c",
            ReinspectionWorld.Today)).Message.ShouldContain("未评分");
        Should.Throw<DomainException>(() => record.RecordResult(ReinspectionResult.Pass, world.Sheet(),
            ReinspectionWorld.Visit() with { Inspectors = ["张三", " 张三 "] }, "{}", "c", ReinspectionWorld.Today)).Message.ShouldContain("不得少于2人");
        Should.Throw<DomainException>(() => record.RecordResult(ReinspectionResult.Pass, world.Sheet(),
            ReinspectionWorld.Visit() with { Method = " " }, "{}", "c", ReinspectionWorld.Today)).Message.ShouldContain("复查方式");
        Should.Throw<DomainException>(() => record.RecordResult(ReinspectionResult.Pass, world.Sheet(0), ReinspectionWorld.Visit(), "{}", "c",
            ReinspectionWorld.Today)).Message.ShouldContain("未达到合格线90");
        Should.Throw<DomainException>(() => record.RecordResult(ReinspectionResult.Fail, world.Sheet(0), ReinspectionWorld.Visit(""), "{}", "c",
            ReinspectionWorld.Today)).Message.ShouldContain("发现的问题");
        Should.Throw<DomainException>(() => record.RecordResult(ReinspectionResult.Rectify, world.Sheet(), ReinspectionWorld.Visit(), "{}", "c",
            ReinspectionWorld.Today, ReinspectionWorld.Today, ["补齐台账"])).Message.ShouldContain("整改期限");
        Should.Throw<DomainException>(() => record.RecordResult(ReinspectionResult.Rectify, world.Sheet(), ReinspectionWorld.Visit(), "{}", "c",
            ReinspectionWorld.Today, ReinspectionWorld.DueDate, [" "])).Message.ShouldContain("整改事项");
        record.State.ShouldBe(ReinspectionState.NotStarted);

        record.RecordResult(ReinspectionResult.Pass, world.Sheet(), ReinspectionWorld.Visit(""), "{\"frozen\":true}", "lanzhou", ReinspectionWorld.Today);
        record.ScoreSheet!.IsLocked.ShouldBeTrue();
        record.FrozenIndicators.ShouldBe("{\"frozen\":true}");
        record.Inspectors.ShouldBe(["张三", "李四"]);
    }

    [Fact]
    [Trait("Clause", "A9")]
    public void A9_An_unanswered_rectification_is_overdue_after_its_due_date_and_only_then_the_city_may_fail_it()
    {
        var world = new ReinspectionWorld();
        var record = world.RecordIn(ReinspectionState.Rectifying);
        var due = ReinspectionWorld.DueDate;

        record.IsOverdue(world.Round, due).ShouldBeFalse();
        record.IsOverdue(world.Round, due.AddDays(1)).ShouldBeTrue();
        record.OptionsFor(ReinspectionParty.InspectingCity, due).ShouldBeEmpty();
        record.OptionsFor(ReinspectionParty.InspectingCity, due.AddDays(1)).ShouldBe([ReinspectionAction.RecheckFail]);
        record.OptionsFor(ReinspectionParty.Community, due).ShouldBe([ReinspectionAction.AnswerRectification]);
        record.OptionsFor(ReinspectionParty.Community, due.AddDays(1)).ShouldBeEmpty();
        Should.Throw<DomainException>(() => record.RecheckFail("未整改", due)).Message.ShouldContain("未届满");
        Should.Throw<DomainException>(() => record.AnswerRectification("补了", due.AddDays(1))).Message.ShouldContain("已逾期");
    }

    [Fact]
    [Trait("Clause", "A9")]
    public void A9_Not_started_records_are_overdue_after_the_city_deadline_and_fails_after_the_review_deadline()
    {
        var world = new ReinspectionWorld();
        var notStarted = world.RecordIn(ReinspectionState.NotStarted);
        var failed = new ReinspectionWorld().RecordIn(ReinspectionState.Failed);

        notStarted.IsOverdue(world.Round, world.Round.CityDeadline).ShouldBeFalse();
        notStarted.IsOverdue(world.Round, world.Round.CityDeadline.AddDays(1)).ShouldBeTrue();
        failed.IsOverdue(world.Round, world.Round.ReviewDeadline.AddDays(1)).ShouldBeTrue();
        new ReinspectionWorld().RecordIn(ReinspectionState.Passed).IsOverdue(world.Round, new DateOnly(2026, 1, 1)).ShouldBeFalse();
    }

    [Fact]
    [Trait("Clause", "A10")]
    public void A10_Confirming_a_fail_ends_the_title_on_the_decision_date_with_reason_reinspection()
    {
        var world = new ReinspectionWorld();
        var record = world.RecordIn(ReinspectionState.Failed);
        var decided = ReinspectionWorld.Today;

        Should.Throw<DomainException>(() => record.Confirm(world.Community, decided.AddDays(1), "确认", "province", decided)).Message.ShouldContain("不能晚于今天");
        Should.Throw<DomainException>(() => record.Confirm(world.Community, decided.AddDays(-1), "确认", "province", decided)).Message.ShouldContain("不得早于");
        Should.Throw<DomainException>(() => record.Confirm(world.Community, decided, " ", "province", decided)).Message.ShouldContain("复核意见");
        record.Confirm(world.Community, decided, "复核确认台账造假", "province", decided);

        world.Provincial.EndedOn.ShouldBe(decided);
        world.Provincial.EndReason.ShouldBe(TitleEndReason.Reinspection);
        world.Provincial.IsInForceOn(decided).ShouldBeFalse();
        world.Municipal.IsInForceOn(decided).ShouldBeTrue();
        record.State.ShouldBe(ReinspectionState.Confirmed);
    }

    [Fact]
    [Trait("Clause", "A10")]
    public void A10_Overturning_keeps_the_title_and_needs_a_reason()
    {
        var world = new ReinspectionWorld();
        var record = world.RecordIn(ReinspectionState.Failed);

        Should.Throw<DomainException>(() => record.Overturn("", "province", ReinspectionWorld.Today)).Clause.ShouldBe("A10");
        record.Overturn("现场材料补正", "province", ReinspectionWorld.Today);

        world.Provincial.EndedOn.ShouldBeNull();
        record.State.ShouldBe(ReinspectionState.Overturned);
    }

    [Fact]
    [Trait("Clause", "A10")]
    public void A10_No_one_ends_a_title_with_reason_reinspection_outside_the_review()
    {
        var world = new ReinspectionWorld();

        Should.Throw<DomainException>(() => world.Community.EndTitle(world.Provincial.Id, ReinspectionWorld.Today, TitleEndReason.Reinspection, null))
            .Clause.ShouldBe("A10");
        world.Provincial.EndedOn.ShouldBeNull();
    }

    [Theory]
    [Trait("Clause", "A10")]
    [InlineData(TitleLevel.Provincial, Roles.ProvinceOfficer, "620000", ReinspectionParty.Reviewer)]
    [InlineData(TitleLevel.Provincial, Roles.CityOfficer, "620100", ReinspectionParty.InspectingCity)]
    [InlineData(TitleLevel.Municipal, Roles.CityOfficer, "620100", ReinspectionParty.InspectingCity | ReinspectionParty.Reviewer)]
    [InlineData(TitleLevel.Municipal, Roles.ProvinceOfficer, "620000", ReinspectionParty.None)]
    [InlineData(TitleLevel.Municipal, Roles.CityOfficer, "620200", ReinspectionParty.None)]
    [InlineData(TitleLevel.Municipal, Roles.CountyOfficer, "620102", ReinspectionParty.None)]
    [InlineData(TitleLevel.Municipal, Roles.CommunityStaff, "620102001001", ReinspectionParty.Community)]
    [InlineData(TitleLevel.Municipal, Roles.CommunityStaff, "620102001005", ReinspectionParty.None)]
    public void A10_The_province_reviews_provincial_fails_and_the_managing_city_municipal_ones(TitleLevel level, string role, string scope,
        ReinspectionParty expected)
    {
        var world = new ReinspectionWorld();
        var record = world.RecordFor(level == TitleLevel.Municipal ? world.Municipal : world.Provincial);

        record.PartiesOf(role, scope).ShouldBe(expected);
    }

    [Fact]
    [Trait("Clause", "A9")]
    public void A9_Jiayuguan_city_officers_inspect_their_communities_that_have_no_county()
    {
        var world = new ReinspectionWorld();
        var jiayuguan = ReinspectionWorld.NewCommunity("620201001001", "620200", null);
        var title = jiayuguan.GrantTitle(TitleLevel.Provincial, "甘肃省人社厅", "甘人社发〔2021〕5号", new DateOnly(2021, 6, 1), null);
        ReinspectionWorld.SetId(title, 9);
        var record = world.Round.RecordsFor([jiayuguan]).Single();

        record.PartiesOf(Roles.CityOfficer, "620200").ShouldBe(ReinspectionParty.InspectingCity);
        record.OptionsFor(ReinspectionParty.InspectingCity, ReinspectionWorld.Today)
            .ShouldBe([ReinspectionAction.Pass, ReinspectionAction.Rectify, ReinspectionAction.Fail]);
    }

    [Fact]
    [Trait("Clause", "A9")]
    public void A9_Options_follow_the_party_the_community_self_checks_before_the_city_acts_and_the_reviewer_decides_fails()
    {
        var world = new ReinspectionWorld();
        var record = world.RecordIn(ReinspectionState.NotStarted);
        var today = ReinspectionWorld.Today;

        record.OptionsFor(ReinspectionParty.Community, today).ShouldBe([ReinspectionAction.SelfCheck]);
        record.OptionsFor(ReinspectionParty.Reviewer, today).ShouldBeEmpty();
        world.Perform(record, ReinspectionAction.Fail);
        record.OptionsFor(ReinspectionParty.Community, today).ShouldBeEmpty();
        record.OptionsFor(ReinspectionParty.InspectingCity, today).ShouldBeEmpty();
        record.OptionsFor(ReinspectionParty.Reviewer, today).ShouldBe([ReinspectionAction.Confirm, ReinspectionAction.Overturn]);
    }
}
