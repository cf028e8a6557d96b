using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FullEmployment.Application.Common;
using Microsoft.Extensions.Configuration;

namespace FullEmployment.Application.Data;

/// <summary>
/// The personal-data key ring, held in a key file outside the database (ADR 0016): numbered AES-256 data keys, one of
/// them current, and a separate HMAC-SHA256 key for the blind index. A stored value is <c>key id (1) | nonce | tag |
/// ciphertext</c> (<see cref="AesGcmSeal"/>); the leading id tells <c>fe keys rotate</c> what is under an older key. The
/// blind index is the first 8 bytes of the HMAC of the normalised value, so equal ID numbers compare equal in SQL.
/// </summary>
public sealed class PersonalDataKeys
{
    public const string KeyFileSetting = "PersonalData:KeyFile";
    public const string DefaultKeyFile = "data/keys/personal-data.json";

    private static readonly ConcurrentDictionary<string, PersonalDataKeys> ByPath = new(StringComparer.Ordinal);
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly Lock _gate = new();
    private Ring _ring;

    private PersonalDataKeys(string? path, Ring ring)
    {
        Path = path;
        _ring = ring;
    }

    /// <summary>The key file, or null for a ring that lives in memory only (design-time model, unit tests).</summary>
    public string? Path { get; }

    public byte CurrentKeyId => _ring.Current;

    public IReadOnlyList<byte> KeyIds => [.. _ring.Keys.Keys.Order()];

    /// <summary>
    /// The ring in <see cref="KeyFileSetting"/> (default <see cref="DefaultKeyFile"/>). Outside production a missing file
    /// is created; production refuses to start without a configured, existing file. One instance per file per process,
    /// so every context of the process shares one EF model.
    /// </summary>
    public static PersonalDataKeys Load(IConfiguration configuration, bool production)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[KeyFileSetting];
        if (configured is not { Length: > 0 } && production)
        {
            throw new PersonalDataKeyException(
                $"生产环境未配置个人信息加密密钥文件：请设置 {KeyFileSetting}（非生产环境首次启动时生成；多个节点共用同一个文件）。" +
                "密钥文件不得存放在数据库或备份中，丢失即无法解密身份证号和电话，见 docs/operations.md“密钥”。");
        }

        var path = System.IO.Path.GetFullPath(configured is { Length: > 0 } ? configured : DefaultKeyFile);
        if (!File.Exists(path))
        {
            if (production)
            {
                throw new PersonalDataKeyException($"个人信息加密密钥文件“{path}”不存在（{KeyFileSetting}）。生产环境不会自动生成密钥。");
            }

            Create(path);
        }

