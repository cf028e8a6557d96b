using System.Net;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Identity;
using FullEmployment.Domain.Identity;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FullEmployment.IntegrationTests.Identity;

/// <summary>Login, lockout, password policy, headers, antiforgery, error page and session timeout.</summary>
public sealed class SecurityTests(DemoApps apps) : IntegrationTest(apps)
{
    private const string LockedOutMessage = "密码连续错误5次，账号已锁定15分钟";

    [DatabaseTheory]
    public async Task Five_wrong_passwords_lock_the_account_for_15_minutes_even_against_the_right_password(Database database)
    {
        Use(database);

        using var client = Factory.AnonymousClient();
        var lockedFrom = Factory.Clock.GetUtcNow();
        for (var i = 1; i <= 4; i++)
        {
            (await PageTextAsync(await FullEmploymentFactory.LoginAsync(client, "lanzhou-finance", "Wrong#Passw0rd"))).ShouldContain("用户名或密码错误");
        }

        (await PageTextAsync(await FullEmploymentFactory.LoginAsync(client, "lanzhou-finance", "Wrong#Passw0rd"))).ShouldContain(LockedOutMessage);

        var right = await FullEmploymentFactory.LoginAsync(client, "lanzhou-finance", FullEmploymentFactory.Password);

        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageTextAsync(right)).ShouldContain(LockedOutMessage);
        // The lockout runs on the app's clock (ClockedUserManager): 15 minutes from the fifth failure.
        var end = await Factory.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("lanzhou-finance"))!.LockoutEnd);
        end.ShouldNotBeNull();
        end.Value.ShouldBe(lockedFrom.AddMinutes(15));
    }

    [DatabaseTheory]
    public async Task Once_the_lockout_has_ended_the_right_password_signs_in(Database database)
    {
        Use(database);

        using var client = Factory.AnonymousClient();
        for (var i = 1; i <= 5; i++)
        {
            await FullEmploymentFactory.LoginAsync(client, "chengguan-finance", "Wrong#Passw0rd");
        }

        // 15 minutes pass on the app's clock.
        Factory.Clock.Advance(TimeSpan.FromMinutes(15).Add(TimeSpan.FromSeconds(1)));

        var response = await Factory.SignInAsync(client, "chengguan-finance", FullEmploymentFactory.Password);

        FullEmploymentFactory.IsSignedIn(response).ShouldBeTrue();
    }

    [DatabaseTheory]
    [InlineData("Ab#12345", "密码至少10位。")]
    [InlineData("abcdefgh1234", "密码须包含大写字母、小写字母、数字、符号中的至少三类。")]
    [InlineData("Password@123", "该密码过于常见或包含用户名，请换一个。")]
    [InlineData("Community#2025x", "该密码过于常见或包含用户名，请换一个。")]
    public async Task A_weak_new_password_is_refused_and_the_old_one_still_works(Database database, string newPassword, string message)
    {
        Use(database);

        using var client = Factory.ClientFor("community");
        var form = await client.GetStringAsync(Url("/Account/ChangePassword"));
        var response = await client.PostAsync(Url("/Account/ChangePassword"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FullEmploymentFactory.AntiforgeryToken(form),
            ["Input.CurrentPassword"] = FullEmploymentFactory.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageTextAsync(response)).ShouldContain(message);
        using var again = Factory.AnonymousClient();
        (await FullEmploymentFactory.LoginAsync(again, "community", FullEmploymentFactory.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [DatabaseTheory]
    public async Task Pages_send_the_security_headers(Database database)
    {
        Use(database);

        using var client = Factory.AnonymousClient();
        var response = await client.GetAsync(Url("/Account/Login"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        string.Join(";", response.Headers.GetValues("Content-Security-Policy")).ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["same-origin"]);
    }

    [DatabaseTheory]
    public async Task An_authenticated_page_is_never_cached(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("chengguan");
        var response = await client.GetAsync(Url("/Communities"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [DatabaseTheory]
    public async Task A_post_without_antiforgery_token_is_400(Database database)
    {
        Use(database);

        using var anonymous = Factory.AnonymousClient();
        using var signedIn = Factory.ClientFor("chengguan");
        var login = await anonymous.PostAsync(Url("/Account/Login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "chengguan",
            ["Input.Password"] = FullEmploymentFactory.Password,
        }));
        var change = await signedIn.PostAsync(Url("/Account/ChangePassword"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = FullEmploymentFactory.Password,
            ["Input.NewPassword"] = "Another#Passw0rd1",
            ["Input.ConfirmPassword"] = "Another#Passw0rd1",
        }));

        login.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await anonymous.GetAsync(Url("/"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        change.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [DatabaseTheory]
    public async Task An_unknown_url_shows_the_Chinese_error_page_without_a_stack_trace(Database database)
    {
        Use(database);

        using var client = Factory.AnonymousClient();
        var response = await client.GetAsync(Url("/no/such/page"));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var text = await PageTextAsync(response);
        text.ShouldContain("<html lang=\"zh-CN\">");
        text.ShouldContain("未找到（404）");
        text.ShouldContain("您访问的页面或记录不存在");
        text.ShouldNotContain("Exception");
        text.ShouldNotContain(" at ");
    }

    [DatabaseTheory]
    public async Task The_session_ends_after_30_idle_minutes(Database database)
    {
        Use(database);

        var cookie = Factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        cookie.ExpireTimeSpan.ShouldBe(TimeSpan.FromMinutes(30));
        cookie.SlidingExpiration.ShouldBeTrue();
        cookie.Cookie.HttpOnly.ShouldBeTrue();

        using var client = Factory.ClientFor("lanzhou");
        (await client.GetAsync(Url("/"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        Factory.Clock.Advance(TimeSpan.FromMinutes(31));

        var response = await client.GetAsync(Url("/"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
    }

    [DatabaseTheory]
    public async Task A_bearer_token_authenticates_API_calls_and_a_forged_one_is_401(Database database)
    {
        Use(database);

        using var bearer = Factory.BearerClientFor("chengguan");
        using var forged = Factory.AnonymousClient();
        forged.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "fe_forged-token");

        (await bearer.GetAsync(Url("/api/v1/communities/620102001001"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bearer.GetAsync(Url("/api/v1/communities/620103001001"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await forged.GetAsync(Url("/api/v1/communities/620102001001"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [DatabaseTheory]
    public async Task A_disabled_account_is_told_so_before_its_password_is_checked(Database database)
    {
        Use(database);

        await AddAccountAsync("disabled-officer");
        await Factory.WithScopeAsync(new FixedActor("secadmin", Roles.SecurityAdmin, "620000"), async sp =>
        {
            await sp.GetRequiredService<UserAdministration>().SetDisabledAsync("disabled-officer", disabled: true);
            return true;
        });
        using var client = Factory.AnonymousClient();

        var wrong = await FullEmploymentFactory.LoginAsync(client, "disabled-officer", "Wrong#Passw0rd");
        var right = await FullEmploymentFactory.LoginAsync(client, "disabled-officer", FullEmploymentFactory.Password);

        foreach (var response in new[] { wrong, right })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var text = await PageTextAsync(response);
            text.ShouldContain("该账号已停用，请联系安全管理员。");
            text.ShouldNotContain("用户名或密码错误");
        }

        // The password was never tried: no failed attempt counts toward lockout.
        (await FindAsync("disabled-officer")).AccessFailedCount.ShouldBe(0);
    }

    [DatabaseTheory]
    public async Task Wrong_current_passwords_on_the_change_password_page_count_toward_lockout_and_the_lockout_ends_every_session(Database database)
    {
        Use(database);

        await AddAccountAsync("guessing-officer");
        using var client = Factory.ClientFor("guessing-officer");
        using var otherSession = Factory.ClientFor("guessing-officer");
        for (var i = 1; i <= 4; i++)
        {
            var refused = await PostChangePasswordAsync(client, "Wrong#Passw0rd");
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await PageTextAsync(refused)).ShouldContain("原密码错误");
            (await FindAsync("guessing-officer")).AccessFailedCount.ShouldBe(i);
        }

        var fifth = await PostChangePasswordAsync(client, "Wrong#Passw0rd");

        (await PageTextAsync(fifth)).ShouldContain("账号已锁定15分钟，已退出登录");
        (await FindAsync("guessing-officer")).LockoutEnd.ShouldNotBeNull();
        var next = await client.GetAsync(Url("/"));
        next.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        next.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
        using var again = Factory.AnonymousClient();
        (await PageTextAsync(await FullEmploymentFactory.LoginAsync(again, "guessing-officer", FullEmploymentFactory.Password))).ShouldContain(LockedOutMessage);
        // A session opened before the lockout cannot change the password either, even with the right one.
        (await PageTextAsync(await PostChangePasswordAsync(otherSession, FullEmploymentFactory.Password))).ShouldContain("账号已锁定15分钟，已退出登录");
        var failures = await Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEvents
            .CountAsync(e => e.Action == "user.change-password.failed" && e.TargetId == "guessing-officer"));
        failures.ShouldBe(6);
    }

    private static async Task<HttpResponseMessage> PostChangePasswordAsync(HttpClient client, string currentPassword)
    {
        var form = await client.GetStringAsync(new Uri("/Account/ChangePassword", UriKind.Relative));
        return await client.PostAsync(new Uri("/Account/ChangePassword", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FullEmploymentFactory.AntiforgeryToken(form),
            ["Input.CurrentPassword"] = currentPassword,
            ["Input.NewPassword"] = "Nq4#vTz8Hk2w",
            ["Input.ConfirmPassword"] = "Nq4#vTz8Hk2w",
        }));
    }

    /// <summary>An account of this test's own (a county officer), so locking or disabling it touches no other test.</summary>
    private Task<AppUser> AddAccountAsync(string userName) => Factory.WithScopeAsync(sp =>
        sp.GetRequiredService<UserAdministration>().AddAsync(
            new NewUser(userName, "", Roles.CountyOfficer, "620102", FullEmploymentFactory.Password, MustChangePassword: false), checkActor: false));

    private Task<AppUser> FindAsync(string userName) => Factory.WithScopeAsync(async sp =>
        (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!);

    /// <summary>The page HTML with character references decoded (Razor encodes Chinese text).</summary>
    private static async Task<string> PageTextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
