using System.Net.Http.Headers;
using System.Text;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Identity;
using FullEmployment.Domain.Ledgers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace FullEmployment.IntegrationTests.Ledgers;

// The Cli's template also declares a global Program; any type of the web assembly names its entry point.
using WebEntryPoint = FullEmployment.Web.Api.LedgerImportDto;

/// <summary>
/// The real web app on its own database (a temp SQLite file, or a fresh PostgreSQL database when
/// FE_TEST_POSTGRES is set), with the demo communities and accounts and a fixed clock.
/// </summary>
public sealed class LedgerApp : IAsyncDisposable
{
    public const string Password = "Demo@Pass2025";

    /// <summary>2025-03-10 10:00 China time: the default period is 2024-03-01 … 2025-02-28.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 10, 2, 0, 0, TimeSpan.Zero);

    // Program reads its settings before the factory can change them: environment variables are
    // seen, but they are process-wide, so apps start one at a time.
    private static readonly SemaphoreSlim StartLock = new(1, 1);

    private readonly WebApplicationFactory<WebEntryPoint> _factory;
    private readonly string _directory;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresDatabase;

    private LedgerApp(WebApplicationFactory<WebEntryPoint> factory, string directory, string? postgresAdmin, string? postgresDatabase)
    {
        _factory = factory;
        _directory = directory;
        _postgresAdmin = postgresAdmin;
        _postgresDatabase = postgresDatabase;
    }

    public FakeTimeProvider Clock { get; } = new(Now);

    public IServiceProvider Services => _factory.Services;

    public bool IsPostgres => _postgresDatabase is not null;

    /// <summary>Null when PostgreSQL is asked for but not configured (never in CI).</summary>
    public static async Task<LedgerApp?> StartAsync(DatabaseProvider provider)
    {
        var directory = Path.Combine(Path.GetTempPath(), "fe-ledger-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string connectionString;
        string? admin = null, database = null;
        if (provider == DatabaseProvider.Postgres)
        {
            admin = Environment.GetEnvironmentVariable("FE_TEST_POSTGRES");
            if (string.IsNullOrEmpty(admin))
            {
                Environment.GetEnvironmentVariable("CI").ShouldNotBe("true", "CI must run the PostgreSQL tests: FE_TEST_POSTGRES is not set.");
                return null;
            }

            database = "fe_ledger_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
                await create.ExecuteNonQueryAsync();
            }

            connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
        }
        else
        {
            connectionString = "Data Source=" + Path.Combine(directory, "fe.db");
        }

        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database__Provider"] = provider.ToString(),
            ["ConnectionStrings__Default"] = connectionString,
            ["Demo__Seed"] = "true",
            ["Demo__Ledgers"] = "false",
            ["Demo__Password"] = Password,
        };
        LedgerApp? app = null;
        await StartLock.WaitAsync();
        var saved = settings.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var (key, value) in settings)
            {
                Environment.SetEnvironmentVariable(key, value);
            }

            FakeTimeProvider? clock = null;
            var factory = new WebApplicationFactory<WebEntryPoint>().WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Development");
                b.ConfigureTestServices(services =>
                {
                    services.RemoveAll<TimeProvider>();
                    services.AddSingleton<TimeProvider>(_ => clock!);
                    services.RemoveAll<FullEmployment.Application.Ledgers.Import.LedgerImportOptions>();
                    services.AddSingleton(new FullEmployment.Application.Ledgers.Import.LedgerImportOptions { MaxFileBytes = MaxFileBytes });
                });
            });
            app = new LedgerApp(factory, directory, admin, database);
            clock = app.Clock;
            _ = factory.Server;
        }
        finally
        {
            foreach (var (key, value) in saved)
            {
                Environment.SetEnvironmentVariable(key, value);
            }

            StartLock.Release();
        }

        return app;
    }

    /// <summary>The tests' upload limit (the default is 50 MB), small so an oversized file is cheap to make.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>A client authenticated with a fresh bearer token of a demo account.</summary>
    public async Task<HttpClient> ClientAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(userName);
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Rows of every ledger table, to prove a rejected import wrote nothing.</summary>
    public async Task<Dictionary<LedgerKind, int>> CountsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var counts = new Dictionary<LedgerKind, int>();
        foreach (var kind in Enum.GetValues<LedgerKind>())
        {
            counts[kind] = await FullEmployment.Application.Ledgers.LedgerAccess.Set(db, kind).CountAsync();
        }

        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>Ledger files for the tests: valid ID numbers, workbooks and CSVs in both encodings.</summary>
public static class LedgerFiles
{
    static LedgerFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A valid ID number in 城关区 born on <paramref name="birth"/>; odd sequence = male.</summary>
    public static string Id(DateOnly birth, int sequence)
    {
        var first17 = $"620102{birth:yyyyMMdd}{sequence:000}";
        return first17 + IdNumber.CheckCharacter(first17);
    }

    public static byte[] Workbook(params (string Sheet, string[] Headers, string[][] Rows)[] sheets)
    {
        return XlsxWriter.Build(workbook =>
        {
            foreach (var (name, headers, rows) in sheets)
            {
                workbook.AddTable(name, headers, rows);
            }
        });
    }

    public static string Csv(string[] headers, string[][] rows) =>
        string.Join("\r\n", new[] { headers }.Concat(rows).Select(r => string.Join(",", r))) + "\r\n";

    public static byte[] Utf8WithBom(string text) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];

    public static byte[] Gb18030(string text) => Encoding.GetEncoding("GB18030").GetBytes(text);

    public static MultipartFormDataContent Upload(byte[] content, string fileName, string? kind = null)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        if (kind is not null)
        {
            form.Add(new StringContent(kind), "kind");
        }

        return form;
    }
}
