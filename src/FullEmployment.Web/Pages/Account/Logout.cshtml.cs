using FullEmployment.Application.Audit;
using FullEmployment.Application.Data;
using FullEmployment.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<AppUser> signIn, AuditTrail audit, AppDbContext db) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        audit.Record("logout", "user", User.Identity?.Name);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
