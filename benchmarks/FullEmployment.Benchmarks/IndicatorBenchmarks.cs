using BenchmarkDotNet.Attributes;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers;
using FullEmployment.Application.Seeding;
using FullEmployment.Domain.Ledgers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.Benchmarks;

/// <summary>
/// A5 indicators: one community, and the province roll-up (≈2,000 communities, 1,000,000 persons,
/// ~5,000,000 assistance records) on SQLite, and on PostgreSQL when FE_BENCH_POSTGRES holds a
/// connection string. The province data is generated once (seeded) and kept: a SQLite file under
/// data/, or the PostgreSQL database as found.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class IndicatorBenchmarks
{
    private ServiceProvider _services = null!;
    private string _community = string.Empty;
    private AssessmentPeriod _period = null!;

    public static IEnumerable<string> Providers() =>
        Environment.GetEnvironmentVariable("FE_BENCH_POSTGRES") is { Length: > 0 } ? ["Sqlite", "Postgres"] : ["Sqlite"];

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "Sqlite";

    [GlobalSetup]
    public void Setup()
    {
        var (provider, connection) = Provider == "Postgres"
            ? (DatabaseProvider.Postgres, Environment.GetEnvironmentVariable("FE_BENCH_POSTGRES")!)
            : (DatabaseProvider.Sqlite, BenchData.SqliteConnection(Path.Combine(BenchData.DataFolder, $"province-{BenchData.Seed}.db")));
        _services = BenchData.Services(provider, connection, BenchData.ProvinceOfficer);
        EnsureProvinceAsync().GetAwaiter().GetResult();
        _period = AssessmentPeriod.DefaultFor(BenchData.ApplicationDate);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "indicators of one community (500 persons)")]
    public async Task<int> OneCommunity()
    {
        await using var scope = _services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<IndicatorQueries>().ComputeAsync(_community, _period, BenchData.ApplicationDate);
        return report.Indicators.Count;
    }

    [Benchmark(Description = "province roll-up (2,000 communities)")]
    public async Task<int> Province()
    {
        await using var scope = _services.CreateAsyncScope();
        var count = 0;
        await foreach (var row in scope.ServiceProvider.GetRequiredService<IndicatorQueries>().RollUpAsync("620000", _period, BenchData.ApplicationDate))
        {
            count += row.MeetsAll ? 1 : 0;
        }

        return count;
    }

    private async Task EnsureProvinceAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var db = provider.GetRequiredService<AppDbContext>();
        if (!await db.Set<LedgerPerson>().AnyAsync())
        {
            Console.WriteLine("// generating the province ledgers once (cached for later runs) …");
            await provider.GetRequiredService<LedgerGenerator>().GenerateAsync(new LedgerGeneratorOptions
            {
                Scale = LedgerScale.Province,
                Seed = BenchData.Seed,
                ApplicationDate = BenchData.ApplicationDate,
            });
        }

        _community = await db.Communities.AsNoTracking().Where(c => c.CountyCode == BenchData.County && c.Code.CompareTo("620102101") > 0)
            .OrderBy(c => c.Code).Select(c => c.Code).FirstAsync();
    }
}
