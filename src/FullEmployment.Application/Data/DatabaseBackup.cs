using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using FullEmployment.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace FullEmployment.Application.Data;

public sealed record BackupSummary(string Path, long Bytes, int Files, DatabaseProvider Provider);

/// <summary>
/// One backup file holds the database and the stored files (<c>Files:Root</c>): a zip with manifest.json, the database
/// (SQLite: a <c>VACUUM INTO</c> snapshot, taken while the system serves; PostgreSQL: <c>pg_dump -Fc</c>) and files/….
/// The keys are never in it (audit key, later the encryption keys): they are kept apart, docs/operations.md "Keys".
/// </summary>
public sealed class DatabaseBackup(AppDbContext db, IConfiguration configuration)
{
    public const string PgDumpSetting = "Backup:PgDumpPath";
    public const string PgRestoreSetting = "Backup:PgRestorePath";
    private const string ManifestEntry = "manifest.json";
    private const string SqliteEntry = "database.sqlite";
    private const string PostgresEntry = "database.pgdump";
    private const string FilesPrefix = "files/";
    private const int FormatVersion = 1;

    private DatabaseProvider Provider => db.IsSqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    private string FilesRoot => Path.GetFullPath(configuration["Files:Root"] ?? Path.Combine("data", "files"));

    public async Task<BackupSummary> BackupAsync(string path, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(path);
        if (File.Exists(target))
        {
            throw new DomainException($"备份文件“{target}”已存在：请换一个文件名（备份不覆盖已有文件）。");
        }

        var work = Directory.CreateTempSubdirectory("fe-backup-");
        try
        {
            var snapshot = Path.Combine(work.FullName, "database");
            if (Provider == DatabaseProvider.Sqlite)
            {
                await SqliteSnapshotAsync(snapshot, cancellationToken);
            }
            else
            {
                await RunToolAsync(PgDumpSetting, "pg_dump", ["-Fc", "--no-owner", "--no-privileges", "-f", snapshot, .. ConnectionArguments()], cancellationToken);
            }

            // Files after the database: they are written before the row that names them and never changed, so every
            // file the snapshot refers to is already there.
            var files = 0;
            await using (var zip = new ZipArchive(File.Create(target), ZipArchiveMode.Create))
            {
                // Encryption at rest plugs in here: the manifest will name the key id the personal fields were
                // encrypted with, so a restore can refuse a backup whose key it does not hold.
                var manifest = new { format = FormatVersion, provider = Provider.ToString(), createdAt = DateTimeOffset.UtcNow, encryption = "none" };
                await using (var entry = await zip.CreateEntry(ManifestEntry).OpenAsync(cancellationToken))
                {
                    await JsonSerializer.SerializeAsync(entry, manifest, cancellationToken: cancellationToken);
                }

                await zip.CreateEntryFromFileAsync(snapshot, Provider == DatabaseProvider.Sqlite ? SqliteEntry : PostgresEntry, CompressionLevel.Optimal, cancellationToken);
                if (Directory.Exists(FilesRoot))
                {
                    foreach (var file in Directory.EnumerateFiles(FilesRoot, "*", SearchOption.AllDirectories))
                    {
                        var name = FilesPrefix + Path.GetRelativePath(FilesRoot, file).Replace(Path.DirectorySeparatorChar, '/');
                        await zip.CreateEntryFromFileAsync(file, name, CompressionLevel.NoCompression, cancellationToken);
                        files++;
                    }
                }
            }

            return new BackupSummary(target, new FileInfo(target).Length, files, Provider);
        }
        catch
        {
            File.Delete(target);
            throw;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Replaces the database and the stored files with the backup's. Refuses a database that already has tables unless
    /// <paramref name="force"/>: restoring over a live installation loses what was written since the backup.
    /// </summary>
    public async Task<BackupSummary> RestoreAsync(string path, bool force, CancellationToken cancellationToken = default)
    {
        var source = Path.GetFullPath(path);
        if (!File.Exists(source))
        {
            throw new DomainException($"备份文件“{source}”不存在。");
        }

        var work = Directory.CreateTempSubdirectory("fe-restore-");
        try
        {
            await using var zip = await OpenBackupAsync(source, cancellationToken);
            var entryName = Provider == DatabaseProvider.Sqlite ? SqliteEntry : PostgresEntry;
            var databaseEntry = zip.GetEntry(entryName)
                ?? throw new DomainException($"备份文件“{source}”中没有 {(Provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL")} 数据库：备份与当前设置的数据库类型（{Provider}）不同。");
            var tables = await CountTablesAsync(cancellationToken);
            if (tables > 0 && !force)
            {
                throw new DomainException($"目标数据库不是空的（已有 {tables} 张表）：恢复会覆盖其中的全部数据。确认要覆盖时加 --force。");
            }

            var snapshot = Path.Combine(work.FullName, "database");
            await databaseEntry.ExtractToFileAsync(snapshot, cancellationToken);
            if (Provider == DatabaseProvider.Sqlite)
            {
                await RestoreSqliteAsync(snapshot, cancellationToken);
            }
            else
            {
                await RestorePostgresAsync(snapshot, cancellationToken);
            }

            var files = await RestoreFilesAsync(zip, cancellationToken);
            return new BackupSummary(source, new FileInfo(source).Length, files, Provider);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<ZipArchive> OpenBackupAsync(string source, CancellationToken cancellationToken)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(File.OpenRead(source), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw new DomainException($"“{source}”不是 fe backup 生成的备份文件。");
        }

        var manifest = zip.GetEntry(ManifestEntry);
        if (manifest is null)
        {
            await zip.DisposeAsync();
            throw new DomainException($"“{source}”不是 fe backup 生成的备份文件（缺少 {ManifestEntry}）。");
        }

        await using var stream = await manifest.OpenAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        if (document.RootElement.GetProperty("format").GetInt32() != FormatVersion)
        {
            await zip.DisposeAsync();
            throw new DomainException($"备份文件格式版本 {document.RootElement.GetProperty("format")} 不受支持（本版本读取 {FormatVersion}）。");
        }

        return zip;
    }

    private async Task SqliteSnapshotAsync(string snapshot, CancellationToken cancellationToken)
    {
        // VACUUM INTO reads one consistent snapshot inside a read transaction; in WAL mode writers carry on meanwhile.
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=10000; VACUUM INTO $path";
        command.Parameters.AddWithValue("$path", snapshot);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task RestoreSqliteAsync(string snapshot, CancellationToken cancellationToken)
    {
        await using (var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = snapshot, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await check.OpenAsync(cancellationToken);
            await using var command = check.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            var result = (string?)await command.ExecuteScalarAsync(cancellationToken);
            if (result != "ok")
            {
                throw new DomainException($"备份中的数据库未通过完整性检查：{result}");
            }

            // The online backup API replaces every page of the destination, WAL included, in one step.
            await using var destination = new SqliteConnection(db.Database.GetConnectionString());
            await destination.OpenAsync(cancellationToken);
            check.BackupDatabase(destination);
        }

        SqliteConnection.ClearAllPools();
    }

    private async Task RestorePostgresAsync(string snapshot, CancellationToken cancellationToken)
    {
        // A clean schema rather than pg_restore --clean, which would leave behind tables the backup does not have.
        await db.Database.ExecuteSqlRawAsync("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;", cancellationToken);
        await RunToolAsync(PgRestoreSetting, "pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
            .. ConnectionArguments(), snapshot], cancellationToken);
        NpgsqlConnection.ClearAllPools();
    }

    private async Task<int> RestoreFilesAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        var root = FilesRoot;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        var files = 0;
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(FilesPrefix, StringComparison.Ordinal) && e.Name.Length > 0))
        {
            var destination = Path.GetFullPath(Path.Combine(root, entry.FullName[FilesPrefix.Length..]));
            if (!destination.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new DomainException($"备份中的文件“{entry.FullName}”指向文件目录之外，拒绝恢复。");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            await entry.ExtractToFileAsync(destination, cancellationToken);
            files++;
        }

        return files;
    }

