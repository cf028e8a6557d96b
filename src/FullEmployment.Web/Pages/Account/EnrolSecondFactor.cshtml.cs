using FullEmployment.Application.Identity;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Account;

/// <summary>
/// First sign-in of an account that needs a second factor: the authenticator's secret as a QR code and as text, confirmed
/// with a code from it; then the ten recovery codes, shown this once.
/// </summary>
public sealed class EnrolSecondFactorModel(SecondFactorSessions secondFactor) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public EnrolmentView? Enrolment { get; private set; }

    public string QrCode { get; private set; } = "";

    /// <summary>After a confirmed enrolment: the new recovery codes (never shown again).</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public async Task<IActionResult> OnGetAsync() => await ShowAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "请输入验证器上的6位验证码。");
            return await ShowAsync() ?? Page();
        }

        var outcome = await secondFactor.ConfirmEnrolmentAsync(Code, HttpContext.RequestAborted);
        switch (outcome.Status)
        {
            case SecondFactorStatus.SignedIn:
                RecoveryCodes = outcome.RecoveryCodes;
                return Page();
            case SecondFactorStatus.WrongCode:
                ModelState.AddModelError(nameof(Code), outcome.Error!);
                return await ShowAsync() ?? Page();
            default:
                TempData["LoginError"] = outcome.Error;
                return RedirectToPage("/Account/Login");
        }
    }

    /// <summary>Null when the enrolment can be shown; otherwise where to go instead.</summary>
    private async Task<IActionResult?> ShowAsync()
    {
        Enrolment = await secondFactor.EnrolmentAsync(HttpContext.RequestAborted);
        if (Enrolment is null)
        {
            // No pending sign-in, or the account has enrolled already: the password step decides what comes next.
            return RedirectToPage("/Account/Login");
        }

        QrCode = QrImage.PngDataUri(Enrolment.Uri);
        return null;
    }
}
