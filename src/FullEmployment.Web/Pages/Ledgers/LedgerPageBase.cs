using FullEmployment.Application.Common;
using FullEmployment.Application.Ledgers;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Ledgers;

/// <summary>
/// A page about one community's ledger: resolves the community through <see cref="LedgerAccess"/>,
/// which refuses other roles (403) and hides communities outside the caller's scope (404).
/// </summary>
public abstract class LedgerPageBase(LedgerAccess access, ICurrentActor actor) : PageModel
{
    public LedgerCommunity Community { get; private set; } = null!;

    public bool MayWrite => Community.MayWrite;

    public bool IsOfficer => actor.IsInRole(Roles.ProvinceOfficer, Roles.CityOfficer, Roles.CountyOfficer);

    protected ICurrentActor Actor => actor;

    /// <summary>A kind from the URL; an unknown one (/Kind/Foo) is a missing page, not an error.</summary>
    protected static LedgerKind Known(LedgerKind kind) =>
        Enum.IsDefined(kind) ? kind : throw new NotFoundException("没有这种台账。");

    public Crumb[] Crumbs(params Crumb[] more) => LedgerDisplay.Crumbs(Community, IsOfficer, more);

    /// <summary>Loads the community; with <paramref name="writable"/> refuses (403) callers who may only read it.</summary>
    protected async Task LoadCommunityAsync(string code, CancellationToken cancellationToken, bool writable = false)
    {
        Community = await access.OpenAsync(code, writable, cancellationToken);
    }
}
