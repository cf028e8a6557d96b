using System.Security.Claims;
using FullEmployment.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FullEmployment.Web.Infrastructure;

/// <summary>Puts the account's one role and scope into the principal, so every check reads them from the request.</summary>
public sealed class UserClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        AddClaims(identity, user);
        // Only a password sign-in carries the flag; API tokens ignore it (ADR 0011).
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(FeClaims.MustChangePassword, "true"));
        }

        return identity;
    }

    public static void AddClaims(ClaimsIdentity identity, AppUser user)
    {
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(FeClaims.Scope, user.ScopeCode));
        identity.AddClaim(new Claim(FeClaims.DisplayName, user.DisplayName));
    }
}
