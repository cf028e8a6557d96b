using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers;
using FullEmployment.Application.Ledgers.Data;
using FullEmployment.Application.Ledgers.Import;
using FullEmployment.Domain.Ledgers;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.Benchmarks;

/// <summary>
/// Ledger import of a 1,000,000-row 人员 CSV into SQLite end to end (parse, validate, write, commit),
/// against sqlite3's own `.import` of the same file into a bare table: the floor of what SQLite can do.
/// </summary>
[MemoryDiagnoser]
// Five iterations: the shared virtual machine's disk and CPU vary by a few hundred milliseconds from run to run.
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ImportBenchmarks
{
    public const int Rows = 1_000_000;

    private string _folder = string.Empty;
    private string _csv = string.Empty;
    private string _template = string.Empty;
    private string _database = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "fe-bench-import");
        Directory.CreateDirectory(_folder);
        _csv = Path.Combine(_folder, $"persons-{Rows}.csv");
        if (!File.Exists(_csv))
        {
            BenchData.WritePersonsCsv(_csv, Rows);
        }

        _template = Path.Combine(_folder, "template.db");
        BenchData.CreateCommunityDatabaseAsync(_template).GetAwaiter().GetResult();
        _database = Path.Combine(_folder, "import.db");
    }

    /// <summary>Every iteration imports into a fresh copy of the empty database: all rows are new.</summary>
    [IterationSetup]
    public void FreshDatabase()
    {
        BenchData.DeleteDatabase(_database);
        File.Copy(_template, _database);
    }

    [Benchmark(Description = "ledger import 1M-row CSV (SQLite)")]
    public async Task<int> Import()
    {
        await using var services = BenchData.Services(DatabaseProvider.Sqlite, BenchData.SqliteConnection(_database), BenchData.CountyOfficer);
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var imports = new LedgerImports(provider.GetRequiredService<AppDbContext>(), provider.GetRequiredService<Application.Audit.AuditTrail>(),
            TimeProvider.System, provider.GetRequiredService<ILedgerBulkWriter>(), new LedgerImportOptions { MaxFileBytes = 1L << 30 });
        await using var file = File.OpenRead(_csv);
        var outcome = await imports.ImportFileAsync(BenchData.CommunityCode, file, Path.GetFileName(_csv), LedgerKind.Person);
        return outcome.Succeeded && outcome.Totals.Added == Rows
            ? outcome.Totals.Added
            : throw new InvalidOperationException(outcome.Message + string.Join("; ", outcome.Errors.Take(5).Select(e => e.Message)));
    }

    [Benchmark(Baseline = true, Description = "sqlite3 .import of the same CSV")]
    public int Sqlite3Import()
    {
        var info = new ProcessStartInfo("sqlite3", _database)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        process.StandardInput.WriteLine(".mode csv");
        process.StandardInput.WriteLine($".import '{_csv}' bare_persons");
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 && error.Length == 0 ? process.ExitCode : throw new InvalidOperationException("sqlite3: " + error);
    }
}
