using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Data;
using FullEmployment.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditTrail audit, AppDbContext db) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "请输入用户名")]
        [Display(Name = "用户名")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "请输入密码")]
        [DataType(DataType.Password)]
        [Display(Name = "密码")]
        public string Password { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByNameAsync(Input.UserName.Trim());
        if (user is { IsDisabled: true })
        {
            await AuditAsync("login.failed", "账号已停用");
            ModelState.AddModelError("", "该账号已停用，请联系安全管理员。");
            return Page();
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await AuditAsync("login", null);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            await AuditAsync("login.locked-out", "连续失败次数过多");
            ModelState.AddModelError("", "密码连续错误5次，账号已锁定15分钟，请稍后再试或联系安全管理员解锁。");
            return Page();
        }

        await AuditAsync("login.failed", "用户名或密码错误");
        ModelState.AddModelError("", "用户名或密码错误。");
        return Page();
    }

    private async Task AuditAsync(string action, string? reason)
    {
        audit.Record(action, "user", Input.UserName.Trim(), null, after: reason is null ? null : new { reason });
        await db.SaveChangesAsync(HttpContext.RequestAborted);
    }
}
