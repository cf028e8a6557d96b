using System.Net;
using System.Net.Http.Headers;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Identity;
using FullEmployment.Domain;
using FullEmployment.Domain.Identity;
using FullEmployment.IntegrationTests.Infrastructure;
using FullEmployment.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Identity;

/// <summary>
/// Bearer tokens for integration clients (ADR 0011): they act whatever the must-change-password flag says, on /api only,
/// for at most the configured lifetime, until revoked; every refusal says why. Its own factory: the tests move the clock.
/// Each test makes its own accounts, so disabling or resetting one touches no other test.
/// </summary>
public sealed class ApiTokenTests(DemoApps apps) : IntegrationTest(apps)
{
    private const string OwnCommunity = "/api/v1/communities/620102001001";

    private static readonly FixedActor SecurityAdmin = new("secadmin", Roles.SecurityAdmin, "620000", "local");

    [DatabaseTheory]
    public async Task A_token_issued_to_a_new_account_that_must_change_its_password_works_on_the_API(Database database)
    {
        Use(database);
        await AddAccountAsync("sync-new", mustChangePassword: true);
        using var bearer = BearerClient(await CreateTokenAsync("sync-new"));

        var response = await bearer.GetAsync(Url(OwnCommunity));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [DatabaseTheory]
    public async Task The_same_account_signed_in_with_its_password_gets_a_403_that_says_it_must_change_the_password(Database database)
    {
        Use(database);
        await AddAccountAsync("sync-cookie", mustChangePassword: true);
        using var browser = Factory.ClientFor("sync-cookie");

        var response = await browser.GetAsync(Url(OwnCommunity));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ReadObjectAsync(response))["detail"]!.GetValue<string>().ShouldContain("须先修改初始密码");
    }

    [DatabaseTheory]
    [InlineData("/Admin/Users")]
    [InlineData("/Communities")]
    [InlineData("/")]
    public async Task A_token_is_refused_outside_api_with_a_reason_and_the_refusal_is_audited(Database database, string page)
    {
        Use(database);
        using var bearer = BearerClient(await Factory.WithScopeAsync(sp => sp.GetRequiredService<ApiTokenService>().CreateAsync("secadmin")));

        var response = await bearer.GetAsync(Url(page));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain(ApiTokenAuthentication.OutsideApi);
        html.ShouldNotContain("用户管理</h1>");
        var denied = await LastEventAsync("access.denied");
        denied.TargetId.ShouldBe($"GET {page}");
        denied.After!.ShouldContain("只能用于 /api");
    }

