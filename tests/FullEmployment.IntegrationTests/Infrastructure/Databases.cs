using Npgsql;

namespace FullEmployment.IntegrationTests.Infrastructure;

/// <summary>The databases every integration test runs on (<see cref="DatabaseTheoryAttribute"/>).</summary>
public enum Database
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where each database comes from: SQLite is a file of the test's own; PostgreSQL is the server named by
/// <see cref="Variable"/> (its user needs CREATEDB), on which each app creates and drops a database of its own.
/// </summary>
public static class Databases
{
    public const string Variable = "FE_TEST_POSTGRES";

    public static readonly string? PostgresServer = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>
    /// Why tests on <paramref name="database"/> cannot run here, or null when they can. In CI (CI=true) a missing
    /// PostgreSQL is never a skip: the tests run and fail (<see cref="RequirePostgresServer"/>).
    /// </summary>
    public static string? SkipReason(Database database) =>
        database == Database.Postgres && PostgresServer is null && Environment.GetEnvironmentVariable("CI") != "true"
            ? $"{Variable} 未设置：PostgreSQL 集成测试未运行（scripts/test.sh 会启动临时 PostgreSQL 并设置它）。"
            : null;

    public static string RequirePostgresServer() => PostgresServer
        ?? throw new InvalidOperationException($"{Variable} is not set: CI must run the PostgreSQL integration tests (run scripts/test.sh).");

    /// <summary>Creates a uniquely named database on the server and returns its connection string.</summary>
    public static string CreatePostgresDatabase(string name)
    {
        Execute($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(RequirePostgresServer()) { Database = name }.ConnectionString;
    }

    public static void DropPostgresDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(RequirePostgresServer());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
