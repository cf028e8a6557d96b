namespace FullEmployment.Domain.Campaigns;

/// <summary>
/// The deadline of the stage an application or list is at (A8; China date, inclusive to 24:00). Until it ends the stage is
/// its own officer's: the community applies (A8.1), the county reviews and returns or rejects before its deadline (A8.2), the
/// city evaluates and sends up (A8.3), the province reviews (A8.4). Only after it may the campaign's organiser act in the
/// stage's place, and only with a recorded reason.
/// </summary>
public sealed record StageDeadline(string Stage, DateOnly Date)
{
    public bool HasPassed(DateTimeOffset now) => now >= ChinaTime.EndOf(Date);

    /// <summary>
    /// A8: why acting with an override reason (in the stage's place) is refused at <paramref name="now"/>, or null once the
    /// deadline has passed and the organiser may act.
    /// </summary>
    public string? OverrideRefusal(Campaign campaign, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return HasPassed(now)
            ? null
            : $"{Stage}截止日期为{ChinaTime.Format(Date)}，截止前由本环节的部门办理；{campaign.OverriderName}只能在截止日期过后填写延期理由代为办理。";
    }

    /// <summary>A8: acting after the deadline needs the organiser's recorded reason.</summary>
    public void EnsureInTime(Campaign campaign, DateTimeOffset now, string? overrideReason)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (HasPassed(now) && string.IsNullOrWhiteSpace(overrideReason))
        {
            throw new DomainException(
                $"已超过{Stage}截止日期（{ChinaTime.Format(Date)}24时），须由{campaign.OverriderName}填写延期理由后方可办理。", "A8");
        }
    }
}
