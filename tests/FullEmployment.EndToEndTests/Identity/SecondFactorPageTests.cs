using FullEmployment.Application.Identity;
using FullEmployment.Domain.Identity;
using FullEmployment.EndToEndTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FullEmployment.EndToEndTests.Identity;

/// <summary>Enrolling an authenticator and signing in with it, as an officer does it in the browser.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SecondFactorPageTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Password = WebAppFixture.DemoPassword;
    private const string Officer = "jyg-2fa-officer";

    [Fact]
    public async Task An_officer_enrols_from_the_secret_the_page_shows_then_signs_in_with_a_code_and_the_admin_resets_it()
    {
        // An account of its own, so this is its first sign-in whatever ran before.
        await using (var scope = Fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().AddAsync(
                new NewUser(Officer, "嘉峪关市人社局两步验证", Roles.CityOfficer, "620200", Password, MustChangePassword: false), checkActor: false);
        }

        await PasswordStepAsync(Officer, Password);
        Page.Url.ShouldContain("/Account/EnrolSecondFactor");
        (await Page.GetAttributeAsync("[data-testid=qr-code]", "src"))!.ShouldStartWith("data:image/png;base64,");
        var secret = (await Page.InnerTextAsync("[data-testid=totp-secret]")).Trim();
        secret.Length.ShouldBe(32);
        await SaveScreenshotAsync("second-factor-enrol");
        await SubmitCodeAsync("000000");
        (await Page.InnerTextAsync("form")).ShouldContain("验证码错误");

        Fixture.App.Authenticators[Officer] = new TestAuthenticator(secret);
        await SubmitCodeAsync(await NextCodeAsync(Officer));
        var codes = await Page.Locator("[data-testid=recovery-codes] li").AllInnerTextsAsync();
        codes.Count.ShouldBe(10);
        codes.ShouldAllBe(c => c.Length == 11 && c[5] == '-');
        await SaveScreenshotAsync("second-factor-recovery-codes");
        await Page.ClickAsync("[data-testid=continue]");
        (await Page.InnerTextAsync("[data-testid=current-user]")).ShouldContain("嘉峪关市人社局两步验证");

        await Context.ClearCookiesAsync();
        await PasswordStepAsync(Officer, Password);
        Page.Url.ShouldContain("/Account/SecondFactor");
        await SaveScreenshotAsync("second-factor-code");
        await SubmitCodeAsync(await NextCodeAsync(Officer));
        (await Page.InnerTextAsync("[data-testid=current-user]")).ShouldContain("嘉峪关市人社局两步验证");

        await SwitchUserAsync("secadmin");
        await Page.GotoAsync(BaseUrl + "/Admin/Users/Details/" + Officer);
        (await Page.InnerTextAsync("[data-testid=second-factor-status]")).ShouldBe("已绑定");
        (await Page.ContentAsync()).ShouldNotContain(secret);
        Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await Page.ClickAsync("[data-testid=reset-second-factor]");
        (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("两步验证已重置");
        (await Page.InnerTextAsync("[data-testid=second-factor-status]")).ShouldContain("未绑定");

        await Context.ClearCookiesAsync();
        await PasswordStepAsync(Officer, Password);
        Page.Url.ShouldContain("/Account/EnrolSecondFactor");
        (await Page.InnerTextAsync("[data-testid=totp-secret]")).Trim().ShouldNotBe(secret);
    }
}
