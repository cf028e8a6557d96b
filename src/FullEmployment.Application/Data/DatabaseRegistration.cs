using System.Data.Common;
using System.Runtime.CompilerServices;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Identity;
using FullEmployment.Domain.Audit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FullEmployment.Application.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseRegistration
{
    public const string DefaultSqliteConnection = "Data Source=data/fullemployment.db";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration) =>
        string.Equals(configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public static IServiceCollection AddFullEmploymentData(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ProviderFrom(configuration);
        var connectionString = configuration.GetConnectionString("Default") ?? DefaultSqliteConnection;
        services.AddSingleton(sp => PersonalDataKeys.Load(configuration, IsProduction(sp, configuration)));
        // Options built once: per request they cost a folder check and EF's service-provider lookup, and they never change.
        services.AddDbContext<AppDbContext>((sp, options) => Configure(options, provider, connectionString, sp.GetRequiredService<PersonalDataKeys>()),
            optionsLifetime: ServiceLifetime.Singleton);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditVerifier>();
        services.AddSingleton(sp => AuditKey.Load(configuration, IsProduction(sp, configuration)));
        services.AddSingleton(_ => new AuditRetentionSetting(AuditRetention.Days(configuration.GetValue<int?>(AuditRetention.SettingKey))));
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DatabaseHealth>();
        services.AddScoped<DatabaseBackup>();
        services.AddScoped<PersonalDataMaintenance>();
        services.AddSingleton<DeniedAccessAudit>();
        return services;
    }

    /// <summary>
    /// Reads the audit key, the personal-data key file and the retention now, so a production start without a key, or
    /// with a retention below the legal minimum, stops with the reason instead of failing at the first audited change.
    /// </summary>
    public static void CheckAuditSettings(IServiceProvider services)
    {
        services.GetRequiredService<AuditKey>();
        services.GetRequiredService<PersonalDataKeys>();
        services.GetRequiredService<AuditRetentionSetting>();
    }

    /// <summary>
    /// The web host's environment, or for the CLI DOTNET_ENVIRONMENT / ASPNETCORE_ENVIRONMENT; production unless one
    /// says otherwise, as .NET's hosts decide.
    /// </summary>
    public static bool IsProduction(IServiceProvider services, IConfiguration configuration)
    {
        var name = services.GetService<IHostEnvironment>()?.EnvironmentName
            ?? configuration["DOTNET_ENVIRONMENT"] ?? configuration["ASPNETCORE_ENVIRONMENT"] ?? Environments.Production;
        return string.Equals(name, Environments.Production, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The data-protection key ring, kept in the database so the web app, the CLI and every web node share it; each key is
    /// sealed under a key outside the database (<see cref="SealedXmlEncryptor"/>).
    /// </summary>
    public static IDataProtectionBuilder AddFullEmploymentDataProtection(this IServiceCollection services)
    {
        services.AddOptions<DataProtectionKeyOptions>().BindConfiguration("DataProtection");
        services.AddSingleton<DataProtectionKeyEncryptionKey>();
        services.AddOptions<KeyManagementOptions>().Configure<DataProtectionKeyEncryptionKey>((options, key) =>
            options.XmlEncryptor = new SealedXmlEncryptor(key));
        return services.AddDataProtection().PersistKeysToDbContext<AppDbContext>().SetApplicationName("FullEmployment");
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, PersonalDataKeys personalData)
    {
        ArgumentNullException.ThrowIfNull(options);
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new PersonalDataOptionsExtension(personalData));
        options.ReplaceService<IModelCacheKeyFactory, PersonalDataModelCacheKeyFactory>();
        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly("FullEmployment.Migrations.Postgres"));
            return;
        }

        EnsureSqliteFolder(connectionString);
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly("FullEmployment.Migrations.Sqlite"));
        options.AddInterceptors(SqlitePragmas.Instance);
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}

/// <summary>
/// WAL for concurrent readers, FULL sync so a committed change survives power loss, and a busy wait instead of an error.
/// Set once per SQLite handle: the pool hands the same handle out again with its settings kept, and EF opens the
/// connection for every query, so setting them on each open ran four statements more per query.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (FirstOpen(connection, out var handle))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            _configured.AddOrUpdate(handle, this);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (FirstOpen(connection, out var handle))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _configured.AddOrUpdate(handle, this);
        }
    }

    private bool FirstOpen(DbConnection connection, out SQLitePCL.sqlite3 handle)
    {
        handle = ((SqliteConnection)connection).Handle!;
        return !_configured.TryGetValue(handle, out _);
    }
}
