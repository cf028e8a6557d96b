using System.Text;
using System.Xml.Linq;
using FullEmployment.Application.Common;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FullEmployment.Application.Identity;

/// <summary>Settings under <c>DataProtection</c> (docs/operations.md, "Keys").</summary>
public sealed class DataProtectionKeyOptions
{
    /// <summary>The key that seals the data-protection keys, 32 bytes in base64; takes precedence over <see cref="KeyEncryptionKeyFile"/>.</summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>A file holding that key (created with a new random key when missing); never inside the database.</summary>
    public string KeyEncryptionKeyFile { get; set; } = Path.Combine("data", "keys", "data-protection.key");
}

/// <summary>
/// The key that seals every data-protection key before it is written to the table <c>DataProtectionKeys</c>. The
/// data-protection keys sign the sign-in cookies and anti-forgery tokens, so a database reader who could read them could
/// forge a sign-in; sealed with a key held outside the database, a dump or a stolen backup is of no use for that.
/// </summary>
public sealed class DataProtectionKeyEncryptionKey
{
    public DataProtectionKeyEncryptionKey(IOptions<DataProtectionKeyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.KeyEncryptionKey))
        {
            Key = CheckLength(Convert.FromBase64String(settings.KeyEncryptionKey), "DataProtection:KeyEncryptionKey");
            return;
        }

        var path = Path.GetFullPath(settings.KeyEncryptionKeyFile);
        KeyFile.CreateIfMissing(path);
        Key = CheckLength(Convert.FromBase64String(File.ReadAllText(path).Trim()), path);
    }

    internal byte[] Key { get; }

    private static byte[] CheckLength(byte[] key, string source) => key.Length == AesGcmSeal.KeyLength
        ? key
        : throw new InvalidOperationException($"数据保护密钥的加密密钥（{source}）须为32字节的Base64编码。");
}

/// <summary>Seals a data-protection key's XML with AES-256-GCM (<see cref="AesGcmSeal"/>) under <see cref="DataProtectionKeyEncryptionKey"/>.</summary>
public sealed class SealedXmlEncryptor(DataProtectionKeyEncryptionKey key) : IXmlEncryptor
{
    internal const string ElementName = "sealedKey";
    internal static readonly byte[] Purpose = "FullEmployment.DataProtectionKey"u8.ToArray();

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedElement = new XElement(ElementName,
            new XAttribute("format", "aes-256-gcm"),
            Convert.ToBase64String(AesGcmSeal.Seal(key.Key, plaintext, Purpose)));
        return new EncryptedXmlInfo(sealedElement, typeof(SealedXmlDecryptor));
    }
}

/// <summary>Opens what <see cref="SealedXmlEncryptor"/> sealed; the data-protection system creates it by type name with the services.</summary>
public sealed class SealedXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var key = services.GetRequiredService<DataProtectionKeyEncryptionKey>();
        var plaintext = AesGcmSeal.Open(key.Key, Convert.FromBase64String(encryptedElement.Value), SealedXmlEncryptor.Purpose);
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }

    /// <summary>
    /// Whether a stored key's XML holds its secret unsealed: written before keys were sealed, or by a process without
    /// the encryptor. Such keys are removed at start-up (<see cref="Data.DatabaseInitializer"/>).
    /// </summary>
    public static bool IsUnsealed(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return false;
        }

        var element = XElement.Parse(xml);
        return !element.Descendants("encryptedSecret").Any() && element.Descendants().Any(e => e.Name.LocalName == "masterKey");
    }
}
