using Npgsql;

namespace FullEmployment.IntegrationTests.Infrastructure;

public sealed class PostgresConnectivityTests
{
    /// <summary>
    /// Proves that FE_TEST_POSTGRES (set by scripts/test.sh) reaches the tests and points at
    /// PostgreSQL 15. Without it the test returns early on a developer's machine, but in CI
    /// (CI=true) a missing server is a failure, never a silent pass.
    /// </summary>
    [Fact]
    public async Task FE_TEST_POSTGRES_reaches_a_PostgreSQL_15_server()
    {
        var connectionString = Environment.GetEnvironmentVariable("FE_TEST_POSTGRES");
        if (string.IsNullOrEmpty(connectionString))
        {
            Environment.GetEnvironmentVariable("CI").ShouldNotBe(
                "true",
                "CI must run the PostgreSQL tests: FE_TEST_POSTGRES is not set (run scripts/test.sh).");
            return;
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("select version()");
        var version = (string?)await command.ExecuteScalarAsync();

        version.ShouldNotBeNull();
        version.ShouldContain("PostgreSQL 15");
    }
}
