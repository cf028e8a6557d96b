using FullEmployment.Application.Common;
using FullEmployment.Application.Identity;
using FullEmployment.Application.Seeding;
using FullEmployment.Domain.Identity;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Admin.Users;

public sealed class CreateModel(UserAdministration users, ICurrentActor actor) : PageModel
{
    [BindProperty]
    public UserForm Form { get; set; } = new();

    public void OnGet()
    {
        actor.EnsureRole(Roles.SecurityAdmin);
        Form.ScopeCode = actor.ScopeCode ?? "";
        // A policy-compliant suggestion the admin may keep or overwrite; the account must change it at first login.
        Form.Password = DemoData.NewPassword();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        actor.EnsureRole(Roles.SecurityAdmin);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.TryAsync(async () =>
        {
            var user = await users.AddAsync(Form.ToNewUser(), cancellationToken: cancellationToken);
            TempData["Success"] = $"已创建账号“{user.UserName}”。请将初始密码告知本人，首次登录须修改密码。";
            return RedirectToPage("Details", new { userName = user.UserName });
        }) ?? Page();
    }
}
