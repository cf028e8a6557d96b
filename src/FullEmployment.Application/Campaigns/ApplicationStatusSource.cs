using FullEmployment.Application.Common;
using FullEmployment.Domain.Campaigns;

namespace FullEmployment.Application.Campaigns;

/// <summary>The community's latest application (A8) on its workbench, with the due date of its current step.</summary>
public sealed class ApplicationStatusSource(ApplicationQueries queries) : ICommunityStatusSource
{
    public async Task<IReadOnlyList<CommunityStatusLine>> ForCommunityAsync(string communityCode, CancellationToken cancellationToken)
    {
        var page = await queries.ListAsync(new ApplicationFilter(), new PageRequest(1, 50), cancellationToken);
        var latest = page.Items.Where(a => a.CommunityCode == communityCode).LastOrDefault();
        return latest is null ? []
            : [new CommunityStatusLine(10, $"申报：{latest.CampaignName}", latest.StateName, latest.DueOn, $"/Campaigns/Applications/{latest.Id}",
                latest.State is ApplicationState.Draft or ApplicationState.ReturnedToCommunity)];
    }
}
