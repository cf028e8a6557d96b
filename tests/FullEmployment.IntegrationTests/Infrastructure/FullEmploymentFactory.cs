using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FullEmployment.Application.Common;
using FullEmployment.Application.Identity;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace FullEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// The one integration-test harness: the real app on a database of its own (a fresh SQLite file, or a uniquely named
/// PostgreSQL database created on FE_TEST_POSTGRES's server), both dropped on dispose, with start-up running the real
/// migrations. The clock is a <see cref="FakeTimeProvider"/> at <see cref="FactoryOptions.Start"/>; what the database
/// holds besides the schema is the options' choice (<see cref="FactoryOptions.Demo"/>, CampaignData, LedgerData).
/// Settings go in through <c>UseSetting</c>, never process-wide environment variables, so apps start in parallel.
/// </summary>
public sealed partial class FullEmploymentFactory(Database database, FactoryOptions options) : WebApplicationFactory<Program>
{
    /// <summary>The demo accounts' password (<see cref="FactoryOptions.Demo"/>).</summary>
    public const string Password = "Test#Passw0rd-2025";

    /// <summary>2025-06-02 09:00 China time: the demo app's clock.</summary>
    public static readonly DateTimeOffset Start = new(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"fe-itest-{Guid.NewGuid():N}");
    private readonly string _postgresDatabase = $"fe_itest_{Guid.NewGuid():N}";
    private bool _postgresCreated;
    private bool _cleanedUp;

    public Database Database => database;

    /// <summary>The app's audit key file, generated at first start (outside production), for tests that seal by hand.</summary>
    public string AuditKeyFile => Path.Combine(_folder, "audit-hmac.key");

