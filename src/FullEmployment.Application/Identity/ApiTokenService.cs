using System.Security.Cryptography;
using System.Text;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Data;
using FullEmployment.Domain;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Identity;

/// <summary>Bearer tokens for integration clients (the employment information system). Shown once, stored hashed.</summary>
public sealed class ApiTokenService(AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    private const string TokenPrefix = "fe_";

    public async Task<string> CreateAsync(string userName, TimeSpan? lifetime = null, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken)
            ?? throw new DomainException($"用户“{userName}”不存在。");
        if (user.IsDisabled)
        {
            throw new DomainException($"用户“{userName}”已停用，不能签发令牌。");
        }

        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        db.ApiTokens.Add(new ApiToken
        {
            UserId = user.Id,
            TokenHash = Hash(token),
            Prefix = token[..10],
            CreatedAt = now,
            ExpiresAt = now + (lifetime ?? TimeSpan.FromDays(365)),
        });
        audit.Record("token.create", "user", userName, UserAdministration.RegionOf(user.ScopeCode), after: new { prefix = token[..10] });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>The user a presented token belongs to, or null when unknown, expired, revoked or the user is disabled.</summary>
    public async Task<AppUser?> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow();
        var record = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (record is null || record.RevokedAt is not null || record.ExpiresAt <= now)
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == record.UserId, cancellationToken);
        return user is { IsDisabled: false } ? user : null;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
