using FullEmployment.Application.Common;
using FullEmployment.Application.Communities;
using FullEmployment.Application.Regions;
using FullEmployment.Domain;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Communities;

public sealed class DetailsModel(CommunityRegistry registry, RegionDirectory regions, TimeProvider clock) : PageModel
{
    public Community Community { get; private set; } = null!;
    public string RegionName { get; private set; } = "";
    public bool MayEdit { get; private set; }
    public IReadOnlyList<TitleLevel> GrantableLevels { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string? RevealedPhone { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Community = await registry.GetAsync(code, cancellationToken);
        var names = (await regions.ListAsync(cancellationToken)).ToDictionary(r => r.Code, r => r.Name);
        RegionName = names[Community.CityCode] + (Community.CountyCode is { } county ? " " + names[county] : "（市直属）");
        MayEdit = registry.MayMaintain(Community.CityCode, Community.CountyCode);
        GrantableLevels = Enum.GetValues<TitleLevel>().Where(l => registry.MayManageTitle(Community, l)).Reverse().ToList();
        Today = ChinaTime.Today(clock);
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

    public bool MayEnd(Title title) => title.EndedOn is null && registry.MayManageTitle(Community, title.Level);
}
