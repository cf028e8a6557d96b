using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace FullEmployment.Application.Identity;

/// <summary>
/// Protects authenticator secrets with AES-256-GCM under a key held outside the database (settings or a key file), so a
/// database reader or a stolen backup cannot compute anyone's codes. The user's ID is bound in as associated data: a
/// database writer cannot move one account's secret to another. The one place secret storage is decided
/// (docs/decisions/0013-two-factor-sign-in.md).
/// </summary>
public sealed class SecondFactorSecrets
{
    private const string Version = "v1.";
    private readonly byte[] _key;

    public SecondFactorSecrets(IOptions<SecondFactorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = LoadKey(options.Value);
    }

    public string Protect(string userId, byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Version + Convert.ToBase64String(Common.AesGcmSeal.Seal(_key, secret, Encoding.UTF8.GetBytes(userId)));
    }

    /// <summary>The secret; throws <see cref="CryptographicException"/> when the key is wrong or the value was altered.</summary>
    public byte[] Unprotect(string userId, string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.StartsWith(Version, StringComparison.Ordinal))
        {
            throw new CryptographicException("Unknown second-factor secret format.");
        }

        return Common.AesGcmSeal.Open(_key, Convert.FromBase64String(stored[Version.Length..]), Encoding.UTF8.GetBytes(userId));
    }

    private static byte[] LoadKey(SecondFactorOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            return CheckLength(Convert.FromBase64String(options.Key), "SecondFactor:Key");
        }

        var path = Path.GetFullPath(options.KeyFile);
        Common.KeyFile.CreateIfMissing(path);
        return CheckLength(Convert.FromBase64String(File.ReadAllText(path).Trim()), path);
    }

    private static byte[] CheckLength(byte[] key, string source) => key.Length == 32
        ? key
        : throw new InvalidOperationException($"两步验证密钥（{source}）须为32字节的Base64编码。");
}