        return ByPath.GetOrAdd(path, p => new PersonalDataKeys(p, Read(p)));
    }

    /// <summary>Writes a new key file (one data key, one index key) unless one exists; several processes may race.</summary>
    public static void Create(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            WriteFile(temporary, NewRing());
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: its keys are the ones.
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>A ring with fresh keys and no file: the design-time model and tests that need no database.</summary>
    public static PersonalDataKeys InMemory() => new(null, NewRing());

    /// <summary>Seals <paramref name="plaintext"/> under the current key.</summary>
    public byte[] Seal(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var ring = _ring;
        var length = Encoding.UTF8.GetByteCount(plaintext);
        Span<byte> buffer = length <= 256 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(plaintext, buffer);
        var sealedBytes = new byte[1 + AesGcmSeal.Overhead + length];
        sealedBytes[0] = ring.Current;
        AesGcmSeal.Seal(ring.Cipher(ring.Current), buffer, sealedBytes.AsSpan(1));
        return sealedBytes;
    }

    /// <summary>The plaintext; throws <see cref="CryptographicException"/> for an unknown key id, a wrong key or altered bytes.</summary>
    public string Open(byte[] sealedBytes)
    {
        ArgumentNullException.ThrowIfNull(sealedBytes);
        if (sealedBytes.Length < 1 + AesGcmSeal.Overhead)
        {
            throw new CryptographicException("个人信息密文长度不对：数据库中的值被改动或不是密文。");
        }

        var cipher = CipherFor(sealedBytes[0]);
        var length = sealedBytes.Length - 1 - AesGcmSeal.Overhead;
        Span<byte> plaintext = length <= 256 ? stackalloc byte[length] : new byte[length];
        AesGcmSeal.Open(cipher, sealedBytes.AsSpan(1), plaintext);
        return Encoding.UTF8.GetString(plaintext);
    }

    /// <summary>The id of the key a stored value is sealed under.</summary>
    public static byte KeyIdOf(byte[] sealedBytes) => sealedBytes is { Length: > 0 } ? sealedBytes[0] : (byte)0;

    /// <summary>The blind index of an ID number: HMAC-SHA256 of the trimmed, upper-cased value, first 8 bytes.</summary>
    public long Index(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.AsSpan().Trim();
        Span<byte> bytes = text.Length <= 64 ? stackalloc byte[text.Length * 3] : new byte[text.Length * 3];
        var count = Encoding.UTF8.GetBytes(text, bytes);
        for (var i = 0; i < count; i++)
        {
            if (bytes[i] is >= (byte)'a' and <= (byte)'z')
            {
                bytes[i] -= 'a' - 'A';
            }
        }

        Span<byte> hash = stackalloc byte[32];
        var hmac = _ring.IndexHmac();
        hmac.AppendData(bytes[..count]);
        hmac.GetHashAndReset(hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }

    /// <summary>
    /// Adds a new data key and makes it current, replacing the file atomically (written beside it, then renamed); older
    /// keys stay so rows not yet re-encrypted still open. The index key is kept: see ADR 0016.
    /// </summary>
    public byte AddKey()
    {
        lock (_gate)
        {
            var ring = Path is null ? _ring : Read(Path);
            if (ring.Keys.Count >= byte.MaxValue)
            {
                throw new PersonalDataKeyException("个人信息密钥编号已用尽（255 个）。");
            }

            var id = (byte)(ring.Keys.Keys.Max() + 1);
            var keys = new Dictionary<byte, byte[]>(ring.Keys) { [id] = RandomNumberGenerator.GetBytes(AesGcmSeal.KeyLength) };
            var next = new Ring(id, keys, ring.IndexKey);
            if (Path is not null)
            {
                var temporary = $"{Path}.{Guid.NewGuid():N}.tmp";
                WriteFile(temporary, next);
                File.Move(temporary, Path, overwrite: true);
            }

            _ring = next;
            return id;
        }
    }

    private AesGcm CipherFor(byte id)
    {
        var ring = _ring;
        if (ring.Keys.ContainsKey(id))
        {
            return ring.Cipher(id);
        }

        // Another process (fe keys rotate) may have added it since this one read the file.
        if (Path is not null)
        {
            lock (_gate)
            {
                var reread = Read(Path);
                if (reread.Keys.ContainsKey(id))
                {
                    _ring = reread;
                }
            }
        }

        return _ring.Keys.ContainsKey(id)
            ? _ring.Cipher(id)
            : throw new CryptographicException($"个人信息密文使用的密钥 {id} 不在密钥文件中（{Path}）：密钥文件不对或已丢失。");
    }

    private static Ring NewRing() =>
        new(1, new Dictionary<byte, byte[]> { [1] = RandomNumberGenerator.GetBytes(AesGcmSeal.KeyLength) }, RandomNumberGenerator.GetBytes(32));

    private static Ring Read(string path)
    {
        KeyFileJson file;
        try
        {
            file = JsonSerializer.Deserialize<KeyFileJson>(File.ReadAllText(path), Json)
                ?? throw new PersonalDataKeyException($"个人信息加密密钥文件“{path}”为空。");
        }
        catch (JsonException ex)
        {
            throw new PersonalDataKeyException($"个人信息加密密钥文件“{path}”格式不对：{ex.Message}");
        }

        var keys = new Dictionary<byte, byte[]>();
        foreach (var key in file.DataKeys)
        {
            keys[key.Id] = Decode(key.Key, path, AesGcmSeal.KeyLength);
        }

        if (!keys.ContainsKey(file.Current))
        {
            throw new PersonalDataKeyException($"个人信息加密密钥文件“{path}”中没有当前密钥 {file.Current}。");
        }

        return new Ring(file.Current, keys, Decode(file.IndexKey, path, 32));
    }

    private static byte[] Decode(string? base64, string path, int length)
    {
        try
        {
            var key = Convert.FromBase64String(base64 ?? string.Empty);
            return key.Length == length ? key : throw new PersonalDataKeyException($"个人信息加密密钥文件“{path}”中的密钥须为 {length} 字节。");
        }
        catch (FormatException)
        {
            throw new PersonalDataKeyException($"个人信息加密密钥文件“{path}”中的密钥不是有效的 Base64 文本。");
        }
    }

    private static void WriteFile(string path, Ring ring)
    {
        var json = JsonSerializer.Serialize(new KeyFileJson
        {
            Current = ring.Current,
            DataKeys = [.. ring.Keys.OrderBy(k => k.Key).Select(k => new DataKeyJson { Id = k.Key, Key = Convert.ToBase64String(k.Value) })],
            IndexKey = Convert.ToBase64String(ring.IndexKey),
        }, Json);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        using (var writer = new StreamWriter(stream))
        {
            writer.Write(json);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
    }

    private sealed record Ring(byte Current, IReadOnlyDictionary<byte, byte[]> Keys, byte[] IndexKey)
    {
        // One cipher per key per thread (AesGcm is not thread-safe): setting one up per value was most of an import's cost.
        private readonly ThreadLocal<AesGcm?[]> _ciphers = new(() => new AesGcm?[256]);

        // Likewise one keyed HMAC per thread: the one-shot HMACSHA256.HashData sets the key up again for every value.
        private readonly ThreadLocal<IncrementalHash> _indexHmacs = new(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, IndexKey));

        public AesGcm Cipher(byte id) => _ciphers.Value![id] ??= new AesGcm(Keys[id], AesGcmSeal.TagLength);

        public IncrementalHash IndexHmac() => _indexHmacs.Value!;
    }

    private sealed class KeyFileJson
    {
        public byte Current { get; set; }

        public List<DataKeyJson> DataKeys { get; set; } = [];

        public string? IndexKey { get; set; }
    }

    private sealed class DataKeyJson
    {
        public byte Id { get; set; }

        public string? Key { get; set; }
    }
}

/// <summary>The personal-data key file is missing or unusable: the system does not start (the CLI exits 1 with the message).</summary>
public sealed class PersonalDataKeyException(string message) : InvalidOperationException(message);
