namespace FullEmployment.Domain.Ledgers;

/// <summary>
/// A16 flag for a human reviewer, not a verdict. <see cref="IdNumber"/> is the full number for
/// drill-down by authorised users; display <see cref="MaskedIdNumber"/>.
/// </summary>
public sealed record IntegrityFinding(int Rule, string Description, string? IdNumber, string Evidence)
{
    public string MaskedIdNumber => Ledgers.IdNumber.Mask(IdNumber);
}

/// <summary>Settings of the A16 checks; the ages are the simple statutory ones, configurable.</summary>
public sealed record IntegritySettings
{
    public int MinimumWorkingAge { get; init; } = 16;

    public int MaleRetirementAge { get; init; } = 60;

    public int FemaleRetirementAge { get; init; } = 55;

    /// <summary>Check 4: the window before submission that a late burst is measured in.</summary>
    public int LateBurstDays { get; init; } = 30;
}

/// <summary>What the checks need besides the ledger itself.</summary>
public sealed record IntegrityContext
{
    public required AssessmentPeriod Period { get; init; }

    /// <summary>The date the checks are run for (the application date, or today).</summary>
    public required DateOnly ReferenceDate { get; init; }

    /// <summary>When the application was submitted; checks 3 and 4 need it and are skipped without it.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>
    /// Check 1: the other communities in whose ledgers an ID number is active (see
    /// <see cref="IntegrityChecker.ActiveIdNumbers"/>); absent means check 1 is skipped.
    /// </summary>
    public Func<string, IReadOnlyCollection<int>>? ActiveElsewhere { get; init; }
}

/// <summary>The six A16 checks (docs/reference/indicators.md) over one community's ledger.</summary>
public sealed class IntegrityChecker(IntegritySettings settings)
{
    public const string DuplicateAcrossCommunities = "同一身份证号同时在两个社区的台账中有效";
    public const string EmploymentWithOpenRegistration = "失业登记未注销却有就业记录，或以就业注销却无就业记录";
    public const string BackDated = "申报提交后录入但日期早于申报的记录（倒填）";
    public const string LateBurst = "考核期内过半就业记录集中在申报前短期内录入";
    public const string OutsideWorkingAge = "登记失业或就业困难人员不在劳动年龄内或身份证号无效";
    public const string AssistanceAfterLeaving = "死亡或迁出后仍有援助记录";

    public IntegrityChecker()
        : this(new IntegritySettings())
    {
    }

    public IntegritySettings Settings { get; } = settings ?? throw new ArgumentNullException(nameof(settings));

    /// <summary>
    /// Check 1's definition of "active in a ledger": a person row whose holder has not died or
    /// moved away on or before <paramref name="asOf"/>. Callers build the cross-community lookup with it.
    /// </summary>
    public static IEnumerable<string> ActiveIdNumbers(CommunityLedger ledger, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var gone = GoneOn(ledger);
        return ledger.Persons
            .Where(p => !(gone.TryGetValue(p.IdNumber, out var on) && on <= asOf))
            .Select(p => p.IdNumber);
    }

    public IReadOnlyList<IntegrityFinding> Check(CommunityLedger ledger, IntegrityContext context)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(context);

        var findings = new List<IntegrityFinding>();
        var timelines = PersonTimeline.Build(ledger);
        ActiveInTwoCommunities(ledger, context, findings);
        OpenRegistrationWithEmployment(timelines.Values, findings);
        if (context.SubmittedAt is { } submittedAt)
        {
            BackDating(ledger, submittedAt, findings);
            LateBurstOfEmployment(ledger, context.Period, submittedAt, findings);
        }

