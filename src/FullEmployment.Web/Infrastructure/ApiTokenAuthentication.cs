using System.Security.Claims;
using System.Text.Encodings.Web;
using FullEmployment.Application.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FullEmployment.Web.Infrastructure;

/// <summary>
/// `Authorization: Bearer fe_…` for integration clients on /api only; tokens come from `fe token create`. The principal
/// carries no must-change-password claim: the token, not the password, is the credential (ADR 0011).
/// </summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    public const string OutsideApi = "接口令牌只能用于 /api 下的接口，不能打开页面；请使用账号密码登录。";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        // A token leaked from a client must not open the pages (user administration included).
        if (!Request.Path.StartsWithSegments("/api"))
        {
            return AuthenticateResult.Fail(OutsideApi);
        }

        var check = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (check.User is not { } user)
        {
            return AuthenticateResult.Fail(check.Refusal ?? "令牌无效。");
        }

        var identity = new ClaimsIdentity(SchemeName);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName!));
        UserClaimsFactory.AddClaims(identity, user);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>401 naming what is wrong with the token on /api; elsewhere a token is refused outright (403, audited).</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!Request.Path.StartsWithSegments("/api"))
        {
            await AccessDenial.ForbidAsync(Context, OutsideApi);
            return;
        }

        var result = await HandleAuthenticateOnceSafeAsync();
        AccessDenial.SetReason(Context, result.Failure?.Message ?? "请提供有效的接口令牌。");
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
    }
}
