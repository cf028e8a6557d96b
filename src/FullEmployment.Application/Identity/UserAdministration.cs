using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Regions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Identity;

public sealed record NewUser(string UserName, string DisplayName, string Role, string ScopeCode, string Password, bool MustChangePassword);

public sealed record UserRow(string Id, string UserName, string DisplayName, string Role, string ScopeCode, string ScopeName,
    bool IsDisabled, bool LockedOut, bool MustChangePassword)
{
    /// <summary>Whether the account has a confirmed authenticator (filled on the account's own page).</summary>
    public bool SecondFactorEnrolled { get; init; }

    /// <summary>The account's states in Chinese, e.g. "已停用、已锁定"; "正常" when none applies.</summary>
    public string StatusText
    {
        get
        {
            var states = new List<string>();
            if (IsDisabled)
            {
                states.Add("已停用");
            }

            if (LockedOut)
            {
                states.Add("已锁定");
            }

            if (MustChangePassword)
            {
                states.Add("须修改密码");
            }

            return states.Count == 0 ? "正常" : string.Join("、", states);
        }
    }
}

/// <summary>Accounts, roles and scopes. Security administrators manage them and can do nothing else.</summary>
public sealed class UserAdministration(AppDbContext db, UserManager<AppUser> users, AuditTrail audit, TimeProvider clock, ApiTokenService tokens)
{
    /// <summary>The CLI and seeding create accounts without an acting security admin.</summary>
    public async Task<AppUser> AddAsync(NewUser input, bool checkActor = true, CancellationToken cancellationToken = default)
    {
        if (checkActor)
        {
            audit.Actor.EnsureRole(Roles.SecurityAdmin);
        }

        if (!Roles.All.Contains(input.Role))
        {
            throw new DomainException($"未知角色“{input.Role}”。可选：{string.Join("、", Roles.All)}。");
        }

        var existing = await users.FindByNameAsync(input.UserName);
        if (existing is not null)
        {
            // One account, one role: a second duty needs a second account (separation of duties).
            Roles.EnsureCompatible([existing.Role, input.Role]);
            throw new DomainException($"用户名“{input.UserName}”已存在。");
        }

        var scopeName = await ScopeNameAsync(input.Role, input.ScopeCode, cancellationToken);
        if (checkActor && audit.Actor.ScopeCode is { } adminScope && !CoversScope(adminScope, input.ScopeCode))
        {
            throw new ForbiddenException("只能为本辖区内的单位创建账号。");
        }

        var user = new AppUser
        {
            UserName = input.UserName,
            DisplayName = string.IsNullOrWhiteSpace(input.DisplayName) ? input.UserName : input.DisplayName,
            Role = input.Role,
            ScopeCode = input.ScopeCode,
            MustChangePassword = input.MustChangePassword,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        audit.Record("user.create", "user", input.UserName, RegionOf(input.ScopeCode),
            after: new { input.UserName, input.Role, input.ScopeCode, scopeName });
        var result = await users.CreateAsync(user, input.Password);
        if (!result.Succeeded)
        {
            audit.Discard();
            throw new DomainException(Describe(result.Errors));
        }

        return user;
    }

    public async Task<PagedResult<UserRow>> ListAsync(string? search, PageRequest page, CancellationToken cancellationToken = default)
    {
        var visible = await VisibleAsync(search, cancellationToken);
        var items = visible.Skip(page.Skip).Take(page.SafePageSize).ToList();
        return new PagedResult<UserRow>(items, visible.Count, page.SafePage, page.SafePageSize);
    }

    /// <summary>Every account matching the search within the admin's scope, audited as an export (a list of accounts is sensitive).</summary>
    public async Task<IReadOnlyList<UserRow>> ExportAsync(string? search, CancellationToken cancellationToken = default)
    {
        var visible = await VisibleAsync(search, cancellationToken);
        audit.Record("user.export", "user", null, RegionOf(audit.Actor.ScopeCode ?? ""), after: new { search, rows = visible.Count });
        await db.SaveChangesAsync(cancellationToken);
        return visible;
    }

    public async Task<UserRow> GetAsync(string userName, CancellationToken cancellationToken = default)
    {
        audit.Actor.EnsureRole(Roles.SecurityAdmin);
        var user = await FindInScopeAsync(userName);
        var scopeName = await db.Regions.AsNoTracking().Where(r => r.Code == user.ScopeCode).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken)
            ?? await db.Communities.AsNoTracking().Where(c => c.Code == user.ScopeCode).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken)
            ?? user.ScopeCode;
        var enrolled = await db.SecondFactorEnrolments.AnyAsync(e => e.UserId == user.Id && e.ConfirmedAt != null, cancellationToken);
        return ToRow(user, scopeName, clock.GetUtcNow()) with { SecondFactorEnrolled = enrolled };
    }

    /// <summary>
    /// The CLI acting as a named account (`fe communities import --as U`): that account's role and scope, so the registry's
    /// checks apply unchanged, and its name marked "(cli)" in the audit log.
    /// </summary>
    public async Task<FixedActor> ActAsAsync(string userName, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken)
            ?? throw new NotFoundException($"未找到用户“{userName}”。");
        if (user.IsDisabled)
        {
            throw new DomainException($"用户“{userName}”已停用，不能以其身份操作。");
        }

        return new FixedActor($"{user.UserName} (cli)", user.Role, user.ScopeCode, "local", user.Id);
    }

    public static byte[] ToXlsx(IEnumerable<UserRow> rows)
    {
        return Xlsx.Table("用户", ["用户名", "姓名或单位", "角色", "辖区代码", "辖区名称", "状态"],
            rows.Select(r => (IReadOnlyList<object?>)[r.UserName, r.DisplayName, Roles.DisplayName(r.Role), r.ScopeCode, r.ScopeName, r.StatusText]));
    }

    private async Task<List<UserRow>> VisibleAsync(string? search, CancellationToken cancellationToken)
    {
        audit.Actor.EnsureRole(Roles.SecurityAdmin);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(u => u.UserName!.Contains(term) || u.DisplayName.Contains(term));
        }

        // Scope is checked in memory: a community staff account's scope is a 12-digit community code, not a region.
        var all = await query.OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        var communityCodes = all.Where(u => u.ScopeCode.Length > 6).Select(u => u.ScopeCode).Distinct().ToList();
        var communities = await db.Communities.AsNoTracking().Where(c => communityCodes.Contains(c.Code))
            .ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        var now = clock.GetUtcNow();
        return all.Where(u => CoversScope(audit.Actor.ScopeCode!, u.ScopeCode))
            .Select(u => ToRow(u, regions.GetValueOrDefault(u.ScopeCode) ?? communities.GetValueOrDefault(u.ScopeCode) ?? u.ScopeCode, now))
            .ToList();
    }

    private static UserRow ToRow(AppUser u, string scopeName, DateTimeOffset now) =>
        new(u.Id, u.UserName!, u.DisplayName, u.Role, u.ScopeCode, scopeName, u.IsDisabled, u.LockoutEnd > now, u.MustChangePassword);

    public async Task SetDisabledAsync(string userName, bool disabled, CancellationToken cancellationToken = default)
    {
        audit.Actor.EnsureRole(Roles.SecurityAdmin);
        if (disabled && string.Equals(userName, audit.Actor.UserName, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("不能停用自己的账号。");
        }

        var user = await FindInScopeAsync(userName);
        user.IsDisabled = disabled;
        if (disabled)
        {
            // A new stamp ends the account's open sessions at the next security-stamp check, not at cookie expiry.
            user.SecurityStamp = Guid.NewGuid().ToString();
        }

        audit.Record(disabled ? "user.disable" : "user.enable", "user", userName, RegionOf(user.ScopeCode));
        if (disabled)
        {
            // Revoked, not just refused while disabled: enabling the account again must not bring old tokens back.
            await tokens.RevokeLiveTokensAsync(user, "账号已停用", cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UnlockAsync(string userName, CancellationToken cancellationToken = default)
    {
        audit.Actor.EnsureRole(Roles.SecurityAdmin);
        var user = await FindInScopeAsync(userName);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        audit.Record("user.unlock", "user", userName, RegionOf(user.ScopeCode));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ResetPasswordAsync(string userName, string newPassword, CancellationToken cancellationToken = default)
    {
        audit.Actor.EnsureRole(Roles.SecurityAdmin);
        var user = await FindInScopeAsync(userName);
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, newPassword)).Errors);
        }

        if (errors.Count > 0)
        {
            throw new DomainException(Describe(errors));
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, newPassword);
        user.MustChangePassword = true;
        user.SecurityStamp = Guid.NewGuid().ToString();
        audit.Record("user.reset-password", "user", userName, RegionOf(user.ScopeCode));
        // A reset answers a suspected compromise: the account's tokens go with the old password.
        await tokens.RevokeLiveTokensAsync(user, "密码已重置", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Removes the account's authenticator and recovery codes (a lost phone, a suspected leak): the next sign-in enrols a new
    /// one, and the new security stamp ends open sessions and half-finished sign-ins. The secret itself is never shown.
    /// </summary>
    public async Task ResetSecondFactorAsync(string userName, CancellationToken cancellationToken = default)
    {
        audit.Actor.EnsureRole(Roles.SecurityAdmin);
        if (string.Equals(userName, audit.Actor.UserName, StringComparison.OrdinalIgnoreCase))
        {
            // Otherwise a stolen administrator session could replace the administrator's own second factor.
            throw new DomainException("不能重置自己的两步验证，请由另一名安全管理员操作。");
        }

        var user = await FindInScopeAsync(userName);
        var enrolment = await db.SecondFactorEnrolments.FirstOrDefaultAsync(e => e.UserId == user.Id, cancellationToken)
            ?? throw new DomainException($"账号“{userName}”尚未绑定两步验证，无需重置。");
        var codes = await db.RecoveryCodes.Where(c => c.UserId == user.Id).ToListAsync(cancellationToken);
        db.SecondFactorEnrolments.Remove(enrolment);
        db.RecoveryCodes.RemoveRange(codes);
        user.SecurityStamp = Guid.NewGuid().ToString();
        audit.Record("user.second-factor.reset", "user", userName, RegionOf(user.ScopeCode),
            before: new { enrolled = enrolment.ConfirmedAt is not null, recoveryCodesLeft = codes.Count(c => c.UsedAt is null) });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every problem once: Identity's length check and <see cref="PasswordPolicy"/> report a short password alike.</summary>
    private static string Describe(IEnumerable<IdentityError> errors) => string.Join(" ", errors.Select(e => e.Description).Distinct());

    private async Task<AppUser> FindInScopeAsync(string userName)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null || !CoversScope(audit.Actor.ScopeCode!, user.ScopeCode))
        {
            throw new NotFoundException($"未找到用户“{userName}”。");
        }

        return user;
    }

    private async Task<string> ScopeNameAsync(string role, string scopeCode, CancellationToken cancellationToken)
    {
        var kind = Roles.ScopeKindOf(role);
        if (kind == ScopeKind.Community)
        {
            var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Code == scopeCode, cancellationToken)
                ?? throw new DomainException($"社区代码“{scopeCode}”不存在。");
            return community.Name;
        }

        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == scopeCode, cancellationToken)
            ?? throw new DomainException($"行政区划代码“{scopeCode}”不存在。");
        var expected = kind switch
        {
            ScopeKind.Province => RegionLevel.Province,
            ScopeKind.City => RegionLevel.City,
            ScopeKind.County => RegionLevel.County,
            _ => region.Level,
        };
        if (region.Level != expected)
        {
            throw new DomainException($"角色“{Roles.DisplayName(role)}”须绑定到{LevelName(expected)}，而“{region.Name}”是{LevelName(region.Level)}。");
        }

        return region.Name;
    }

    private static string LevelName(RegionLevel level) => level switch
    {
        RegionLevel.Province => "省级",
        RegionLevel.City => "市州",
        _ => "县区",
    };

    private static bool CoversScope(string adminScope, string targetScope) =>
        RegionScope.CoversRegion(adminScope, targetScope.Length >= 6 ? targetScope[..6] : targetScope);

    internal static string? RegionOf(string scopeCode) => scopeCode.Length >= 6 ? scopeCode[..6] : null;
}
