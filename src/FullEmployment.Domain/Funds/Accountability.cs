namespace FullEmployment.Domain.Funds;

/// <summary>Whom an accountability record holds to account (A14.2).</summary>
public enum AccountabilitySubject
{
    Person,
    Unit,
}

/// <summary>What the reviewer enters for an accountability record (问责, A14.2).</summary>
public sealed record AccountabilityInput(AccountabilitySubject SubjectKind, string Subject, string Measure, string Basis, DateOnly On);

/// <summary>
/// A14.2: an accountability (问责) record kept with the report whose funds were recovered: the person or unit, the measure
/// taken, its basis and its date. Recorded by an officer of the stage that decided the recovery; never changed.
/// </summary>
public sealed class AccountabilityRecord
{
    public const int SubjectLength = 200;
    public const int MeasureLength = 500;
    public const int BasisLength = 1000;

    internal AccountabilityRecord(Guid reportId, AccountabilityInput input, string actor, DateOnly today, DateTimeOffset now)
    {
        if (!Enum.IsDefined(input.SubjectKind))
        {
            throw new DomainException("问责对象应为个人或单位。", "A14.2");
        }

        if (input.On > today)
        {
            throw new DomainException("问责日期不能晚于今天。", "A14.2");
        }

        Id = Guid.NewGuid();
        ReportId = reportId;
        SubjectKind = input.SubjectKind;
        Subject = Text(input.Subject, SubjectLength, input.SubjectKind == AccountabilitySubject.Person ? "被问责人" : "被问责单位");
        Measure = Text(input.Measure, MeasureLength, "问责措施");
        Basis = Text(input.Basis, BasisLength, "问责依据");
        On = input.On;
        RecordedBy = actor;
        RecordedAt = now;
    }

    private AccountabilityRecord() { }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    public AccountabilitySubject SubjectKind { get; private set; }

    public string Subject { get; private set; } = string.Empty;

    public string Measure { get; private set; } = string.Empty;

    public string Basis { get; private set; } = string.Empty;

    public DateOnly On { get; private set; }

    public string RecordedBy { get; private set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; private set; }

    public static string SubjectKindName(AccountabilitySubject kind) => kind == AccountabilitySubject.Person ? "个人" : "单位";

    private static string Text(string? value, int length, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException($"请填写{what}。", "A14.2");
        }

        var trimmed = value.Trim();
        return trimmed.Length <= length ? trimmed : throw new DomainException($"{what}不得超过{length}个字。", "A14.2");
    }
}
