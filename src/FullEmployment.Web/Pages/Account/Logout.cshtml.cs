using FullEmployment.Application.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Account;

public sealed class LogoutModel(AccountSessions sessions) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await sessions.SignOutAsync(User.Identity?.Name, HttpContext.RequestAborted);
        return RedirectToPage("/Account/Login");
    }
}
