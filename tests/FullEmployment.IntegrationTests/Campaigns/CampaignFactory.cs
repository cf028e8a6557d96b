using System.Net.Http.Headers;
using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Identity;
using FullEmployment.Domain;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace FullEmployment.IntegrationTests.Campaigns;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The web app on its own database (a SQLite file, or a fresh PostgreSQL database when FE_TEST_POSTGRES is set),
/// with a fake clock, a ledger that meets the staff condition, and a way to run use cases as any actor.
/// </summary>
public sealed class CampaignFactory : WebApplicationFactory<ErrorHandling>
{
    public const string Province = "620000";
    public const string Lanzhou = "620100";
    public const string Chengguan = "620102";
    public const string Qilihe = "620103";
    public const string Donggang = "620102001001";
    public const string Caochang = "620102001004";
    public const string Yuanjiu = "620102001005";
    public const string Xizhan = "620103001001";

    private const int TokenDays = 365;

    private static readonly AsyncLocal<ICurrentActor?> CurrentActor = new();

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fe-campaigns-" + Guid.NewGuid().ToString("N"));
    private readonly string _connectionString;
    private readonly string? _postgresDatabase;

    private CampaignFactory(Provider provider, string connectionString, string? postgresDatabase)
    {
        Provider = provider;
        _connectionString = connectionString;
        _postgresDatabase = postgresDatabase;
        Directory.CreateDirectory(_folder);
    }

    public Provider Provider { get; }

    /// <summary>Monday 2025-03-03 09:00 China time, before every deadline of <see cref="CampaignScenario"/>.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 3, 9, 0, 0, ChinaTime.Offset).ToUniversalTime());

    /// <summary>
    /// A factory on the provider, or null when PostgreSQL is asked for but FE_TEST_POSTGRES is not set (a failure
    /// when CI=true: CI must run them).
    /// </summary>
    public static CampaignFactory? Create(Provider provider)
    {
        if (provider == Provider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), "fe-campaigns-" + Guid.NewGuid().ToString("N") + ".db");
            return new CampaignFactory(provider, $"Data Source={file}", null);
        }

        var baseConnection = Environment.GetEnvironmentVariable("FE_TEST_POSTGRES");
        if (string.IsNullOrEmpty(baseConnection))
        {
            Environment.GetEnvironmentVariable("CI").ShouldNotBe("true", "CI must run the PostgreSQL tests: FE_TEST_POSTGRES is not set.");
            return null;
        }

        var database = "fe_campaigns_" + Guid.NewGuid().ToString("N")[..12];
        var builder = new NpgsqlConnectionStringBuilder(baseConnection) { Database = database };
        return new CampaignFactory(provider, builder.ConnectionString, database);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", _connectionString);
        builder.UseSetting("Demo:Seed", "false");
        // Scenarios move the clock through a campaign's months: their tokens live the longest lifetime allowed.
        builder.UseSetting("ApiTokens:MaxLifetimeDays", TokenDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Files:Root", Path.Combine(_folder, "files"));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<ICurrentActor>();
            services.AddScoped<ICurrentActor>(sp => CurrentActor.Value ?? ActivatorUtilities.CreateInstance<HttpCurrentActor>(sp));
        });
    }

    /// <summary>Runs <paramref name="work"/> in a fresh scope as the given actor (the user name is the role@scope).</summary>
    public async Task<T> As<T>(string role, string scope, Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _ = Server;
        var previous = CurrentActor.Value;
        CurrentActor.Value = new FixedActor($"{role}@{scope}", role, scope, "127.0.0.1");
        try
        {
            await using var scope1 = Services.CreateAsyncScope();
            return await work(scope1.ServiceProvider);
        }
        finally
        {
            CurrentActor.Value = previous;
        }
    }

    public Task<T> As<TService, T>(string role, string scope, Func<TService, Task<T>> work)
        where TService : notnull =>
        As(role, scope, sp => work(sp.GetRequiredService<TService>()));

    /// <summary>Seeds the communities the scenarios use (DemoData's, with titles) once.</summary>
    public async Task SeedCommunitiesAsync()
    {
        _ = Server;
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Communities.AnyAsync())
        {
            return;
        }

        (string Code, string Name, string City, string? County, bool Municipal)[] communities =
        [
            (Donggang, "东岗社区", Lanzhou, Chengguan, true),
            (Caochang, "草场街社区", Lanzhou, Chengguan, true),
            (Yuanjiu, "酒泉路社区", Lanzhou, Chengguan, false),
            (Xizhan, "西站社区", Lanzhou, Qilihe, true),
        ];
        foreach (var (code, name, city, county, municipal) in communities)
        {
            var community = new Community(code, city, county, new CommunityDetails(name, name + "街道", "兰州市" + name, "兰政发〔2012〕1号",
                "民备" + code[..6], new DateOnly(2012, 6, 1), "主任", "09318" + code[^6..]));
            if (municipal)
            {
                community.GrantTitle(TitleLevel.Municipal, "兰州市人力资源和社会保障局", "兰人社发〔2021〕" + code[^2..] + "号", new DateOnly(2021, 6, 1),
                    "SJ-" + code[^3..], "甘人社备〔2021〕" + code[^2..] + "号", new DateOnly(2021, 7, 1));
            }

            db.Communities.Add(community);
        }

        await db.SaveChangesAsync();

        // Every community's ledger has two full-time staff with a degree for years (A5.1.4), nothing else.
        var stored = Clock.GetUtcNow();
        foreach (var community in await db.Communities.ToListAsync())
        {
            db.Set<StaffMember>().AddRange(
                Staff(community.Id, "张敏", EducationLevel.Bachelor, new DateOnly(2019, 3, 1)),
                Staff(community.Id, "李强", EducationLevel.College, new DateOnly(2020, 5, 1)));
        }

        StaffMember Staff(int communityId, string name, EducationLevel education, DateOnly startedOn) => new()
        {
            CommunityId = communityId,
            Name = name,
            Education = education,
            IsFullTime = true,
            StartedOn = startedOn,
            CreatedAt = stored,
            UpdatedAt = stored,
        };

        await db.SaveChangesAsync();
    }

    /// <summary>An HTTP client carrying a bearer token of a new user with the role and scope.</summary>
    public async Task<HttpClient> ClientAsAsync(string role, string scope)
    {
        _ = Server;
        var userName = $"u{Guid.NewGuid():N}"[..16];
        string token;
        await using (var scope1 = Services.CreateAsyncScope())
        {
            await scope1.ServiceProvider.GetRequiredService<UserAdministration>()
                .AddAsync(new NewUser(userName, userName, role, scope, "Test#Passw0rd!", false), checkActor: false);
        }

        token = await As(Roles.SecurityAdmin, Province, sp => sp.GetRequiredService<ApiTokenService>().CreateAsync(userName, TokenDays));
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("FE_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by the OS is left for the temp cleaner.
        }
    }
}
