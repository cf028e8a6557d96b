using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Identity;
using FullEmployment.Domain.Identity;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Identity;

/// <summary>Two-factor sign-in over HTTP (docs/reference/two-factor.md): enrolment, codes, lockout, reset, tokens.</summary>
public sealed partial class SecondFactorTests(DemoApps apps) : IntegrationTest(apps)
{
    private const string Password = FullEmploymentFactory.Password;

    [DatabaseTheory]
    public async Task An_officers_first_sign_in_enrols_an_authenticator_shows_ten_recovery_codes_and_stores_the_secret_protected(Database database)
    {
        Use(database);
        var userName = await AddAccountAsync(Roles.CountyOfficer, "620102");
        using var client = Factory.AnonymousClient();

        var password = await FullEmploymentFactory.LoginAsync(client, userName, Password);
        password.Headers.Location!.OriginalString.ShouldStartWith("/Account/EnrolSecondFactor");
        (await client.GetAsync(Url("/"))).Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
        var page = await client.GetStringAsync(Url(password.Headers.Location.OriginalString));
        page.ShouldContain("data:image/png;base64,");
        var secret = SecretPattern().Match(page).Groups[1].Value;
        var wrong = await FullEmploymentFactory.PostCodeAsync(client, "/Account/EnrolSecondFactor", page, "Code", "000000");
        WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()).ShouldContain("验证码错误");

        var authenticator = new TestAuthenticator(secret);
        var confirmed = await FullEmploymentFactory.PostCodeAsync(client, "/Account/EnrolSecondFactor",
            await client.GetStringAsync(Url("/Account/EnrolSecondFactor")), "Code", Factory.NextCode(authenticator));

        var html = await confirmed.Content.ReadAsStringAsync();
        var codes = RecoveryCodePattern().Matches(html).Select(m => m.Value).Distinct().ToList();
        codes.Count.ShouldBe(10);
        (await client.GetAsync(Url("/"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            return (Enrolment: await db.SecondFactorEnrolments.SingleAsync(e => e.UserId == user.Id),
                Hashes: await db.RecoveryCodes.Where(c => c.UserId == user.Id).Select(c => c.Hash).ToListAsync());
        });
        stored.Enrolment.ConfirmedAt.ShouldNotBeNull();
        stored.Enrolment.ProtectedSecret.ShouldNotContain(secret);
        stored.Hashes.Count.ShouldBe(10);
        stored.Hashes.ShouldAllBe(h => codes.All(c => !h.Contains(c.Replace("-", "", StringComparison.Ordinal))));
        (await EventsAsync(userName)).ShouldContain("user.second-factor.enrol");
        (await EventsAsync(userName)).ShouldContain("login.second-factor.failed");
    }

