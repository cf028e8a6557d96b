using Npgsql;

namespace FullEmployment.IntegrationTests.Infrastructure;

public sealed class PostgresConnectivityTests
{
    /// <summary>
    /// Proves that FE_TEST_POSTGRES (set by scripts/test.sh) reaches the tests and points at
    /// PostgreSQL 15. Without it the test is skipped on a developer's machine, but in CI
    /// (CI=true) a missing server is a failure, never a silent pass.
    /// </summary>
    [DatabaseTheory(Database.Postgres)]
    public async Task FE_TEST_POSTGRES_reaches_a_PostgreSQL_15_server(Database database)
    {
        database.ShouldBe(Database.Postgres);
        await using var dataSource = NpgsqlDataSource.Create(Databases.RequirePostgresServer());
        await using var command = dataSource.CreateCommand("select version()");
        var version = (string?)await command.ExecuteScalarAsync();

        version.ShouldNotBeNull();
        version.ShouldContain("PostgreSQL 15");
    }
}
