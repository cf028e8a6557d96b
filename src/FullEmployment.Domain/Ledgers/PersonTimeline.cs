namespace FullEmployment.Domain.Ledgers;

/// <summary>
/// One person's dated records, sorted once so the per-date questions of docs/reference/indicators.md are
/// binary searches rather than scans (indicators run over ~1,000,000 persons).
/// </summary>
internal sealed class PersonTimeline
{
    private DateOnly[] _employmentDates = [];
    private DateOnly[] _registrationDates = [];
    private DateOnly[] _assistanceDates = [];
    private DateOnly[] _trainingDates = [];
    private DateOnly? _leftLabourForceOn;

    public PersonTimeline(string idNumber) => IdNumber = idNumber;

    public string IdNumber { get; }

    public LedgerPerson? Person { get; set; }

    public List<UnemploymentRegistration> Registrations { get; } = [];

    public List<EmploymentRecord> Employments { get; } = [];

    public List<DifficultyIdentification> Identifications { get; } = [];

    public List<Assistance> Assistances { get; } = [];

    public List<TrainingReferral> TrainingReferrals { get; } = [];

    public IReadOnlyList<DateOnly> EmploymentDates => _employmentDates;

    /// <summary>A5.3.3: blank 劳动能力 and 就业意愿 count as 有; so does a person missing from 人员.</summary>
    public bool IsWillingAndAble => Person is null || (Person.HasWorkCapacity != false && Person.IsWillingToWork != false);

    /// <summary>The earliest deregistration or exit with a reason that leaves the labour force.</summary>
    public DateOnly? LeftLabourForceOn => _leftLabourForceOn;

    public static Dictionary<string, PersonTimeline> Build(CommunityLedger ledger)
    {
        var map = new Dictionary<string, PersonTimeline>(ledger.Persons.Count, StringComparer.Ordinal);
        PersonTimeline Of(string id)
        {
            if (!map.TryGetValue(id, out var timeline))
            {
                timeline = new PersonTimeline(id);
                map.Add(id, timeline);
            }

            return timeline;
        }

        foreach (var p in ledger.Persons)
        {
            Of(p.IdNumber).Person = p;
        }

        foreach (var r in ledger.UnemploymentRegistrations)
        {
            Of(r.IdNumber).Registrations.Add(r);
        }

        foreach (var e in ledger.Employments)
        {
            Of(e.IdNumber).Employments.Add(e);
        }

        foreach (var d in ledger.DifficultyIdentifications)
        {
            Of(d.IdNumber).Identifications.Add(d);
        }

        foreach (var a in ledger.Assistances)
        {
            Of(a.IdNumber).Assistances.Add(a);
        }

        foreach (var t in ledger.TrainingReferrals)
        {
            Of(t.IdNumber).TrainingReferrals.Add(t);
        }

        foreach (var w in ledger.EmploymentWishRegistrations)
        {
            Of(w.IdNumber);
        }

        foreach (var timeline in map.Values)
        {
            timeline.Seal();
        }

        return map;
    }

    /// <summary>
    /// "Employed at date t": an employment record dated ≤ t and no unemployment registration
    /// dated after that employment and ≤ t.
    /// </summary>
    public bool EmployedAt(DateOnly t)
    {
        var count = CountOnOrBefore(_employmentDates, t);
        if (count == 0)
        {
            return false;
        }

        // The latest employment ≤ t decides: a registration after it also follows every earlier one.
        var latest = _employmentDates[count - 1];
        return CountOnOrBefore(_registrationDates, t) == CountOnOrBefore(_registrationDates, latest);
    }

    /// <summary>Whether the person left the labour force on or before <paramref name="date"/>.</summary>
    public bool LeftLabourForceOnOrBefore(DateOnly date) => _leftLabourForceOn is { } left && left <= date;

    /// <summary>Within a registration spell on <paramref name="date"/>: registered on or before it, not deregistered by it.</summary>
    public bool RegisteredUnemployedOn(DateOnly date) =>
        Registrations.Exists(r => r.RegisteredOn <= date && (r.DeregisteredOn is not { } d || d > date));

    public bool HasAssistanceWithin(DateOnly from, DateOnly to) => HasDateWithin(_assistanceDates, from, to);

    public bool HasTrainingReferralWithin(DateOnly from, DateOnly to) => HasDateWithin(_trainingDates, from, to);

    public DateOnly? FirstAssistanceOnOrAfter(DateOnly date) => FirstOnOrAfter(_assistanceDates, date);

    public DateOnly? FirstEmploymentOnOrAfter(DateOnly date) => FirstOnOrAfter(_employmentDates, date);

    private void Seal()
    {
        _employmentDates = Sorted(Employments.Select(e => e.EmployedOn));
        _registrationDates = Sorted(Registrations.Select(r => r.RegisteredOn));
        _assistanceDates = Sorted(Assistances.Select(a => a.AssistedOn));
        _trainingDates = Sorted(TrainingReferrals.Select(t => t.ReferredOn));

        foreach (var r in Registrations)
        {
            if (r is { DeregisteredOn: { } on, DeregistrationReason: { } reason } && reason.LeavesLabourForce())
            {
                Earliest(on);
            }
        }

        foreach (var d in Identifications)
        {
            if (d is { EndedOn: { } on, EndReason: { } reason } && reason.LeavesLabourForce())
            {
                Earliest(on);
            }
        }
    }

    private void Earliest(DateOnly date)
    {
        if (_leftLabourForceOn is not { } current || date < current)
        {
            _leftLabourForceOn = date;
        }
    }

    private static DateOnly[] Sorted(IEnumerable<DateOnly> dates)
    {
        var array = dates.ToArray();
        Array.Sort(array);
        return array;
    }

    /// <summary>Number of dates ≤ <paramref name="date"/> in a sorted array.</summary>
    private static int CountOnOrBefore(DateOnly[] sorted, DateOnly date) => Bound(sorted, date, inclusive: true);

    /// <summary>Number of dates before <paramref name="date"/> (inclusive: also equal to it) in a sorted array.</summary>
    private static int Bound(DateOnly[] sorted, DateOnly date, bool inclusive)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < date || (inclusive && sorted[mid] == date))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static DateOnly? FirstOnOrAfter(DateOnly[] sorted, DateOnly date)
    {
        var index = Bound(sorted, date, inclusive: false);
        return index < sorted.Length ? sorted[index] : null;
    }

    private static bool HasDateWithin(DateOnly[] sorted, DateOnly from, DateOnly to) =>
        FirstOnOrAfter(sorted, from) is { } first && first <= to;
}
