using System.Security.Claims;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FullEmployment.Application.Identity;

/// <summary>What the login page does after a correct password.</summary>
public enum SignInStep
{
    /// <summary>Signed in (no second factor is required of this account and none is enrolled).</summary>
    Done,

    /// <summary>Enter the authenticator's code (or a recovery code).</summary>
    EnterCode,

    /// <summary>First sign-in of an account that needs a second factor: enrol an authenticator.</summary>
    Enrol,
}

public enum SecondFactorStatus
{
    SignedIn,

    /// <summary>No password step in progress (never started, expired after 5 minutes, or the account changed since).</summary>
    NotStarted,
    WrongCode,
    LockedOut,
}

/// <summary>The end of a second-factor step; <see cref="RecoveryCodes"/> holds the new codes, once, after an enrolment.</summary>
public sealed record SecondFactorOutcome(SecondFactorStatus Status, string? Error, IReadOnlyList<string> RecoveryCodes)
{
    public static SecondFactorOutcome Failed(SecondFactorStatus status, string error) => new(status, error, []);
}

/// <summary>The authenticator an account is about to enrol: shown as a QR code and as text, until a code from it is entered.</summary>
public sealed record EnrolmentView(string UserName, string Secret, string Uri);

/// <summary>
/// The second sign-in step (等保 8.1.4.1d, docs/reference/two-factor.md). Between the password and the code the browser
/// holds only Identity's short-lived two-factor cookie (the account's ID and security stamp, 5 minutes); a wrong code
/// counts toward the same lockout as a wrong password, and the failure count is cleared only when both factors passed.
/// </summary>
public sealed class SecondFactorSessions(
    SignInManager<AppUser> signIn, AppDbContext db, AuditTrail audit, SecondFactorSecrets secrets, TimeProvider clock,
    IOptions<SecondFactorOptions> options)
{
    public const string LockedOutMessage = "连续错误5次，账号已锁定15分钟，请稍后再试或联系安全管理员解锁。";
    private const string StampClaim = "fe:stamp";
    private static readonly string Scheme = IdentityConstants.TwoFactorUserIdScheme;

    private UserManager<AppUser> Users => signIn.UserManager;

    public bool IsRequiredFor(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return SecondFactorRules.IsRequired(user.Role, options.Value.CommunityStaffRequired);
    }

    /// <summary>After a correct password: the step that follows, with the two-factor cookie set when there is one.</summary>
    internal async Task<SignInStep> AfterPasswordAsync(AppUser user, CancellationToken cancellationToken)
    {
        var enrolled = await db.SecondFactorEnrolments.AnyAsync(e => e.UserId == user.Id && e.ConfirmedAt != null, cancellationToken);
        if (!enrolled && !IsRequiredFor(user))
        {
            return SignInStep.Done;
        }

        var identity = new ClaimsIdentity(Scheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        identity.AddClaim(new Claim(StampClaim, user.SecurityStamp ?? ""));
        await signIn.Context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        return enrolled ? SignInStep.EnterCode : SignInStep.Enrol;
    }

    /// <summary>The account whose password was just accepted, while its two-factor cookie is valid and the account unchanged.</summary>
    public async Task<AppUser?> PendingUserAsync()
    {
        var result = await signIn.Context.AuthenticateAsync(Scheme);
        if (result.Principal?.FindFirstValue(ClaimTypes.Name) is not { } id)
        {
            return null;
        }

        var user = await Users.FindByIdAsync(id);
        // A reset, disable or password change in between renews the stamp and ends the half-finished sign-in too.
        return user is { IsDisabled: false } && user.SecurityStamp == result.Principal.FindFirstValue(StampClaim) ? user : null;
    }

    /// <summary>
    /// The authenticator to enrol for the pending account (made on first view, the same one until confirmed); null when
    /// there is no pending account or it has enrolled already.
    /// </summary>
    public async Task<EnrolmentView?> EnrolmentAsync(CancellationToken cancellationToken = default)
    {
        if (await PendingUserAsync() is not { } user)
        {
            return null;
        }

        var enrolment = await db.SecondFactorEnrolments.FindAsync([user.Id], cancellationToken);
        if (enrolment is { ConfirmedAt: not null })
        {
            return null;
        }

        byte[] secret;
        if (enrolment is null)
        {
            secret = TotpCodes.NewSecret();
            db.SecondFactorEnrolments.Add(new SecondFactorEnrolment
            {
                UserId = user.Id,
                ProtectedSecret = secrets.Protect(user.Id, secret),
                CreatedAt = clock.GetUtcNow(),
            });
            audit.Record("user.second-factor.issue", "user", user.UserName, UserAdministration.RegionOf(user.ScopeCode));
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            secret = secrets.Unprotect(user.Id, enrolment.ProtectedSecret);
        }

        return new EnrolmentView(user.UserName!, TotpCodes.ToBase32(secret), TotpCodes.EnrolmentUri(user.UserName!, secret));
    }

    /// <summary>Confirms the enrolment with a code from the new authenticator, issues ten recovery codes and signs in.</summary>
    public async Task<SecondFactorOutcome> ConfirmEnrolmentAsync(string code, CancellationToken cancellationToken = default)
    {
        if (await PendingUserAsync() is not { } user
            || await db.SecondFactorEnrolments.FindAsync([user.Id], cancellationToken) is not { ConfirmedAt: null } enrolment)
        {
            return NotStarted();
        }

        if (await LockedOutAsync(user, cancellationToken) is { } locked)
        {
            return locked;
        }

        var step = TotpCodes.MatchingStep(secrets.Unprotect(user.Id, enrolment.ProtectedSecret), code,
            SecondFactorRules.AcceptableSteps(clock.GetUtcNow(), enrolment.LastUsedStep));
        if (step is null)
        {
            return await FailAsync(user, "验证码错误", cancellationToken);
        }

        var now = clock.GetUtcNow();
        enrolment.ConfirmedAt = now;
        enrolment.LastUsedStep = step;
        var codes = Enumerable.Range(0, SecondFactorRules.RecoveryCodeCount).Select(_ => Identity.RecoveryCodes.NewCode()).ToList();
        db.RecoveryCodes.AddRange(codes.Select(c => new RecoveryCode { UserId = user.Id, Hash = Identity.RecoveryCodes.Hash(c) }));
        audit.Record("user.second-factor.enrol", "user", user.UserName, UserAdministration.RegionOf(user.ScopeCode),
            after: new { recoveryCodes = codes.Count });
        await CompleteAsync(user, "totp-enrol", cancellationToken);
        return new SecondFactorOutcome(SecondFactorStatus.SignedIn, null, codes);
    }

    /// <summary>Checks the authenticator's code for the pending account and signs in.</summary>
    public async Task<SecondFactorOutcome> VerifyCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        if (await PendingUserAsync() is not { } user
            || await db.SecondFactorEnrolments.FindAsync([user.Id], cancellationToken) is not { ConfirmedAt: not null } enrolment)
        {
            return NotStarted();
        }

        if (await LockedOutAsync(user, cancellationToken) is { } locked)
        {
            return locked;
        }

        var step = TotpCodes.MatchingStep(secrets.Unprotect(user.Id, enrolment.ProtectedSecret), code,
            SecondFactorRules.AcceptableSteps(clock.GetUtcNow(), enrolment.LastUsedStep));
        // Claimed in the database, not only in memory: of two requests with one code, only one moves the step on.
        if (step is null || await db.SecondFactorEnrolments
                .Where(e => e.UserId == user.Id && (e.LastUsedStep == null || e.LastUsedStep < step))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastUsedStep, step), cancellationToken) == 0)
        {
            return await FailAsync(user, "验证码错误或已使用", cancellationToken);
        }

        await CompleteAsync(user, "totp", cancellationToken);
        return new SecondFactorOutcome(SecondFactorStatus.SignedIn, null, []);
    }

    /// <summary>Signs in with one of the account's unused recovery codes, which is then used up.</summary>
    public async Task<SecondFactorOutcome> VerifyRecoveryCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        if (await PendingUserAsync() is not { } user
            || !await db.SecondFactorEnrolments.AnyAsync(e => e.UserId == user.Id && e.ConfirmedAt != null, cancellationToken))
        {
            return NotStarted();
        }

        if (await LockedOutAsync(user, cancellationToken) is { } locked)
        {
            return locked;
        }

        var unused = await db.RecoveryCodes.AsNoTracking().Where(c => c.UserId == user.Id && c.UsedAt == null).ToListAsync(cancellationToken);
        var match = unused.FirstOrDefault(c => Identity.RecoveryCodes.Matches(code, c.Hash));
        var now = clock.GetUtcNow();
        if (match is null || await db.RecoveryCodes.Where(c => c.Id == match.Id && c.UsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), cancellationToken) == 0)
        {
            return await FailAsync(user, "恢复码错误或已使用", cancellationToken);
        }

        audit.Record("login.recovery-code", "user", user.UserName, UserAdministration.RegionOf(user.ScopeCode),
            after: new { remaining = unused.Count - 1 });
        await CompleteAsync(user, "recovery-code", cancellationToken);
        return new SecondFactorOutcome(SecondFactorStatus.SignedIn, null, []);
    }

    /// <summary>How many unused recovery codes an account has left.</summary>
    public Task<int> RemainingRecoveryCodesAsync(string userId, CancellationToken cancellationToken = default) =>
        db.RecoveryCodes.CountAsync(c => c.UserId == userId && c.UsedAt == null, cancellationToken);

    private async Task<SecondFactorOutcome?> LockedOutAsync(AppUser user, CancellationToken cancellationToken)
    {
        if (!await Users.IsLockedOutAsync(user))
        {
            return null;
        }

        audit.Record("login.locked-out", "user", user.UserName, null, after: new { reason = "连续失败次数过多" });
        await db.SaveChangesAsync(cancellationToken);
        await signIn.Context.SignOutAsync(Scheme);
        return SecondFactorOutcome.Failed(SecondFactorStatus.LockedOut, LockedOutMessage);
    }

    /// <summary>A wrong code counts like a wrong password; at the limit the account locks and the half-finished sign-in ends.</summary>
    private async Task<SecondFactorOutcome> FailAsync(AppUser user, string reason, CancellationToken cancellationToken)
    {
        var locks = user.LockoutEnabled && user.AccessFailedCount + 1 >= Users.Options.Lockout.MaxFailedAccessAttempts;
        audit.Record("login.second-factor.failed", "user", user.UserName, null, after: new { reason, lockedOut = locks });
        // Saves the count (and the lockout) together with the audit event above.
        await Users.AccessFailedAsync(user);
        if (!locks)
        {
            return SecondFactorOutcome.Failed(SecondFactorStatus.WrongCode, reason + "，请重新输入。");
        }

        await signIn.Context.SignOutAsync(Scheme);
        return SecondFactorOutcome.Failed(SecondFactorStatus.LockedOut, LockedOutMessage);
    }

    /// <summary>Both factors passed: the failure count is cleared, the sign-in audited, and the session cookie issued.</summary>
    private async Task CompleteAsync(AppUser user, string method, CancellationToken cancellationToken)
    {
        user.AccessFailedCount = 0;
        audit.Record("login", "user", user.UserName, null, after: new { secondFactor = method });
        await db.SaveChangesAsync(cancellationToken);
        await signIn.Context.SignOutAsync(Scheme);
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "mfa");
    }

    private static SecondFactorOutcome NotStarted() =>
        SecondFactorOutcome.Failed(SecondFactorStatus.NotStarted, "登录已超时或未开始，请重新输入用户名和密码。");
}
