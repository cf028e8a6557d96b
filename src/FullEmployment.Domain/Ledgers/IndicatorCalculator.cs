namespace FullEmployment.Domain.Ledgers;

public enum IndicatorStatus
{
    Met,
    NotMet,

    /// <summary>Zero denominator: shown as such, never a breach.</summary>
    NotApplicable,
}

/// <summary>
/// One entry behind a figure, for drill-down: <see cref="Key"/> is the person's ID number
/// (the household head's for families, the name for staff without one, date and subject for
/// complaints); <see cref="Detail"/> says which month, quarter, family or row is meant.
/// </summary>
public sealed record IndicatorSubject(string Key, string? Detail = null);

/// <summary>
/// One indicator of docs/reference/indicators.md. <see cref="Value"/> is a fraction 0–1 for rates and a
/// count otherwise; <see cref="Threshold"/> is null for indicators that are only scored.
/// </summary>
public sealed record IndicatorResult(
    string Id,
    string Name,
    int Numerator,
    int Denominator,
    decimal Value,
    decimal? Threshold,
    IndicatorStatus Status,
    IReadOnlyList<IndicatorSubject> NumeratorSubjects,
    IReadOnlyList<IndicatorSubject> DenominatorSubjects);

public sealed record IndicatorReport(
    AssessmentPeriod Period,
    DateOnly ApplicationDate,
    IReadOnlyList<IndicatorResult> Indicators,
    IReadOnlyList<LedgerKind> StaleKinds)
{
    public IndicatorResult this[string id] => Indicators.First(i => i.Id == id);
}

/// <summary>Thresholds, defaulting to the measures' values; the province may change them (A17).</summary>
public sealed record IndicatorSettings
{
    public decimal ReemploymentRate { get; init; } = 0.90m;

    public decimal DifficultyEmploymentRate { get; init; } = 0.95m;

    public decimal AssistanceCoverage { get; init; } = 1.00m;

    /// <summary>A5.1.4: "1–2 full-time staff"; 1 or 2.</summary>
    public int QualifiedStaffMinimum { get; init; } = 1;

    /// <summary>A5.1.4 [I]: tenure that counts as a stable post.</summary>
    public int StaffTenureMonths { get; init; } = 12;

    /// <summary>A5.2.1 [I]: a kind with no row added or changed within this many days is stale.</summary>
    public int StaleAfterDays { get; init; } = 90;
}

/// <summary>Computes the A5 indicators of docs/reference/indicators.md from one community's ledger.</summary>
public sealed class IndicatorCalculator(IndicatorSettings settings)
{
    public const string Reemployment = "A5.3.3";
    public const string DifficultyEmployment = "A5.3.2";
    public const string ZeroEmploymentFamilies = "A5.3.1a";
    public const string WillingWorkersAssisted = "A5.3.1b";
    public const string MonthlyAssistance = "A5.4.2";
    public const string TrainingReferral = "A5.4.1";
    public const string Tracking = "A5.4.3";
    public const string KeyGroupOutcome = "A5.3.4";
    public const string ValidComplaints = "A5.5.2";
    public const string QualifiedStaff = "A5.1.4";
    public const string LedgerCompleteness = "A5.2.1";

    public IndicatorCalculator()
        : this(new IndicatorSettings())
    {
    }

    public IndicatorSettings Settings { get; } = settings ?? throw new ArgumentNullException(nameof(settings));

    public IndicatorReport Calculate(CommunityLedger ledger, AssessmentPeriod period, DateOnly applicationDate)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(period);

        var timelines = PersonTimeline.Build(ledger);
        var registered = RegisteredUnemployed(timelines.Values, period);
        var difficulty = DifficultyPersons(timelines.Values, period);
        var (completeness, stale) = Completeness(ledger, applicationDate);