    [DatabaseTheory]
    public async Task After_enrolment_the_password_alone_does_not_sign_in_and_the_code_does(Database database)
    {
        Use(database);
        var userName = await EnrolledAccountAsync(Roles.CityFinance, "620100");
        using var client = Factory.AnonymousClient();

        var password = await FullEmploymentFactory.LoginAsync(client, userName, Password);

        password.Headers.Location!.OriginalString.ShouldStartWith("/Account/SecondFactor");
        (await client.GetAsync(Url("/"))).Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
        var signedIn = await PostSecondFactorAsync(client, "Code", Factory.NextCode(Factory.Authenticators[userName]));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.ShouldBe("/");
        (await client.GetAsync(Url("/"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [DatabaseTheory]
    public async Task The_same_code_is_refused_a_second_time_within_its_step(Database database)
    {
        Use(database);
        var userName = await EnrolledAccountAsync(Roles.Auditor, "620000");
        var code = Factory.NextCode(Factory.Authenticators[userName]);
        using var first = Factory.AnonymousClient();
        await FullEmploymentFactory.LoginAsync(first, userName, Password);
        (await PostSecondFactorAsync(first, "Code", code)).Headers.Location!.OriginalString.ShouldBe("/");

        using var second = Factory.AnonymousClient();
        await FullEmploymentFactory.LoginAsync(second, userName, Password);
        var replay = await PostSecondFactorAsync(second, "Code", code);

        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await replay.Content.ReadAsStringAsync()).ShouldContain("验证码错误或已使用");
        (await second.GetAsync(Url("/"))).Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
    }

    [DatabaseTheory]
    public async Task Wrong_codes_count_toward_the_same_lockout_as_wrong_passwords(Database database)
    {
        Use(database);
        var userName = await EnrolledAccountAsync(Roles.CountyFinance, "620102");
        using var client = Factory.AnonymousClient();
        // Two wrong passwords, then the right one: the password alone does not clear the count.
        await FullEmploymentFactory.LoginAsync(client, userName, "Wrong#Passw0rd");
        await FullEmploymentFactory.LoginAsync(client, userName, "Wrong#Passw0rd");
        await FullEmploymentFactory.LoginAsync(client, userName, Password);
        (await FindAsync(userName)).AccessFailedCount.ShouldBe(2);
        (await PostSecondFactorAsync(client, "Code", "000000")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PostSecondFactorAsync(client, "Recovery", "AAAAA-AAAAA")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FindAsync(userName)).AccessFailedCount.ShouldBe(4);

        var fifth = await PostSecondFactorAsync(client, "Code", "000000");

        fifth.Headers.Location!.OriginalString.ShouldBe("/Account/Login");
        (await FindAsync(userName)).LockoutEnd.ShouldBe(Factory.Clock.GetUtcNow().AddMinutes(15));
        // Locked: neither the password step nor the right code lets in.
        var again = await FullEmploymentFactory.LoginAsync(client, userName, Password);
        WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()).ShouldContain("账号已锁定15分钟");
        var events = await EventsAsync(userName);
        events.Count(e => e == "login.second-factor.failed").ShouldBe(3);
        events.ShouldContain("login.locked-out");
    }

    [DatabaseTheory]
    public async Task A_recovery_code_signs_in_once_and_is_used_up(Database database)
    {
        Use(database);
        var userName = await AddAccountAsync(Roles.CityOfficer, "620100");
        using var enrolling = Factory.AnonymousClient();
        var location = (await FullEmploymentFactory.LoginAsync(enrolling, userName, Password)).Headers.Location!.OriginalString;
        var page = await enrolling.GetStringAsync(Url(location));
        var authenticator = Factory.Authenticators[userName] = new TestAuthenticator(SecretPattern().Match(page).Groups[1].Value);
        var confirmed = await FullEmploymentFactory.PostCodeAsync(enrolling, "/Account/EnrolSecondFactor", page, "Code", Factory.NextCode(authenticator));
        var recoveryCode = RecoveryCodePattern().Match(await confirmed.Content.ReadAsStringAsync()).Value;

        using var first = Factory.AnonymousClient();
        await FullEmploymentFactory.LoginAsync(first, userName, Password);
        var used = await PostSecondFactorAsync(first, "Recovery", recoveryCode.ToLowerInvariant());
        used.Headers.Location!.OriginalString.ShouldBe("/");

        using var second = Factory.AnonymousClient();
        await FullEmploymentFactory.LoginAsync(second, userName, Password);
        var again = await PostSecondFactorAsync(second, "Recovery", recoveryCode);

        WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()).ShouldContain("恢复码错误或已使用");
        (await second.GetAsync(Url("/"))).Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
        (await EventsAsync(userName)).Count(e => e == "login.recovery-code").ShouldBe(1);
        var left = await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            return await sp.GetRequiredService<SecondFactorSessions>().RemainingRecoveryCodesAsync(user.Id);
        });
        left.ShouldBe(9);
    }

    [DatabaseTheory]
    public async Task The_security_admin_resets_a_second_factor_which_ends_sessions_forces_re_enrolment_and_is_audited(Database database)
    {
        Use(database);
        var userName = await EnrolledAccountAsync(Roles.CountyOfficer, "620102");
        using var session = Factory.ClientFor(userName);
        var oldSecret = Factory.Authenticators[userName].Secret;
        using var admin = Factory.ClientFor("secadmin");
        var details = await admin.GetStringAsync(Url($"/Admin/Users/Details/{userName}"));
        WebUtility.HtmlDecode(details).ShouldContain("已绑定");
        details.ShouldNotContain(oldSecret);

        var reset = await admin.PostAsync(Url($"/Admin/Users/Details/{userName}?handler=ResetSecondFactor"), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = FullEmploymentFactory.AntiforgeryToken(details) }));

        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await admin.GetStringAsync(Url($"/Admin/Users/Details/{userName}"));
        WebUtility.HtmlDecode(after).ShouldContain("两步验证已重置");
        after.ShouldNotContain(oldSecret);
        var resetEvent = await Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEvents
            .SingleAsync(e => e.Action == "user.second-factor.reset" && e.TargetId == userName));
        resetEvent.UserName.ShouldBe("secadmin");
        // The open session ends at the next security-stamp check (one minute).
        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        (await session.GetAsync(Url("/"))).Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
        using var next = Factory.AnonymousClient();
        (await FullEmploymentFactory.LoginAsync(next, userName, Password)).Headers.Location!.OriginalString.ShouldStartWith("/Account/EnrolSecondFactor");
        var newSecret = SecretPattern().Match(await next.GetStringAsync(Url("/Account/EnrolSecondFactor"))).Groups[1].Value;
        newSecret.ShouldNotBe(oldSecret);
    }

    [DatabaseTheory]
    [InlineData(Roles.ProvinceOfficer, "620000")]
    [InlineData(Roles.Auditor, "620000")]
    public async Task A_role_other_than_security_admin_may_not_reset_a_second_factor(Database database, string role, string scope)
    {
        Use(database);
        var target = await EnrolledAccountAsync(Roles.CountyOfficer, "620102");
        var actor = await AddAccountAsync(role, scope);
        using var client = Factory.ClientFor(actor);

        var response = await client.PostAsync(Url($"/Admin/Users/Details/{target}?handler=ResetSecondFactor"), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = FullEmploymentFactory.AntiforgeryToken(await client.GetStringAsync(Url("/"))) }));

        response.StatusCode.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.Redirect], await response.Content.ReadAsStringAsync());
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
        }

        var enrolled = await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var user = await db.Users.SingleAsync(u => u.UserName == target);
            return await db.SecondFactorEnrolments.AnyAsync(e => e.UserId == user.Id);
        });
        enrolled.ShouldBeTrue();
        await Should.ThrowAsync<ForbiddenException>(() => Factory.As(role, scope, sp =>
            ResetAsync(sp, target)));
    }

    [DatabaseTheory]
    public async Task A_security_admin_may_not_reset_their_own_second_factor(Database database)
    {
        Use(database);

        var refusal = await Should.ThrowAsync<FullEmployment.Domain.DomainException>(() => Factory.As(Roles.SecurityAdmin, "620000", sp =>
            ResetAsync(sp, $"{Roles.SecurityAdmin}@620000")));

        refusal.Message.ShouldContain("不能重置自己的两步验证");
    }

    [DatabaseTheory]
    public async Task An_api_token_of_an_enrolled_account_still_works_without_a_code(Database database)
    {
        Use(database);
        var userName = await EnrolledAccountAsync(Roles.CountyOfficer, "620102");
        var token = await Factory.WithScopeAsync(sp => sp.GetRequiredService<ApiTokenService>().CreateAsync(userName));
        using var bearer = Factory.AnonymousClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await bearer.GetAsync(Url("/api/v1/communities/620102001001"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [DatabaseTheory]
    public async Task Community_staff_sign_in_with_the_password_alone_unless_the_setting_requires_a_second_factor(Database database)
    {
        Use(database);
        using var optional = Factory.AnonymousClient();
        (await FullEmploymentFactory.LoginAsync(optional, "community", Password)).Headers.Location!.OriginalString.ShouldBe("/");

        using var strict = new FullEmploymentFactory(database, FactoryOptions.Demo with
        {
            Settings = new Dictionary<string, string> { ["SecondFactor:CommunityStaffRequired"] = "true" },
        });
        using var required = strict.AnonymousClient();
        (await FullEmploymentFactory.LoginAsync(required, "community", Password)).Headers.Location!.OriginalString
            .ShouldStartWith("/Account/EnrolSecondFactor");
    }

    private static async Task<bool> ResetAsync(IServiceProvider services, string userName)
    {
        await services.GetRequiredService<UserAdministration>().ResetSecondFactorAsync(userName);
        return true;
    }

    private async Task<string> AddAccountAsync(string role, string scope)
    {
        var userName = $"tf{Guid.NewGuid():N}"[..14];
        await Factory.WithScopeAsync(sp => sp.GetRequiredService<UserAdministration>().AddAsync(
            new NewUser(userName, "", role, scope, Password, MustChangePassword: false), checkActor: false));
        return userName;
    }

    /// <summary>A new account that has enrolled through the pages (the harness keeps its authenticator).</summary>
    private async Task<string> EnrolledAccountAsync(string role, string scope)
    {
        var userName = await AddAccountAsync(role, scope);
        using var client = Factory.ClientFor(userName);
        return userName;
    }

    private async Task<HttpResponseMessage> PostSecondFactorAsync(HttpClient client, string handler, string code)
    {
        var page = await client.GetStringAsync(Url("/Account/SecondFactor"));
        return await FullEmploymentFactory.PostCodeAsync(client, $"/Account/SecondFactor?handler={handler}", page,
            handler == "Code" ? "Code" : "RecoveryCode", code);
    }

    private Task<AppUser> FindAsync(string userName) => Factory.WithScopeAsync(async sp =>
        (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!);

    private Task<List<string>> EventsAsync(string userName) => Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEvents
        .Where(e => e.TargetId == userName).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

    [GeneratedRegex(@"data-testid=""totp-secret"">([A-Z2-7]+)<")]
    private static partial Regex SecretPattern();

    [GeneratedRegex(@"\b[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}\b")]
    private static partial Regex RecoveryCodePattern();
}
