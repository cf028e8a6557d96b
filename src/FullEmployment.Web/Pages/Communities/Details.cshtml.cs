using FullEmployment.Application.Communities;
using FullEmployment.Domain.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Communities;

public sealed class DetailsModel(CommunityRegistry registry) : PageModel
{
    public CommunityView Community { get; private set; } = null!;
    public string? RevealedPhone { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Community = await registry.ViewAsync(code, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevealPhoneAsync(string code, CancellationToken cancellationToken)
    {
        var phone = await registry.RevealContactPhoneAsync(code, cancellationToken);
        await OnGetAsync(code, cancellationToken);
        RevealedPhone = phone;
        return Page();
    }

    /// <summary>The roles that may read a community's ledger (LedgerAccess checks the scope on the ledger pages).</summary>
    public bool MayReadLedger => new[] { Roles.ProvinceOfficer, Roles.CityOfficer, Roles.CountyOfficer, Roles.CommunityStaff }.Any(User.IsInRole);
}
