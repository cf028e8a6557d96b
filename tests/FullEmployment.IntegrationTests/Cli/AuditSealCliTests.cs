extern alias cli;

using System.Data.Common;
using cli::FullEmployment.Cli;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Data;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Cli;

/// <summary>
/// The attack of issue 13 §5: someone with write access to the database rewrites an event and recomputes every later
/// hash with raw SQL. The keyed seal catches it; an anchor recorded outside catches it even when the key leaked too.
/// </summary>
public sealed class AuditSealCliTests
{
    private const string Password = "Gq7#wRt2Lm9p";
    private const string Rewritten = "{\"UserName\":\"someone-else\"}";

    [DatabaseTheory]
    public async Task A_rewrite_with_every_later_hash_recomputed_fails_verify_with_the_key_and_with_the_anchor(Database database)
    {
        using var fe = new CliRunner(database);
        await WriteSomeEventsAsync(fe);
        var anchor = await AnchorAsync(fe);

        await RewriteAsync(fe, sequence: 2, leakedKey: null);

        var withKey = await fe.RunAsync("audit", "verify");
        withKey.ExitCode.ShouldBe(CliApp.UserError);
        withKey.Stderr.ShouldContain("#2");
        withKey.Stderr.ShouldContain("密钥封印不符");
        var withAnchor = await fe.RunAsync("audit", "verify", "--anchor", anchor);
        withAnchor.ExitCode.ShouldBe(CliApp.UserError);
        withAnchor.Stderr.ShouldContain("#2");
        (await fe.RunAsync("audit", "anchor")).ExitCode.ShouldBe(CliApp.UserError);
    }

    [DatabaseTheory]
    public async Task With_the_key_leaked_as_well_the_anchor_still_proves_the_rewrite(Database database)
    {
        using var fe = new CliRunner(database);
        await WriteSomeEventsAsync(fe);
        var anchor = await AnchorAsync(fe);
        var count = long.Parse(anchor.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        (await fe.RunAsync("audit", "verify", "--anchor", anchor)).Stdout.ShouldContain($"锚点（第 {count} 条）及之前的事件未被改写");
        (await fe.RunAsync("audit", "verify", "--anchor", anchor.Split(':')[0])).ExitCode.ShouldBe(CliApp.Success);

        await RewriteAsync(fe, sequence: 2, leakedKey: LoadKey(fe));

        // The forger holds the key, so every seal is valid again: only the record kept outside can tell.
        (await fe.RunAsync("audit", "verify")).ExitCode.ShouldBe(CliApp.Success);
        var withAnchor = await fe.RunAsync("audit", "verify", "--anchor", anchor);
        withAnchor.ExitCode.ShouldBe(CliApp.UserError);
        withAnchor.Stderr.ShouldContain($"第 {count} 条事件哈希与现在的不符");
        var hashOnly = await fe.RunAsync("audit", "verify", "--anchor", anchor.Split(':')[0]);
        hashOnly.ExitCode.ShouldBe(CliApp.UserError);
        hashOnly.Stderr.ShouldContain("没有锚点记录的哈希");
    }

    [DatabaseTheory]
    public async Task An_anchor_beyond_the_chain_means_events_were_deleted_and_a_malformed_one_is_a_bad_argument(Database database)
    {
        using var fe = new CliRunner(database);
        await WriteSomeEventsAsync(fe);
        var anchor = await AnchorAsync(fe);
        var hash = anchor.Split(':')[0];

        var beyond = await fe.RunAsync("audit", "verify", "--anchor", hash + ":999");

        beyond.ExitCode.ShouldBe(CliApp.UserError);
        beyond.Stderr.ShouldContain("事件已被删除");
        (await fe.RunAsync("audit", "verify", "--anchor", "abc:1")).ExitCode.ShouldBe(CliApp.BadArguments);
        (await fe.RunAsync("audit", "verify", "--anchor", hash + ":x")).ExitCode.ShouldBe(CliApp.BadArguments);
    }

    [DatabaseTheory]
    public async Task A_chain_from_before_sealing_is_sealed_at_migration_and_its_rewrite_is_caught_through_that_seal(Database database)
    {
        using var fe = new CliRunner(database);
        await WriteSomeEventsAsync(fe);
        var legacy = await StripSealsAsync(fe);

        var migrated = await fe.RunAsync("migrate");
        migrated.ExitCode.ShouldBe(CliApp.Success, migrated.Stderr);
        var verified = await fe.RunAsync("audit", "verify");
        verified.ExitCode.ShouldBe(CliApp.Success, verified.Stderr);
        verified.Stdout.ShouldContain($"自 #{legacy + 1} 起有密钥封印（此前 {legacy} 条为启用密钥前的记录");
        var start = (await EventsAsync(fe)).Single(e => e.Sequence == legacy + 1);
        start.Action.ShouldBe("audit.seal-start");
        start.After.ShouldNotBeNull().ShouldContain($"\"legacyEvents\":{legacy}");

        // Rewriting a legacy event means recomputing the sealed event's hash too, which no one without the key can seal.
        await RewriteAsync(fe, sequence: 1, leakedKey: null);
        var broken = await fe.RunAsync("audit", "verify");
        broken.ExitCode.ShouldBe(CliApp.UserError);
        broken.Stderr.ShouldContain($"#{legacy + 1} 的密钥封印不符");
    }

    [DatabaseTheory]
    public async Task Stripping_the_seals_and_rehashing_the_old_way_is_caught(Database database)
    {
        using var fe = new CliRunner(database);
        await WriteSomeEventsAsync(fe);

        await StripSealsAsync(fe);

        var broken = await fe.RunAsync("audit", "verify");
        broken.ExitCode.ShouldBe(CliApp.UserError);
        broken.Stderr.ShouldContain("没有带密钥封印的事件");
    }

    [Fact]
    public async Task Production_refuses_to_start_without_the_audit_key_and_with_a_retention_under_180_days()
    {
        using var fe = new CliRunner();
        var production = new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = "Production", ["Audit:HmacKeyFile"] = null };
        var missingFile = new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = "Production", ["Audit:HmacKeyFile"] = fe.PathFor("none.key") };
        var shortRetention = new Dictionary<string, string?> { ["Audit:RetentionDays"] = "179" };

