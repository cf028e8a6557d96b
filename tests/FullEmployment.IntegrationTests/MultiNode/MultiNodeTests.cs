using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers.Import;
using FullEmployment.Application.Notices;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.MultiNode;

/// <summary>
/// Several web nodes on one database (docs/operations.md "Several web nodes"): each node is an app host of its own (its
/// own services, memory and clock) on the same database, as two processes would be.
/// </summary>
public sealed class MultiNodeTests
{
    private static readonly FactoryOptions Empty = new() { Start = FullEmploymentFactory.Start };

    [DatabaseTheory]
    public async Task The_sixth_objection_POST_within_the_hour_from_one_address_is_refused_another_address_and_the_next_window_are_not(Database database)
    {
        await using var app = new FullEmploymentFactory(database, Empty);
        Task<ObjectionRateDecision> Post(string address) =>
            app.WithScopeAsync(sp => sp.GetRequiredService<ObjectionRateLimiter>().TryAcquireAsync(address));

        for (var i = 1; i <= ObjectionRateLimiter.PermitLimit; i++)
        {
            (await Post("198.51.100.7")).Allowed.ShouldBeTrue($"POST {i}");
            app.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        var sixth = await Post("198.51.100.7");
        sixth.Allowed.ShouldBeFalse();
        // The window started at the first POST, 25 minutes ago.
        sixth.RetryAfter.ShouldBe(TimeSpan.FromMinutes(35));
        (await Post("198.51.100.8")).Allowed.ShouldBeTrue();

        app.Clock.Advance(TimeSpan.FromMinutes(35));
        (await Post("198.51.100.7")).Allowed.ShouldBeTrue();
        // A new window; the other address's, 35 minutes old, is kept.
        (await WindowsAsync(app)).ShouldBe(2);
        app.Clock.Advance(TimeSpan.FromHours(2));
        (await Post("198.51.100.9")).Allowed.ShouldBeTrue();
        (await WindowsAsync(app)).ShouldBe(1, "windows that ended are pruned when a new one starts");
    }

    [DatabaseTheory]
    public async Task Two_nodes_on_one_database_share_each_address_s_objection_limit_also_when_POSTs_arrive_at_once(Database database)
    {
        await using var first = new FullEmploymentFactory(database, Empty);
        await using var second = SecondNode(first, database, Empty);
        var url = $"/api/v1/public/notices/{Guid.NewGuid()}/objections";
        Task<HttpResponseMessage> Post(FullEmploymentFactory node, string address)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = JsonContent.Create(new { candidateId = Guid.NewGuid(), name = "赵六", phone = "13700000000", content = "异议" }),
            };
            request.Headers.Add(TestPeer.Header, address);
            return node.AnonymousClient().SendAsync(request);
        }

