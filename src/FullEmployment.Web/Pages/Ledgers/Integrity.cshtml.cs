using FullEmployment.Application.Common;
using FullEmployment.Application.Ledgers;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Pages.Ledgers;

/// <summary>The A16 checks on one community's ledger; for province officers also the province-wide duplicate ID numbers.</summary>
public sealed class IntegrityModel(IntegrityQueries integrity, IndicatorQueries indicators, LedgerAccess access, ICurrentActor actor)
    : LedgerPageBase(access, actor)
{
    [BindProperty(SupportsGet = true)] public DateOnly? On { get; set; }

    public DateOnly ReferenceDate { get; private set; }

    public IReadOnlyList<IntegrityFinding> Findings { get; private set; } = [];

    /// <summary>Null unless the caller is a province officer.</summary>
    public IReadOnlyList<DuplicatePerson>? Duplicates { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken cancellationToken)
    {
        await LoadCommunityAsync(code, cancellationToken);
        ReferenceDate = On ?? indicators.Today;
        Findings = await integrity.CheckAsync(code, ReferenceDate, cancellationToken: cancellationToken);
        if (Actor.IsInRole(Roles.ProvinceOfficer))
        {
            Duplicates = await integrity.DuplicatesAsync(ReferenceDate, cancellationToken);
        }
    }
}
