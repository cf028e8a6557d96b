using FullEmployment.Domain;
using FullEmployment.Domain.Funds;
using FullEmployment.Domain.Identity;
using static FullEmployment.UnitTests.Funds.FundReportWorld;

namespace FullEmployment.UnitTests.Funds;

/// <summary>A14.1: the report's transition table, the joint HR and finance sign-off of each stage, parties and regions.</summary>
public sealed class FundReportTransitionTests
{
    private static readonly FundReportParty[] AllParties = [Community, CountyHr, CountyFinance, CityHr, CityFinance, FundReportParty.None];

    public static TheoryData<FundReportState, FundReportAction> LegalMoves()
    {
        var data = new TheoryData<FundReportState, FundReportAction>();
        foreach (var (from, action) in FundReport.Transitions.Keys)
        {
            data.Add(from, action);
        }

        return data;
    }

    public static TheoryData<FundReportState, FundReportAction> IllegalMoves()
    {
        var data = new TheoryData<FundReportState, FundReportAction>();
        foreach (var state in Enum.GetValues<FundReportState>())
        {
            foreach (var action in Enum.GetValues<FundReportAction>().Where(a => !FundReport.Transitions.ContainsKey((state, a))))
            {
                data.Add(state, action);
            }
        }

        return data;
    }

    [Theory]
    [Trait("Clause", "A14.1")]
    [MemberData(nameof(LegalMoves))]
    public void A14_Every_legal_move_by_its_party_reaches_the_state_in_the_table(FundReportState from, FundReportAction action)
    {
        var report = InState(from);
        var party = RightParty(report, action);
        report.OptionsFor(party).ShouldContain(action);

        Perform(report, action, party);
        if (action == FundReportAction.Approve)
        {
            // The first signature of a stage leaves it there; the other side's completes it.
            report.State.ShouldBe(from);
            Perform(report, action, party is CountyHr ? CountyFinance : CityFinance);
        }

        report.State.ShouldBe(FundReport.Transitions[(from, action)]);
    }

    [Theory]
    [Trait("Clause", "A14.1")]
    [MemberData(nameof(IllegalMoves))]
    public void A14_Every_illegal_move_is_refused_for_every_party_naming_the_state(FundReportState from, FundReportAction action)
    {
        foreach (var party in AllParties)
        {
            var report = InState(from);
            report.OptionsFor(party).ShouldNotContain(action);
            Should.Throw<DomainException>(() => Perform(report, action, party)).Message.ShouldContain(FundReport.StateName(from));
            report.State.ShouldBe(from);
        }
    }

    [Theory]
    [Trait("Clause", "A14.1")]
    [MemberData(nameof(LegalMoves))]
    public void A14_A_legal_move_by_any_other_party_is_refused_and_changes_nothing(FundReportState from, FundReportAction action)
    {
        var right = RightParty(InState(from), action);
        var others = AllParties.Where(p => p != right && !SameStageSide(from, action, right, p));
        foreach (var party in others)
        {
            var report = InState(from);
            var version = (report.State, report.SignOffs.Count, report.Recoveries.Count, report.Lines.Count);
            report.OptionsFor(party).ShouldNotContain(action, $"{party} {action}");
            Should.Throw<DomainException>(() => Perform(report, action, party));
            (report.State, report.SignOffs.Count, report.Recoveries.Count, report.Lines.Count).ShouldBe(version);
        }
    }

    [Fact]
    [Trait("Clause", "A14.1")]
    public void A14_Transition_table_reaches_every_state_and_uses_every_action()
    {
        var targets = FundReport.Transitions.Values.Append(FundReportState.Draft).Distinct();
        targets.ShouldBe(Enum.GetValues<FundReportState>(), ignoreOrder: true);
        FundReport.Transitions.Keys.Select(k => k.Action).Distinct().ShouldBe(Enum.GetValues<FundReportAction>(), ignoreOrder: true);
    }

