namespace FullEmployment.Domain.Ledgers;

/// <summary>
/// A dated ledger row of one community. Ledgers are event records, not status columns:
/// a person's situation at any date is derived from them.
/// </summary>
public abstract class LedgerRecord
{
    public long Id { get; init; }

    public int CommunityId { get; init; }

    /// <summary>When the row was first stored (A16 checks 3 and 4).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the row was last changed (A5.2.1 staleness).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>A new row's owner and first-stored instant in one go: what an import gives every row it reads.</summary>
    public LedgerStamp Stamp
    {
        init
        {
            CommunityId = value.CommunityId;
            CreatedAt = value.At;
            UpdatedAt = value.At;
        }
    }

    public abstract LedgerKind Kind { get; }

    /// <summary>The date the row is about, where it has one (A16 check 3: back-dating).</summary>
    public abstract DateOnly? RecordDate { get; }

    /// <summary>The ID number of the person the row is about (the household head's for a family), if any.</summary>
    public abstract string? PersonIdNumber { get; }

    /// <summary>A5.2.1: every required field present and valid.</summary>
    public abstract bool IsComplete();

    private protected static bool Has(string? text) => !string.IsNullOrWhiteSpace(text);

    private protected static bool Has(DateOnly date) => date != default;
}

/// <summary>The community a new ledger row belongs to and the instant it is stored.</summary>
public readonly record struct LedgerStamp(int CommunityId, DateTimeOffset At);

/// <summary>人员.</summary>
public sealed class LedgerPerson : LedgerRecord
{
    public required string IdNumber { get; init; }

    public required string Name { get; init; }

    public Gender? Gender { get; init; }

    public DateOnly? BirthDate { get; init; }

    public EducationLevel? Education { get; init; }

    public string? Phone { get; init; }

    public string? FamilyNumber { get; init; }

    public string? RelationToHead { get; init; }

    public string? HouseholdType { get; init; }

    /// <summary>劳动能力: null when blank, which counts as 有 (A5.3.3).</summary>
    public bool? HasWorkCapacity { get; init; }

    /// <summary>就业意愿: null when blank, which counts as 有 (A5.3.3).</summary>
    public bool? IsWillingToWork { get; init; }

    public string? Address { get; init; }

    public override LedgerKind Kind => LedgerKind.Person;

    public override DateOnly? RecordDate => null;

    public override string? PersonIdNumber => IdNumber;

    public override bool IsComplete() => Ledgers.IdNumber.IsValid(IdNumber) && Has(Name);
}

/// <summary>失业登记: one registered-unemployment spell.</summary>
public sealed class UnemploymentRegistration : LedgerRecord
{
    public required string IdNumber { get; init; }

    public DateOnly RegisteredOn { get; init; }

    public string? Reason { get; init; }

    public DateOnly? DeregisteredOn { get; init; }

    public LeaveReason? DeregistrationReason { get; init; }

    public override LedgerKind Kind => LedgerKind.UnemploymentRegistration;

    public override DateOnly? RecordDate => RegisteredOn;

    public override string? PersonIdNumber => IdNumber;

    public override bool IsComplete() => Ledgers.IdNumber.IsValid(IdNumber) && Has(RegisteredOn);
}

/// <summary>就业记录.</summary>
public sealed class EmploymentRecord : LedgerRecord
{
    public required string IdNumber { get; init; }

    public DateOnly EmployedOn { get; init; }

    public EmploymentForm Form { get; init; }

    public string? Employer { get; init; }

    public override LedgerKind Kind => LedgerKind.Employment;

    public override DateOnly? RecordDate => EmployedOn;

    public override string? PersonIdNumber => IdNumber;

    public override bool IsComplete() =>
        Ledgers.IdNumber.IsValid(IdNumber) && Has(EmployedOn) && LedgerLabels.EmploymentForms.IsDefined(Form);
}

/// <summary>就业困难人员认定.</summary>
public sealed class DifficultyIdentification : LedgerRecord
{
    public required string IdNumber { get; init; }

    public DateOnly IdentifiedOn { get; init; }

    public required string Category { get; init; }

    public DateOnly? EndedOn { get; init; }

    public LeaveReason? EndReason { get; init; }

    public override LedgerKind Kind => LedgerKind.DifficultyIdentification;

    public override DateOnly? RecordDate => IdentifiedOn;

    public override string? PersonIdNumber => IdNumber;

    public override bool IsComplete() => Ledgers.IdNumber.IsValid(IdNumber) && Has(IdentifiedOn) && Has(Category);
}

/// <summary>零就业家庭认定.</summary>
public sealed class ZeroEmploymentFamily : LedgerRecord
{
    public required string FamilyNumber { get; init; }

    public DateOnly IdentifiedOn { get; init; }

    public required string HeadIdNumber { get; init; }

    public override LedgerKind Kind => LedgerKind.ZeroEmploymentFamily;

    public override DateOnly? RecordDate => IdentifiedOn;

    public override string? PersonIdNumber => HeadIdNumber;

    public override bool IsComplete() => Has(FamilyNumber) && Has(IdentifiedOn) && Ledgers.IdNumber.IsValid(HeadIdNumber);
}

