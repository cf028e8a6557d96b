using BenchmarkDotNet.Attributes;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers;
using FullEmployment.Domain.Ledgers;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.Benchmarks;

/// <summary>The ledger list page (人员, first page, default sort) of a community with 2,000 persons, on SQLite.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class LedgerListBenchmarks
{
    public const int Persons = 2_000;

    private ServiceProvider _services = null!;

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fe-bench-list");
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "list.db");
        var csv = Path.Combine(folder, "persons.csv");
        BenchData.CreateCommunityDatabaseAsync(database).GetAwaiter().GetResult();
        BenchData.WritePersonsCsv(csv, Persons);
        _services = BenchData.Services(DatabaseProvider.Sqlite, BenchData.SqliteConnection(database), BenchData.CountyOfficer);
        using var scope = _services.CreateScope();
        using var file = File.OpenRead(csv);
        scope.ServiceProvider.GetRequiredService<LedgerImports>()
            .ImportFileOrThrowAsync(BenchData.CommunityCode, file, "persons.csv", LedgerKind.Person).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "ledger list page, 2,000-person community")]
    public async Task<int> ListPage()
    {
        await using var scope = _services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<LedgerQueries>()
            .ListAsync(BenchData.CommunityCode, LedgerKind.Person, new LedgerFilter(), new PageRequest());
        return page.Rows.Items.Count;
    }
}
