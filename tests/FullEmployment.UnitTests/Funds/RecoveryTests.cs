using FullEmployment.Domain;
using FullEmployment.Domain.Funds;
using static FullEmployment.UnitTests.Funds.FundReportWorld;

namespace FullEmployment.UnitTests.Funds;

/// <summary>A14.2: recovery proposed by one officer of a stage and decided by the other; refunds; accountability records.</summary>
public sealed class RecoveryTests
{
    [Theory]
    [Trait("Clause", "A14.2")]
    [InlineData(true)]
    [InlineData(false)]
    public void A14_2_Recovery_is_decided_when_the_other_officer_of_the_stage_agrees(bool proposedByHr)
    {
        var report = Submitted();
        var (proposer, decider) = proposedByHr ? (CountyHr, CountyFinance) : (CountyFinance, CountyHr);

        var recovery = ProposeRecovery(report, proposer);
        report.State.ShouldBe(FundReportState.CountyRecoveryProposed);
        recovery.Status.ShouldBe(RecoveryStatus.Proposed);
        recovery.Outstanding.ShouldBe(0m);
        report.OptionsFor(proposer).ShouldBeEmpty();
        Should.Throw<DomainException>(() => report.AgreeRecovery(proposer, null, Actor, Now)).Message.ShouldContain("提议方不能自行决定");
        report.OptionsFor(CityHr).ShouldBeEmpty();

        var decided = report.AgreeRecovery(decider, "同意追回", "决定人", Now);

        report.State.ShouldBe(FundReportState.Recovered);
        decided.ShouldBeSameAs(recovery);
        decided.Status.ShouldBe(RecoveryStatus.Decided);
        decided.DecidedBy.ShouldBe("决定人");
        decided.DecidedOn.ShouldBe(Today);
        decided.Outstanding.ShouldBe(5_000m);
        report.DecidedRecovery.ShouldBeSameAs(recovery);
    }

    [Fact]
    [Trait("Clause", "A14.2")]
    public void A14_2_The_city_stage_may_propose_and_decide_recovery_too()
    {
        var report = AtCity();
        ProposeRecovery(report, CityHr);
        report.OptionsFor(CountyFinance).ShouldBeEmpty();
        report.AgreeRecovery(CityFinance, null, Actor, Now).Stage.ShouldBe(FundReviewStage.City);
        report.State.ShouldBe(FundReportState.Recovered);
    }

    [Fact]
    [Trait("Clause", "A14.2")]
    public void A14_2_A_declined_proposal_goes_back_to_the_stages_review_and_is_kept()
    {
        var report = Submitted();
        ProposeRecovery(report, CountyFinance);

        Should.Throw<DomainException>(() => report.DeclineRecovery(CountyHr, "", Actor, Now)).Message.ShouldContain("须填写理由");
        report.DeclineRecovery(CountyHr, "票据已补齐", Actor, Now);

        report.State.ShouldBe(FundReportState.CountyReview);
        report.Recoveries.Single().Status.ShouldBe(RecoveryStatus.Declined);
        report.Recoveries.Single().DeclineRemark.ShouldBe("票据已补齐");
        report.ProposedRecovery.ShouldBeNull();
        report.SignOffs.Select(s => s.Action).ShouldBe([FundReportAction.ProposeRecovery, FundReportAction.DeclineRecovery]);
    }

    [Theory]
    [Trait("Clause", "A14.2")]
    [InlineData(20_000.00, true)]
    [InlineData(20_000.01, false)]
    [InlineData(0, false)]
    public void A14_2_The_recovered_amount_is_at_most_what_was_received(decimal amount, bool allowed)
    {
        var report = Submitted();
        var propose = () => ProposeRecovery(report, CountyHr, amount);
        if (allowed)
        {
            propose().Amount.ShouldBe(amount);
        }
        else
        {
            Should.Throw<DomainException>(propose).Clause.ShouldBe("A14.2");
            report.State.ShouldBe(FundReportState.CountyReview);
        }
    }

    [Fact]
    [Trait("Clause", "A14.2")]
    public void A14_2_A_proposal_needs_findings_a_known_reason_and_a_refund_date_after_today()
    {
        var report = Submitted();
        Should.Throw<DomainException>(() => report.ProposeRecovery(CountyHr, 100m, RecoveryReason.Ineffective, " ", Today.AddDays(5), Actor, Today, Now))
            .Message.ShouldContain("发现的问题");
        Should.Throw<DomainException>(() => report.ProposeRecovery(CountyHr, 100m, RecoveryReason.Ineffective, "未开展", Today, Actor, Today, Now))
            .Message.ShouldContain("退回期限");
        Should.Throw<DomainException>(() => report.ProposeRecovery(CountyHr, 100m, (RecoveryReason)7, "未开展", Today.AddDays(5), Actor, Today, Now));
        report.Recoveries.ShouldBeEmpty();
    }

