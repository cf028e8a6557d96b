extern alias cli;

using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using cli::FullEmployment.Cli;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Ledgers;
using FullEmployment.Domain.Notices;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FullEmployment.IntegrationTests.Cli;

/// <summary>Personal data sealed at rest (issue 13 §2, ADR 0016): dumps, tampering, legacy plaintext, key rotation, backups.</summary>
public sealed class PersonalDataEncryptionCliTests
{
    [DatabaseTheory]
    public async Task A_raw_dump_of_the_demo_database_holds_none_of_its_id_numbers_or_phones(Database database)
    {
        using var fe = new CliRunner(database);
        (await fe.RunAsync("seed")).ExitCode.ShouldBe(CliApp.Success);
        var (ids, phones) = await PlaintextsAsync(fe);
        ids.Count.ShouldBeGreaterThan(50);
        phones.Count.ShouldBeGreaterThan(5);

        var dump = database == Database.Sqlite ? await SqliteBytesAsync(fe) : await PgDumpAsync(fe);

        dump.Length.ShouldBeGreaterThan(100_000);
        // The dump is readable: a name stored beside the sealed values is found in it.
        Contains(dump, (await FirstPersonNameAsync(fe))).ShouldBeTrue();
        // In the text dump, only a value standing alone counts: the blind index is printed as 19-digit numbers, and a
        // short phone turns up inside one of thousands of those by chance. The SQLite file stores those numbers in binary.
        ids.Concat(phones).Where(value => database == Database.Sqlite ? Contains(dump, value) : ContainsAlone(dump, value)).ShouldBeEmpty();
    }

    [DatabaseTheory]
    public async Task A_tampered_sealed_value_fails_loudly_instead_of_reading_as_something_else(Database database)
    {
        using var fe = new CliRunner(database);
        (await fe.RunAsync("seed")).ExitCode.ShouldBe(CliApp.Success);
        await using (var connection = fe.Open())
        {
            await connection.OpenAsync();
            var (id, sealedBytes) = await FirstSealedAsync(connection);
            sealedBytes[^1] ^= 0x01;
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE ledger_persons SET id_number_sealed = @v WHERE id = @id";
            Add(update, "@v", sealedBytes);
            Add(update, "@id", id);
            (await update.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        await Should.ThrowAsync<CryptographicException>(() => WithDbAsync(fe, db => db.Set<LedgerPerson>().Select(p => p.IdNumber).ToListAsync()));
    }

    [DatabaseTheory]
    public async Task Plaintext_left_by_a_database_from_before_encryption_is_sealed_at_start_up_and_cleared(Database database)
    {
        using var fe = new CliRunner(database);
        (await fe.RunAsync("seed")).ExitCode.ShouldBe(CliApp.Success);
        var before = await SnapshotAsync(fe);
        // What the PersonalDataEncryption migration leaves in a database that held plaintext: the old columns keep it,
        // the new sealed columns hold empty bytes (NOT NULL ones) or NULL, the index NULL.
        var empty = Array.Empty<byte>();
        await using (var services = fe.Services())
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var (id, idNumber, phone) in await db.Set<LedgerPerson>().Select(p => new ValueTuple<long, string, string?>(p.Id, p.IdNumber, p.Phone)).ToListAsync())
            {
                await db.Database.ExecuteSqlAsync(
                    $"UPDATE ledger_persons SET id_number = {idNumber}, phone = {phone}, id_number_sealed = {empty}, id_number_index = NULL, phone_sealed = NULL WHERE id = {id}");
            }

            foreach (var (id, idNumber) in await db.Set<Assistance>().Select(a => new ValueTuple<long, string>(a.Id, a.IdNumber)).ToListAsync())
            {
                await db.Database.ExecuteSqlAsync(
                    $"UPDATE ledger_assistances SET id_number = {idNumber}, id_number_sealed = {empty}, id_number_index = NULL WHERE id = {id}");
            }

            foreach (var (id, phone) in await db.Communities.Where(c => c.ContactPhone != null).Select(c => new ValueTuple<int, string?>(c.Id, c.ContactPhone)).ToListAsync())
            {
                await db.Database.ExecuteSqlAsync($"UPDATE communities SET \"ContactPhone\" = {phone}, \"ContactPhoneSealed\" = NULL WHERE \"Id\" = {id}");
            }

            var status = await scope.ServiceProvider.GetRequiredService<PersonalDataMaintenance>().StatusAsync();
            status.Single(t => t.Table == "ledger_persons").LegacyRows.ShouldBe(before.Persons.Count);
        }

        (await fe.RunAsync("migrate")).ExitCode.ShouldBe(CliApp.Success);

        (await SnapshotAsync(fe)).ShouldBe(before);
        var after = await StatusAsync(fe);
        after.ShouldAllBe(t => t.LegacyRows == 0);
        await using (var connection = fe.Open())
        {
            await connection.OpenAsync();
            await using var legacy = connection.CreateCommand();
            legacy.CommandText = "SELECT COUNT(*) FROM ledger_persons WHERE id_number IS NOT NULL OR phone IS NOT NULL OR id_number_index IS NULL";
            Convert.ToInt64(await legacy.ExecuteScalarAsync()).ShouldBe(0);
        }

        // The blind index is back: a lookup by ID number finds the person.
        var first = before.Persons[0].Split('|')[0];
        (await WithDbAsync(fe, db => db.Set<LedgerPerson>()
            .CountAsync(p => EF.Property<long?>(p, "IdNumberIndex") == db.PersonalData.Index(first)))).ShouldBe(1);
    }

