using System.Security.Cryptography;
using System.Text;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace FullEmployment.Application.Identity;

/// <summary>The account a presented token acts as, or why the token is refused (Chinese, shown to the client).</summary>
public sealed record ApiTokenCheck(AppUser? User, string? Refusal);

/// <summary>One issued token as `fe token list` shows it: never the secret, only the prefix that identifies it.</summary>
public sealed record ApiTokenRow(int Id, string Prefix, string UserName, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt, string Status);

/// <summary>
/// Bearer tokens for integration clients (the employment information system). Shown once, stored hashed. A token an
/// administrator issued acts on the API regardless of the account's must-change-password flag (ADR 0011).
/// </summary>
public sealed class ApiTokenService(AppDbContext db, AuditTrail audit, TimeProvider clock, IConfiguration configuration)
{
    private const string TokenPrefix = "fe_";

    /// <summary>Writing LastUsedAt on every call would add a write to every read; once a minute per token is enough to see who is active.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>Issues a token living <paramref name="days"/> days, or the configured maximum (<see cref="ApiTokenLifetime"/>).</summary>
    public async Task<string> CreateAsync(string userName, int? days = null, CancellationToken cancellationToken = default)
    {
        var lifetime = ApiTokenLifetime.Of(days, ApiTokenLifetime.MaxDays(configuration.GetValue<int?>(ApiTokenLifetime.SettingKey)));
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
            ExpiresAt = now + lifetime,
        });
        audit.Record("token.create", "user", userName, UserAdministration.RegionOf(user.ScopeCode),
            after: new { prefix = token[..10], days = lifetime.Days });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>The user a presented token belongs to, or the reason it is refused: unknown, expired, revoked, or the account disabled.</summary>
    public async Task<ApiTokenCheck> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        const string unknown = "令牌无效。";
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return new ApiTokenCheck(null, unknown);
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow();
        var record = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (record is null)
        {
            return new ApiTokenCheck(null, unknown);
        }

        if (record.RevokedAt is { } revoked)
        {
            return new ApiTokenCheck(null, $"令牌已于 {ChinaTime.FormatMinute(revoked)} 吊销，请联系管理员重新签发。");
        }

        // Every token is issued with an expiry; one without is refused rather than trusted forever.
        if (record.ExpiresAt is not { } expires || expires <= now)
        {
            return new ApiTokenCheck(null, record.ExpiresAt is { } at ? $"令牌已于 {ChinaTime.FormatMinute(at)} 过期，请联系管理员重新签发。" : "令牌已过期，请联系管理员重新签发。");
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == record.UserId, cancellationToken);
        if (user is not { IsDisabled: false })
        {
            return new ApiTokenCheck(null, "令牌所属账号已停用。");
        }

        if (record.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            await db.ApiTokens.Where(t => t.Id == record.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        return new ApiTokenCheck(user, null);
    }

    /// <summary>Issued tokens, newest first, of one account or of all.</summary>
    public async Task<IReadOnlyList<ApiTokenRow>> ListAsync(string? userName = null, CancellationToken cancellationToken = default)
    {
        var query = from t in db.ApiTokens.AsNoTracking()
                    join u in db.Users.AsNoTracking() on t.UserId equals u.Id
                    select new { Token = t, UserName = u.UserName! };
        if (userName is not null)
        {
            _ = await FindUserAsync(userName, cancellationToken);
            query = query.Where(r => r.UserName == userName);
        }

        var rows = await query.ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return rows.OrderByDescending(r => r.Token.CreatedAt).ThenByDescending(r => r.Token.Id)
            .Select(r => new ApiTokenRow(r.Token.Id, r.Token.Prefix, r.UserName, r.Token.CreatedAt, r.Token.ExpiresAt, r.Token.RevokedAt,
                r.Token.LastUsedAt, StatusOf(r.Token, now)))
            .ToList();
    }

    /// <summary>Revokes one token by its number in `fe token list`.</summary>
    public async Task<ApiTokenRow> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new NotFoundException($"未找到令牌 #{id}。");
        if (token.RevokedAt is { } revoked)
        {
            throw new DomainException($"令牌 #{id} 已于 {ChinaTime.FormatMinute(revoked)} 吊销。");
        }

        var user = await db.Users.FirstAsync(u => u.Id == token.UserId, cancellationToken);
        Revoke([token], user, "管理员吊销");
        await db.SaveChangesAsync(cancellationToken);
        return new ApiTokenRow(token.Id, token.Prefix, user.UserName!, token.CreatedAt, token.ExpiresAt, token.RevokedAt, token.LastUsedAt,
            StatusOf(token, clock.GetUtcNow()));
    }

    /// <summary>Revokes every live token of an account; returns how many.</summary>
    public async Task<int> RevokeAllAsync(string userName, CancellationToken cancellationToken = default)
    {
        var user = await FindUserAsync(userName, cancellationToken);
        var count = await RevokeLiveTokensAsync(user, "管理员吊销", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }

    /// <summary>
    /// Marks the account's live tokens revoked and records it, for the caller to save with its own change
    /// (disabling the account, resetting its password), so both land in one transaction.
    /// </summary>
    internal async Task<int> RevokeLiveTokensAsync(AppUser user, string reason, CancellationToken cancellationToken)
    {
        var live = await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync(cancellationToken);
        Revoke(live, user, reason);
        return live.Count;
    }

    private void Revoke(IReadOnlyList<ApiToken> tokens, AppUser user, string reason)
    {
        if (tokens.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var token in tokens)
        {
            token.RevokedAt = now;
        }

        audit.Record("token.revoke", "user", user.UserName, UserAdministration.RegionOf(user.ScopeCode),
            after: new { prefixes = tokens.Select(t => t.Prefix).ToList(), reason });
    }

    private async Task<AppUser> FindUserAsync(string userName, CancellationToken cancellationToken) =>
        await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken)
            ?? throw new NotFoundException($"用户“{userName}”不存在。");

    private static string StatusOf(ApiToken token, DateTimeOffset now) =>
        token.RevokedAt is not null ? "已吊销" : token.ExpiresAt is not { } expires || expires <= now ? "已过期" : "有效";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
