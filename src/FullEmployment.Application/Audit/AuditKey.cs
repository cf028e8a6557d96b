using System.Security.Cryptography;
using System.Text;
using FullEmployment.Application.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace FullEmployment.Application.Audit;

/// <summary>
/// The key that seals each audit event with an HMAC-SHA256. It is held outside the database (a setting or a key file), so
/// someone who can write the database can rewrite events and recompute the hash chain, but cannot forge the seals.
/// Production refuses to start without one; Development and Testing generate a key file beside the data (ADR 0003).
/// </summary>
public sealed class AuditKey
{
    public const string KeySetting = "Audit:HmacKey";
    public const string KeyFileSetting = "Audit:HmacKeyFile";
    public const string DefaultFileName = "audit-hmac.key";
    private const int KeyBytes = 32;

    private readonly byte[] _key;

    private AuditKey(byte[] key, string source)
    {
        _key = key;
        Source = source;
    }

    /// <summary>Where the key came from (the setting or the file's path), for messages; never the key itself.</summary>
    public string Source { get; }

    /// <summary>
    /// The key named by <see cref="KeySetting"/> (base64) or <see cref="KeyFileSetting"/>; without either, outside
    /// production, the file <see cref="DefaultFileName"/> in the data folder, generated on first use.
    /// </summary>
    public static AuditKey Load(IConfiguration configuration, bool production)
    {
        if (configuration[KeySetting] is { Length: > 0 } inline)
        {
            return new AuditKey(Decode(inline, KeySetting), KeySetting);
        }

        var configuredFile = configuration[KeyFileSetting];
        if (configuredFile is not { Length: > 0 } && production)
        {
            throw new AuditKeyException(
                $"生产环境未配置审计密钥：请设置 {KeyFileSetting}（密钥文件路径，文件内容为 Base64 编码的 32 字节随机数，如 openssl rand -base64 32 生成）" +
                $"或 {KeySetting}。密钥不得存放在数据库中，见 docs/operations.md“密钥”。");
        }

        var path = Path.GetFullPath(configuredFile is { Length: > 0 } ? configuredFile : DevelopmentFile(configuration));
        if (!File.Exists(path))
        {
            if (production)
            {
                throw new AuditKeyException($"审计密钥文件“{path}”不存在（{KeyFileSetting}）。生产环境不会自动生成密钥。");
            }

            Generate(path);
        }

        return new AuditKey(Decode(File.ReadAllText(path).Trim(), path), path);
    }

    /// <summary>HMAC-SHA256 of the event's canonical form, lower-case hex.</summary>
    public string Seal(AuditEvent auditEvent) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, auditEvent.Canonical()));

    /// <summary>Whether the stored seal is this key's seal of the event as it stands now.</summary>
    public bool IsSealed(AuditEvent auditEvent) =>
        auditEvent.AuditHmac is { } stored
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(Seal(auditEvent)));

    private static byte[] Decode(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new AuditKeyException($"审计密钥（{source}）不是有效的 Base64 文本。");
        }

        return key.Length >= KeyBytes
            ? key
            : throw new AuditKeyException($"审计密钥（{source}）只有 {key.Length} 字节，至少需要 {KeyBytes} 字节。");
    }

    // Beside the SQLite file (not in it), or data/ for PostgreSQL: where the development database's own files are.
    private static string DevelopmentFile(IConfiguration configuration)
    {
        var folder = "data";
        if (DatabaseRegistration.ProviderFrom(configuration) == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Default") ?? DatabaseRegistration.DefaultSqliteConnection).DataSource;
            folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? folder;
        }

        return Path.Combine(folder, DefaultFileName);
    }

    private static void Generate(string path) => Common.KeyFile.CreateIfMissing(path);
}

/// <summary>The audit retention in force (<see cref="Domain.Audit.AuditRetention"/>), read once at start-up.</summary>
public sealed record AuditRetentionSetting(int Days);

/// <summary>The audit key is missing or unusable: the system does not start (the CLI exits 1 with the message).</summary>
public sealed class AuditKeyException(string message) : InvalidOperationException(message);
