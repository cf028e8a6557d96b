namespace FullEmployment.Application.Common;

/// <summary>
/// One line of a community's own workbench: where one of its matters stands (application, re-inspection, subsidy, fund report …),
/// with its due date and whether the community has to act.
/// </summary>
public sealed record CommunityStatusLine(int Order, string Subject, string State, DateOnly? DueOn, string? Url, bool NeedsAction);

/// <summary>A feature that reports its matter on the community-staff workbench; each feature registers its own (like <see cref="ITodoSource"/>).</summary>
public interface ICommunityStatusSource
{
    /// <summary>The lines for the community the actor (community staff) is bound to; none when the matter does not exist yet.</summary>
    Task<IReadOnlyList<CommunityStatusLine>> ForCommunityAsync(string communityCode, CancellationToken cancellationToken);
}
