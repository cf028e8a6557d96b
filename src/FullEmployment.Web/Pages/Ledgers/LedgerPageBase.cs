using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Ledgers;

/// <summary>
/// A page about one community's ledger: resolves the community through <see cref="LedgerAccess"/>,
/// which refuses other roles (403) and hides communities outside the caller's scope (404).
/// </summary>
public abstract class LedgerPageBase(AppDbContext db, ICurrentActor actor) : PageModel
{
    public Community Community { get; private set; } = null!;

    public bool MayWrite { get; private set; }

    public bool IsOfficer => actor.IsInRole(Roles.ProvinceOfficer, Roles.CityOfficer, Roles.CountyOfficer);

    protected ICurrentActor Actor => actor;

    /// <summary>A kind from the URL; an unknown one (/Kind/Foo) is a missing page, not an error.</summary>
    protected static LedgerKind Known(LedgerKind kind) =>
        Enum.IsDefined(kind) ? kind : throw new NotFoundException("没有这种台账。");

    public Crumb[] Crumbs(params Crumb[] more) => LedgerDisplay.Crumbs(Community, IsOfficer, more);

    /// <summary>Loads the community; with <paramref name="writable"/> refuses (403) callers who may only read it.</summary>
    protected async Task LoadCommunityAsync(string code, CancellationToken cancellationToken, bool writable = false)
    {
        var access = new LedgerAccess(db, actor);
        Community = writable ? await access.WritableAsync(code, cancellationToken) : await access.ReadableAsync(code, cancellationToken);
        MayWrite = access.MayWrite(Community);
    }
}
