using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullEmployment.Application.Identity;

/// <summary>
/// Identity 10's lockout reads <see cref="DateTimeOffset.UtcNow"/>; everything else in the system reads the injected
/// <see cref="TimeProvider"/> (deadlines, audit, token lifetimes), so the lockout does too: one clock for a whole request,
/// and tests on a fixed clock can let a lockout end. (Identity takes a TimeProvider of its own from .NET 11 on.)
/// </summary>
public sealed class ClockedUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    TimeProvider clock)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await GetLockoutEnabledAsync(user))
        {
            return false;
        }

        return await GetLockoutEndDateAsync(user) is { } end && end >= clock.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lockout = (IUserLockoutStore<AppUser>)Store;
        var failures = await lockout.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (failures >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await lockout.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
            await lockout.ResetAccessFailedCountAsync(user, CancellationToken);
        }

        return await UpdateUserAsync(user);
    }
}