    [Theory]
    [Trait("Clause", "A14.2")]
    [InlineData("irregular", RecoveryReason.Irregular, "使用不规范")]
    [InlineData("insufficient", RecoveryReason.Insufficient, "使用不充分")]
    [InlineData("ineffective", RecoveryReason.Ineffective, "使用效果不好")]
    public void A14_2_The_three_reasons_of_the_measures(string api, RecoveryReason reason, string name)
    {
        Recovery.ParseReason(api).ShouldBe(reason);
        Recovery.ParseReason(name).ShouldBe(reason);
        Recovery.ReasonName(reason).ShouldBe(name);
        Should.Throw<DomainException>(() => Recovery.ParseReason("late")).Clause.ShouldBe("A14.2");
    }

    [Fact]
    [Trait("Clause", "A14.2")]
    public void A14_2_Refunds_reduce_the_outstanding_balance_and_cannot_exceed_it()
    {
        var report = InState(FundReportState.Recovered);
        var recovery = report.DecidedRecovery!;

        report.RecordRefund(CountyFinance, 3_000m, "TH-01", Today, Actor, Today, Now);
        recovery.Outstanding.ShouldBe(2_000m);
        Should.Throw<DomainException>(() => report.RecordRefund(CountyFinance, 2_000.01m, "TH-02", Today, Actor, Today, Now))
            .Message.ShouldContain("超过尚未退回");
        Should.Throw<DomainException>(() => report.RecordRefund(CountyFinance, 100m, " ", Today, Actor, Today, Now)).Message.ShouldContain("凭证号");
        Should.Throw<DomainException>(() => report.RecordRefund(CountyFinance, 100m, "TH-02", Today.AddDays(1), Actor, Today, Now))
            .Message.ShouldContain("不能晚于今天");
        Should.Throw<DomainException>(() => report.RecordRefund(CityFinance, 100m, "TH-02", Today, Actor, Today, Now))
            .Message.ShouldContain("作出追回决定的县区");
        report.RecordRefund(CountyHr, 2_000m, "TH-02", Today, Actor, Today, Now);

        recovery.Outstanding.ShouldBe(0m);
        recovery.Refunds.Select(r => r.VoucherNumber).ShouldBe(["TH-01", "TH-02"]);
    }

    [Theory]
    [Trait("Clause", "A14.2")]
    [InlineData(0, "2026-12-20", false)]
    [InlineData(0, "2026-12-21", true)]
    [InlineData(5_000, "2026-12-21", false)]
    public void A14_2_A_refund_is_overdue_when_something_is_outstanding_after_the_due_date(decimal refunded, string today, bool overdue)
    {
        var report = Submitted();
        report.ProposeRecovery(CountyHr, 5_000m, RecoveryReason.Insufficient, "资金闲置", new DateOnly(2026, 12, 20), Actor, Today, Now);
        report.AgreeRecovery(CountyFinance, null, Actor, Now);
        if (refunded > 0)
        {
            report.RecordRefund(CountyFinance, refunded, "TH-01", Today, Actor, Today, Now);
        }

        report.DecidedRecovery!.IsRefundOverdue(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(overdue);
    }

    [Fact]
    [Trait("Clause", "A14.2")]
    public void A14_2_Accountability_is_recorded_with_the_recovered_report_by_the_deciding_stage()
    {
        var report = InState(FundReportState.Recovered);
        var input = new AccountabilityInput(AccountabilitySubject.Unit, "某社区居委会", "通报批评", "《办法》第十四条第二款", Today);

        Should.Throw<DomainException>(() => report.RecordAccountability(CityHr, input, Actor, Today, Now)).Clause.ShouldBe("A14.2");
        Should.Throw<DomainException>(() => report.RecordAccountability(CountyHr, input with { Measure = "" }, Actor, Today, Now))
            .Message.ShouldContain("问责措施");
        Should.Throw<DomainException>(() => report.RecordAccountability(CountyHr, input with { On = Today.AddDays(1) }, Actor, Today, Now));
        var record = report.RecordAccountability(CountyHr, input, "记录人", Today, Now);

        report.Accountability.ShouldBe([record]);
        (record.SubjectKind, record.Subject, record.Measure, record.Basis, record.On, record.RecordedBy)
            .ShouldBe((AccountabilitySubject.Unit, "某社区居委会", "通报批评", "《办法》第十四条第二款", Today, "记录人"));
    }

    [Fact]
    [Trait("Clause", "A14.2")]
    public void A14_2_Accountability_cannot_be_recorded_on_a_report_without_a_decided_recovery()
    {
        var report = InState(FundReportState.Approved);
        Should.Throw<DomainException>(() => report.RecordAccountability(CityHr,
            new AccountabilityInput(AccountabilitySubject.Person, "张某", "诫勉谈话", "依据", Today), Actor, Today, Now)).Clause.ShouldBe("A14.2");
    }
}
