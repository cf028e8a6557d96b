using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.EndToEndTests.Infrastructure;

/// <summary>
/// Runs the real web app (Program) on real Kestrel on a free loopback port, against its own
/// SQLite database file in a temp folder, in the Development environment (demo accounts seeded).
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    // Environment variables are process-wide: starting two apps at once must not mix them.
    private static readonly SemaphoreSlim StartLock = new(1, 1);

    private readonly string _tempDirectory =
        Path.Combine(Path.GetTempPath(), "fe-e2e-" + Guid.NewGuid().ToString("N"));

    private KestrelWebApplicationFactory? _factory;

    /// <summary>Root URL of the running app, without a trailing slash, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Path of the SQLite database file the app uses.</summary>
    public string DatabasePath => Path.Combine(_tempDirectory, "fullemployment.db");

    /// <summary>The app's services (for arranging data directly in a test).</summary>
    public IServiceProvider Services =>
        _factory?.Services ?? throw new InvalidOperationException("The web app is not started.");

    /// <summary>Settings given to the app (as configuration and as environment variables).</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Database__Provider"] = "Sqlite",
        ["ConnectionStrings__Default"] = "Data Source=" + DatabasePath,
        ["Demo__Password"] = DemoPassword,
        ["SecondFactor__KeyFile"] = Path.Combine(_tempDirectory, "second-factor.key"),
        ["DataProtection__KeyEncryptionKeyFile"] = Path.Combine(_tempDirectory, "data-protection.key"),
        ["PersonalData__KeyFile"] = Path.Combine(_tempDirectory, "personal-data.json"),
        // The ledger tests import their own rows and look for them on the first page of the list.
        ["Demo__Ledgers"] = "false",
    };

    /// <summary>
    /// The app's clock: <see cref="FixedStartClock.Start"/> plus the time the run has taken plus <see cref="FixedStartClock.Offset"/>,
    /// so every run sees the same dates whatever the real date is, and a test can still let a notice period pass.
    /// </summary>
    public FixedStartClock Clock { get; } = new();

    /// <summary>The authenticators the tests enrolled, by user name (each secret as the enrolment page showed it).</summary>
    public ConcurrentDictionary<string, TestAuthenticator> Authenticators { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Puts the clock back to the run's own time after a test moved it forward. The second factor refuses a code from a step
    /// at or before the last one used (replay), and a sign-in made while the clock was ahead used a step from the "future":
    /// a phone and a server whose clocks both jumped back would be in the same state, so both forget the steps used.
    /// </summary>
    public void RewindClock()
    {
        Clock.Offset = TimeSpan.Zero;
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + DatabasePath))
        {
            connection.Open();
            using var forget = connection.CreateCommand();
            forget.CommandText = "UPDATE second_factor_enrolments SET LastUsedStep = NULL";
            forget.ExecuteNonQuery();
        }

        foreach (var authenticator in Authenticators.Values)
        {
            authenticator.ForgetUsedSteps();
        }
    }

    /// <summary>The password of every seeded demo account in end-to-end runs.</summary>
    public const string DemoPassword = "Demo@Pass2025";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_tempDirectory);
        await StartLock.WaitAsync();
        var saved = new Dictionary<string, string?>();
        try
        {
            // Program reads configuration before builder.Build(): environment variables are
            // the one channel that is certainly seen there, so set them while the host starts.
            foreach (var (key, value) in Settings)
            {
                saved[key] = Environment.GetEnvironmentVariable(key);
                Environment.SetEnvironmentVariable(key, value);
            }

            _factory = new KestrelWebApplicationFactory(Settings, Clock);
            // Real Kestrel, loopback only, on a port chosen by the OS (no race for a "free" port).
            _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            _factory.StartServer();

            var addresses = _factory.Services.GetRequiredService<IServer>()
                .Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            var address = addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel reported no listening address.");
            BaseUrl = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
                .Replace("localhost", "127.0.0.1", StringComparison.Ordinal)
                .TrimEnd('/');
        }
        finally
        {
            foreach (var (key, value) in saved)
            {
                Environment.SetEnvironmentVariable(key, value);
            }

            StartLock.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_tempDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is cleaned by the OS later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class KestrelWebApplicationFactory(IReadOnlyDictionary<string, string> settings, TimeProvider clock)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(settings["ASPNETCORE_ENVIRONMENT"]);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key.Replace("__", ":", StringComparison.Ordinal), value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton(clock));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        }
    }
}

/// <summary>
/// A clock that starts at a fixed instant and then runs at real speed (sign-in tickets, audit order and import progress
/// see time pass), moved forward by <see cref="Offset"/> (zero unless a test shifts it; reset it when done).
/// The date never depends on the day the suite runs.
/// </summary>
public sealed class FixedStartClock : TimeProvider
{
    /// <summary>Monday 2026-06-15 10:00 China time: a working day in a configured calendar year, with the rest of the year configured.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 15, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly long _startedAt = Stopwatch.GetTimestamp();

    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => Start.ToUniversalTime() + Stopwatch.GetElapsedTime(_startedAt) + Offset;
}
