using FullEmployment.Application.Common;
using FullEmployment.Domain;

namespace FullEmployment.Application.Funds;

/// <summary>The community's subsidy of the current year on its workbench (A12): its line once the year's list is confirmed.</summary>
public sealed class FundAllocationStatusSource(FundAllocations allocations, TimeProvider clock) : ICommunityStatusSource
{
    public async Task<IReadOnlyList<CommunityStatusLine>> ForCommunityAsync(string communityCode, CancellationToken cancellationToken)
    {
        var year = ChinaTime.Today(clock).Year;
        var rows = await allocations.ListAsync(cancellationToken);
        if (rows.FirstOrDefault(r => r.Year == year) is not { } row)
        {
            return [];
        }

        var line = await allocations.OwnLineAsync(year, cancellationToken);
        var state = line is null
            ? $"{row.StateName}，本社区未列入"
            : $"{line.LevelName} {line.Amount:N2}元，{row.StateName}{(row.DocumentNumber is null ? "" : $"（{row.DocumentNumber}）")}";
        return [new CommunityStatusLine(30, $"{year}年度补助资金", state, null, $"/Funds/Allocations/{year}", false)];
    }
}
