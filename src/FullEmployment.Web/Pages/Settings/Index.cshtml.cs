using FullEmployment.Application.Common;
using FullEmployment.Domain.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Settings;

/// <summary>The province's rules: the working-day calendar and the score templates.</summary>
public sealed class IndexModel(ICurrentActor actor) : PageModel
{
    public void OnGet() => actor.EnsureRole(Roles.ProvinceOfficer);
}
