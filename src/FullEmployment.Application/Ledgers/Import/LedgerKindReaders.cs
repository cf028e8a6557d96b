using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Application.Ledgers.Import;

/// <summary>
/// One reader per ledger kind (docs/reference/ledger.md, "The ten kinds"): which cell fills which field, and the
/// kind's own cross-field rules. Cell parsing, errors and the stamp are <see cref="SheetRowReader"/>'s.
/// </summary>
internal static class LedgerKindReaders
{
    /// <summary>The reader of a kind, chosen once per sheet.</summary>
    public static Func<SheetRowReader, LedgerRecord> For(LedgerKind kind) => kind switch
    {
        LedgerKind.Person => Person,
        LedgerKind.UnemploymentRegistration => UnemploymentRegistration,
        LedgerKind.Employment => Employment,
        LedgerKind.DifficultyIdentification => DifficultyIdentification,
        LedgerKind.ZeroEmploymentFamily => ZeroEmploymentFamily,
        LedgerKind.Assistance => Assistance,
        LedgerKind.TrainingReferral => TrainingReferral,
        LedgerKind.EmploymentWishRegistration => EmploymentWishRegistration,
        LedgerKind.Complaint => Complaint,
        LedgerKind.Staff => Staff,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static LedgerPerson Person(SheetRowReader r)
    {
        var id = r.Id(LedgerKinds.IdNumber);
        var gender = r.Choice(LedgerKinds.Gender, LedgerLabels.Genders);
        var birthDate = r.Date(LedgerKinds.BirthDate);
        if (id is not null && IdNumber.TryParse(id, out var parsed))
        {
            // docs/reference/ledger.md: gender and birth date, when given, must agree with the ID number.
            if (gender is { } g && g != parsed!.Gender)
            {
                r.Error(LedgerKinds.Gender, "性别与身份证号不符");
            }

            if (birthDate is { } b && b != parsed!.BirthDate)
            {
                r.Error(LedgerKinds.BirthDate, "出生日期与身份证号不符");
            }
        }

        return new LedgerPerson
        {
            IdNumber = id ?? string.Empty,
            Name = r.String(LedgerKinds.Name) ?? string.Empty,
            Gender = gender,
            BirthDate = birthDate,
            Education = r.Choice(LedgerKinds.Education, LedgerLabels.EducationLevels),
            Phone = r.String(LedgerKinds.Phone),
            FamilyNumber = r.String(LedgerKinds.FamilyNumber),
            RelationToHead = r.String(LedgerKinds.RelationToHead),
            HouseholdType = r.String(LedgerKinds.HouseholdType),
            HasWorkCapacity = r.Flag(LedgerKinds.WorkCapacity, "有"),
            IsWillingToWork = r.Flag(LedgerKinds.WillingToWork, "有"),
            Address = r.String(LedgerKinds.Address),
            Stamp = r.Stamp,
        };
    }

    private static UnemploymentRegistration UnemploymentRegistration(SheetRowReader r)
    {
        var registeredOn = r.Date(LedgerKinds.RegisteredOn);
        var deregisteredOn = r.Date(LedgerKinds.DeregisteredOn);
        var reason = r.Choice(LedgerKinds.DeregistrationReason, LedgerLabels.DeregistrationReasons);
        r.EndPair(registeredOn, LedgerKinds.DeregisteredOn, deregisteredOn, LedgerKinds.DeregistrationReason, "注销日期早于登记日期");
        return new UnemploymentRegistration
        {
            IdNumber = r.Id(LedgerKinds.IdNumber) ?? string.Empty,
            RegisteredOn = registeredOn ?? default,
            Reason = r.String(LedgerKinds.UnemploymentReason),
            DeregisteredOn = deregisteredOn,
            DeregistrationReason = reason,
            Stamp = r.Stamp,
        };
    }

    private static EmploymentRecord Employment(SheetRowReader r) => new()
    {
        IdNumber = r.Id(LedgerKinds.IdNumber) ?? string.Empty,
        EmployedOn = r.Date(LedgerKinds.EmployedOn) ?? default,
        Form = r.Choice(LedgerKinds.EmploymentForm, LedgerLabels.EmploymentForms) ?? default,
        Employer = r.String(LedgerKinds.Employer),
        Stamp = r.Stamp,
    };

    private static DifficultyIdentification DifficultyIdentification(SheetRowReader r)
    {
        var identifiedOn = r.Date(LedgerKinds.IdentifiedOn);
        var endedOn = r.Date(LedgerKinds.EndedOn);
        var reason = r.Choice(LedgerKinds.EndReason, LedgerLabels.DifficultyExitReasons);
        r.EndPair(identifiedOn, LedgerKinds.EndedOn, endedOn, LedgerKinds.EndReason, "退出日期早于认定日期");
        return new DifficultyIdentification
        {
            IdNumber = r.Id(LedgerKinds.IdNumber) ?? string.Empty,
            IdentifiedOn = identifiedOn ?? default,
            Category = r.String(LedgerKinds.DifficultyCategory) ?? string.Empty,
            EndedOn = endedOn,
            EndReason = reason,
            Stamp = r.Stamp,
        };
    }

    private static ZeroEmploymentFamily ZeroEmploymentFamily(SheetRowReader r) => new()
    {
        FamilyNumber = r.String(LedgerKinds.FamilyNumber) ?? string.Empty,
        IdentifiedOn = r.Date(LedgerKinds.IdentifiedOn) ?? default,
        HeadIdNumber = r.Id(LedgerKinds.HeadIdNumber) ?? string.Empty,
        Stamp = r.Stamp,
    };

    private static Assistance Assistance(SheetRowReader r) => new()
    {
        IdNumber = r.Id(LedgerKinds.IdNumber) ?? string.Empty,
        AssistedOn = r.Date(LedgerKinds.AssistedOn) ?? default,
        AssistanceKind = r.Choice(LedgerKinds.AssistanceKind, LedgerLabels.AssistanceKinds) ?? default,
        Content = r.String(LedgerKinds.AssistanceContent),
        Handler = r.String(LedgerKinds.Handler) ?? string.Empty,
        SystemRecordNumber = r.String(LedgerKinds.SystemRecordNumber),
        Stamp = r.Stamp,
    };

    private static TrainingReferral TrainingReferral(SheetRowReader r) => new()
    {
        IdNumber = r.Id(LedgerKinds.IdNumber) ?? string.Empty,
        ReferredOn = r.Date(LedgerKinds.ReferredOn) ?? default,
        Programme = r.String(LedgerKinds.TrainingProgramme),
        Provider = r.String(LedgerKinds.TrainingProvider),
        Stamp = r.Stamp,
    };

    private static EmploymentWishRegistration EmploymentWishRegistration(SheetRowReader r) => new()
    {
        IdNumber = r.Id(LedgerKinds.IdNumber) ?? string.Empty,
        RegisteredOn = r.Date(LedgerKinds.RegisteredOn) ?? default,
        Group = r.Choice(LedgerKinds.KeyGroup, LedgerLabels.KeyGroups) ?? default,
        Intention = r.String(LedgerKinds.Intention),
        Stamp = r.Stamp,
    };

    private static Complaint Complaint(SheetRowReader r) => new()
    {
        ComplainedOn = r.Date(LedgerKinds.ComplainedOn) ?? default,
        Subject = r.String(LedgerKinds.ComplaintSubject) ?? string.Empty,
        IsValid = r.Flag(LedgerKinds.IsValid, "是") ?? false,
        Resolution = r.String(LedgerKinds.Resolution),
        Stamp = r.Stamp,
    };

    private static StaffMember Staff(SheetRowReader r)
    {
        var startedOn = r.Date(LedgerKinds.StartedOn);
        var leftOn = r.Date(LedgerKinds.LeftOn);
        if (startedOn is { } s && leftOn is { } l && l < s)
        {
            r.Error(LedgerKinds.LeftOn, "离岗日期早于到岗日期");
        }

        return new StaffMember
        {
            Name = r.String(LedgerKinds.Name) ?? string.Empty,
            IdNumber = r.Id(LedgerKinds.IdNumber),
            Education = r.Choice(LedgerKinds.Education, LedgerLabels.EducationLevels) ?? default,
            IsFullTime = r.Flag(LedgerKinds.IsFullTime, "是") ?? false,
            StartedOn = startedOn ?? default,
            LeftOn = leftOn,
            Stamp = r.Stamp,
        };
    }
}