    [DatabaseTheory]
    public async Task A_token_lives_90_days_by_default_and_is_refused_with_a_reason_once_expired(Database database)
    {
        Use(database);
        await AddAccountAsync("sync-expiry", mustChangePassword: false);
        var issuedAt = Factory.Clock.GetUtcNow();
        using var bearer = BearerClient(await CreateTokenAsync("sync-expiry"));
        var stored = await TokensOfAsync("sync-expiry");
        stored.ShouldHaveSingleItem().ExpiresAt.ShouldBe(issuedAt.AddDays(ApiTokenLifetime.DefaultMaxDays));

        Factory.Clock.Advance(TimeSpan.FromDays(90) - TimeSpan.FromMinutes(1));
        (await bearer.GetAsync(Url(OwnCommunity))).StatusCode.ShouldBe(HttpStatusCode.OK);

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var expired = await bearer.GetAsync(Url(OwnCommunity));

        expired.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ReadObjectAsync(expired))["detail"]!.GetValue<string>().ShouldContain("过期");
    }

    [DatabaseTheory]
    [InlineData(91)]
    [InlineData(366)]
    public async Task A_token_longer_than_the_maximum_is_refused(Database database, int days)
    {
        Use(database);
        await AddAccountAsync($"sync-long-{days}", mustChangePassword: false);

        var refused = await Should.ThrowAsync<DomainException>(() =>
            Factory.WithScopeAsync(sp => sp.GetRequiredService<ApiTokenService>().CreateAsync($"sync-long-{days}", days)));

        refused.Message.ShouldContain("最长 90 天");
        (await TokensOfAsync($"sync-long-{days}")).ShouldBeEmpty();
    }

    [DatabaseTheory]
    public async Task Disabling_the_account_revokes_its_tokens_in_the_same_change_and_enabling_it_does_not_bring_them_back(Database database)
    {
        Use(database);
        await AddAccountAsync("sync-disable", mustChangePassword: false);
        using var first = BearerClient(await CreateTokenAsync("sync-disable"));
        using var second = BearerClient(await CreateTokenAsync("sync-disable"));
        (await first.GetAsync(Url(OwnCommunity))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Factory.WithScopeAsync(SecurityAdmin, async sp =>
        {
            await sp.GetRequiredService<UserAdministration>().SetDisabledAsync("sync-disable", disabled: true);
            return true;
        });
        var revoke = await LastEventAsync("token.revoke");
        await Factory.WithScopeAsync(SecurityAdmin, async sp =>
        {
            await sp.GetRequiredService<UserAdministration>().SetDisabledAsync("sync-disable", disabled: false);
            return true;
        });

        (await TokensOfAsync("sync-disable")).ShouldAllBe(t => t.RevokedAt != null);
        revoke.TargetId.ShouldBe("sync-disable");
        revoke.After!.ShouldContain("账号已停用");
        revoke.Sequence.ShouldBe((await LastEventAsync("user.disable")).Sequence + 1);
        foreach (var client in new[] { first, second })
        {
            var response = await client.GetAsync(Url(OwnCommunity));
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await ReadObjectAsync(response))["detail"]!.GetValue<string>().ShouldContain("吊销");
        }
    }

    [DatabaseTheory]
    public async Task Resetting_the_password_revokes_the_accounts_tokens(Database database)
    {
        Use(database);
        await AddAccountAsync("sync-reset", mustChangePassword: false);
        using var bearer = BearerClient(await CreateTokenAsync("sync-reset"));

        await Factory.WithScopeAsync(SecurityAdmin, async sp =>
        {
            await sp.GetRequiredService<UserAdministration>().ResetPasswordAsync("sync-reset", "Nq4#vTz8Hk2w");
            return true;
        });

        (await bearer.GetAsync(Url(OwnCommunity))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await LastEventAsync("token.revoke")).After!.ShouldContain("密码已重置");
    }

    [DatabaseTheory]
    public async Task An_unknown_token_gets_a_401_that_says_so(Database database)
    {
        Use(database);
        using var forged = BearerClient("fe_forged-token");

        var response = await forged.GetAsync(Url(OwnCommunity));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ReadObjectAsync(response))["detail"]!.GetValue<string>().ShouldBe("令牌无效。");
    }

    [DatabaseTheory]
    public async Task LastUsedAt_is_recorded_and_written_at_most_once_a_minute(Database database)
    {
        Use(database);
        await AddAccountAsync("sync-used", mustChangePassword: false);
        using var bearer = BearerClient(await CreateTokenAsync("sync-used"));
        (await TokensOfAsync("sync-used")).Single().LastUsedAt.ShouldBeNull();

        var firstUse = Factory.Clock.GetUtcNow();
        (await bearer.GetAsync(Url(OwnCommunity))).StatusCode.ShouldBe(HttpStatusCode.OK);
        Factory.Clock.Advance(TimeSpan.FromSeconds(59));
        (await bearer.GetAsync(Url(OwnCommunity))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TokensOfAsync("sync-used")).Single().LastUsedAt.ShouldBe(firstUse);

        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        (await bearer.GetAsync(Url(OwnCommunity))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await TokensOfAsync("sync-used")).Single().LastUsedAt.ShouldBe(firstUse.AddMinutes(1));
    }

    private Task<AppUser> AddAccountAsync(string userName, bool mustChangePassword) => Factory.WithScopeAsync(sp =>
        sp.GetRequiredService<UserAdministration>().AddAsync(
            new NewUser(userName, "就业信息系统", Roles.CountyOfficer, "620102", FullEmploymentFactory.Password, mustChangePassword), checkActor: false));

    private Task<string> CreateTokenAsync(string userName) =>
        Factory.WithScopeAsync(sp => sp.GetRequiredService<ApiTokenService>().CreateAsync(userName));

    private Task<List<ApiToken>> TokensOfAsync(string userName) => Factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == id).ToListAsync();
    });

    private Task<AuditEvent> LastEventAsync(string action) => Factory.WithScopeAsync(sp =>
        sp.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking().Where(e => e.Action == action).OrderByDescending(e => e.Sequence).FirstAsync());

    private HttpClient BearerClient(string token)
    {
        var client = Factory.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
