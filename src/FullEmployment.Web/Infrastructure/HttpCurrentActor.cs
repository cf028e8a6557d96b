using System.Security.Claims;
using FullEmployment.Application.Common;

namespace FullEmployment.Web.Infrastructure;

/// <summary>The signed-in user (cookie or bearer token) of the current request.</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public string? UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier);
    public string? UserName => User?.Identity?.Name ?? (accessor.HttpContext is null ? null : "anonymous");
    public string? Role => User?.FindFirstValue(ClaimTypes.Role);
    public string? ScopeCode => User?.FindFirstValue(FeClaims.Scope);
    public string? ClientIp => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}

public static class FeClaims
{
    public const string Scope = "fe:scope";
    public const string DisplayName = "fe:display-name";
    public const string MustChangePassword = "fe:must-change-password";
}
