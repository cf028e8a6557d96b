using System.Globalization;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.UnitTests.Ledgers;

/// <summary>Valid GB 11643 ID numbers for tests.</summary>
internal static class TestIds
{
    /// <summary>An ID born <paramref name="birth"/> (yyyyMMdd); odd <paramref name="sequence"/> = 男.</summary>
    public static string Make(int sequence, string birth = "19900101", string region = "620102")
    {
        var first17 = region + birth + sequence.ToString("000", CultureInfo.InvariantCulture);
        return first17 + IdNumber.CheckCharacter(first17);
    }

    public static string Person(int n) => Make(n);
}

/// <summary>Builds a small hand-made ledger for one community.</summary>
internal sealed class LedgerBuilder
{
    public static readonly DateTimeOffset Stamp = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<LedgerPerson> _persons = [];
    private readonly List<UnemploymentRegistration> _registrations = [];
    private readonly List<EmploymentRecord> _employments = [];
    private readonly List<DifficultyIdentification> _difficulties = [];
    private readonly List<ZeroEmploymentFamily> _families = [];
    private readonly List<Assistance> _assistances = [];
    private readonly List<TrainingReferral> _trainings = [];
    private readonly List<EmploymentWishRegistration> _wishes = [];
    private readonly List<Complaint> _complaints = [];
    private readonly List<StaffMember> _staff = [];

    public int CommunityId { get; init; } = 1;

    public static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public LedgerBuilder Person(string id, bool? capacity = null, bool? willing = null, string? family = null)
    {
        _persons.RemoveAll(p => p.IdNumber == id);
        _persons.Add(new LedgerPerson
        {
            IdNumber = id,
            Name = "测试",
            HasWorkCapacity = capacity,
            IsWillingToWork = willing,
            FamilyNumber = family,
            CommunityId = CommunityId,
            CreatedAt = Stamp,
            UpdatedAt = Stamp,
        });
        return this;
    }

    public LedgerBuilder Registered(string id, string on, string? deregisteredOn = null, LeaveReason? reason = null, DateTimeOffset? createdAt = null)
    {
        Ensure(id);
        _registrations.Add(new UnemploymentRegistration
        {
            IdNumber = id,
            RegisteredOn = D(on),
            DeregisteredOn = deregisteredOn is null ? null : D(deregisteredOn),
            DeregistrationReason = reason,
            CommunityId = CommunityId,
            CreatedAt = createdAt ?? Stamp,
            UpdatedAt = createdAt ?? Stamp,
        });
        return this;
    }

    public LedgerBuilder Employed(string id, string on, DateTimeOffset? createdAt = null)
    {
        Ensure(id);
        _employments.Add(new EmploymentRecord
        {
            IdNumber = id,
            EmployedOn = D(on),
            Form = EmploymentForm.Employer,
            CommunityId = CommunityId,
            CreatedAt = createdAt ?? Stamp,
            UpdatedAt = createdAt ?? Stamp,
        });
        return this;
    }

    public LedgerBuilder Difficulty(string id, string on, string? endedOn = null, LeaveReason? reason = null)
    {
        Ensure(id);
        _difficulties.Add(new DifficultyIdentification
        {
            IdNumber = id,
            IdentifiedOn = D(on),
            Category = "长期失业人员",
            EndedOn = endedOn is null ? null : D(endedOn),
            EndReason = reason,
            CommunityId = CommunityId,
            CreatedAt = Stamp,
            UpdatedAt = Stamp,
        });
        return this;
    }

    public LedgerBuilder Family(string familyNumber, string on, string headId)
    {
        Ensure(headId);
        _families.Add(new ZeroEmploymentFamily
        {
            FamilyNumber = familyNumber,
            IdentifiedOn = D(on),
            HeadIdNumber = headId,
            CommunityId = CommunityId,
            CreatedAt = Stamp,
            UpdatedAt = Stamp,
        });
        return this;
    }

    public LedgerBuilder Assisted(string id, params string[] dates)
    {
        Ensure(id);
        foreach (var on in dates)
        {
            _assistances.Add(new Assistance
            {
                IdNumber = id,
                AssistedOn = D(on),
                AssistanceKind = AssistanceKind.FollowUpVisit,
                Handler = "李四",
                CommunityId = CommunityId,
                CreatedAt = Stamp,
                UpdatedAt = Stamp,
            });
        }

        return this;
    }

    public LedgerBuilder Training(string id, string on)
    {
        Ensure(id);
        _trainings.Add(new TrainingReferral { IdNumber = id, ReferredOn = D(on), CommunityId = CommunityId, CreatedAt = Stamp, UpdatedAt = Stamp });
        return this;
    }

    public LedgerBuilder Wish(string id, string on)
    {
        Ensure(id);
        _wishes.Add(new EmploymentWishRegistration
        {
            IdNumber = id,
            RegisteredOn = D(on),
            Group = KeyGroupCategory.Graduate,
            CommunityId = CommunityId,
            CreatedAt = Stamp,
            UpdatedAt = Stamp,
        });
        return this;
    }

    public LedgerBuilder Complaint(string on, bool valid)
    {
        _complaints.Add(new Complaint { ComplainedOn = D(on), Subject = "事项" + _complaints.Count, IsValid = valid, CommunityId = CommunityId });
        return this;
    }

    public LedgerBuilder Staff(string name, EducationLevel education, bool fullTime, string startedOn, string? leftOn = null)
    {
        _staff.Add(new StaffMember
        {
            Name = name,
            Education = education,
            IsFullTime = fullTime,
            StartedOn = D(startedOn),
            LeftOn = leftOn is null ? null : D(leftOn),
            CommunityId = CommunityId,
        });
        return this;
    }

    public CommunityLedger Build() => new()
    {
        CommunityId = CommunityId,
        Persons = _persons,
        UnemploymentRegistrations = _registrations,
        Employments = _employments,
        DifficultyIdentifications = _difficulties,
        ZeroEmploymentFamilies = _families,
        Assistances = _assistances,
        TrainingReferrals = _trainings,
        EmploymentWishRegistrations = _wishes,
        Complaints = _complaints,
        Staff = _staff,
    };

    private void Ensure(string id)
    {
        if (!_persons.Exists(p => p.IdNumber == id))
        {
            Person(id);
        }
    }
}
