using System.Security.Claims;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Data;
using Microsoft.AspNetCore.Identity;

namespace FullEmployment.Application.Identity;

/// <summary>
/// How the password step ended: <see cref="Error"/> is the Chinese message to show when it failed; when it succeeded,
/// <see cref="Next"/> says whether the account is signed in or a second factor follows.
/// </summary>
public sealed record SignInOutcome(bool Succeeded, string? Error, SignInStep Next = SignInStep.Done);

public enum PasswordChangeStatus
{
    Changed,
    NotSignedIn,
    WrongCurrentPassword,

    /// <summary>Locked by this or earlier failures: the session has been ended.</summary>
    LockedOut,

    /// <summary>The new password was refused (policy, reuse); <see cref="PasswordChangeOutcome.Errors"/> says why.</summary>
    Rejected,
}

public sealed record PasswordChangeOutcome(PasswordChangeStatus Status, IReadOnlyList<string> Errors);

/// <summary>
/// Signing in and out and changing one's own password (the account pages), each attempt audited and saved with its effect.
/// </summary>
public sealed class AccountSessions(SignInManager<AppUser> signIn, AuditTrail audit, AppDbContext db, SecondFactorSessions secondFactor)
{
    private const string LockedOutMessage = "密码连续错误5次，账号已锁定15分钟";

    private UserManager<AppUser> Users => signIn.UserManager;

    public async Task<SignInOutcome> SignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var name = userName.Trim();
        var user = await Users.FindByNameAsync(name);
        if (user is { IsDisabled: true })
        {
            await AuditSignInAsync("login.failed", name, "账号已停用", cancellationToken);
            return new SignInOutcome(false, "该账号已停用，请联系安全管理员。");
        }

        if (user is not null && await Users.IsLockedOutAsync(user))
        {
            await AuditSignInAsync("login.locked-out", name, "连续失败次数过多", cancellationToken);
            return new SignInOutcome(false, LockedOutMessage + "，请稍后再试或联系安全管理员解锁。");
        }

        if (user is null || !await Users.CheckPasswordAsync(user, password))
        {
            return await PasswordFailedAsync(user, name, cancellationToken);
        }

        // The failure count is not cleared by the password alone where a second factor follows: otherwise each correct
        // password would buy another four guesses at the code.
        var next = await secondFactor.AfterPasswordAsync(user, cancellationToken);
        if (next != SignInStep.Done)
        {
            return new SignInOutcome(true, null, next);
        }

        user.AccessFailedCount = 0;
        audit.Record("login", "user", name);
        await db.SaveChangesAsync(cancellationToken);
        await signIn.SignInAsync(user, isPersistent: false);
        return new SignInOutcome(true, null);
    }

    private async Task<SignInOutcome> PasswordFailedAsync(AppUser? user, string name, CancellationToken cancellationToken)
    {
        var locks = user is { LockoutEnabled: true } && user.AccessFailedCount + 1 >= Users.Options.Lockout.MaxFailedAccessAttempts;
        audit.Record(locks ? "login.locked-out" : "login.failed", "user", name, null,
            after: new { reason = locks ? "连续失败次数过多" : "用户名或密码错误" });
        if (user is null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            // Saves the count (and the lockout) together with the audit event above.
            await Users.AccessFailedAsync(user);
        }

        return locks
            ? new SignInOutcome(false, LockedOutMessage + "，请稍后再试或联系安全管理员解锁。")
            : new SignInOutcome(false, "用户名或密码错误。");
    }

    public async Task SignOutAsync(string? userName, CancellationToken cancellationToken = default)
    {
        audit.Record("logout", "user", userName);
        await db.SaveChangesAsync(cancellationToken);
        await signIn.SignOutAsync();
    }

    /// <summary>Changes the signed-in user's password and refreshes the session (the must-change flag is cleared with it).</summary>
    public async Task<PasswordChangeOutcome> ChangePasswordAsync(ClaimsPrincipal principal, string currentPassword, string newPassword,
        CancellationToken cancellationToken = default)
    {
        var user = await Users.GetUserAsync(principal);
        if (user is null)
        {
            return new PasswordChangeOutcome(PasswordChangeStatus.NotSignedIn, []);
        }

        if (await CurrentPasswordRefusalAsync(user, currentPassword, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        user.MustChangePassword = false;
        audit.Record("user.change-password", "user", user.UserName);
        var result = await Users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            audit.Discard();
            return new PasswordChangeOutcome(PasswordChangeStatus.Rejected, [.. result.Errors.Select(e => e.Description)]);
        }

        await db.SaveChangesAsync(cancellationToken);
        await signIn.RefreshSignInAsync(user);
        return new PasswordChangeOutcome(PasswordChangeStatus.Changed, []);
    }

    /// <summary>
    /// A wrong current password counts toward lockout as at sign-in, so a stolen session cannot try passwords without
    /// limit; at the limit (or when already locked) the session ends. The failure is audited with the count it saves.
    /// Null when the current password is accepted.
    /// </summary>
    private async Task<PasswordChangeOutcome?> CurrentPasswordRefusalAsync(AppUser user, string currentPassword, CancellationToken cancellationToken)
    {
        if (await Users.IsLockedOutAsync(user))
        {
            // Locked by failed sign-ins elsewhere: this session ends too, and is audited like the failures.
            audit.Record("user.change-password.failed", "user", user.UserName, after: new { reason = "账号已锁定", lockedOut = true });
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            if (await Users.CheckPasswordAsync(user, currentPassword))
            {
                return null;
            }

            var locks = user.LockoutEnabled && user.AccessFailedCount + 1 >= Users.Options.Lockout.MaxFailedAccessAttempts;
            audit.Record("user.change-password.failed", "user", user.UserName, after: new { reason = "原密码错误", lockedOut = locks });
            // Saves the count (and the lockout) together with the audit event above.
            await Users.AccessFailedAsync(user);
            if (!locks)
            {
                return new PasswordChangeOutcome(PasswordChangeStatus.WrongCurrentPassword, ["原密码错误。"]);
            }
        }

        await signIn.SignOutAsync();
        return new PasswordChangeOutcome(PasswordChangeStatus.LockedOut, [LockedOutMessage + "，已退出登录。请稍后再试或联系安全管理员解锁。"]);
    }

    private async Task AuditSignInAsync(string action, string userName, string? reason, CancellationToken cancellationToken)
    {
        audit.Record(action, "user", userName, null, after: reason is null ? null : new { reason });
        await db.SaveChangesAsync(cancellationToken);
    }
}
