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
    public async Task Token_list_never_prints_the_secret_and_revoke_ends_one_token_or_all_of_an_account()
    {
        await MigrateAsync();
        await AddIntegrationAccountAsync("ledger-sync");
        await AddIntegrationAccountAsync("other-sync");
        var first = (await _cli.RunAsync("token", "create", "--user", "ledger-sync")).Stdout.Trim();
        var second = (await _cli.RunAsync("token", "create", "--user", "ledger-sync", "--days", "30")).Stdout.Trim();
        var other = (await _cli.RunAsync("token", "create", "--user", "other-sync")).Stdout.Trim();

        var all = await _cli.RunAsync("token", "list");
        var mine = await _cli.RunAsync("token", "list", "--user", "ledger-sync");

        all.ExitCode.ShouldBe(CliApp.Success, all.Stderr);
        all.StdoutLines.Length.ShouldBe(4);
        mine.StdoutLines.Length.ShouldBe(3);
        mine.Stdout.ShouldNotContain("other-sync");
        foreach (var token in new[] { first, second, other })
        {
            token.ShouldStartWith("fe_");
            all.Stdout.ShouldNotContain(token);
            all.Stdout.ShouldContain(token[..10] + "…");
        }

        mine.StdoutLines.Skip(1).ShouldAllBe(line => line.EndsWith("有效") && line.Contains("从未使用"));

        var revokeOne = await _cli.RunAsync("token", "revoke", "1");
        revokeOne.ExitCode.ShouldBe(CliApp.Success, revokeOne.Stderr);
        revokeOne.Stdout.ShouldContain("已吊销令牌 #1");
        var again = await _cli.RunAsync("token", "revoke", "1");
        again.ExitCode.ShouldBe(CliApp.UserError);
        again.Stderr.ShouldContain("已于");

        var revokeAll = await _cli.RunAsync("token", "revoke", "--user", "ledger-sync");
        revokeAll.ExitCode.ShouldBe(CliApp.Success, revokeAll.Stderr);
        revokeAll.Stdout.ShouldContain("1 个有效令牌");
        (await _cli.RunAsync("token", "list", "--user", "ledger-sync")).StdoutLines.Skip(1).ShouldAllBe(line => line.EndsWith("已吊销"));
        (await _cli.RunAsync("token", "list", "--user", "other-sync")).StdoutLines[1].ShouldEndWith("有效");
        (await _cli.RunAsync("audit", "verify")).ExitCode.ShouldBe(CliApp.Success);
    }

    [Fact]
    public async Task Token_revoke_needs_a_number_or_a_user_and_an_unknown_one_is_a_user_error()
    {
        await MigrateAsync();

        (await _cli.RunAsync("token", "revoke")).ExitCode.ShouldBe(CliApp.BadArguments);
        (await _cli.RunAsync("token", "revoke", "1", "--user", "ledger-sync")).ExitCode.ShouldBe(CliApp.BadArguments);
        var unknown = await _cli.RunAsync("token", "revoke", "42");
        unknown.ExitCode.ShouldBe(CliApp.UserError);
        unknown.Stderr.ShouldContain("未找到令牌 #42");
        var nobody = await _cli.RunAsync("token", "list", "--user", "nobody");
        nobody.ExitCode.ShouldBe(CliApp.UserError);
        nobody.Stderr.ShouldContain("用户“nobody”不存在");
    }

    [Fact]
    public async Task Token_create_refuses_more_days_than_the_configured_maximum_and_a_maximum_beyond_a_year()
    {
        await MigrateAsync();
        await AddIntegrationAccountAsync("ledger-sync");
        var halfYear = new Dictionary<string, string?> { ["ApiTokens:MaxLifetimeDays"] = "180" };
        var twoYears = new Dictionary<string, string?> { ["ApiTokens:MaxLifetimeDays"] = "730" };

        var defaultTooLong = await _cli.RunAsync("token", "create", "--user", "ledger-sync", "--days", "91");
        var configured = await _cli.RunWithSettingsAsync(halfYear, "token", "create", "--user", "ledger-sync", "--days", "180");
        var configuredTooLong = await _cli.RunWithSettingsAsync(halfYear, "token", "create", "--user", "ledger-sync", "--days", "181");
        var beyondAYear = await _cli.RunWithSettingsAsync(twoYears, "token", "create", "--user", "ledger-sync");

        defaultTooLong.ExitCode.ShouldBe(CliApp.UserError);
        defaultTooLong.Stderr.ShouldContain("令牌有效期最长 90 天");
        defaultTooLong.Stdout.ShouldBeEmpty();
        configured.ExitCode.ShouldBe(CliApp.Success, configured.Stderr);
        configuredTooLong.ExitCode.ShouldBe(CliApp.UserError);
        configuredTooLong.Stderr.ShouldContain("令牌有效期最长 180 天");
        beyondAYear.ExitCode.ShouldBe(CliApp.UserError);
        beyondAYear.Stderr.ShouldContain("ApiTokens:MaxLifetimeDays 为 730 天");
        (await _cli.RunAsync("token", "list")).StdoutLines.Length.ShouldBe(2);
    }

    private async Task AddIntegrationAccountAsync(string userName)
    {
        var add = await _cli.RunAsync("user", "add", "--username", userName, "--role", "province-officer", "--scope", "620000",
            "--password", Password, "--display-name", "就业信息系统");
        add.ExitCode.ShouldBe(CliApp.Success, add.Stderr);
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
    [Trait("Clause", "A5")]
    public async Task Indicators_of_a_region_give_each_community_the_figures_of_its_own_command_as_table_json_and_xlsx()
    {
        (await _cli.RunAsync("seed")).ExitCode.ShouldBe(CliApp.Success);
        string[] period = ["--from", "2024-03-01", "--to", "2025-02-28", "--on", "2025-03-10"];

        var region = await _cli.RunAsync(["indicators", "--region", "620102", .. period, "--json"]);

        region.ExitCode.ShouldBe(CliApp.Success, region.Stderr);
        var communities = System.Text.Json.JsonDocument.Parse(region.Stdout).RootElement.GetProperty("communities").EnumerateArray().ToList();
        communities.ShouldNotBeEmpty();
        communities.ShouldAllBe(c => c.GetProperty("code").GetString()!.StartsWith("620102", StringComparison.Ordinal));
        foreach (var community in communities.Take(3))
        {
            var own = await _cli.RunAsync(["indicators", "--community", community.GetProperty("code").GetString()!, .. period, "--json"]);
            var ownIndicators = System.Text.Json.JsonDocument.Parse(own.Stdout).RootElement.GetProperty("indicators");
            // Compared re-written compactly: the raw texts differ in indentation at their different depths.
            System.Text.Json.JsonSerializer.Serialize(community.GetProperty("indicators")).ShouldBe(System.Text.Json.JsonSerializer.Serialize(ownIndicators));
        }

        var table = await _cli.RunAsync(["indicators", "--region", "620102", .. period]);
        table.ExitCode.ShouldBe(CliApp.Success, table.Stderr);
        table.Stdout.ShouldContain(communities[0].GetProperty("code").GetString()!);
        table.Stdout.ShouldContain($"共 {communities.Count} 个社区");

        var file = _cli.PathFor("汇总.xlsx");
        (await _cli.RunAsync(["indicators", "--region", "620102", .. period, "--xlsx", file])).ExitCode.ShouldBe(CliApp.Success);
        new FileInfo(file).Length.ShouldBeGreaterThan(0);

        (await _cli.RunAsync("indicators", "--region", "620102", "--community", "620102001001")).ExitCode.ShouldBe(CliApp.BadArguments);
        (await _cli.RunAsync("indicators", "--region", "620000", "--as", "community")).ExitCode.ShouldBe(CliApp.UserError);
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
