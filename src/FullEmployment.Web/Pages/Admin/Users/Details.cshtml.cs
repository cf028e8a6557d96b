using FullEmployment.Application.Common;
using FullEmployment.Application.Identity;
using FullEmployment.Application.Seeding;
using FullEmployment.Domain.Identity;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Admin.Users;

/// <summary>One account and what a security administrator may do to it: disable, enable, unlock, reset the password or the second factor.</summary>
public sealed class DetailsModel(UserAdministration users, ICurrentActor actor) : PageModel
{
    [BindProperty]
    public string? NewPassword { get; set; }

    public UserRow Account { get; private set; } = null!;

    public async Task OnGetAsync(string userName, CancellationToken cancellationToken)
    {
        await LoadAsync(userName, cancellationToken);
        // A policy-compliant suggestion; the account must change it at the next login anyway.
        NewPassword = DemoData.NewPassword();
    }

    public Task<IActionResult> OnPostDisableAsync(string userName, CancellationToken cancellationToken) =>
        ActAsync(userName, () => users.SetDisabledAsync(userName, disabled: true, cancellationToken), "账号已停用，其接口令牌已全部吊销。", cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(string userName, CancellationToken cancellationToken) =>
        ActAsync(userName, () => users.SetDisabledAsync(userName, disabled: false, cancellationToken), "账号已启用。", cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(string userName, CancellationToken cancellationToken) =>
        ActAsync(userName, () => users.UnlockAsync(userName, cancellationToken), "账号已解锁。", cancellationToken);

    public Task<IActionResult> OnPostResetSecondFactorAsync(string userName, CancellationToken cancellationToken) =>
        ActAsync(userName, () => users.ResetSecondFactorAsync(userName, cancellationToken),
            "两步验证已重置：原验证器和恢复码已失效，该用户下次登录时须重新绑定。", cancellationToken);

    public Task<IActionResult> OnPostResetPasswordAsync(string userName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), "请填写新密码。");
        }

        return ActAsync(userName, () => users.ResetPasswordAsync(userName, NewPassword!, cancellationToken),
            "密码已重置，其接口令牌已全部吊销。请将新密码告知本人，下次登录须修改密码。", cancellationToken);
    }

    private async Task<IActionResult> ActAsync(string userName, Func<Task> action, string done, CancellationToken cancellationToken)
    {
        actor.EnsureRole(Roles.SecurityAdmin);
        if (ModelState.ErrorCount == 0 && await this.TryAsync(async () =>
            {
                await action();
                TempData["Success"] = done;
                return RedirectToPage("Details", new { userName });
            }) is { } result)
        {
            return result;
        }

        await LoadAsync(userName, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(string userName, CancellationToken cancellationToken)
    {
        actor.EnsureRole(Roles.SecurityAdmin);
        Account = await users.GetAsync(userName, cancellationToken);
    }
}
