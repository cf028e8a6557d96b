using FullEmployment.Application.Common;

namespace FullEmployment.Application.Supervision;

/// <summary>The community's records in the latest re-inspection round (A9) on its workbench, with their rectification due dates.</summary>
public sealed class ReinspectionStatusSource(Reinspections reinspections) : ICommunityStatusSource
{
    public async Task<IReadOnlyList<CommunityStatusLine>> ForCommunityAsync(string communityCode, CancellationToken cancellationToken)
    {
        var rounds = await reinspections.ListRoundsAsync(cancellationToken);
        if (rounds.Count == 0)
        {
            return [];
        }

        var records = await reinspections.RecordsAsync(rounds[0].Id, null, cancellationToken);
        return records.Where(r => r.CommunityCode == communityCode)
            .Select(r => new CommunityStatusLine(20, $"{rounds[0].Name}（{r.LevelName}称号）", r.StateName + (r.Overdue ? "，已逾期" : ""),
                r.DueDate ?? rounds[0].CityDeadline, $"/Supervision/Reinspections/Record/{r.Id}", r.State == Reinspections.StateApiName(Domain.Supervision.ReinspectionState.Rectifying)))
            .ToList();
    }
}
