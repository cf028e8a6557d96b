using FullEmployment.Domain.Communities;

namespace FullEmployment.Domain.Funds;

/// <summary>
/// A12.1, A12.2, A14.2: the year's allocation list, the one place it is computed (docs/reference/funds.md).
/// </summary>
public static class FundAllocationRule
{
    /// <summary>
    /// One line per community holding a title in force on the allocation date, at its highest level (national &gt; provincial =
    /// legacy provincial star &gt; municipal), with the settings' amount for it. A title granted on the allocation date counts;
    /// one ended on it does not (<see cref="Title.IsInForceOn"/>). No line for a community dissolved or merged on or before
    /// the date, nor for one excluded after a recovery.
    /// </summary>
    public static IReadOnlyList<FundAllocationLine> Compute(FundSettings settings, IEnumerable<Community> communities,
        IEnumerable<FundExclusion> exclusions)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(communities);
        ArgumentNullException.ThrowIfNull(exclusions);
        var date = settings.AllocationDate;
        var excluded = exclusions.ToList();
        var lines = new List<FundAllocationLine>();
        foreach (var community in communities.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            if (DissolvedOrMergedOn(community) <= date || excluded.Any(e => e.Excludes(community.Code, settings.Year, date)))
            {
                continue;
            }

            // A12.2: the highest level only, no double subsidy.
            if (community.HighestTitleOn(date) is not { } title)
            {
                continue;
            }

            lines.Add(new FundAllocationLine(community.Code, community.Name, community.CityCode, community.CountyCode, title.Level, title.Id,
                title.DocumentNumber, title.GrantedOn, settings.AmountFor(title.Level)));
        }

        return lines;
    }

    /// <summary>
    /// A11.2, A11.3: when a community that no longer exists ceased: its titles end on the civil-affairs decision date
    /// (<see cref="Community.Dissolve"/>, <see cref="Community.MergeInto"/>). One that held no title then has no known date
    /// and counts as gone for every allocation. Null for a community that exists (a merger's successor included).
    /// </summary>
    public static DateOnly? DissolvedOrMergedOn(Community community)
    {
        ArgumentNullException.ThrowIfNull(community);
        if (community.Status == CommunityStatus.Active)
        {
            return null;
        }

        var ends = community.Titles.Where(t => t.EndReason is TitleEndReason.Dissolution or TitleEndReason.Merger && t.EndedOn is not null)
            .Select(t => t.EndedOn!.Value).ToList();
        return ends.Count == 0 ? DateOnly.MinValue : ends.Max();
    }
}
