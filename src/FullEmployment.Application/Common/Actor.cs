using FullEmployment.Domain.Identity;

namespace FullEmployment.Application.Common;

/// <summary>Who is acting, from where: the web request's user, an API token's user, or the CLI.</summary>
public interface ICurrentActor
{
    string? UserId { get; }
    string? UserName { get; }
    string? Role { get; }

    /// <summary>A region code (province, city, county) or, for community staff, a community code.</summary>
    string? ScopeCode { get; }

    string? ClientIp { get; }
}

/// <summary>An actor with a fixed identity (CLI, seeding, tests).</summary>
public sealed class FixedActor(string? userName, string? role, string? scopeCode, string? clientIp = null, string? userId = null) : ICurrentActor
{
    public static FixedActor System { get; } = new("system", null, null, "local");

    public string? UserId { get; } = userId;
    public string? UserName { get; } = userName;
    public string? Role { get; } = role;
    public string? ScopeCode { get; } = scopeCode;
    public string? ClientIp { get; } = clientIp;
}

public static class ActorExtensions
{
    public static bool IsInRole(this ICurrentActor actor, params string[] roles) =>
        actor.Role is not null && roles.Contains(actor.Role);

    public static void EnsureRole(this ICurrentActor actor, params string[] roles)
    {
        if (!actor.IsInRole(roles))
        {
            throw new ForbiddenException($"当前角色（{Roles.DisplayName(actor.Role ?? "未登录")}）无权执行此操作。");
        }
    }
}
