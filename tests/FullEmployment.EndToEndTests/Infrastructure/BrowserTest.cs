using System.Reflection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FullEmployment.EndToEndTests.Infrastructure;

/// <summary>
/// Base class of browser tests. Each test gets a new browser context and <see cref="Page"/>;
/// when the test ends (passed or failed) a screenshot is saved as
/// test-output/screenshots/&lt;TestName&gt;.png under the repository root.
/// <code>
/// [Collection(EndToEndCollection.Name)]
/// public sealed class LoginTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
/// {
///     [Fact]
///     public async Task Admin_can_log_in() { await LoginAsync("admin", "..."); ... }
/// }
/// </code>
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    private readonly List<string> _browserErrors = [];
    private IBrowserContext? _context;
    private IPage? _page;

    protected BrowserTest(EndToEndFixture fixture, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Fixture = fixture;
        Output = output;
        TestName = FindTestName(output) ?? GetType().Name;
    }

    protected EndToEndFixture Fixture { get; }

    protected ITestOutputHelper Output { get; }

    /// <summary>The test method's name (used for the screenshot file).</summary>
    protected string TestName { get; }

    /// <summary>Root URL of the app, e.g. http://127.0.0.1:41234 (relative URLs work in Page.GotoAsync too).</summary>
    protected string BaseUrl => Fixture.BaseUrl;

    protected IPage Page => _page ?? throw new InvalidOperationException("The page is not open yet.");

    /// <summary>Errors the browser's console has logged so far (CSP violations, failed requests, script errors).</summary>
    protected IReadOnlyList<string> BrowserErrors => _browserErrors;

    protected IBrowserContext Context => _context ?? throw new InvalidOperationException("The page is not open yet.");

    /// <summary>test-output/screenshots under the repository root (FE_TEST_OUTPUT overrides test-output).</summary>
    public static string ScreenshotDirectory => Path.Combine(TestOutputDirectory, "screenshots");

    public static string TestOutputDirectory =>
        Environment.GetEnvironmentVariable("FE_TEST_OUTPUT") is { Length: > 0 } dir
            ? dir
            : Path.Combine(FindRepositoryRoot(), "test-output");

    public virtual async Task InitializeAsync()
    {
        _context = await Fixture.NewContextAsync();
        _context.SetDefaultTimeout(15_000);
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                WriteOutput($"[browser {message.Type}] {message.Text}");
            }

            if (message.Type is "error")
            {
                _browserErrors.Add(message.Text);
            }
        };
        _page.PageError += (_, error) => WriteOutput($"[page error] {error}");
        // The console's "Failed to load resource" names no address; this says which one.
        _page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                WriteOutput($"[browser response] {response.Status} {response.Request.Method} {response.Url}");
            }
        };
    }

    public virtual async Task DisposeAsync()
    {
        try
        {
            if (_page is not null && !_page.IsClosed)
            {
                await SaveScreenshotAsync(TestName);
            }
        }
        catch (PlaywrightException e)
        {
            WriteOutput($"screenshot failed: {e.Message}");
        }
        finally
        {
            if (_context is not null)
            {
                await _context.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Logs in through /Account/Login with the given user name and password, then through the second factor as a person
    /// does: on the account's first sign-in the secret is read off the enrolment page and a code from it confirmed (the
    /// recovery codes page passed); after that the code comes from that secret (<see cref="WebAppFixture.Authenticators"/>).
    /// </summary>
    protected async Task LoginAsync(string username, string password)
    {
        await PasswordStepAsync(username, password);
        if (Page.Url.Contains("/Account/EnrolSecondFactor", StringComparison.Ordinal))
        {
            var secret = (await Page.InnerTextAsync("[data-testid=totp-secret]")).Trim();
            Fixture.App.Authenticators[username] = new TestAuthenticator(secret);
            await SubmitCodeAsync(await NextCodeAsync(username));
            await ClickAndWaitAsync("[data-testid=continue]");
        }
        else if (Page.Url.Contains("/Account/SecondFactor", StringComparison.Ordinal))
        {
            await SubmitCodeAsync(await NextCodeAsync(username));
        }
    }

    /// <summary>The next code of the account's authenticator; waits for the next step when the window's steps are used up.</summary>
    protected async Task<string> NextCodeAsync(string username)
    {
        var authenticator = Fixture.App.Authenticators[username];
        var code = authenticator.NextCode(Fixture.App.Clock.GetUtcNow());
        for (var waited = 0; code is null; waited++)
        {
            // Two steps ahead at most: a longer wait means the clock went back without RewindClock.
            waited.ShouldBeLessThan(70, $"{username}的验证码步长已用尽：时钟回拨后应调用 Fixture.App.RewindClock()。");
            await Task.Delay(TimeSpan.FromSeconds(1));
            code = authenticator.NextCode(Fixture.App.Clock.GetUtcNow());
        }

        return code;
    }

    /// <summary>Fills the code field of the enrolment or second-factor page and submits it.</summary>
    protected async Task SubmitCodeAsync(string code)
    {
        await Page.FillAsync("#Code", code);
        await ClickAndWaitAsync("form:has(#Code) button[type=submit]");
    }

    /// <summary>Only the password form: the page it leads to (the workbench, the enrolment page, the code page) is left to the caller.</summary>
    protected async Task PasswordStepAsync(string username, string password)
    {
        await Page.GotoAsync(BaseUrl + "/Account/Login");
        await Page.FillAsync("#Input_UserName", username);
        await Page.FillAsync("#Input_Password", password);
        await ClickAndWaitAsync("button[type=submit]");
    }

    private async Task ClickAndWaitAsync(string selector)
    {
        // Wait for the navigation the submit starts (the redirect after a successful login, or the
        // form shown again with errors). The "racy" warning is about WaitForNavigationAsync alone;
        // RunAndWait starts waiting before the click, which is the race-free form.
#pragma warning disable CS0612
        await Page.RunAndWaitForNavigationAsync(() => Page.ClickAsync(selector));
#pragma warning restore CS0612
    }

    /// <summary>Signs the browser out (cookies cleared) and in again as a demo account (<see cref="WebAppFixture.DemoPassword"/>).</summary>
    protected async Task SwitchUserAsync(string username)
    {
        await Context.ClearCookiesAsync();
        await LoginAsync(username, WebAppFixture.DemoPassword);
    }

    /// <summary>On an open score form: every item at its maximum with a remark (needed where an auto item is changed), saved.</summary>
    protected async Task ScoreEverythingAsync()
    {
        var scores = Page.Locator("[data-testid=score-form] .score-input");
        var remarks = Page.Locator("[data-testid=score-form] .score-remark");
        for (var i = 0; i < await scores.CountAsync(); i++)
        {
            await scores.Nth(i).FillAsync(await scores.Nth(i).GetAttributeAsync("max") ?? "0");
            await remarks.Nth(i).FillAsync("经核实，按满分计。");
        }

        await Page.ClickAsync("button:text('保存评分')");
        (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("评分已保存");
    }

    /// <summary>Saves a full-page screenshot as test-output/screenshots/&lt;name&gt;.png and returns its path.</summary>
    protected async Task<string> SaveScreenshotAsync(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Directory.CreateDirectory(ScreenshotDirectory);
        var safe = string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == ' ' ? '_' : c));
        var path = Path.Combine(ScreenshotDirectory, safe + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        WriteOutput($"screenshot: {path}");
        return path;
    }

    private void WriteOutput(string line)
    {
        try
        {
            Output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // Output after the test finished is not accepted by xunit.
        }
    }

    private static string? FindTestName(ITestOutputHelper output)
    {
        // xunit v2 gives no public access to the current test; its TestOutputHelper keeps it in a field.
        var test = output?.GetType()
            .GetField("test", BindingFlags.Instance | BindingFlags.NonPublic)?
            .GetValue(output) as ITest;
        return test?.TestCase.TestMethod.Method.Name;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FullEmployment.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
