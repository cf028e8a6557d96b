namespace FullEmployment.Domain.Campaigns;

/// <summary>The outcome of the A4.2 check for a new campaign's creation year; carries the override reason when one was needed.</summary>
public sealed class CycleCheck
{
    private CycleCheck(int creationYear, string? overrideReason)
    {
        CreationYear = creationYear;
        OverrideReason = overrideReason;
    }

    public int CreationYear { get; }

    public string? OverrideReason { get; }

    /// <summary>For municipal and national campaigns, which A4.2 does not limit.</summary>
    public static CycleCheck NotApplicable(int creationYear) => new(creationYear, null);

    internal static CycleCheck Passed(int creationYear, string? overrideReason) => new(creationYear, overrideReason);
}

/// <summary>
/// A4.2: provincial creation runs once every two years. [I] A two-year cycle is any two consecutive years, so a
/// provincial campaign is refused when another one exists in the same year or the year before or after,
/// unless the province records an override reason.
/// </summary>
public static class ProvincialCycle
{
    public const int CycleYears = 2;

    public static CycleCheck Check(int creationYear, IEnumerable<int> existingProvincialCampaignYears, string? overrideReason)
    {
        ArgumentNullException.ThrowIfNull(existingProvincialCampaignYears);
        var clash = existingProvincialCampaignYears.Where(y => Math.Abs(y - creationYear) < CycleYears).Order().ToList();
        if (clash.Count == 0)
        {
            return CycleCheck.Passed(creationYear, null);
        }

        if (string.IsNullOrWhiteSpace(overrideReason))
        {
            throw new DomainException(
                $"省级充分就业社区每两年创建一次，{string.Join("、", clash)}年已有省级创建批次；如确需再次创建，须由省人社厅填写理由。", "A4.2");
        }

        return CycleCheck.Passed(creationYear, overrideReason.Trim());
    }
}
