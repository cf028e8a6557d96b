using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Application.Campaigns;

/// <summary>Computes the A5 indicators and the auto-scoring input of the score sheet (docs/reference/score-sheet.md) for a community.</summary>
public sealed class IndicatorSnapshots(AppDbContext db)
{
    public async Task<IndicatorSnapshot> TakeAsync(Community community, AssessmentPeriod period, DateOnly on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(period);
        var ledger = await LedgerLoader.LoadAsync(db, community.Id, cancellationToken);
        var report = new IndicatorCalculator().Calculate(ledger, period, on);

        // A rate with nobody to count is 1 and a breach count with no case is 0 (AutoScoringInput).
        decimal Rate(string id) => report[id].Status == IndicatorStatus.NotApplicable ? 1m : report[id].Value;
        int Breaches(string id) => report[id].Status == IndicatorStatus.NotApplicable ? 0 : report[id].Numerator;

        var input = new AutoScoringInput(
            MunicipalTitleFiledWithProvince: community.HasFiledMunicipalTitleOn(on),
            QualifiedStaffCount: report[IndicatorCalculator.QualifiedStaff].Numerator,
            LedgerCompleteShare: Rate(IndicatorCalculator.LedgerCompleteness),
            StaleLedgerKinds: report.StaleKinds.Count,
            // A5.2.2: periodic statistics are not filed in the system yet, so nothing can differ or be late.
            ReportMismatches: 0,
            LateReports: 0,
            ZeroEmploymentFamilyBreaches: Breaches(IndicatorCalculator.ZeroEmploymentFamilies),
            WillingWorkerAssistanceBreaches: Breaches(IndicatorCalculator.WillingWorkersAssisted),
            DifficultyEmploymentRate: Rate(IndicatorCalculator.DifficultyEmployment),
            ReemploymentRate: Rate(IndicatorCalculator.Reemployment),
            ReemploymentTrackingCoverage: Rate(IndicatorCalculator.Tracking),
            KeyGroupEmployedShare: Rate(IndicatorCalculator.KeyGroupOutcome),
            TrainingReferralShare: Rate(IndicatorCalculator.TrainingReferral),
            MonthlyAssistanceCoverage: Rate(IndicatorCalculator.MonthlyAssistance),
            QuarterlyTrackingShare: Rate(IndicatorCalculator.Tracking),
            ValidComplaints: report[IndicatorCalculator.ValidComplaints].Numerator);
        var values = report.Indicators.Select(i => new IndicatorValue(i.Id, i.Name, i.Numerator, i.Denominator, i.Value, i.Threshold,
            i.Status switch { IndicatorStatus.Met => "met", IndicatorStatus.NotMet => "not_met", _ => "not_applicable" })).ToList();
        return new IndicatorSnapshot(on, period.Start, period.End, input, values);
    }
}
