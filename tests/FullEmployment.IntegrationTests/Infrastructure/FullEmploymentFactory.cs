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
using Npgsql;

namespace FullEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// The real app on a database of its own: start-up runs the real migrations and seeds the demo communities and accounts
/// (one per role, all with <see cref="Password"/>). The clock is a <see cref="FakeTimeProvider"/> fixed at
/// 2025-06-02 09:00 China time. One factory is shared by the tests of one class (IClassFixture).
/// </summary>
public abstract partial class FullEmploymentFactory : WebApplicationFactory<Program>
{
    public const string Password = "Test#Passw0rd-2025";

    public static readonly DateTimeOffset Start = new(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(8));

    // In UTC, as the system clock gives it: PostgreSQL stores only offset 0.
    public FakeTimeProvider Clock { get; } = new(Start.ToUniversalTime());

    public abstract string ProviderName { get; }

    /// <summary>True when this provider's database is not configured here and the tests should return early (never in CI).</summary>
    public abstract bool Unavailable { get; }

    protected abstract string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting (not ConfigureAppConfiguration): Program reads the provider while registering services.
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", ProviderName);
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // Requests act as their signed-in user; a test scope may act as someone else (WithScopeAsync(actor, …)).
            services.AddScoped<ActingAs>();
            services.Replace(ServiceDescriptor.Scoped<ICurrentActor>(sp =>
                sp.GetRequiredService<ActingAs>().Actor ?? ActivatorUtilities.CreateInstance<HttpCurrentActor>(sp)));
            services.AddTransient<IStartupFilter, TestPeer>();
        });
    }

    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in through the real login page (antiforgery token, cookies kept, redirects not followed).</summary>
    public HttpClient ClientFor(string username) =>
        // Task.Run: no test synchronisation context to deadlock on.
        Task.Run(async () =>
        {
            var client = AnonymousClient();
            var response = await LoginAsync(client, username, Password);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Login as {username} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
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

    /// <summary>GET the login page, then POST the form with its antiforgery token.</summary>
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

/// <summary>A fresh SQLite file per factory, deleted on dispose.</summary>
public sealed class SqliteFactory : FullEmploymentFactory
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"fe-itest-{Guid.NewGuid():N}.db");

    public override string ProviderName => "Sqlite";

    public override bool Unavailable => false;

    protected override string ConnectionString => $"Data Source={_file}";

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_file + suffix);
            }
        }
    }
}

/// <summary>
/// A uniquely named PostgreSQL database per factory, created through the server in FE_TEST_POSTGRES (its user needs
/// CREATEDB) and dropped on dispose. Without FE_TEST_POSTGRES the tests return early, except in CI (CI=true) where they fail.
/// </summary>
public sealed class PostgresFactory : FullEmploymentFactory
{
    public const string Variable = "FE_TEST_POSTGRES";

    private static readonly string? ServerConnection = Environment.GetEnvironmentVariable(Variable);
    private readonly string _database = $"fe_itest_{Guid.NewGuid():N}";
    private bool _created;

    public override string ProviderName => "Postgres";

    public override bool Unavailable => string.IsNullOrWhiteSpace(ServerConnection)
        ? Environment.GetEnvironmentVariable("CI") == "true"
            ? throw new InvalidOperationException($"{Variable} is not set: CI must run the PostgreSQL integration tests.")
            : true
        : false;

    protected override string ConnectionString
    {
        get
        {
            if (Unavailable)
            {
                throw new InvalidOperationException($"{Variable} is not set.");
            }

            if (!_created)
            {
                Execute($"CREATE DATABASE \"{_database}\"");
                _created = true;
            }

            return new NpgsqlConnectionStringBuilder(ServerConnection) { Database = _database }.ConnectionString;
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _created)
        {
            NpgsqlConnection.ClearAllPools();
            Execute($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        }
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ServerConnection);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