        IndicatorResult[] indicators =
        [
            ReemploymentRate(registered, period),
            DifficultyEmploymentRate(difficulty, period),
            FamiliesHelpedWithinAMonth(ledger, timelines, period),
            WillingWorkersAssistedWithinSixMonths(ledger, timelines, period),
            MonthlyAssistanceCoverage(difficulty, period),
            TrainingReferralShare(difficulty, period),
            TrackingCoverage(registered, period),
            KeyGroupEmployed(ledger, timelines, period),
            ValidComplaintCount(ledger, applicationDate),
            QualifiedStaffCount(ledger, applicationDate),
            completeness,
        ];
        return new IndicatorReport(period, applicationDate, indicators, stale);
    }

    /// <summary>
    /// A5.3.3 U: a registration spell overlapping [S, E], willing and able, not left the labour
    /// force on or before E. Returns each person with the registration date of their latest
    /// overlapping spell (a person re-registered after a job is judged on the new spell).
    /// </summary>
    private static List<(PersonTimeline Person, DateOnly RegisteredOn)> RegisteredUnemployed(
        IEnumerable<PersonTimeline> timelines, AssessmentPeriod period)
    {
        var result = new List<(PersonTimeline, DateOnly)>();
        foreach (var t in timelines)
        {
            DateOnly? latest = null;
            foreach (var r in t.Registrations)
            {
                var overlaps = r.RegisteredOn <= period.End && (r.DeregisteredOn is not { } d || d >= period.Start);
                if (overlaps && (latest is null || r.RegisteredOn > latest))
                {
                    latest = r.RegisteredOn;
                }
            }

            if (latest is { } registeredOn && t.IsWillingAndAble && !t.LeftLabourForceOnOrBefore(period.End))
            {
                result.Add((t, registeredOn));
            }
        }

        return result;
    }

    /// <summary>
    /// A5.3.2 D: identified on or before E, identification not ended before S, not left the
    /// labour force on or before E.
    /// </summary>
    private static List<PersonTimeline> DifficultyPersons(IEnumerable<PersonTimeline> timelines, AssessmentPeriod period) =>
        [.. timelines.Where(t =>
            t.Identifications.Exists(d => d.IdentifiedOn <= period.End && (d.EndedOn is not { } ended || ended >= period.Start))
            && !t.LeftLabourForceOnOrBefore(period.End))];

    private IndicatorResult ReemploymentRate(List<(PersonTimeline Person, DateOnly RegisteredOn)> registered, AssessmentPeriod period)
    {
        var denominator = new List<IndicatorSubject>(registered.Count);
        var numerator = new List<IndicatorSubject>();
        foreach (var (person, registeredOn) in registered)
        {
            var subject = new IndicatorSubject(person.IdNumber, $"登记日期 {registeredOn:yyyy-MM-dd}");
            denominator.Add(subject);
            if (EmployedSomeDayWithin(person, registeredOn, period.End))
            {
                numerator.Add(subject);
            }
        }

        return Rate(Reemployment, "登记失业人员再就业率", numerator, denominator, Settings.ReemploymentRate);
    }

    /// <summary>
    /// A5.3.3 R: employed at some date t with registration date &lt; t ≤ E. Employment status only
    /// turns true on an employment date, so the day after registration and each employment
    /// date in (registration, E] are the only dates to test.
    /// </summary>
    private static bool EmployedSomeDayWithin(PersonTimeline person, DateOnly registeredOn, DateOnly end)
    {
        if (registeredOn >= end)
        {
            return false;
        }

        if (person.EmployedAt(registeredOn.AddDays(1)))
        {
            return true;
        }

        foreach (var employedOn in person.EmploymentDates)
        {
            if (employedOn > registeredOn && employedOn <= end && person.EmployedAt(employedOn))
            {
                return true;
            }
        }

        return false;
    }

    private IndicatorResult DifficultyEmploymentRate(List<PersonTimeline> difficulty, AssessmentPeriod period)
    {
        var denominator = new List<IndicatorSubject>(difficulty.Count);
        var numerator = new List<IndicatorSubject>();
        foreach (var person in difficulty)
        {
            var subject = new IndicatorSubject(person.IdNumber);
            denominator.Add(subject);

            // A5.3.2: employed at E, or the identification ended with 就业 within [S, E].
            var exitedToWork = person.Identifications.Exists(d =>
                d.EndReason == LeaveReason.Employed && d.EndedOn is { } ended && period.Contains(ended)
                && d.IdentifiedOn <= period.End);
            if (person.EmployedAt(period.End) || exitedToWork)
            {
                numerator.Add(subject);
            }
        }

        return Rate(DifficultyEmployment, "就业困难人员就业率", numerator, denominator, Settings.DifficultyEmploymentRate);
    }

    private static IndicatorResult FamiliesHelpedWithinAMonth(
        CommunityLedger ledger, Dictionary<string, PersonTimeline> timelines, AssessmentPeriod period)
    {
        var members = new Dictionary<string, List<PersonTimeline>>(StringComparer.Ordinal);
        foreach (var p in ledger.Persons)
        {
            if (!string.IsNullOrWhiteSpace(p.FamilyNumber))
            {
                if (!members.TryGetValue(p.FamilyNumber, out var list))
                {
                    list = [];
                    members.Add(p.FamilyNumber, list);
                }

                list.Add(timelines[p.IdNumber]);
            }
        }

        var denominator = new List<IndicatorSubject>();
        var breaches = new List<IndicatorSubject>();
        foreach (var family in ledger.ZeroEmploymentFamilies)
        {
            if (family.IdentifiedOn > period.End)
            {
                continue;
            }

            // A5.3.1a: cleared = the first employment of any member on or after identification.
            DateOnly? cleared = null;
            var familyMembers = members.TryGetValue(family.FamilyNumber, out var list) ? list : [];
            var head = timelines.GetValueOrDefault(family.HeadIdNumber);
            foreach (var member in head is null || familyMembers.Contains(head) ? familyMembers : [.. familyMembers, head])
            {
                if (member.FirstEmploymentOnOrAfter(family.IdentifiedOn) is { } first && (cleared is null || first < cleared))
                {
                    cleared = first;
                }
            }

            if (cleared < period.Start)
            {
                continue;
            }

            var deadline = family.IdentifiedOn.AddMonths(1);
            var breach = cleared is { } c ? c > deadline : period.End > deadline;
            var detail = $"家庭编号 {family.FamilyNumber}，认定日期 {family.IdentifiedOn:yyyy-MM-dd}，"
                + (cleared is { } on ? $"首人就业 {on:yyyy-MM-dd}" : "尚无成员就业");
            var subject = new IndicatorSubject(family.HeadIdNumber, detail);
            denominator.Add(subject);
            if (breach)
            {
                breaches.Add(subject);
            }
        }

        return Breaches(ZeroEmploymentFamilies, "零就业家庭认定后一个月内至少一人就业", breaches, denominator);
    }

    private static IndicatorResult WillingWorkersAssistedWithinSixMonths(
        CommunityLedger ledger, Dictionary<string, PersonTimeline> timelines, AssessmentPeriod period)
    {
        var denominator = new List<IndicatorSubject>();
        var breaches = new List<IndicatorSubject>();
        foreach (var wish in ledger.EmploymentWishRegistrations)
        {
            if (!period.Contains(wish.RegisteredOn))
            {
                continue;
            }

            // A5.3.1b: first assistance on or after registration, within 6 calendar months.
            var first = timelines[wish.IdNumber].FirstAssistanceOnOrAfter(wish.RegisteredOn);
            var deadline = wish.RegisteredOn.AddMonths(6);
            var breach = first is { } f ? f > deadline : period.End > deadline;
            var subject = new IndicatorSubject(
                wish.IdNumber,
                $"登记日期 {wish.RegisteredOn:yyyy-MM-dd}，" + (first is { } on ? $"首次援助 {on:yyyy-MM-dd}" : "尚无援助"));
            denominator.Add(subject);
            if (breach)
            {
                breaches.Add(subject);
            }
        }

        return Breaches(WillingWorkersAssisted, "有就业意愿人员半年内获得就业援助", breaches, denominator);
    }

    private IndicatorResult MonthlyAssistanceCoverage(List<PersonTimeline> difficulty, AssessmentPeriod period)
    {
        var months = period.Months().ToArray();
        var denominator = new List<IndicatorSubject>();
        var numerator = new List<IndicatorSubject>();
        foreach (var person in difficulty)
        {
            foreach (var month in months)
            {
                // A5.4.2: identified by the month's last day and not ended before its first day.
                var active = person.Identifications.FindAll(d =>
                    d.IdentifiedOn <= month.End && (d.EndedOn is not { } ended || ended >= month.Start));
                if (active.Count == 0)
                {
                    continue;
                }

                // In the month of identification, employment is checked on the identification day.
                var alreadyIdentified = active.Exists(d => d.IdentifiedOn < month.Start);
                var checkedOn = alreadyIdentified ? month.Start : active.Min(d => d.IdentifiedOn);
                if (person.EmployedAt(checkedOn))
                {
                    continue;
                }

                var subject = new IndicatorSubject(person.IdNumber, $"{month.Start:yyyy-MM}");
                denominator.Add(subject);
                if (person.HasAssistanceWithin(month.Start, month.End))
                {
                    numerator.Add(subject);
                }
            }
        }

        return Rate(MonthlyAssistance, "就业困难人员每月援助覆盖率", numerator, denominator, Settings.AssistanceCoverage);
    }

    private static IndicatorResult TrainingReferralShare(List<PersonTimeline> difficulty, AssessmentPeriod period)
    {
        var denominator = difficulty.ConvertAll(p => new IndicatorSubject(p.IdNumber));
        var numerator = difficulty
            .Where(p => p.HasTrainingReferralWithin(period.Start, period.End))
            .Select(p => new IndicatorSubject(p.IdNumber))
            .ToList();
        return Rate(TrainingReferral, "就业困难人员培训推荐比例", numerator, denominator, threshold: null);
    }

    private static IndicatorResult TrackingCoverage(
        List<(PersonTimeline Person, DateOnly RegisteredOn)> registered, AssessmentPeriod period)
    {
        var quarters = period.Quarters().ToArray();
        var denominator = new List<IndicatorSubject>();
        var numerator = new List<IndicatorSubject>();
        foreach (var (person, _) in registered)
        {
            foreach (var quarter in quarters)
            {
                // A5.3.3/A5.4.3 [I]: unemployed on the quarter's first day = in a registration spell and not employed.
                if (!person.RegisteredUnemployedOn(quarter.Start) || person.EmployedAt(quarter.Start))
                {
                    continue;
                }

                var subject = new IndicatorSubject(person.IdNumber, $"{quarter.Start.Year}年第{((quarter.Start.Month - 1) / 3) + 1}季度");
                denominator.Add(subject);
                if (person.HasAssistanceWithin(quarter.Start, quarter.End))
                {
                    numerator.Add(subject);
                }
            }
        }

        return Rate(Tracking, "登记失业人员季度跟踪服务覆盖率", numerator, denominator, threshold: null);
    }

    private static IndicatorResult KeyGroupEmployed(
        CommunityLedger ledger, Dictionary<string, PersonTimeline> timelines, AssessmentPeriod period)
    {
        var persons = ledger.EmploymentWishRegistrations
            .Where(w => period.Contains(w.RegisteredOn))
            .Select(w => w.IdNumber)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var denominator = persons.ConvertAll(id => new IndicatorSubject(id));
        var numerator = persons
            .Where(id => timelines[id].EmployedAt(period.End))
            .Select(id => new IndicatorSubject(id))
            .ToList();
        return Rate(KeyGroupOutcome, "重点群体登记人员就业比例", numerator, denominator, threshold: null);
    }

    private static IndicatorResult ValidComplaintCount(CommunityLedger ledger, DateOnly applicationDate)
    {
        // A5.5.2: the three calendar years before the application year.
        var from = new DateOnly(applicationDate.Year - 3, 1, 1);
        var to = new DateOnly(applicationDate.Year - 1, 12, 31);
        var inWindow = ledger.Complaints.Where(c => c.ComplainedOn >= from && c.ComplainedOn <= to).ToList();
        var denominator = inWindow.ConvertAll(c => new IndicatorSubject($"{c.ComplainedOn:yyyy-MM-dd} {c.Subject}", c.IsValid ? "有效" : "无效"));
        var numerator = denominator.Where(s => s.Detail == "有效").ToList();
        return Count(ValidComplaints, "近三年有效投诉数", numerator, denominator, threshold: 0, atMost: true);
    }

    private IndicatorResult QualifiedStaffCount(CommunityLedger ledger, DateOnly applicationDate)
    {
        // A5.1.4: full-time, 大专 or above, in post for the tenure before the application date and not gone.
        var startedBy = applicationDate.AddMonths(-Settings.StaffTenureMonths);
        var denominator = new List<IndicatorSubject>(ledger.Staff.Count);
        var numerator = new List<IndicatorSubject>();
        foreach (var s in ledger.Staff)
        {
            var subject = new IndicatorSubject(string.IsNullOrWhiteSpace(s.IdNumber) ? s.Name : s.IdNumber, s.Name);
            denominator.Add(subject);
            if (s.IsFullTime && s.Education.IsCollegeOrAbove() && s.StartedOn <= startedBy
                && (s.LeftOn is not { } left || left >= applicationDate))
            {
                numerator.Add(subject);
            }
        }

        return Count(QualifiedStaff, "合格专职工作人员数", numerator, denominator, Settings.QualifiedStaffMinimum, atMost: false);
    }

    private (IndicatorResult Result, IReadOnlyList<LedgerKind> Stale) Completeness(CommunityLedger ledger, DateOnly applicationDate)
    {
        var denominator = new List<IndicatorSubject>();
        var numerator = new List<IndicatorSubject>();
        var stale = new List<LedgerKind>();

        // A5.2.1 [I]: "changed in the last N days" counted in China dates up to the application date.
        var freshFrom = applicationDate.AddDays(-Settings.StaleAfterDays + 1);
        foreach (var definition in LedgerKinds.All)
        {
            var fresh = false;
            foreach (var record in ledger.RecordsOf(definition.Kind))
            {
                var subject = new IndicatorSubject(SubjectKey(record), definition.SheetName);
                denominator.Add(subject);
                if (record.IsComplete())
                {
                    numerator.Add(subject);
                }

                var touched = record.UpdatedAt > record.CreatedAt ? record.UpdatedAt : record.CreatedAt;
                fresh |= ChinaTime.DateOf(touched) >= freshFrom;
            }

            if (!fresh)
            {
                stale.Add(definition.Kind);
            }
        }

        return (Rate(LedgerCompleteness, "台账完整率", numerator, denominator, threshold: null), stale);
    }

    private static string SubjectKey(LedgerRecord record) => record switch
    {
        Complaint c => $"{c.ComplainedOn:yyyy-MM-dd} {c.Subject}",
        StaffMember s when string.IsNullOrWhiteSpace(s.IdNumber) => s.Name,
        _ => record.PersonIdNumber ?? string.Empty,
    };

    /// <summary>A rate; met when at least the threshold, or always when only scored (no threshold).</summary>
    private static IndicatorResult Rate(
        string id, string name, List<IndicatorSubject> numerator, List<IndicatorSubject> denominator, decimal? threshold)
    {
        if (denominator.Count == 0)
        {
            return new IndicatorResult(id, name, 0, 0, 0m, threshold, IndicatorStatus.NotApplicable, numerator, denominator);
        }

        var value = (decimal)numerator.Count / denominator.Count;
        var status = threshold is { } t && value < t ? IndicatorStatus.NotMet : IndicatorStatus.Met;
        return new IndicatorResult(id, name, numerator.Count, denominator.Count, value, threshold, status, numerator, denominator);
    }

    /// <summary>A breach count over the cases judged: met when there is none; no cases → not applicable.</summary>
    private static IndicatorResult Breaches(
        string id, string name, List<IndicatorSubject> breaches, List<IndicatorSubject> denominator)
    {
        var status = denominator.Count == 0 ? IndicatorStatus.NotApplicable
            : breaches.Count == 0 ? IndicatorStatus.Met : IndicatorStatus.NotMet;
        return new IndicatorResult(id, name, breaches.Count, denominator.Count, breaches.Count, 0m, status, breaches, denominator);
    }

    /// <summary>A plain count compared with a bound; the denominator is context only, so never "not applicable".</summary>
    private static IndicatorResult Count(
        string id, string name, List<IndicatorSubject> numerator, List<IndicatorSubject> denominator, int threshold, bool atMost)
    {
        var met = atMost ? numerator.Count <= threshold : numerator.Count >= threshold;
        return new IndicatorResult(
            id, name, numerator.Count, denominator.Count, numerator.Count, threshold,
            met ? IndicatorStatus.Met : IndicatorStatus.NotMet, numerator, denominator);
    }
}
