namespace FullEmployment.Domain.Campaigns;

/// <summary>
/// The indicator figures the auto items of the score sheet need (computed from the ledger and registry and
/// frozen at submission, A8.1). Shares and rates are fractions 0–1; a rate with nobody to count is 1.
/// </summary>
public sealed record AutoScoringInput(
    bool MunicipalTitleFiledWithProvince,
    int QualifiedStaffCount,
    decimal LedgerCompleteShare,
    int StaleLedgerKinds,
    int ReportMismatches,
    int LateReports,
    int ZeroEmploymentFamilyBreaches,
    int WillingWorkerAssistanceBreaches,
    decimal DifficultyEmploymentRate,
    decimal ReemploymentRate,
    decimal ReemploymentTrackingCoverage,
    decimal KeyGroupEmployedShare,
    decimal TrainingReferralShare,
    decimal MonthlyAssistanceCoverage,
    decimal QuarterlyTrackingShare,
    int ValidComplaints);

/// <summary>An auto item's computed score and, for a gate item, whether the A5 condition is met.</summary>
public sealed record AutoItemScore(string Number, decimal Score, bool? GateMet);

/// <summary>The auto scoring rules of template 2023-1 (docs/reference/score-sheet.md) as pure functions.</summary>
public static class AutoScoring
{
    // A5.3.2: difficulty-person employment rate ≥ 95%.
    public const decimal DifficultyEmploymentThreshold = 0.95m;

    // A5.3.3: re-employment rate ≥ 90%.
    public const decimal ReemploymentThreshold = 0.90m;

    // A5.1.4: at least one (of 1–2) full-time 大专+ staff.
    public const int MinimumQualifiedStaff = 1;

    public static IReadOnlyList<AutoItemScore> Compute(AutoScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return
        [
            MunicipalTitle(input),
            Staff(input),
            Ledgers(input),
            Reports(input),
            AssistanceInTime(input),
            DifficultyEmployment(input),
            Reemployment(input),
            new("3.4", Proportional(5, input.KeyGroupEmployedShare), null),
            new("4.1", Proportional(5, input.TrainingReferralShare), null),
            MonthlyAssistance(input),
            new("4.3", Proportional(5, input.QuarterlyTrackingShare), null),
            Complaints(input),
        ];
    }

    // A5.1.1: yes 4 / no 0, gate.
    public static AutoItemScore MunicipalTitle(AutoScoringInput input) =>
        new("1.1", input.MunicipalTitleFiledWithProvince ? 4 : 0, input.MunicipalTitleFiledWithProvince);

    // A5.1.4: ≥2 → 5; 1 → 3; 0 → 0; gate ≥ 1.
    public static AutoItemScore Staff(AutoScoringInput input) =>
        new("1.4", input.QualifiedStaffCount switch { >= 2 => 5, 1 => 3, _ => 0 }, input.QualifiedStaffCount >= MinimumQualifiedStaff);

    // A5.2.1: 8 × complete share, −2 per ledger kind stale for 90 days, floor 0.
    public static AutoItemScore Ledgers(AutoScoringInput input) =>
        new("2.1", Floor0(Proportional(8, input.LedgerCompleteShare) - (2 * NonNegative(input.StaleLedgerKinds))), null);

    // A5.2.2: 7 − 1 per mismatch − 1 per late report, floor 0.
    public static AutoItemScore Reports(AutoScoringInput input) =>
        new("2.2", Floor0(7 - NonNegative(input.ReportMismatches) - NonNegative(input.LateReports)), null);

    // A5.3.1a/b: any breach → 0, else 10; gate.
    public static AutoItemScore AssistanceInTime(AutoScoringInput input)
    {
        var met = input.ZeroEmploymentFamilyBreaches == 0 && input.WillingWorkerAssistanceBreaches == 0;
        return new("3.1", met ? 10 : 0, met);
    }

    // A5.3.2: ≥ 95% → 10, else 0; gate.
    public static AutoItemScore DifficultyEmployment(AutoScoringInput input)
    {
        var met = input.DifficultyEmploymentRate >= DifficultyEmploymentThreshold;
        return new("3.2", met ? 10 : 0, met);
    }

    // A5.3.3: rate ≥ 90% → 8, plus 2 × tracking coverage; the gate is on the rate.
    public static AutoItemScore Reemployment(AutoScoringInput input)
    {
        var met = input.ReemploymentRate >= ReemploymentThreshold;
        return new("3.3", (met ? 8 : 0) + Proportional(2, input.ReemploymentTrackingCoverage), met);
    }

    // A5.4.2: 10 × person-month coverage; gate at 100%.
    public static AutoItemScore MonthlyAssistance(AutoScoringInput input) =>
        new("4.2", Proportional(10, input.MonthlyAssistanceCoverage), input.MonthlyAssistanceCoverage >= 1m);

    // A5.5.2: no valid complaint in three years → 5, else 0; gate.
    public static AutoItemScore Complaints(AutoScoringInput input)
    {
        var met = input.ValidComplaints == 0;
        return new("5.2", met ? 5 : 0, met);
    }

    /// <summary>max × share, truncated to one decimal place so a share short of 100% never rounds up to full points.</summary>
    public static decimal Proportional(decimal maxPoints, decimal share)
    {
        var clamped = Math.Clamp(share, 0m, 1m);
        return decimal.Truncate(maxPoints * clamped * 10m) / 10m;
    }

    private static decimal Floor0(decimal value) => Math.Max(0m, value);

    private static int NonNegative(int value) => Math.Max(0, value);
}