    // In UTC, as the system clock gives it: PostgreSQL stores only offset 0.
    public FakeTimeProvider Clock { get; } = new(options.Start.ToUniversalTime());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        // UseSetting (not ConfigureAppConfiguration): Program reads the provider while registering services.
        builder.UseEnvironment(options.Environment);
        builder.UseSetting("Database:Provider", database.ToString());
        builder.UseSetting("ConnectionStrings:Default", ConnectionString());
        builder.UseSetting("Demo:Seed", options.DemoData ? "true" : "false");
        builder.UseSetting("Demo:Ledgers", options.DemoLedgers ? "true" : "false");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Files:Root", Path.Combine(_folder, "files"));
        builder.UseSetting("SecondFactor:KeyFile", Path.Combine(_folder, "second-factor.key"));
        builder.UseSetting("DataProtection:KeyEncryptionKeyFile", Path.Combine(_folder, "data-protection.key"));
        builder.UseSetting("Audit:HmacKeyFile", AuditKeyFile);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests decide when indicators are computed; the roll-up computes what is missing itself.
        builder.UseSetting("Indicators:WarmRollUp", "false");
        foreach (var (key, value) in options.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // Requests act as their signed-in user; a test scope may act as someone else (WithScopeAsync(actor, …)).
            services.AddScoped<ActingAs>();
            services.Replace(ServiceDescriptor.Scoped<ICurrentActor>(sp =>
                sp.GetRequiredService<ActingAs>().Actor ?? ActivatorUtilities.CreateInstance<HttpCurrentActor>(sp)));
            services.AddTransient<IStartupFilter, TestPeer>();
            options.Services?.Invoke(services);
        });
    }

    private string ConnectionString()
    {
        if (database == Database.Sqlite)
        {
            return $"Data Source={Path.Combine(_folder, "fe.db")}";
        }

        var connectionString = Databases.CreatePostgresDatabase(_postgresDatabase);
        _postgresCreated = true;
        return connectionString;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || _cleanedUp)
        {
            return;
        }

        _cleanedUp = true;
        if (_postgresCreated)
        {
            Databases.DropPostgresDatabase(_postgresDatabase);
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Never started: nothing was written.
        }
        catch (IOException)
        {
            // A file the OS still holds open is left for the temp cleaner.
        }
    }

    /// <summary>The authenticators the harness enrolled, by user name (the secret as the enrolment page showed it).</summary>
    public ConcurrentDictionary<string, TestAuthenticator> Authenticators { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in through the real login page (antiforgery token, cookies kept, redirects not followed).</summary>
    public HttpClient ClientFor(string username) =>
        // Task.Run: no test synchronisation context to deadlock on.
        Task.Run(async () =>
        {
            var client = AnonymousClient();
            var response = await SignInAsync(client, username, Password);
            if (!IsSignedIn(response))
            {
                throw new InvalidOperationException($"Login as {username} failed: {(int)response.StatusCode} {response.Headers.Location} {await response.Content.ReadAsStringAsync()}");
            }

            return client;
        }).GetAwaiter().GetResult();

    /// <summary>A client sending a bearer token made by the app's <see cref="ApiTokenService"/>.</summary>
    public HttpClient BearerClientFor(string username) =>
        Task.Run(async () =>
        {
            var token = await WithScopeAsync(sp => sp.GetRequiredService<ApiTokenService>().CreateAsync(username));
            var client = AnonymousClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }).GetAwaiter().GetResult();

    /// <summary>
    /// The whole sign-in as a person does it: the password, then on first sign-in the enrolment page (the secret read off
    /// the page, a code from it confirmed, the recovery codes page passed), otherwise the code of the account's
    /// authenticator. Returns the last response: a redirect away from /Account when signed in.
    /// </summary>
    public async Task<HttpResponseMessage> SignInAsync(HttpClient client, string username, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await LoginAsync(client, username, password);
        var location = response.Headers.Location?.OriginalString ?? "";
        if (location.StartsWith("/Account/EnrolSecondFactor", StringComparison.Ordinal))
        {
            var page = await client.GetStringAsync(new Uri(location, UriKind.Relative));
            var secret = SecretPattern().Match(page) is { Success: true } m ? m.Groups[1].Value
                : throw new InvalidOperationException("The enrolment page shows no secret.");
            var authenticator = Authenticators[username] = new TestAuthenticator(secret);
            var confirmed = await PostCodeAsync(client, location, page, "Code", NextCode(authenticator));
            if (confirmed.StatusCode != HttpStatusCode.OK || ContinuePattern().Match(await confirmed.Content.ReadAsStringAsync()) is not { Success: true } next)
            {
                return confirmed;
            }

            // The recovery codes are shown once; "continue" leads where the sign-in was going.
            return await client.GetAsync(new Uri(WebUtility.HtmlDecode(next.Groups[1].Value), UriKind.Relative));
        }

        if (location.StartsWith("/Account/SecondFactor", StringComparison.Ordinal))
        {
            var authenticator = Authenticators.GetValueOrDefault(username)
                ?? throw new InvalidOperationException($"{username} enrolled outside the harness: no authenticator to read a code from.");
            var page = await client.GetStringAsync(new Uri(location, UriKind.Relative));
            return await PostCodeAsync(client, location + (location.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=Code", page, "Code",
                NextCode(authenticator));
        }

        return response;
    }

    /// <summary>
    /// Whether a <see cref="SignInAsync"/> ended signed in: redirected, or arrived, outside /Account, or sent on to change
    /// an initial password.
    /// </summary>
    public static bool IsSignedIn(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var path = response.StatusCode == HttpStatusCode.Redirect
            ? response.Headers.Location?.OriginalString ?? ""
            : response.IsSuccessStatusCode ? response.RequestMessage?.RequestUri?.AbsolutePath ?? "" : "/Account/";
        return !path.StartsWith("/Account/", StringComparison.Ordinal) || path.StartsWith("/Account/ChangePassword", StringComparison.Ordinal);
    }

    /// <summary>The authenticator's next code; when the steps around now are used up, the clock moves on one step first.</summary>
    public string NextCode(TestAuthenticator authenticator)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        if (authenticator.NextCode(Clock.GetUtcNow()) is { } code)
        {
            return code;
        }

        Clock.Advance(TimeSpan.FromSeconds(30));
        return authenticator.NextCode(Clock.GetUtcNow())!;
    }

    /// <summary>POSTs a code form of a page fetched before (its antiforgery token).</summary>
    public static Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string url, string page, string field, string code)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            [field] = code,
        }));
    }

    /// <summary>GET the login page, then POST the form with its antiforgery token (the password step only).</summary>
    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string username, string password)
    {
        var page = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["Input.UserName"] = username,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("The page has no __RequestVerificationToken.");

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>A service scope whose use cases act as <paramref name="actor"/> (role and scope checks, audit).</summary>
    public async Task<T> WithScopeAsync<T>(ICurrentActor actor, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingAs>().Actor = actor;
        return await action(scope.ServiceProvider);
    }

    /// <summary>Runs <paramref name="work"/> in a fresh scope as the actor <c>role@scope</c> (role and scope checks, audit).</summary>
    public Task<T> As<T>(string role, string scope, Func<IServiceProvider, Task<T>> work) =>
        WithScopeAsync(new FixedActor($"{role}@{scope}", role, scope, "127.0.0.1"), work);

    public Task<T> As<TService, T>(string role, string scope, Func<TService, Task<T>> work)
        where TService : notnull =>
        As(role, scope, sp => work(sp.GetRequiredService<TService>()));

    [GeneratedRegex(@"data-testid=""totp-secret"">([A-Z2-7]+)<")]
    private static partial Regex SecretPattern();

    [GeneratedRegex(@"href=""([^""]+)"" data-testid=""continue""")]
    private static partial Regex ContinuePattern();

    [GeneratedRegex(@"name=""__RequestVerificationToken""[^>]*value=""([^""]+)""")]
    private static partial Regex TokenPattern();
}

/// <summary>
/// The test server has no TCP peer: a request's <see cref="Header"/> stands for the address it connects from (a proxy or a
/// visitor), set before the app's own pipeline, whose forwarded-headers handling then runs as in production.
/// </summary>
public sealed class TestPeer : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>The actor a test scope acts as; null for the request's user.</summary>
public sealed class ActingAs
{
    public ICurrentActor? Actor { get; set; }
}

/// <summary>What a <see cref="FullEmploymentFactory"/> starts with, besides the migrated schema.</summary>
public sealed record FactoryOptions
{
    /// <summary>The demo communities and accounts (one per role, all with <see cref="FullEmploymentFactory.Password"/>), the demo ledgers and the campaign demo, at <see cref="FullEmploymentFactory.Start"/>.</summary>
    public static FactoryOptions Demo { get; } = new() { Start = FullEmploymentFactory.Start, DemoData = true, DemoLedgers = true };

    public required DateTimeOffset Start { get; init; }

    /// <summary>Seed DemoData (communities, accounts) and the campaign demo at start-up.</summary>
    public bool DemoData { get; init; }

    /// <summary>With <see cref="DemoData"/>: generate the demo communities' ledgers too.</summary>
    public bool DemoLedgers { get; init; }

    public string Environment { get; init; } = "Development";

    /// <summary>Settings added after the harness's own.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Service replacements, after the harness's clock and actor.</summary>
    public Action<IServiceCollection>? Services { get; init; }
}
