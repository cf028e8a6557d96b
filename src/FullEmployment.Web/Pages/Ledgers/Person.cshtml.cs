using FullEmployment.Application.Common;
using FullEmployment.Application.Ledgers;

namespace FullEmployment.Web.Pages.Ledgers;

/// <summary>One person's dated history across the ledger kinds.</summary>
public sealed class PersonModel(LedgerQueries queries, LedgerAccess access, ICurrentActor actor) : LedgerPageBase(access, actor)
{
    public PersonTimelineView Timeline { get; private set; } = null!;

    public async Task OnGetAsync(string code, long id, CancellationToken cancellationToken)
    {
        await LoadCommunityAsync(code, cancellationToken);
        Timeline = await queries.TimelineAsync(code, id, cancellationToken);
    }
}