    [DatabaseTheory]
    public async Task Key_rotation_interrupted_after_one_batch_continues_on_rerun_until_every_row_is_under_the_new_key(Database database)
    {
        using var fe = new CliRunner(database);
        (await fe.RunAsync("seed")).ExitCode.ShouldBe(CliApp.Success);
        var before = await SnapshotAsync(fe);

        var first = await fe.RunAsync("keys", "rotate", "--batch-size", "20", "--max-batches", "1");

        first.ExitCode.ShouldBe(CliApp.Success, first.Stderr);
        first.Stdout.ShouldContain("已加入新密钥 2");
        first.Stdout.ShouldContain("尚未完成");
        var midway = await StatusAsync(fe);
        // One batch of at most 20 rows (two sealed values a row at most: ID number and phone).
        midway.Sum(t => t.RowsByKeyId.GetValueOrDefault(2)).ShouldBeInRange(1, 40);
        midway.Sum(t => t.RowsByKeyId.GetValueOrDefault(1)).ShouldBeGreaterThan(0);
        (await SnapshotAsync(fe)).ShouldBe(before);

        var rerun = await fe.RunAsync("keys", "rotate", "--batch-size", "500");

        rerun.ExitCode.ShouldBe(CliApp.Success, rerun.Stderr);
        rerun.Stdout.ShouldContain("继续轮换到当前密钥 2");
        rerun.Stdout.ShouldContain("全部个人信息已使用当前密钥");
        var done = await StatusAsync(fe);
        done.ShouldAllBe(t => t.RowsByKeyId.Keys.All(k => k == 2));
        done.Sum(t => t.RowsByKeyId.GetValueOrDefault(2)).ShouldBe(midway.Sum(t => t.RowsByKeyId.Values.Sum()));
        (await SnapshotAsync(fe)).ShouldBe(before);
        var status = await fe.RunAsync("keys", "status");
        status.Stdout.ShouldContain("当前密钥：2");
        status.Stdout.ShouldContain("ledger_persons\t密钥 2：");

        // Both runs are audited, with counts and never a plaintext value.
        var events = await WithDbAsync(fe, db => db.AuditEvents.Where(e => e.Action == "personal-data.rotate").Select(e => e.After).ToListAsync());
        events.Count.ShouldBe(2);
        var ids = before.Persons.Select(p => p.Split('|')[0]).ToList();
        events.ShouldAllBe(json => json != null && ids.All(id => !json.Contains(id)));
        (await fe.RunAsync("audit", "verify")).ExitCode.ShouldBe(CliApp.Success);
    }

    [DatabaseTheory]
    public async Task A_backup_restored_with_the_same_key_file_decrypts_every_sealed_value(Database database)
    {
        using var source = new CliRunner(database);
        (await source.RunAsync("seed")).ExitCode.ShouldBe(CliApp.Success);
        var before = await SnapshotAsync(source);
        var file = source.PathFor("fe.backup");
        (await source.RunAsync("backup", "--to", file)).ExitCode.ShouldBe(CliApp.Success);

        using var target = new CliRunner(database, sharing: source);
        var restore = await target.RunAsync("restore", "--from", file);

        restore.ExitCode.ShouldBe(CliApp.Success, restore.Stderr);
        (await SnapshotAsync(target)).ShouldBe(before);
    }

    /// <summary>Every stored ID number and phone, read (decrypted) through the application.</summary>
    private static Task<(List<string> Ids, List<string> Phones)> PlaintextsAsync(CliRunner fe) => WithDbAsync(fe, async db =>
    {
        var ids = new List<string>();
        ids.AddRange(await db.Set<LedgerPerson>().Select(p => p.IdNumber).ToListAsync());
        ids.AddRange(await db.Set<UnemploymentRegistration>().Select(p => p.IdNumber).ToListAsync());
        ids.AddRange(await db.Set<EmploymentRecord>().Select(p => p.IdNumber).ToListAsync());
        ids.AddRange(await db.Set<DifficultyIdentification>().Select(p => p.IdNumber).ToListAsync());
        ids.AddRange(await db.Set<ZeroEmploymentFamily>().Select(p => p.HeadIdNumber).ToListAsync());
        ids.AddRange(await db.Set<Assistance>().Select(p => p.IdNumber).ToListAsync());
        ids.AddRange(await db.Set<TrainingReferral>().Select(p => p.IdNumber).ToListAsync());
        ids.AddRange(await db.Set<EmploymentWishRegistration>().Select(p => p.IdNumber).ToListAsync());
        ids.AddRange((await db.Set<StaffMember>().Select(p => p.IdNumber).ToListAsync()).OfType<string>());
        var phones = new List<string>();
        phones.AddRange((await db.Set<LedgerPerson>().Select(p => p.Phone).ToListAsync()).OfType<string>());
        phones.AddRange((await db.Set<Community>().Select(c => c.ContactPhone).ToListAsync()).OfType<string>());
        phones.AddRange((await db.Set<Objection>().Select(o => o.ObjectorPhone).ToListAsync()).OfType<string>());
        return (ids.Where(i => i.Length > 0).Distinct().ToList(), phones.Where(p => p.Length >= 7).Distinct().ToList());
    });

