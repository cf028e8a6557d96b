using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Data;
using FullEmployment.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Account;

public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditTrail audit, AppDbContext db) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public bool MustChange { get; private set; }

    public sealed class ChangePasswordInput
    {
        [Required(ErrorMessage = "请输入原密码")]
        [DataType(DataType.Password)]
        [Display(Name = "原密码")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "请输入新密码")]
        [DataType(DataType.Password)]
        [Display(Name = "新密码")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "请再次输入新密码")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致")]
        [Display(Name = "确认新密码")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet() => MustChange = User.HasClaim(Infrastructure.FeClaims.MustChangePassword, "true");

    public async Task<IActionResult> OnPostAsync()
    {
        MustChange = User.HasClaim(Infrastructure.FeClaims.MustChangePassword, "true");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await CurrentPasswordAcceptedAsync(user))
        {
            return Page();
        }

        user.MustChangePassword = false;
        audit.Record("user.change-password", "user", user.UserName);
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            audit.Discard();
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }

            return Page();
        }

        await db.SaveChangesAsync(HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        TempData["Success"] = "密码已修改。";
        return RedirectToPage("/Index");
    }

    /// <summary>
    /// A wrong current password counts toward lockout as at sign-in, so a stolen session cannot try passwords without
    /// limit; at the limit (or when already locked) the session ends. The failure is audited with the count it saves.
    /// </summary>
    private async Task<bool> CurrentPasswordAcceptedAsync(AppUser user)
    {
        if (await users.IsLockedOutAsync(user))
        {
            // Locked by failed sign-ins elsewhere: this session ends too, and is audited like the failures.
            audit.Record("user.change-password.failed", "user", user.UserName, after: new { reason = "账号已锁定", lockedOut = true });
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }
        else
        {
            if (await users.CheckPasswordAsync(user, Input.CurrentPassword))
            {
                return true;
            }

            var locks = user.LockoutEnabled && user.AccessFailedCount + 1 >= users.Options.Lockout.MaxFailedAccessAttempts;
            audit.Record("user.change-password.failed", "user", user.UserName, after: new { reason = "原密码错误", lockedOut = locks });
            // Saves the count (and the lockout) together with the audit event above.
            await users.AccessFailedAsync(user);
            if (!locks)
            {
                ModelState.AddModelError("Input.CurrentPassword", "原密码错误。");
                return false;
            }
        }

        await signIn.SignOutAsync();
        ModelState.AddModelError("", "密码连续错误5次，账号已锁定15分钟，已退出登录。请稍后再试或联系安全管理员解锁。");
        return false;
    }
}
