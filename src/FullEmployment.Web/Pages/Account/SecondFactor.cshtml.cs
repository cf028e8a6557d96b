using FullEmployment.Application.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Account;

/// <summary>The second sign-in step: the authenticator's six-digit code, or one of the recovery codes.</summary>
public sealed class SecondFactorModel(SecondFactorSessions secondFactor) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string UserName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync() =>
        await secondFactor.PendingUserAsync() is { } user ? ShowFor(user) : RedirectToPage("/Account/Login");

    public Task<IActionResult> OnPostCodeAsync() =>
        string.IsNullOrWhiteSpace(Code)
            ? RefuseAsync(nameof(Code), "请输入验证器上的6位验证码。")
            : ConcludeAsync(secondFactor.VerifyCodeAsync(Code, HttpContext.RequestAborted), nameof(Code));

    public Task<IActionResult> OnPostRecoveryAsync() =>
        string.IsNullOrWhiteSpace(RecoveryCode)
            ? RefuseAsync(nameof(RecoveryCode), "请输入恢复码。")
            : ConcludeAsync(secondFactor.VerifyRecoveryCodeAsync(RecoveryCode, HttpContext.RequestAborted), nameof(RecoveryCode));

    private async Task<IActionResult> ConcludeAsync(Task<SecondFactorOutcome> verifying, string field)
    {
        var outcome = await verifying;
        switch (outcome.Status)
        {
            case SecondFactorStatus.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SecondFactorStatus.WrongCode:
                return await RefuseAsync(field, outcome.Error!);
            default:
                // Locked out or expired: back to the password, with the reason.
                TempData["LoginError"] = outcome.Error;
                return RedirectToPage("/Account/Login");
        }
    }

    private async Task<IActionResult> RefuseAsync(string field, string message)
    {
        if (await secondFactor.PendingUserAsync() is not { } user)
        {
            return RedirectToPage("/Account/Login");
        }

        ModelState.AddModelError(field, message);
        return ShowFor(user);
    }

    private PageResult ShowFor(AppUser user)
    {
        UserName = user.UserName!;
        return Page();
    }
}
