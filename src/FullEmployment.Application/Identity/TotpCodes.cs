using System.Security.Cryptography;
using FullEmployment.Domain.Identity;
using OtpNet;

namespace FullEmployment.Application.Identity;

/// <summary>RFC 6238 codes (HMAC-SHA1, six digits, 30-second steps: what every authenticator app shows) via Otp.NET.</summary>
public static class TotpCodes
{
    /// <summary>160 bits, the HMAC-SHA1 block RFC 4226 recommends.</summary>
    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(20);

    public static string ToBase32(byte[] secret) => Base32Encoding.ToString(secret);

    /// <summary>The code an authenticator shows during <paramref name="step"/>.</summary>
    public static string CodeAt(byte[] secret, long step) =>
        new Totp(secret, (int)SecondFactorRules.Step.TotalSeconds).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * (long)SecondFactorRules.Step.TotalSeconds).UtcDateTime);

    /// <summary>The first of <paramref name="steps"/> whose code is <paramref name="code"/>, or null.</summary>
    public static long? MatchingStep(byte[] secret, string code, IEnumerable<long> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var typed = new string([.. (code ?? "").Where(char.IsAsciiDigit)]);
        if (typed.Length != 6)
        {
            return null;
        }

        foreach (var step in steps)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(CodeAt(secret, step)), System.Text.Encoding.ASCII.GetBytes(typed)))
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>The otpauth:// address the enrolment QR code holds (the Key Uri Format authenticator apps read).</summary>
    public static string EnrolmentUri(string userName, byte[] secret) =>
        $"otpauth://totp/{Uri.EscapeDataString("充分就业社区:" + userName)}?secret={ToBase32(secret)}&issuer={Uri.EscapeDataString("充分就业社区")}&digits=6&period=30";
}