        var noKey = await fe.RunWithSettingsAsync(production, "migrate");
        var noFile = await fe.RunWithSettingsAsync(missingFile, "migrate");
        var tooShort = await fe.RunWithSettingsAsync(shortRetention, "migrate");

        noKey.ExitCode.ShouldBe(CliApp.UserError);
        noKey.Stderr.ShouldContain("生产环境未配置审计密钥");
        noFile.ExitCode.ShouldBe(CliApp.UserError);
        noFile.Stderr.ShouldContain("不存在");
        File.Exists(fe.PathFor("none.key")).ShouldBeFalse();
        tooShort.ExitCode.ShouldBe(CliApp.UserError);
        tooShort.Stderr.ShouldContain("至少保存 180 天");
        File.Exists(fe.PathFor("fe.db")).ShouldBeFalse();
        (await fe.RunWithSettingsAsync(new Dictionary<string, string?> { ["Audit:RetentionDays"] = "180" }, "migrate")).ExitCode.ShouldBe(CliApp.Success);
    }

    private static async Task WriteSomeEventsAsync(CliRunner fe)
    {
        (await fe.RunAsync("migrate")).ExitCode.ShouldBe(CliApp.Success);
        foreach (var name in new[] { "ledger-sync", "other-sync" })
        {
            var add = await fe.RunAsync("user", "add", "--username", name, "--role", "province-officer", "--scope", "620000", "--password", Password);
            add.ExitCode.ShouldBe(CliApp.Success, add.Stderr);
            (await fe.RunAsync("token", "create", "--user", name)).ExitCode.ShouldBe(CliApp.Success);
        }

        (await EventsAsync(fe)).Count.ShouldBeGreaterThanOrEqualTo(4);
    }

    private static async Task<string> AnchorAsync(CliRunner fe)
    {
        var anchor = await fe.RunAsync("audit", "anchor");
        anchor.ExitCode.ShouldBe(CliApp.Success, anchor.Stderr);
        var line = anchor.StdoutLines.ShouldHaveSingleItem();
        var events = await EventsAsync(fe);
        line.ShouldBe($"{events[^1].Hash}:{events.Count}");
        return line;
    }

    private static AuditKey LoadKey(CliRunner fe) => AuditKey.Load(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AuditKey.KeyFileSetting] = fe.AuditKeyFile }).Build(),
        production: true);

    private static async Task<List<AuditEvent>> EventsAsync(CliRunner fe)
    {
        await using var services = fe.Services();
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    /// <summary>
    /// Rewrites event <paramref name="sequence"/>'s After and recomputes the hash of it and of every later event, then the
    /// chain head, all with raw SQL; with <paramref name="leakedKey"/> the seals are recomputed too.
    /// </summary>
    private static async Task RewriteAsync(CliRunner fe, long sequence, AuditKey? leakedKey)
    {
        var events = await EventsAsync(fe);
        var previous = events.Single(e => e.Sequence == sequence).PreviousHash;
        await using var connection = fe.Open();
        await connection.OpenAsync();
        foreach (var e in events.Where(e => e.Sequence >= sequence))
        {
            if (e.Sequence == sequence)
            {
                e.After = Rewritten;
            }

            e.PreviousHash = previous;
            e.Hash = e.ComputeHash();
            if (leakedKey is not null && e.AuditHmac is not null)
            {
                e.AuditHmac = leakedKey.Seal(e);
            }

            await UpdateAsync(connection, e);
            previous = e.Hash;
        }

        await SetHeadAsync(connection, previous);
    }

    /// <summary>Turns the chain into one written before sealing: no seals, version-1 hashes. Returns the number of events.</summary>
    private static async Task<long> StripSealsAsync(CliRunner fe)
    {
        var events = await EventsAsync(fe);
        var previous = AuditChainHead.GenesisHash;
        await using var connection = fe.Open();
        await connection.OpenAsync();
        foreach (var e in events)
        {
            e.AuditHmac = null;
            e.PreviousHash = previous;
            e.Hash = e.ComputeLegacyHash();
            await UpdateAsync(connection, e);
            previous = e.Hash;
        }

        await SetHeadAsync(connection, previous);
        return events.Count;
    }

    private static async Task UpdateAsync(DbConnection connection, AuditEvent e)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE audit_events SET \"After\" = @after, \"PreviousHash\" = @previous, \"Hash\" = @hash, \"AuditHmac\" = @hmac WHERE \"Sequence\" = @sequence";
        Add(command, "@after", e.After);
        Add(command, "@previous", e.PreviousHash);
        Add(command, "@hash", e.Hash);
        Add(command, "@hmac", e.AuditHmac);
        Add(command, "@sequence", e.Sequence);
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    private static async Task SetHeadAsync(DbConnection connection, string tip)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE audit_chain_head SET last_hash = @tip WHERE id = 1";
        Add(command, "@tip", tip);
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