/// <summary>援助记录: one act of help to one person.</summary>
public sealed class Assistance : LedgerRecord
{
    public required string IdNumber { get; init; }

    public DateOnly AssistedOn { get; init; }

    public AssistanceKind AssistanceKind { get; init; }

    public string? Content { get; init; }

    public required string Handler { get; init; }

    public string? SystemRecordNumber { get; init; }

    public override LedgerKind Kind => LedgerKind.Assistance;

    public override DateOnly? RecordDate => AssistedOn;

    public override string? PersonIdNumber => IdNumber;

    public override bool IsComplete() =>
        Ledgers.IdNumber.IsValid(IdNumber) && Has(AssistedOn) && LedgerLabels.AssistanceKinds.IsDefined(AssistanceKind) && Has(Handler);
}

/// <summary>培训推荐.</summary>
public sealed class TrainingReferral : LedgerRecord
{
    public required string IdNumber { get; init; }

    public DateOnly ReferredOn { get; init; }

    public string? Programme { get; init; }

    public string? Provider { get; init; }

    public override LedgerKind Kind => LedgerKind.TrainingReferral;

    public override DateOnly? RecordDate => ReferredOn;

    public override string? PersonIdNumber => IdNumber;

    public override bool IsComplete() => Ledgers.IdNumber.IsValid(IdNumber) && Has(ReferredOn);
}

/// <summary>就业愿望登记 of a key-group member.</summary>
public sealed class EmploymentWishRegistration : LedgerRecord
{
    public required string IdNumber { get; init; }

    public DateOnly RegisteredOn { get; init; }

    public KeyGroupCategory Group { get; init; }

    public string? Intention { get; init; }

    public override LedgerKind Kind => LedgerKind.EmploymentWishRegistration;

    public override DateOnly? RecordDate => RegisteredOn;

    public override string? PersonIdNumber => IdNumber;

    public override bool IsComplete() =>
        Ledgers.IdNumber.IsValid(IdNumber) && Has(RegisteredOn) && LedgerLabels.KeyGroups.IsDefined(Group);
}

/// <summary>投诉.</summary>
public sealed class Complaint : LedgerRecord
{
    public DateOnly ComplainedOn { get; init; }

    public required string Subject { get; init; }

    public bool IsValid { get; init; }

    public string? Resolution { get; init; }

    public override LedgerKind Kind => LedgerKind.Complaint;

    public override DateOnly? RecordDate => ComplainedOn;

    public override string? PersonIdNumber => null;

    public override bool IsComplete() => Has(ComplainedOn) && Has(Subject);
}

/// <summary>工作人员 (A5.1.4).</summary>
public sealed class StaffMember : LedgerRecord
{
    public required string Name { get; init; }

    public string? IdNumber { get; init; }

    public EducationLevel Education { get; init; }

    public bool IsFullTime { get; init; }

    public DateOnly StartedOn { get; init; }

    public DateOnly? LeftOn { get; init; }

    public override LedgerKind Kind => LedgerKind.Staff;

    public override DateOnly? RecordDate => StartedOn;

    public override string? PersonIdNumber => IdNumber;

    public override bool IsComplete() => Has(Name) && LedgerLabels.EducationLevels.IsDefined(Education) && Has(StartedOn);
}

/// <summary>An in-memory snapshot of one community's ledger, the input of indicators and integrity checks.</summary>
public sealed class CommunityLedger
{
    public int CommunityId { get; init; }

    public IReadOnlyList<LedgerPerson> Persons { get; init; } = [];

    public IReadOnlyList<UnemploymentRegistration> UnemploymentRegistrations { get; init; } = [];

    public IReadOnlyList<EmploymentRecord> Employments { get; init; } = [];

    public IReadOnlyList<DifficultyIdentification> DifficultyIdentifications { get; init; } = [];

    public IReadOnlyList<ZeroEmploymentFamily> ZeroEmploymentFamilies { get; init; } = [];

    public IReadOnlyList<Assistance> Assistances { get; init; } = [];

    public IReadOnlyList<TrainingReferral> TrainingReferrals { get; init; } = [];

    public IReadOnlyList<EmploymentWishRegistration> EmploymentWishRegistrations { get; init; } = [];

    public IReadOnlyList<Complaint> Complaints { get; init; } = [];

    public IReadOnlyList<StaffMember> Staff { get; init; } = [];

    /// <summary>The rows of one kind.</summary>
    public IReadOnlyList<LedgerRecord> RecordsOf(LedgerKind kind) => kind switch
    {
        LedgerKind.Person => Persons,
        LedgerKind.UnemploymentRegistration => UnemploymentRegistrations,
        LedgerKind.Employment => Employments,
        LedgerKind.DifficultyIdentification => DifficultyIdentifications,
        LedgerKind.ZeroEmploymentFamily => ZeroEmploymentFamilies,
        LedgerKind.Assistance => Assistances,
        LedgerKind.TrainingReferral => TrainingReferrals,
        LedgerKind.EmploymentWishRegistration => EmploymentWishRegistrations,
        LedgerKind.Complaint => Complaints,
        LedgerKind.Staff => Staff,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
