using Microsoft.AspNetCore.Identity;

namespace FullEmployment.Application.Identity;

/// <summary>A person or integration account, bound to exactly one role and one scope (region or community code).</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public string ScopeCode { get; set; } = "";

    /// <summary>Seeded and reset accounts must choose their own password at first login (outside Development).</summary>
    public bool MustChangePassword { get; set; }

    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A bearer token for an integration client; only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public string Prefix { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
