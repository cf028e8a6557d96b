using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Account;

public sealed class ChangePasswordModel(AccountSessions sessions) : PageModel
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

        var outcome = await sessions.ChangePasswordAsync(User, Input.CurrentPassword, Input.NewPassword, HttpContext.RequestAborted);
        switch (outcome.Status)
        {
            case PasswordChangeStatus.Changed:
                TempData["Success"] = "密码已修改。";
                return RedirectToPage("/Index");
            case PasswordChangeStatus.NotSignedIn:
                return Challenge();
            case PasswordChangeStatus.WrongCurrentPassword:
                ModelState.AddModelError("Input.CurrentPassword", outcome.Errors[0]);
                return Page();
            default:
                foreach (var error in outcome.Errors)
                {
                    ModelState.AddModelError("", error);
                }

                return Page();
        }
    }
}