    [Theory]
    [Trait("Clause", "A14.1")]
    [InlineData(true)]
    [InlineData(false)]
    public void A14_1_County_HR_and_county_finance_sign_off_in_either_order(bool hrFirst)
    {
        var report = Submitted();
        var (first, second) = hrFirst ? (CountyHr, CountyFinance) : (CountyFinance, CountyHr);

        report.Approve(first, "同意", "第一人", Now);
        report.State.ShouldBe(FundReportState.CountyReview);
        report.OptionsFor(first).ShouldNotContain(FundReportAction.Approve);
        Should.Throw<DomainException>(() => report.Approve(first, null, "第一人", Now)).Message.ShouldContain("已在本轮签署同意");
        report.OptionsFor(second).ShouldContain(FundReportAction.Approve);

        report.Approve(second, null, "第二人", Now.AddHours(1));
        report.State.ShouldBe(FundReportState.CityReview);
        report.ApprovalsAt(FundReviewStage.County).Select(s => (s.Side, s.Actor, s.At)).ShouldBe(
        [
            (hrFirst ? FundReviewSide.HumanResources : FundReviewSide.Finance, "第一人", Now),
            (hrFirst ? FundReviewSide.Finance : FundReviewSide.HumanResources, "第二人", Now.AddHours(1)),
        ]);
    }

    [Theory]
    [Trait("Clause", "A14.1")]
    [InlineData(true)]
    [InlineData(false)]
    public void A14_1_City_HR_and_city_finance_then_sign_off_in_either_order_and_the_report_is_approved(bool hrFirst)
    {
        var report = AtCity();
        var (first, second) = hrFirst ? (CityHr, CityFinance) : (CityFinance, CityHr);

        report.OptionsFor(CountyHr).ShouldBeEmpty();
        report.Approve(first, null, Actor, Now);
        report.State.ShouldBe(FundReportState.CityReview);
        report.Approve(second, null, Actor, Now);

        report.State.ShouldBe(FundReportState.Approved);
        report.CompletedOn.ShouldBe(Today);
        report.SignOffs.Count(s => s.Action == FundReportAction.Approve).ShouldBe(4);
    }

    [Fact]
    [Trait("Clause", "A14.1")]
    public void A14_1_Jiayuguan_has_one_stage_done_by_its_city_officers()
    {
        var report = Submitted(withCounty: false);

        report.State.ShouldBe(FundReportState.CityReview);
        report.HasCountyStage.ShouldBeFalse();
        report.PartiesOf(Roles.CountyOfficer, JiayuguanCode).ShouldBe(FundReportParty.None);
        report.PartiesOf(Roles.CityOfficer, JiayuguanCode).ShouldBe(CityHr);
        report.PartiesOf(Roles.CityFinance, JiayuguanCode).ShouldBe(CityFinance);
        report.Approve(CityFinance, null, Actor, Now);
        report.Approve(CityHr, null, Actor, Now);
        report.State.ShouldBe(FundReportState.Approved);
    }

    [Theory]
    [Trait("Clause", "A14.1")]
    [InlineData(true)]
    [InlineData(false)]
    public void A14_1_Either_officer_returns_with_remarks_and_a_resubmission_needs_both_signatures_again(bool byFinance)
    {
        var report = Submitted();
        report.Approve(CountyHr, null, Actor, Now);
        var returner = byFinance ? CountyFinance : CountyHr;
        if (!byFinance)
        {
            report = Submitted();
            report.Approve(CountyFinance, null, Actor, Now);
        }

        Should.Throw<DomainException>(() => report.Return(returner, " ", Actor, Now)).Message.ShouldContain("须填写意见");
        report.Return(returner, "第3行凭证号缺失", Actor, Now);

        report.State.ShouldBe(FundReportState.Returned);
        report.ReturnRemarks.ShouldBe("第3行凭证号缺失");
        report.OptionsFor(Community).ShouldBe([FundReportAction.Edit, FundReportAction.Submit], ignoreOrder: true);
        report.Submit(Community, 0.20m, Actor, Today, Now);
        report.Round.ShouldBe(2);
        report.ApprovalsAt(FundReviewStage.County).ShouldBeEmpty();
        report.Approve(CountyHr, null, Actor, Now);
        report.State.ShouldBe(FundReportState.CountyReview);
    }

