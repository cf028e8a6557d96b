using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Account;

public sealed class LoginModel(AccountSessions sessions) : PageModel
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
        // A second-factor step that ended (locked, expired) says why here, where the sign-in starts again.
        if (TempData["LoginError"] is string error)
        {
            ModelState.AddModelError("", error);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await sessions.SignInAsync(Input.UserName, Input.Password, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
            return outcome.Next switch
            {
                SignInStep.EnterCode => RedirectToPage("/Account/SecondFactor", new { ReturnUrl = returnUrl }),
                SignInStep.Enrol => RedirectToPage("/Account/EnrolSecondFactor", new { ReturnUrl = returnUrl }),
                _ => LocalRedirect(returnUrl),
            };
        }

        ModelState.AddModelError("", outcome.Error!);
        return Page();
    }
}
