using System.Security.Cryptography;
using System.Text;

namespace FullEmployment.Application.Identity;

/// <summary>
/// One-time recovery codes: ten characters from a 31-letter alphabet (49 random bits), shown once as XXXXX-XXXXX and
/// stored as salted PBKDF2-SHA256. The codes are random, not chosen by people, so fewer iterations than a password's
/// hash suffice and checking all ten stays fast.
/// </summary>
public static class RecoveryCodes
{
    // No 0/O, 1/I/L: read from paper without confusion.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int Iterations = 10_000;
    private const int SaltLength = 16;
    private const int HashLength = 32;

    public static string NewCode()
    {
        var chars = new char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
    }

    public static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        var hash = Derive(Normalize(code), salt);
        return $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Matches(string code, string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('$');
        if (parts is not ["pbkdf2-sha256", _, var salt, var hash] || !int.TryParse(parts[1], out var iterations) || iterations != Iterations)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Derive(Normalize(code), Convert.FromBase64String(salt)), Convert.FromBase64String(hash));
    }

    /// <summary>Case, spaces and the dash do not matter when a code is typed back.</summary>
    private static string Normalize(string code) =>
        new([.. (code ?? "").ToUpperInvariant().Where(c => c is not ('-' or ' '))]);

    private static byte[] Derive(string code, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), salt, Iterations, HashAlgorithmName.SHA256, HashLength);
}
