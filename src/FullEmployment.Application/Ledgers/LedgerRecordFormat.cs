using System.Globalization;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Application.Ledgers;

/// <summary>A record as the cells of its import sheet (docs/reference/ledger.md columns, Chinese labels), full or masked.</summary>
public static class LedgerRecordFormat
{
    /// <summary>The property holding each kind's own date, for sorting and date filters.</summary>
    internal static string? DateProperty(LedgerKind kind) => kind switch
    {
        LedgerKind.UnemploymentRegistration or LedgerKind.EmploymentWishRegistration => "RegisteredOn",
        LedgerKind.Employment => nameof(EmploymentRecord.EmployedOn),
        LedgerKind.DifficultyIdentification or LedgerKind.ZeroEmploymentFamily => "IdentifiedOn",
        LedgerKind.Assistance => nameof(Assistance.AssistedOn),
        LedgerKind.TrainingReferral => nameof(TrainingReferral.ReferredOn),
        LedgerKind.Complaint => nameof(Complaint.ComplainedOn),
        LedgerKind.Staff => nameof(StaffMember.StartedOn),
        _ => null,
    };

    /// <summary>Cells aligned with <see cref="LedgerKinds.Get"/>(kind).Columns; ID numbers, birth dates and phones masked when asked (docs/reference/design.md "Personal data").</summary>
    public static IReadOnlyList<string> Values(LedgerRecord record, bool masked)
    {
        ArgumentNullException.ThrowIfNull(record);
        var cells = Cells(record);
        var definition = LedgerKinds.Get(record.Kind);
        return [.. definition.Columns.Select(c =>
        {
            var value = cells.GetValueOrDefault(c.Name) ?? string.Empty;
            return masked ? Mask(c, value) : value;
        })];
    }

    /// <summary>
    /// A cell as lists, exports and the API show it. The mask hides digits 7–14 of an ID number, which are the birth
    /// date, so the birth date shows its year only: the full date would give the hidden digits back.
    /// </summary>
    public static string Mask(LedgerColumn column, string value)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(value);
        return column.Type is LedgerValueType.IdNumber or LedgerValueType.PersonReference ? IdNumber.Mask(value)
            : column.Name == LedgerKinds.Phone ? PhoneMask.Mask(value)
            : column.Name == LedgerKinds.BirthDate && value.Length >= 4 ? value[..4] + "年"
            : value;
    }

    /// <summary>Column name → cell text of a record, unmasked.</summary>
    public static Dictionary<string, string?> Cells(LedgerRecord record) => record switch
    {
        LedgerPerson p => new()
        {
            [LedgerKinds.IdNumber] = p.IdNumber,
            [LedgerKinds.Name] = p.Name,
            [LedgerKinds.Gender] = p.Gender?.ToLabel(),
            [LedgerKinds.BirthDate] = D(p.BirthDate),
            [LedgerKinds.Education] = p.Education?.ToLabel(),
            [LedgerKinds.Phone] = p.Phone,
            [LedgerKinds.FamilyNumber] = p.FamilyNumber,
            [LedgerKinds.RelationToHead] = p.RelationToHead,
            [LedgerKinds.HouseholdType] = p.HouseholdType,
            [LedgerKinds.WorkCapacity] = Has(p.HasWorkCapacity),
            [LedgerKinds.WillingToWork] = Has(p.IsWillingToWork),
            [LedgerKinds.Address] = p.Address,
        },
        UnemploymentRegistration r => new()
        {
            [LedgerKinds.IdNumber] = r.IdNumber,
            [LedgerKinds.RegisteredOn] = D(r.RegisteredOn),
            [LedgerKinds.UnemploymentReason] = r.Reason,
            [LedgerKinds.DeregisteredOn] = D(r.DeregisteredOn),
            [LedgerKinds.DeregistrationReason] = r.DeregistrationReason?.ToLabel(),
        },
        EmploymentRecord e => new()
        {
            [LedgerKinds.IdNumber] = e.IdNumber,
            [LedgerKinds.EmployedOn] = D(e.EmployedOn),
            [LedgerKinds.EmploymentForm] = e.Form.ToLabel(),
            [LedgerKinds.Employer] = e.Employer,
        },
        DifficultyIdentification d => new()
        {
            [LedgerKinds.IdNumber] = d.IdNumber,
            [LedgerKinds.IdentifiedOn] = D(d.IdentifiedOn),
            [LedgerKinds.DifficultyCategory] = d.Category,
            [LedgerKinds.EndedOn] = D(d.EndedOn),
            [LedgerKinds.EndReason] = d.EndReason is { } reason ? LedgerLabels.DifficultyExitReasons.Label(reason) : null,
        },
        ZeroEmploymentFamily f => new()
        {
            [LedgerKinds.FamilyNumber] = f.FamilyNumber,
            [LedgerKinds.IdentifiedOn] = D(f.IdentifiedOn),
            [LedgerKinds.HeadIdNumber] = f.HeadIdNumber,
        },
        Assistance a => new()
        {
            [LedgerKinds.IdNumber] = a.IdNumber,
            [LedgerKinds.AssistedOn] = D(a.AssistedOn),
            [LedgerKinds.AssistanceKind] = a.AssistanceKind.ToLabel(),
            [LedgerKinds.AssistanceContent] = a.Content,
            [LedgerKinds.Handler] = a.Handler,
            [LedgerKinds.SystemRecordNumber] = a.SystemRecordNumber,
        },
        TrainingReferral t => new()
        {
            [LedgerKinds.IdNumber] = t.IdNumber,
            [LedgerKinds.ReferredOn] = D(t.ReferredOn),
            [LedgerKinds.TrainingProgramme] = t.Programme,
            [LedgerKinds.TrainingProvider] = t.Provider,
        },
        EmploymentWishRegistration w => new()
        {
            [LedgerKinds.IdNumber] = w.IdNumber,
            [LedgerKinds.RegisteredOn] = D(w.RegisteredOn),
            [LedgerKinds.KeyGroup] = w.Group.ToLabel(),
            [LedgerKinds.Intention] = w.Intention,
        },
        Complaint c => new()
        {
            [LedgerKinds.ComplainedOn] = D(c.ComplainedOn),
            [LedgerKinds.ComplaintSubject] = c.Subject,
            [LedgerKinds.IsValid] = c.IsValid ? "是" : "否",
            [LedgerKinds.Resolution] = c.Resolution,
        },
        StaffMember s => new()
        {
            [LedgerKinds.Name] = s.Name,
            [LedgerKinds.IdNumber] = s.IdNumber,
            [LedgerKinds.Education] = s.Education.ToLabel(),
            [LedgerKinds.IsFullTime] = s.IsFullTime ? "是" : "否",
            [LedgerKinds.StartedOn] = D(s.StartedOn),
            [LedgerKinds.LeftOn] = D(s.LeftOn),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(record)),
    };

    private static string? D(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Has(bool? value) => value switch { true => "有", false => "无", null => null };
}
