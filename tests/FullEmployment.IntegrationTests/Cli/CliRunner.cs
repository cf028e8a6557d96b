extern alias cli;

using cli::FullEmployment.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace FullEmployment.IntegrationTests.Cli;

/// <summary>Runs `fe` in-process against a SQLite file of its own, capturing stdout and stderr.</summary>
public sealed class CliRunner : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fe-cli-" + Guid.NewGuid().ToString("N"));

    public CliRunner()
    {
        Directory.CreateDirectory(_folder);
        // No pooling, so no connection keeps the file open when the folder is deleted.
        ConnectionString = $"Data Source={Path.Combine(_folder, "fe.db")};Pooling=False";
    }

    public string ConnectionString { get; }

    public string PathFor(string fileName) => Path.Combine(_folder, fileName);

    public Task<CliResult> RunAsync(params string[] args) => RunWithSettingsAsync(new Dictionary<string, string?>(), args);

    /// <summary>Runs with <paramref name="settings"/> added to the harness's own (e.g. ApiTokens:MaxLifetimeDays).</summary>
    public async Task<CliResult> RunWithSettingsAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = ConnectionString,
            ["Demo:Password"] = null,
        }).AddInMemoryCollection(settings).Build();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, configuration, stdout, stderr);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
