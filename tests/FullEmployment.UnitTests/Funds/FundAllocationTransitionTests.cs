using FullEmployment.Domain;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Funds;

namespace FullEmployment.UnitTests.Funds;

/// <summary>A12: draft → confirmed → issued; every move in the table works, every other is refused naming the state.</summary>
public class FundAllocationTransitionTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, ChinaTime.Offset);

    private static FundSettings Settings(int year = 2026) => FundSettings.DefaultFor(year, "province", Now);

    private static FundAllocationLine Line(string code = "620102001001", TitleLevel level = TitleLevel.Provincial, int titleId = 1,
        decimal amount = 20_000m) =>
        new(code, "东岗社区", "620100", "620102", level, titleId, "甘人社发〔2021〕2号", new DateOnly(2021, 6, 1), amount);

    private static FundAllocation In(FundAllocationState state)
    {
        var allocation = new FundAllocation(Settings(), [Line()], "province", Now);
        if (state >= FundAllocationState.Confirmed)
        {
            allocation.Confirm("province", Now);
        }

        if (state >= FundAllocationState.Issued)
        {
            allocation.Issue("甘财社〔2026〕1号", new DateOnly(2026, 1, 5), "province", Now);
        }

        return allocation;
    }

    private static void Perform(FundAllocation allocation, FundAllocationAction action)
    {
        switch (action)
        {
            case FundAllocationAction.Recompute:
                allocation.Recompute(Settings(), [Line(), Line("620102001002")], "province", Now);
                break;
            case FundAllocationAction.Confirm:
                allocation.Confirm("province", Now);
                break;
            case FundAllocationAction.Issue:
                allocation.Issue("甘财社〔2026〕1号", new DateOnly(2026, 1, 5), "province", Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    public static TheoryData<FundAllocationState, FundAllocationAction> LegalMoves()
    {
        var data = new TheoryData<FundAllocationState, FundAllocationAction>();
        foreach (var (from, action) in FundAllocation.Transitions.Keys)
        {
            data.Add(from, action);
        }

        return data;
    }

    public static TheoryData<FundAllocationState, FundAllocationAction> IllegalMoves()
    {
        var data = new TheoryData<FundAllocationState, FundAllocationAction>();
        foreach (var state in Enum.GetValues<FundAllocationState>())
        {
            foreach (var action in Enum.GetValues<FundAllocationAction>().Where(a => !FundAllocation.Transitions.ContainsKey((state, a))))
            {
                data.Add(state, action);
            }
        }

        return data;
    }

    [Theory]
    [Trait("Clause", "A12")]
    [MemberData(nameof(LegalMoves))]
    public void A12_Every_legal_move_reaches_the_state_in_the_transition_table(FundAllocationState from, FundAllocationAction action)
    {
        var allocation = In(from);

        Perform(allocation, action);

        allocation.State.ShouldBe(FundAllocation.Transitions[(from, action)]);
    }

    [Theory]
    [Trait("Clause", "A12")]
    [MemberData(nameof(IllegalMoves))]
    public void A12_Every_illegal_move_is_refused_naming_the_state_and_changes_nothing(FundAllocationState from, FundAllocationAction action)
    {
        var allocation = In(from);
        var lines = allocation.Lines.ToList();

        var ex = Should.Throw<DomainException>(() => Perform(allocation, action));

        ex.Message.ShouldContain(from.DisplayName());
        ex.Clause.ShouldBe("A12");
        allocation.State.ShouldBe(from);
        allocation.Lines.ShouldBe(lines);
    }

    [Fact]
    [Trait("Clause", "A12")]
    public void A12_The_illegal_moves_are_exactly_the_complement_of_the_table()
    {
        (LegalMoves().Count + IllegalMoves().Count).ShouldBe(Enum.GetValues<FundAllocationState>().Length * Enum.GetValues<FundAllocationAction>().Length);
        LegalMoves().Count.ShouldBe(3);
    }

    [Fact]
    [Trait("Clause", "A12")]
    public void A12_A_draft_recompute_replaces_its_lines_and_takes_the_settings_allocation_date()
    {
        var allocation = In(FundAllocationState.Draft);
        var settings = Settings();
        settings.Change(new DateOnly(2026, 3, 1), 30_000m, 20_000m, 10_000m, 0.2m, "province", Now);

        allocation.Recompute(settings, [Line("620102001009", TitleLevel.Municipal, 9, 10_000m)], "province2", Now.AddHours(1));

        allocation.AllocationDate.ShouldBe(new DateOnly(2026, 3, 1));
        allocation.Lines.ShouldHaveSingleItem().CommunityCode.ShouldBe("620102001009");
        allocation.Total.ShouldBe(10_000m);
        allocation.ComputedBy.ShouldBe("province2");
    }

    [Fact]
    [Trait("Clause", "A12.2")]
    public void A12_2_A_list_with_two_lines_for_one_community_is_refused()
    {
        Should.Throw<DomainException>(() => new FundAllocation(Settings(), [Line(), Line(titleId: 2)], "province", Now)).Clause.ShouldBe("A12.2");
    }

    [Fact]
    [Trait("Clause", "A12")]
    public void A12_Settings_of_another_year_are_refused()
    {
        var allocation = In(FundAllocationState.Draft);

        Should.Throw<DomainException>(() => allocation.Recompute(Settings(2027), [Line()], "province", Now)).Message.ShouldContain("2027");
    }

    [Fact]
    [Trait("Clause", "A12")]
    public void A12_An_empty_list_cannot_be_confirmed()
    {
        var allocation = new FundAllocation(Settings(), [], "province", Now);

        Should.Throw<DomainException>(() => allocation.Confirm("province", Now)).Message.ShouldContain("为空");
        allocation.State.ShouldBe(FundAllocationState.Draft);
    }

    [Theory]
    [Trait("Clause", "A12")]
    [InlineData("", 2026, 1, 5, "预算文件号")]
    [InlineData("甘财社〔2026〕1号", 2026, 1, 4, "不得早于名单确认日期")]
    [InlineData("甘财社〔2026〕1号", 2026, 1, 6, "不得晚于今天")]
    public void A12_Issuing_needs_a_document_number_and_a_date_between_confirmation_and_today(string number, int y, int m, int d, string message)
    {
        var allocation = In(FundAllocationState.Confirmed);

        var ex = Should.Throw<DomainException>(() => allocation.Issue(number, new DateOnly(y, m, d), "province", Now));

        ex.Message.ShouldContain(message);
        allocation.State.ShouldBe(FundAllocationState.Confirmed);
    }

    [Fact]
    [Trait("Clause", "A12")]
    public void A12_Issuing_on_the_confirmation_day_records_the_document()
    {
        var allocation = In(FundAllocationState.Issued);

        allocation.DocumentNumber.ShouldBe("甘财社〔2026〕1号");
        allocation.IssuedOn.ShouldBe(new DateOnly(2026, 1, 5));
        allocation.AvailableActions.ShouldBeEmpty();
    }

    [Fact]
    [Trait("Clause", "A12")]
    public void A12_Differences_against_a_fresh_computation_name_added_removed_and_changed_lines()
    {
        var allocation = new FundAllocation(Settings(), [Line("620102001001"), Line("620102001002"), Line("620102001003")], "province", Now);
        allocation.Confirm("province", Now);

        var differences = allocation.DifferencesFrom([
            Line("620102001001"),
            Line("620102001003", TitleLevel.National, 7, 30_000m),
            Line("620102001004", TitleLevel.Municipal, 8, 10_000m),
        ]);

        differences.Select(d => (d.CommunityCode, d.Kind)).ShouldBe([
            ("620102001002", FundAllocationDifferenceKind.Removed),
            ("620102001003", FundAllocationDifferenceKind.Changed),
            ("620102001004", FundAllocationDifferenceKind.Added),
        ]);
        differences[1].Current!.Amount.ShouldBe(20_000m);
        differences[1].Fresh!.Amount.ShouldBe(30_000m);
        allocation.Lines.Count.ShouldBe(3);
    }

    [Theory]
    [Trait("Clause", "A19")]
    [InlineData(2028, 8, 15, false)]
    [InlineData(2028, 8, 16, true)]
    [InlineData(2029, 1, 1, true)]
    [InlineData(2026, 1, 1, false)]
    public void A19_An_allocation_date_outside_the_measures_validity_is_flagged(int y, int m, int d, bool outside)
    {
        var settings = FundSettings.DefaultFor(y, "province", Now);
        settings.Change(new DateOnly(y, m, d), 30_000m, 20_000m, 10_000m, 0.2m, "province", Now);

        new FundAllocation(settings, [Line()], "province", Now).IsOutsideMeasuresValidity.ShouldBe(outside);
    }
}
