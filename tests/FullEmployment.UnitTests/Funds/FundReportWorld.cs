using FullEmployment.Domain.Funds;

namespace FullEmployment.UnitTests.Funds;

/// <summary>Reports in each state of the table, built through the aggregate's own moves (no state is set directly).</summary>
internal static class FundReportWorld
{
    public const string Actor = "测试人员";
    public const decimal Received = 20_000m;
    public const string CityCode = "620100";
    public const string CountyCode = "620102";
    public const string CommunityCode = "620102001001";
    public const string JiayuguanCode = "620200";
    public const string JiayuguanCommunity = "620200001001";

    public static readonly DateOnly Today = new(2026, 11, 20);
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    public const FundReportParty CountyHr = FundReportParty.CountyHumanResources;
    public const FundReportParty CountyFinance = FundReportParty.CountyFinance;
    public const FundReportParty CityHr = FundReportParty.CityHumanResources;
    public const FundReportParty CityFinance = FundReportParty.CityFinance;
    public const FundReportParty Community = FundReportParty.Community;

    public static FundReport Draft(bool withCounty = true, decimal received = Received) =>
        FundReport.Open(Community, 7, withCounty ? CommunityCode : JiayuguanCommunity, "测试社区", withCounty ? CityCode : JiayuguanCode,
            withCounty ? CountyCode : null, 2026, received, Actor, Now);

    public static FundReportLineInput Line(FundReportCategory category, decimal amount, string date = "2026-05-10") =>
        new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), category, "宣传册印制", amount, "某印务公司", "FP-0001");

    public static FundReport Filled(bool withCounty = true)
    {
        var report = Draft(withCounty);
        report.Edit(Community, [Line(FundReportCategory.Publicity, 8_000m), Line(FundReportCategory.InformationNetwork, 4_000m)], 0m, null);
        return report;
    }

    public static FundReport Submitted(bool withCounty = true)
    {
        var report = Filled(withCounty);
        report.Submit(Community, FundReportRules.DefaultInformationNetworkShare, Actor, Today, Now);
        return report;
    }

    public static FundReport InState(FundReportState state)
    {
        var report = Filled();
        switch (state)
        {
            case FundReportState.Draft:
                return Draft();
            case FundReportState.Returned:
                report = Submitted();
                report.Return(CountyFinance, "凭证不全", Actor, Now);
                return report;
            case FundReportState.CountyReview:
                return Submitted();
            case FundReportState.CountyRecoveryProposed:
                report = Submitted();
                ProposeRecovery(report, CountyHr);
                return report;
            case FundReportState.CityReview:
                return AtCity();
            case FundReportState.CityRecoveryProposed:
                report = AtCity();
                ProposeRecovery(report, CityFinance);
                return report;
            case FundReportState.Approved:
                report = AtCity();
                report.Approve(CityHr, null, Actor, Now);
                report.Approve(CityFinance, null, Actor, Now);
                return report;
            case FundReportState.Recovered:
                report = Submitted();
                ProposeRecovery(report, CountyHr);
                report.AgreeRecovery(CountyFinance, "同意", Actor, Now);
                return report;
            default:
                throw new ArgumentOutOfRangeException(nameof(state));
        }
    }

    public static FundReport AtCity()
    {
        var report = Submitted();
        report.Approve(CountyHr, null, Actor, Now);
        report.Approve(CountyFinance, null, Actor, Now);
        return report;
    }

    public static Recovery ProposeRecovery(FundReport report, FundReportParty by, decimal amount = 5_000m) =>
        report.ProposeRecovery(by, amount, RecoveryReason.Irregular, "购置设备未入固定资产账", Today.AddDays(30), Actor, Today, Now);

    /// <summary>The party that may take <paramref name="action"/> on <paramref name="report"/> in its current state.</summary>
    public static FundReportParty RightParty(FundReport report, FundReportAction action) => action switch
    {
        FundReportAction.Edit or FundReportAction.Submit => Community,
        FundReportAction.AgreeRecovery or FundReportAction.DeclineRecovery => report.ProposedRecovery!.ProposedBySide == FundReviewSide.HumanResources
            ? (report.CurrentStage == FundReviewStage.County ? CountyFinance : CityFinance)
            : (report.CurrentStage == FundReviewStage.County ? CountyHr : CityHr),
        FundReportAction.RecordRefund or FundReportAction.RecordAccountability =>
            report.DecidedRecovery!.Stage == FundReviewStage.County ? CountyFinance : CityFinance,
        _ => report.CurrentStage == FundReviewStage.County ? CountyHr : CityHr,
    };

    /// <summary>Takes <paramref name="action"/> with valid input as <paramref name="party"/>.</summary>
    public static void Perform(FundReport report, FundReportAction action, FundReportParty party)
    {
        switch (action)
        {
            case FundReportAction.Edit:
                report.Edit(party, [Line(FundReportCategory.Services, 1_000m)], 0m, null);
                break;
            case FundReportAction.Submit:
                if (report.Lines.Count == 0)
                {
                    report.Edit(party, [Line(FundReportCategory.Services, 1_000m)], 0m, null);
                }

                report.Submit(party, FundReportRules.DefaultInformationNetworkShare, Actor, Today, Now);
                break;
            case FundReportAction.Approve:
                report.Approve(party, null, Actor, Now);
                break;
            case FundReportAction.Return:
                report.Return(party, "请补充凭证", Actor, Now);
                break;
            case FundReportAction.ProposeRecovery:
                ProposeRecovery(report, party);
                break;
            case FundReportAction.AgreeRecovery:
                report.AgreeRecovery(party, null, Actor, Now);
                break;
            case FundReportAction.DeclineRecovery:
                report.DeclineRecovery(party, "证据不足", Actor, Now);
                break;
            case FundReportAction.RecordRefund:
                report.RecordRefund(party, 1_000m, "TH-01", Today, Actor, Today, Now);
                break;
            case FundReportAction.RecordAccountability:
                report.RecordAccountability(party, new AccountabilityInput(AccountabilitySubject.Person, "张某", "诫勉谈话", "《办法》第十四条", Today),
                    Actor, Today, Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