    [Fact]
    [Trait("Clause", "A14.1")]
    public void A14_1_The_city_stage_can_return_to_the_community_too()
    {
        var report = AtCity();
        report.Return(CityFinance, "结转原因不充分", Actor, Now);
        report.State.ShouldBe(FundReportState.Returned);
        report.Submit(Community, 0.20m, Actor, Today, Now);
        report.State.ShouldBe(FundReportState.CountyReview);
    }

    [Theory]
    [Trait("Clause", "A14.1")]
    [InlineData(Roles.CommunityStaff, CommunityCode, FundReportParty.Community)]
    [InlineData(Roles.CommunityStaff, "620102001002", FundReportParty.None)]
    [InlineData(Roles.CountyOfficer, CountyCode, FundReportParty.CountyHumanResources)]
    [InlineData(Roles.CountyOfficer, "620103", FundReportParty.None)]
    [InlineData(Roles.CountyFinance, CountyCode, FundReportParty.CountyFinance)]
    [InlineData(Roles.CountyFinance, "620103", FundReportParty.None)]
    [InlineData(Roles.CityOfficer, CityCode, FundReportParty.CityHumanResources)]
    [InlineData(Roles.CityOfficer, "620200", FundReportParty.None)]
    [InlineData(Roles.CityFinance, CityCode, FundReportParty.CityFinance)]
    [InlineData(Roles.CityFinance, "620300", FundReportParty.None)]
    [InlineData(Roles.ProvinceOfficer, "620000", FundReportParty.None)]
    [InlineData(Roles.Auditor, CityCode, FundReportParty.None)]
    [InlineData(Roles.CountyFinance, CityCode, FundReportParty.None)]
    public void A14_1_Parties_come_from_role_and_the_stored_reports_region(string role, string scope, FundReportParty expected) =>
        Draft().PartiesOf(role, scope).ShouldBe(expected);

    [Fact]
    [Trait("Clause", "A14.1")]
    public void A14_1_Only_the_community_opens_its_report()
    {
        Should.Throw<DomainException>(() => FundReport.Open(CountyHr, 7, CommunityCode, "测试社区", CityCode, CountyCode, 2026, Received, Actor, Now))
            .Clause.ShouldBe("A14.1");
    }

    // The other officer of the same stage may also take a review action (approve, return, propose); that is not "another party".
    private static bool SameStageSide(FundReportState from, FundReportAction action, FundReportParty right, FundReportParty other) =>
        action is FundReportAction.Approve or FundReportAction.Return or FundReportAction.ProposeRecovery
            or FundReportAction.RecordRefund or FundReportAction.RecordAccountability
        && (right, other) is (CountyHr, CountyFinance) or (CountyFinance, CountyHr) or (CityHr, CityFinance) or (CityFinance, CityHr)
        && from is not FundReportState.Draft;

    [Fact]
    [Trait("Clause", "A14.1")]
    public void A14_1_A_report_waits_only_for_what_a_party_still_has_to_do()
    {
        var report = Submitted();
        report.WaitingFor(CountyHr).ShouldBe(FundReportAction.Approve);
        report.Approve(CountyHr, null, Actor, Now);
        report.OptionsFor(CountyHr).ShouldContain(FundReportAction.Return);
        report.WaitingFor(CountyHr).ShouldBeNull();
        report.WaitingFor(CountyFinance).ShouldBe(FundReportAction.Approve);
        report.WaitingFor(CityHr).ShouldBeNull();
        report.WaitingFor(Community).ShouldBeNull();

        var returned = InState(FundReportState.Returned);
        returned.WaitingFor(Community).ShouldBe(FundReportAction.Submit);
        returned.WaitingFor(CountyFinance).ShouldBeNull();
    }

    [Fact]
    [Trait("Clause", "A14.2")]
    public void A14_2_A_proposed_recovery_waits_for_the_other_officers_decision_only()
    {
        var report = InState(FundReportState.CountyRecoveryProposed);

        report.WaitingFor(CountyHr).ShouldBeNull();
        report.WaitingFor(CountyFinance).ShouldBe(FundReportAction.AgreeRecovery);
        FundReport.WaitingName(FundReportAction.AgreeRecovery).ShouldBe("决定是否追回");
        InState(FundReportState.Approved).WaitingFor(CityFinance).ShouldBeNull();
        InState(FundReportState.Recovered).WaitingFor(CountyFinance).ShouldBeNull();
    }
}
