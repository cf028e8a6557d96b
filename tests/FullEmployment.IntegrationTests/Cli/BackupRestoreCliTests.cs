extern alias cli;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using cli::FullEmployment.Cli;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Cli;

/// <summary>`fe backup` and `fe restore` (issue 13 §3): a restore gives back every row, a verifiable audit chain and the stored files.</summary>
public sealed class BackupRestoreCliTests
{
    private static readonly byte[] Evidence = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    [DatabaseTheory]
    public async Task A_backup_restored_into_an_empty_database_has_every_row_a_verifiable_chain_and_the_stored_files(Database database)
    {
        using var source = new CliRunner(database);
        var seeded = await source.RunAsync("seed");
        seeded.ExitCode.ShouldBe(CliApp.Success, seeded.Stderr);
        var stored = await StoreFileAsync(source);
        var file = source.PathFor("fe.backup");

        var backup = await source.RunAsync("backup", "--to", file);
        backup.ExitCode.ShouldBe(CliApp.Success, backup.Stderr);
        backup.Stdout.ShouldContain("1 个上传文件");
        var again = await source.RunAsync("backup", "--to", file);
        again.ExitCode.ShouldBe(CliApp.UserError);
        again.Stderr.ShouldContain("已存在");

        using var target = new CliRunner(database, sharing: source);
        var restore = await target.RunAsync("restore", "--from", file);

        restore.ExitCode.ShouldBe(CliApp.Success, restore.Stderr);
        var before = await TableChecksums.OfAsync(source);
        var after = await TableChecksums.OfAsync(target);
        before.Keys.ShouldContain("audit_events");
        before.Keys.ShouldContain("stored_files");
        before.Values.Count(table => table.Rows > 0).ShouldBeGreaterThan(10);
        after.ShouldBe(before);
        var verified = await target.RunAsync("audit", "verify");
        verified.ExitCode.ShouldBe(CliApp.Success, verified.Stderr);
        verified.Stdout.ShouldBe((await source.RunAsync("audit", "verify")).Stdout);
        var restoredFile = await File.ReadAllBytesAsync(Path.Combine(target.FilesRoot, stored.StoredName));
        Convert.ToHexStringLower(SHA256.HashData(restoredFile)).ShouldBe(stored.Sha256);
        restoredFile.ShouldBe(Evidence);
    }

    [DatabaseTheory]
    public async Task Restore_refuses_a_database_with_tables_unless_forced_and_then_replaces_what_was_written_since(Database database)
    {
        using var fe = new CliRunner(database);
        (await fe.RunAsync("migrate")).ExitCode.ShouldBe(CliApp.Success);
        var file = fe.PathFor("fe.backup");
        (await fe.RunAsync("backup", "--to", file)).ExitCode.ShouldBe(CliApp.Success);
        (await fe.RunAsync("user", "add", "--username", "after-backup", "--role", "auditor", "--scope", "620000", "--password", "Gq7#wRt2Lm9p"))
            .ExitCode.ShouldBe(CliApp.Success);

        var refused = await fe.RunAsync("restore", "--from", file);

        refused.ExitCode.ShouldBe(CliApp.UserError);
        refused.Stderr.ShouldContain("目标数据库不是空的");
        refused.Stderr.ShouldContain("--force");
        (await fe.RunAsync("token", "create", "--user", "after-backup")).ExitCode.ShouldBe(CliApp.Success);
        var forced = await fe.RunAsync("restore", "--from", file, "--force");
        forced.ExitCode.ShouldBe(CliApp.Success, forced.Stderr);
        var gone = await fe.RunAsync("token", "create", "--user", "after-backup");
        gone.ExitCode.ShouldBe(CliApp.UserError);
        gone.Stderr.ShouldContain("不存在");
        (await fe.RunAsync("audit", "verify")).ExitCode.ShouldBe(CliApp.Success);
        var missing = await fe.RunAsync("restore", "--from", fe.PathFor("none.backup"));
        missing.ExitCode.ShouldBe(CliApp.UserError);
        missing.Stderr.ShouldContain("不存在");
    }

    [DatabaseTheory(Database.Sqlite)]
    public async Task A_sqlite_backup_taken_while_events_are_written_restores_a_consistent_chain(Database database)
    {
        using var fe = new CliRunner(database);
        (await fe.RunAsync("migrate")).ExitCode.ShouldBe(CliApp.Success);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var written = 0;
            await using var services = fe.Services();
            while (!stop.IsCancellationRequested)
            {
                await using var scope = services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AuditTrail>().Record("test.write", "test", written.ToString(CultureInfo.InvariantCulture));
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
                written++;
            }

            return written;
        });
        while (await CountEventsAsync(fe) < 20)
        {
            await Task.Delay(20);
        }

        var file = fe.PathFor("online.backup");
        var backup = await fe.RunAsync("backup", "--to", file);
        await stop.CancelAsync();
        var written = await writer;

        backup.ExitCode.ShouldBe(CliApp.Success, backup.Stderr);
        using var restored = new CliRunner(database, sharing: fe);
        (await restored.RunAsync("restore", "--from", file)).ExitCode.ShouldBe(CliApp.Success);
        var verified = await restored.RunAsync("audit", "verify");
        verified.ExitCode.ShouldBe(CliApp.Success, verified.Stderr);
        var inBackup = await CountEventsAsync(restored);
        inBackup.ShouldBeGreaterThanOrEqualTo(20);
        inBackup.ShouldBeLessThanOrEqualTo(written);
    }

    [DatabaseTheory(Database.Postgres)]
    public async Task A_postgres_backup_without_pg_dump_says_what_to_install(Database database)
    {
        using var fe = new CliRunner(database);
        (await fe.RunAsync("migrate")).ExitCode.ShouldBe(CliApp.Success);

        var result = await fe.RunWithSettingsAsync(new Dictionary<string, string?> { [DatabaseBackup.PgDumpSetting] = fe.PathFor("no-pg_dump") },
            "backup", "--to", fe.PathFor("fe.backup"));

        result.ExitCode.ShouldBe(CliApp.UserError);
        result.Stderr.ShouldContain("找不到 pg_dump");
        result.Stderr.ShouldContain("postgresql-client");
        File.Exists(fe.PathFor("fe.backup")).ShouldBeFalse();
    }

    private static async Task<StoredFile> StoreFileAsync(CliRunner fe)
    {
        await using var services = fe.Services();
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<FileStore>();
        var stored = await store.SaveAsync(new FileUpload("证明材料.pdf", new MemoryStream(Evidence)), "application", "1", "evidence", "test", CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(stored);
        await db.SaveChangesAsync();
        return stored;
    }

    private static async Task<long> CountEventsAsync(CliRunner fe)
    {
        await using var services = fe.Services();
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents.LongCountAsync();
    }
}
