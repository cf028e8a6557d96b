extern alias cli;

using System.Data.Common;
using cli::FullEmployment.Cli;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FullEmployment.IntegrationTests.Cli;

/// <summary>
/// Runs `fe` in-process against a database of its own (a SQLite file, or a PostgreSQL database created for it and dropped
/// after), capturing stdout and stderr. Its audit and personal-data keys and stored files live in its own folder; a runner
/// made with <c>sharing</c> uses another runner's keys, as a restored installation keeps its keys.
/// </summary>
public sealed class CliRunner : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fe-cli-" + Guid.NewGuid().ToString("N"));
    private readonly string? _postgresDatabase;

    public CliRunner(Database database = Database.Sqlite, CliRunner? sharing = null)
    {
        Database = database;
        Directory.CreateDirectory(_folder);
        AuditKeyFile = sharing?.AuditKeyFile ?? Path.Combine(_folder, "audit-hmac.key");
        PersonalDataKeyFile = sharing?.PersonalDataKeyFile ?? Path.Combine(_folder, "personal-data.json");
        DataProtectionKeyFile = sharing?.DataProtectionKeyFile ?? Path.Combine(_folder, "data-protection.key");
        if (database == Database.Postgres)
        {
            _postgresDatabase = $"fe_cli_{Guid.NewGuid():N}";
            ConnectionString = Databases.CreatePostgresDatabase(_postgresDatabase);
            return;
        }

        // No pooling, so no connection keeps the file open when the folder is deleted.
        ConnectionString = $"Data Source={Path.Combine(_folder, "fe.db")};Pooling=False";
    }

    public Database Database { get; }

    public string ConnectionString { get; }

    public string AuditKeyFile { get; }

    /// <summary>The personal-data key ring (ADR 0016); a restored installation keeps it, as it keeps the audit key.</summary>
    public string PersonalDataKeyFile { get; }

    public string DataProtectionKeyFile { get; }

    public string FilesRoot => Path.Combine(_folder, "files");

    public string PathFor(string fileName) => Path.Combine(_folder, fileName);

    public Task<CliResult> RunAsync(params string[] args) => RunWithSettingsAsync(new Dictionary<string, string?>(), args);

    /// <summary>Runs with <paramref name="settings"/> added to the harness's own (e.g. ApiTokens:MaxLifetimeDays).</summary>
    public async Task<CliResult> RunWithSettingsAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, Configuration(settings), stdout, stderr);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The services `fe` runs on, for a test that arranges what no command does (a stored file) or reads the chain.</summary>
    public ServiceProvider Services() => CliApp.BuildServices(Configuration(new Dictionary<string, string?>()), new CliActor());

    private IConfiguration Configuration(IReadOnlyDictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Database:Provider"] = Database.ToString(),
            ["ConnectionStrings:Default"] = ConnectionString,
            ["Demo:Password"] = null,
            ["Audit:HmacKeyFile"] = AuditKeyFile,
            ["PersonalData:KeyFile"] = PersonalDataKeyFile,
            ["DataProtection:KeyEncryptionKeyFile"] = DataProtectionKeyFile,
            ["Files:Root"] = FilesRoot,
        }).AddInMemoryCollection(settings).Build();

    public async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A new, unopened connection to this runner's database.</summary>
    public DbConnection Open() => Database == Database.Postgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);

    public void Dispose()
    {
        if (_postgresDatabase is not null)
        {
            Databases.DropPostgresDatabase(_postgresDatabase);
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