    /// <summary>What the sealed columns hold, decrypted: persons (ID|phone) and community phones, in a stable order.</summary>
    private static Task<Snapshot> SnapshotAsync(CliRunner fe) => WithDbAsync(fe, async db => new Snapshot(
        [.. (await db.Set<LedgerPerson>().OrderBy(p => p.Id).Select(p => new { p.IdNumber, p.Phone }).ToListAsync()).Select(p => $"{p.IdNumber}|{p.Phone}")],
        [.. (await db.Set<Assistance>().OrderBy(a => a.Id).Select(a => a.IdNumber).ToListAsync())],
        [.. (await db.Set<Community>().OrderBy(c => c.Id).Select(c => c.ContactPhone).ToListAsync()).Select(p => p ?? "")]));

    private static Task<IReadOnlyList<PersonalDataTableStatus>> StatusAsync(CliRunner fe) =>
        WithServicesAsync(fe, sp => sp.GetRequiredService<PersonalDataMaintenance>().StatusAsync());

    private static Task<string> FirstPersonNameAsync(CliRunner fe) =>
        WithDbAsync(fe, db => db.Set<LedgerPerson>().OrderBy(p => p.Id).Select(p => p.Name).FirstAsync());

    private static Task<T> WithDbAsync<T>(CliRunner fe, Func<AppDbContext, Task<T>> action) =>
        WithServicesAsync(fe, sp => action(sp.GetRequiredService<AppDbContext>()));

    private static async Task<T> WithServicesAsync<T>(CliRunner fe, Func<IServiceProvider, Task<T>> action)
    {
        await using var services = fe.Services();
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private static async Task<(long Id, byte[] Sealed)> FirstSealedAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, id_number_sealed FROM ledger_persons ORDER BY id LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        return (reader.GetInt64(0), (byte[])reader.GetValue(1));
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The database file and its WAL as they lie on disk, after a checkpoint.</summary>
    private static async Task<byte[]> SqliteBytesAsync(CliRunner fe)
    {
        await fe.ExecuteSqlAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        var file = fe.PathFor("fe.db");
        var bytes = new List<byte>(await File.ReadAllBytesAsync(file));
        if (File.Exists(file + "-wal"))
        {
            bytes.AddRange(await File.ReadAllBytesAsync(file + "-wal"));
        }

        return [.. bytes];
    }

    /// <summary>A plain-text pg_dump of the whole database.</summary>
    private static async Task<byte[]> PgDumpAsync(CliRunner fe)
    {
        var builder = new NpgsqlConnectionStringBuilder(fe.ConnectionString);
        var pgDump = File.Exists("/usr/lib/postgresql/15/bin/pg_dump") ? "/usr/lib/postgresql/15/bin/pg_dump" : "pg_dump";
        var start = new ProcessStartInfo(pgDump)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "--format=plain", "--no-owner", "--host", builder.Host!, "--port", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--username", builder.Username!, "--dbname", builder.Database! },
        };
        start.Environment["PGPASSWORD"] = builder.Password;
        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = await process.StandardError.ReadToEndAsync();
        await copy;
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, errors);
        return output.ToArray();
    }

    private static bool Contains(byte[] haystack, string value) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0;

    /// <summary>Whether <paramref name="value"/> occurs with no digit right before or after it.</summary>
    private static bool ContainsAlone(byte[] haystack, string value)
    {
        var needle = Encoding.UTF8.GetBytes(value);
        for (var from = 0; from <= haystack.Length - needle.Length;)
        {
            var at = haystack.AsSpan(from).IndexOf(needle);
            if (at < 0)
            {
                return false;
            }

            at += from;
            var end = at + needle.Length;
            if ((at == 0 || !char.IsAsciiDigit((char)haystack[at - 1])) && (end == haystack.Length || !char.IsAsciiDigit((char)haystack[end])))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }

    private sealed record Snapshot(List<string> Persons, List<string> Assistances, List<string> CommunityPhones)
    {
        public bool Equals(Snapshot? other) => other is not null && Persons.SequenceEqual(other.Persons)
            && Assistances.SequenceEqual(other.Assistances) && CommunityPhones.SequenceEqual(other.CommunityPhones);

        public override int GetHashCode() => Persons.Count;
    }
}