    private async Task<int> CountTablesAsync(CancellationToken cancellationToken)
    {
        var sql = Provider == DatabaseProvider.Sqlite
            ? "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync(cancellationToken);
    }

    /// <summary>pg_dump/pg_restore's connection options; the password goes in PGPASSWORD, never on the command line.</summary>
    private List<string> ConnectionArguments()
    {
        var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var arguments = new List<string>();
        if (builder.Host is { Length: > 0 } host)
        {
            arguments.AddRange(["--host", host]);
        }

        arguments.AddRange(["--port", builder.Port.ToString(CultureInfo.InvariantCulture)]);
        if (builder.Username is { Length: > 0 } user)
        {
            arguments.AddRange(["--username", user]);
        }

        arguments.AddRange(["--dbname", builder.Database ?? ""]);
        return arguments;
    }

    private async Task RunToolAsync(string setting, string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var executable = configuration[setting] is { Length: > 0 } configured ? configured : FindOnPath(tool);
        if (executable is null || !File.Exists(executable))
        {
            throw new DomainException($"找不到 {tool}{(executable is null ? "" : $"（{executable}）")}：请安装与服务器同版本的 PostgreSQL 客户端" +
                $"（Debian：apt install postgresql-client-15），或用设置 {setting} 指明它的路径。");
        }

        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Password ?? "";
        using var process = Process.Start(start) ?? throw new DomainException($"无法启动 {executable}。");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new DomainException($"{tool} 失败（退出码 {process.ExitCode}）：{(await error).Trim()}");
        }
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);
}