        // Three on one node, two on the other: the address's five.
        foreach (var node in new[] { first, first, first, second, second })
        {
            (await Post(node, "203.0.113.5")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        foreach (var node in new[] { first, second })
        {
            var refused = await Post(node, "203.0.113.5");
            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            refused.Headers.Contains("Retry-After").ShouldBeTrue();
            (await refused.Content.ReadAsStringAsync()).ShouldContain("每小时最多提交5次异议");
        }

        (await Post(second, "203.0.113.6")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);

        // Twenty POSTs from a new address at once, half on each node: exactly five get through.
        var burst = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => Post(i % 2 == 0 ? first : second, "203.0.113.7"))));
        burst.Count(r => r.StatusCode != HttpStatusCode.TooManyRequests).ShouldBe(ObjectionRateLimiter.PermitLimit);
    }

    [DatabaseTheory]
    public async Task Two_nodes_starting_at_once_on_a_fresh_database_migrate_and_seed_it_once(Database database)
    {
        var folder = Directory.CreateTempSubdirectory("fe-itest-nodes-").FullName;
        var postgres = $"fe_itest_nodes_{Guid.NewGuid():N}";
        var connection = database == Database.Sqlite
            ? $"Data Source={Path.Combine(folder, "fe.db")}"
            : Databases.CreatePostgresDatabase(postgres);
        var shared = Demo(Shared(connection, folder));
        try
        {
            await using var first = new FullEmploymentFactory(database, shared);
            await using var second = new FullEmploymentFactory(database, shared);
            await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

            // The same rows as one node seeding alone.
            await using var alone = new FullEmploymentFactory(database, Demo(new Dictionary<string, string>()));
            var together = await RowCountsAsync(first);
            together.ShouldBe(await RowCountsAsync(alone));
            together["regions"].ShouldBeGreaterThan(0);
            together["campaigns"].ShouldBeGreaterThan(0);
        }
        finally
        {
            if (database == Database.Postgres)
            {
                Databases.DropPostgresDatabase(postgres);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    [DatabaseTheory(Database.Postgres)]
    public async Task A_node_starting_leaves_an_import_job_running_on_another_node_alone_and_fails_it_once_that_node_is_gone(Database database)
    {
        await using var first = new FullEmploymentFactory(database, Empty);
        await using var second = SecondNode(first, database, Empty);
        // Both started before the job exists: a worker takes up queued jobs when it starts, and this one is the test's.
        _ = second.Services;
        var id = Guid.NewGuid();
        await first.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.Add(new LedgerImportJob { Id = id, CommunityCode = "620102001001", FileName = "人员.csv", State = LedgerImportJobState.Queued, CreatedAt = first.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

        // The first node claims it; the second can neither claim it nor, recovering, fail it.
        await using var firstScope = first.Services.CreateAsyncScope();
        var run = await firstScope.ServiceProvider.GetRequiredService<LedgerImportJobs>().ClaimAsync(id, CancellationToken.None);
        run.ShouldNotBeNull();
        (await second.WithScopeAsync(sp => sp.GetRequiredService<LedgerImportJobs>().ClaimAsync(id, CancellationToken.None))).ShouldBeNull();
        await second.WithScopeAsync(sp => sp.GetRequiredService<LedgerImportJobs>().RecoverAsync(CancellationToken.None));
        (await StateAsync(second, id)).ShouldBe(LedgerImportJobState.Running);

        // The first node's session ends (as when its process dies): the job is failed by the next recovery.
        await run.DisposeAsync();
        await second.WithScopeAsync(sp => sp.GetRequiredService<LedgerImportJobs>().RecoverAsync(CancellationToken.None));
        (await StateAsync(second, id)).ShouldBe(LedgerImportJobState.Failed);
    }

    /// <summary>Another node on <paramref name="first"/>'s database, audit key, second-factor key and files.</summary>
    private static FullEmploymentFactory SecondNode(FullEmploymentFactory first, Database database, FactoryOptions options)
    {
        var configuration = first.Services.GetRequiredService<IConfiguration>();
        return new FullEmploymentFactory(database, options with
        {
            Settings = new Dictionary<string, string>
            {
                ["ConnectionStrings:Default"] = configuration.GetConnectionString("Default")!,
                ["Audit:HmacKeyFile"] = configuration["Audit:HmacKeyFile"]!,
                ["SecondFactor:KeyFile"] = configuration["SecondFactor:KeyFile"]!,
                ["DataProtection:KeyEncryptionKeyFile"] = configuration["DataProtection:KeyEncryptionKeyFile"]!,
                ["PersonalData:KeyFile"] = configuration["PersonalData:KeyFile"]!,
                ["Files:Root"] = configuration["Files:Root"]!,
            },
        });
    }

    private static Dictionary<string, string> Shared(string connection, string folder) => new()
    {
        ["ConnectionStrings:Default"] = connection,
        ["Audit:HmacKeyFile"] = Path.Combine(folder, "audit-hmac.key"),
        ["SecondFactor:KeyFile"] = Path.Combine(folder, "second-factor.key"),
        ["DataProtection:KeyEncryptionKeyFile"] = Path.Combine(folder, "data-protection.key"),
        ["PersonalData:KeyFile"] = Path.Combine(folder, "personal-data.json"),
        ["Files:Root"] = Path.Combine(folder, "files"),
    };

    // The demo without ledgers: the seed's once-only checks are what matters, not its size.
    private static FactoryOptions Demo(Dictionary<string, string> settings) =>
        FactoryOptions.Demo with { DemoLedgers = false, Settings = settings };

    private static Task<LedgerImportJobState> StateAsync(FullEmploymentFactory app, Guid id) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<AppDbContext>().Set<LedgerImportJob>().AsNoTracking().Where(j => j.Id == id).Select(j => j.State).SingleAsync());

    private static Task<int> WindowsAsync(FullEmploymentFactory app) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<ObjectionRateWindow>().CountAsync());

    /// <summary>Rows per table, every table but the data-protection keys (made by whichever node first protects something).</summary>
    private static Task<SortedDictionary<string, long>> RowCountsAsync(FullEmploymentFactory app) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        DbConnection connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = db.IsSqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => t != "DataProtectionKeys"))
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    });
}
