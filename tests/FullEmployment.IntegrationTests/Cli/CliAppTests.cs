extern alias cli;

using cli::FullEmployment.Cli;

namespace FullEmployment.IntegrationTests.Cli;

public sealed class CliAppTests : IDisposable
{
    private const string Password = "Gq7#wRt2Lm9p";

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Token_create_prints_the_token_alone_on_stdout()
    {
        await MigrateAsync();
        var add = await _cli.RunAsync("user", "add", "--username", "ledger-sync", "--role", "province-officer", "--scope", "620000",
            "--password", Password, "--display-name", "就业信息系统");
        add.ExitCode.ShouldBe(CliApp.Success, add.Stderr);

        var token = await _cli.RunAsync("token", "create", "--user", "ledger-sync");

        token.ExitCode.ShouldBe(CliApp.Success, token.Stderr);
        token.StdoutLines.ShouldHaveSingleItem().ShouldStartWith("fe_");
        token.Stdout.ShouldBe(token.StdoutLines[0] + Environment.NewLine);
    }

    [Fact]
    public async Task An_unknown_role_is_a_user_error_in_chinese()
    {
        await MigrateAsync();

        var result = await _cli.RunAsync("user", "add", "--username", "someone", "--role", "superuser", "--scope", "620000", "--password", Password);

        result.ExitCode.ShouldBe(CliApp.UserError);
        result.Stderr.ShouldContain("未知角色“superuser”");
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_required_option_is_a_bad_argument()
    {
        var result = await _cli.RunAsync("user", "add", "--role", "auditor", "--scope", "620000", "--password", Password);

        result.ExitCode.ShouldBe(CliApp.BadArguments);
        result.Stderr.ShouldContain("--username");
    }

    [Fact]
    public async Task An_unknown_command_is_a_bad_argument()
    {
        (await _cli.RunAsync("frobnicate")).ExitCode.ShouldBe(CliApp.BadArguments);
        (await _cli.RunAsync()).ExitCode.ShouldBe(CliApp.BadArguments);
    }

    [Fact]
    public async Task Audit_verify_passes_on_a_fresh_chain_and_names_the_first_tampered_event()
    {
        await MigrateAsync();
        (await _cli.RunAsync("user", "add", "--username", "ledger-sync", "--role", "province-officer", "--scope", "620000", "--password", Password))
            .ExitCode.ShouldBe(CliApp.Success);
        (await _cli.RunAsync("token", "create", "--user", "ledger-sync")).ExitCode.ShouldBe(CliApp.Success);

        var intact = await _cli.RunAsync("audit", "verify");
        intact.ExitCode.ShouldBe(CliApp.Success, intact.Stderr);
        intact.Stdout.ShouldStartWith("审计链完整");

        await _cli.ExecuteSqlAsync("UPDATE audit_events SET \"After\" = 'x' WHERE \"Sequence\" = 2");
        var broken = await _cli.RunAsync("audit", "verify");

        broken.ExitCode.ShouldBe(CliApp.UserError);
        broken.Stderr.ShouldContain("#2");
        broken.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Seed_small_prints_each_demo_account_once_and_generates_the_demo_ledgers()
    {
        var seeded = await _cli.RunAsync("seed", "--scale", "small");
        seeded.ExitCode.ShouldBe(CliApp.Success, seeded.Stderr);
        seeded.Stdout.ShouldContain("secadmin");
        seeded.Stdout.ShouldContain("首次登录须修改密码");
        seeded.Stdout.ShouldContain("名人员");

        var again = await _cli.RunAsync("seed");
        again.ExitCode.ShouldBe(CliApp.Success);
        again.Stdout.ShouldNotContain("secadmin");

        (await _cli.RunAsync("seed", "--scale", "galaxy")).ExitCode.ShouldBe(CliApp.BadArguments);
    }

    [Fact]
    [Trait("Clause", "A5.5.2")]
    public async Task Indicators_of_a_given_period_without_on_are_judged_the_day_after_it_ends()
    {
        (await _cli.RunAsync("seed")).ExitCode.ShouldBe(CliApp.Success);

        var result = await _cli.RunAsync("indicators", "--community", "620102001001", "--from", "2024-01-01", "--to", "2024-12-31", "--json");

        result.ExitCode.ShouldBe(CliApp.Success, result.Stderr);
        result.Stdout.ShouldContain("\"applicationDate\": \"2025-01-01\"");
        var on = await _cli.RunAsync("indicators", "--community", "620102001001", "--from", "2024-01-01", "--to", "2024-12-31", "--on", "2025-03-10", "--json");
        on.Stdout.ShouldContain("\"applicationDate\": \"2025-03-10\"");
    }

    [Fact]
    public async Task Communities_round_trip_as_a_named_account_within_its_scope()
    {
        (await _cli.RunAsync("seed")).ExitCode.ShouldBe(CliApp.Success);
        var file = _cli.PathFor("communities.xlsx");

        var export = await _cli.RunAsync("communities", "export", file, "--as", "chengguan");
        export.ExitCode.ShouldBe(CliApp.Success, export.Stderr);
        export.Stdout.ShouldContain("已导出 5 个社区");
        File.Exists(file).ShouldBeTrue();

        var denied = await _cli.RunAsync("communities", "export", file, "--as", "secadmin");
        denied.ExitCode.ShouldBe(CliApp.UserError);
        denied.Stderr.ShouldContain("无权");

        var missing = await _cli.RunAsync("communities", "import", _cli.PathFor("none.xlsx"), "--as", "chengguan");
        missing.ExitCode.ShouldBe(CliApp.UserError);
        missing.Stderr.ShouldContain("不存在");

        (await _cli.RunAsync("communities", "export", file)).ExitCode.ShouldBe(CliApp.BadArguments);
        (await _cli.RunAsync("audit", "verify")).ExitCode.ShouldBe(CliApp.Success);
    }

    private async Task MigrateAsync()
    {
        var result = await _cli.RunAsync("migrate");
        result.ExitCode.ShouldBe(CliApp.Success, result.Stderr);
    }
}