        OutsideWorkingAgeOrInvalid(ledger, context.ReferenceDate, findings);
        AssistanceAfterDeathOrDeparture(ledger, findings);
        return findings;
    }

    private static void ActiveInTwoCommunities(CommunityLedger ledger, IntegrityContext context, List<IntegrityFinding> findings)
    {
        if (context.ActiveElsewhere is null)
        {
            return;
        }

        foreach (var id in ActiveIdNumbers(ledger, context.ReferenceDate))
        {
            var others = context.ActiveElsewhere(id).Where(c => c != ledger.CommunityId).ToList();
            if (others.Count > 0)
            {
                findings.Add(new IntegrityFinding(1, DuplicateAcrossCommunities, id,
                    $"同时在社区 {string.Join("、", others)} 的台账中有效"));
            }
        }
    }

    private static void OpenRegistrationWithEmployment(IEnumerable<PersonTimeline> timelines, List<IntegrityFinding> findings)
    {
        foreach (var t in timelines)
        {
            foreach (var r in t.Registrations)
            {
                if (r.DeregisteredOn is null)
                {
                    var employment = t.Employments.Where(e => e.EmployedOn >= r.RegisteredOn).MinBy(e => e.EmployedOn);
                    if (employment is not null)
                    {
                        findings.Add(new IntegrityFinding(2, EmploymentWithOpenRegistration, t.IdNumber,
                            $"{r.RegisteredOn:yyyy-MM-dd} 登记失业未注销，{employment.EmployedOn:yyyy-MM-dd} 已有就业记录"));
                    }
                }
                else if (r.DeregistrationReason == LeaveReason.Employed && !t.Employments.Exists(e => e.EmployedOn >= r.RegisteredOn))
                {
                    findings.Add(new IntegrityFinding(2, EmploymentWithOpenRegistration, t.IdNumber,
                        $"{r.DeregisteredOn:yyyy-MM-dd} 以就业注销失业登记，但登记日期 {r.RegisteredOn:yyyy-MM-dd} 之后无就业记录"));
                }
            }
        }
    }

    private static void BackDating(CommunityLedger ledger, DateTimeOffset submittedAt, List<IntegrityFinding> findings)
    {
        var submittedOn = ChinaTime.DateOf(submittedAt);
        foreach (var definition in LedgerKinds.All)
        {
            foreach (var record in ledger.RecordsOf(definition.Kind))
            {
                if (record.CreatedAt > submittedAt && record.RecordDate is { } dated && dated < submittedOn)
                {
                    findings.Add(new IntegrityFinding(3, BackDated, record.PersonIdNumber,
                        $"{definition.SheetName}记录日期 {dated:yyyy-MM-dd}，录入于 {ChinaTime.FormatMinute(record.CreatedAt)}，申报提交于 {ChinaTime.FormatMinute(submittedAt)}"));
                }
            }
        }
    }

    private void LateBurstOfEmployment(
        CommunityLedger ledger, AssessmentPeriod period, DateTimeOffset submittedAt, List<IntegrityFinding> findings)
    {
        var inPeriod = ledger.Employments.Where(e => period.Contains(e.EmployedOn)).ToList();
        var burstFrom = submittedAt.AddDays(-Settings.LateBurstDays);
        var late = inPeriod.Count(e => e.CreatedAt >= burstFrom && e.CreatedAt <= submittedAt);

        // A16: "more than half" is strict.
        if (inPeriod.Count > 0 && late * 2 > inPeriod.Count)
        {
            findings.Add(new IntegrityFinding(4, LateBurst, null,
                $"考核期 {period} 内就业记录 {inPeriod.Count} 条，其中 {late} 条于申报前 {Settings.LateBurstDays} 天内录入"));
        }
    }

    private void OutsideWorkingAgeOrInvalid(CommunityLedger ledger, DateOnly referenceDate, List<IntegrityFinding> findings)
    {
        // Each person once per role: the open or latest record is what a reviewer needs to see.
        var cases = ledger.UnemploymentRegistrations
            .Select(r => (r.IdNumber, Role: "登记失业人员", On: r.RegisteredOn, Open: r.DeregisteredOn is null))
            .Concat(ledger.DifficultyIdentifications
                .Select(d => (d.IdNumber, Role: "就业困难人员", On: d.IdentifiedOn, Open: d.EndedOn is null)));
        var reported = new HashSet<(string, string)>();
        foreach (var (idNumber, role, on, open) in cases)
        {
            if (reported.Contains((idNumber, role)))
            {
                continue;
            }

            string? evidence;
            if (!IdNumber.TryParse(idNumber, out var id, referenceDate))
            {
                evidence = $"{role}身份证号无效：{IdNumber.Validate(idNumber, referenceDate)}";
            }
            else
            {
                var retirementAge = id!.Gender == Gender.Male ? Settings.MaleRetirementAge : Settings.FemaleRetirementAge;
                var ageThen = AgeOn(id.BirthDate, on);
                var ageNow = AgeOn(id.BirthDate, referenceDate);
                evidence = ageThen < Settings.MinimumWorkingAge ? $"{role}，{on:yyyy-MM-dd} 时年龄 {ageThen} 岁，未满 {Settings.MinimumWorkingAge} 岁"
                    : ageThen >= retirementAge ? $"{role}，{on:yyyy-MM-dd} 时年龄 {ageThen} 岁，已达法定退休年龄 {retirementAge} 岁"
                    : open && ageNow >= retirementAge ? $"{role}记录未结束，{referenceDate:yyyy-MM-dd} 时年龄 {ageNow} 岁，已达法定退休年龄 {retirementAge} 岁"
                    : null;
            }

            if (evidence is not null)
            {
                reported.Add((idNumber, role));
                findings.Add(new IntegrityFinding(5, OutsideWorkingAge, idNumber, evidence));
            }
        }
    }

    private static void AssistanceAfterDeathOrDeparture(CommunityLedger ledger, List<IntegrityFinding> findings)
    {
        var gone = GoneOn(ledger);
        foreach (var a in ledger.Assistances)
        {
            if (gone.TryGetValue(a.IdNumber, out var on) && a.AssistedOn > on)
            {
                findings.Add(new IntegrityFinding(6, AssistanceAfterLeaving, a.IdNumber,
                    $"{on:yyyy-MM-dd} 已死亡或迁出，{a.AssistedOn:yyyy-MM-dd} 仍有援助记录（{a.AssistanceKind.ToLabel()}）"));
            }
        }
    }

    /// <summary>The earliest date each person died or moved away, by a deregistration or an exit.</summary>
    private static Dictionary<string, DateOnly> GoneOn(CommunityLedger ledger)
    {
        var gone = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        void Note(string id, DateOnly? on, LeaveReason? reason)
        {
            if (on is { } date && reason is LeaveReason.Deceased or LeaveReason.MovedAway
                && (!gone.TryGetValue(id, out var current) || date < current))
            {
                gone[id] = date;
            }
        }

        foreach (var r in ledger.UnemploymentRegistrations)
        {
            Note(r.IdNumber, r.DeregisteredOn, r.DeregistrationReason);
        }

        foreach (var d in ledger.DifficultyIdentifications)
        {
            Note(d.IdNumber, d.EndedOn, d.EndReason);
        }

        return gone;
    }

    private static int AgeOn(DateOnly birth, DateOnly date)
    {
        var age = date.Year - birth.Year;
        return date < birth.AddYears(age) ? age - 1 : age;
    }
}
