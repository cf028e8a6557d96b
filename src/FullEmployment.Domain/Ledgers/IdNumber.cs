using System.Globalization;

namespace FullEmployment.Domain.Ledgers;

/// <summary>
/// An 18-digit PRC resident ID number (GB 11643): 6-digit region, 8-digit birth date,
/// 3-digit sequence (odd = male) and a check character.
/// </summary>
public sealed record IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    // Province-level codes of GB/T 2260; only the first two digits are checked, the rest of
    // the region code changes too often to pin here.
    private static readonly HashSet<int> ProvinceCodes =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
        41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    ];

    private IdNumber(string value, DateOnly birthDate, Gender gender)
    {
        Value = value;
        BirthDate = birthDate;
        Gender = gender;
    }

    /// <summary>The normalised number (upper-case X).</summary>
    public string Value { get; }

    public DateOnly BirthDate { get; }

    public Gender Gender { get; }

    /// <summary>The masked form for lists and pages.</summary>
    public string Masked => Mask(Value);

    public override string ToString() => Masked;

    /// <summary>Trims and upper-cases a trailing x; does not validate.</summary>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Trim().ToUpperInvariant();
    }

    /// <summary>
    /// Validates an ID number. Returns a Chinese error message, or null when valid.
    /// A birth date after <paramref name="asOf"/> (when given) is refused.
    /// </summary>
    public static string? Validate(string? value, DateOnly? asOf = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "身份证号不能为空";
        }

        var id = Normalize(value);
        if (id.Length != 18)
        {
            return "身份证号应为18位";
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return "身份证号前17位应为数字";
            }
        }

        if (!char.IsAsciiDigit(id[17]) && id[17] != 'X')
        {
            return "身份证号第18位应为数字或X";
        }

        if (!ProvinceCodes.Contains(((id[0] - '0') * 10) + (id[1] - '0')))
        {
            return "身份证号地区码无效";
        }

        if (!TryReadBirthDate(id, out var birth) || birth.Year < 1900)
        {
            return "身份证号中的出生日期无效";
        }

        if (asOf is { } today && birth > today)
        {
            return "身份证号中的出生日期晚于当前日期";
        }

        if (id[17] != CheckCharacter(id))
        {
            return "身份证号校验码错误";
        }

        return null;
    }

    public static bool IsValid(string? value, DateOnly? asOf = null) => Validate(value, asOf) is null;

    public static bool TryParse(string? value, out IdNumber? idNumber, DateOnly? asOf = null)
    {
        idNumber = null;
        if (Validate(value, asOf) is not null)
        {
            return false;
        }

        var id = Normalize(value!);
        TryReadBirthDate(id, out var birth);
        idNumber = new IdNumber(id, birth, GenderOf(id));
        return true;
    }

    /// <summary>Parses a valid ID number or throws <see cref="DomainException"/> with the reason.</summary>
    public static IdNumber Parse(string? value, DateOnly? asOf = null)
    {
        var error = Validate(value, asOf);
        if (error is not null)
        {
            throw new DomainException(error);
        }

        TryParse(value, out var idNumber, asOf);
        return idNumber!;
    }

    /// <summary>Masks an ID number for display: first 6, eight stars, last 4 (620102********123X).</summary>
    public static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var id = Normalize(value);
        return id.Length >= 10 ? string.Concat(id.AsSpan(0, 6), "********", id.AsSpan(id.Length - 4)) : new string('*', id.Length);
    }

    /// <summary>The GB 11643 check character for the first 17 digits.</summary>
    public static char CheckCharacter(string first17Digits)
    {
        ArgumentNullException.ThrowIfNull(first17Digits);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17Digits[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    private static Gender GenderOf(string id) => (id[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;

    private static bool TryReadBirthDate(string id, out DateOnly birth) =>
        DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birth);
}

/// <summary>Masks a phone number for display: 138****1234.</summary>
public static class PhoneMask
{
    public static string Mask(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return string.Empty;
        }

        var p = phone.Trim();
        return p.Length >= 7 ? string.Concat(p.AsSpan(0, 3), "****", p.AsSpan(p.Length - 4)) : new string('*', p.Length);
    }

    /// <summary>
    /// The phone to store from a form or API body that showed <paramref name="stored"/> masked: the mask sent back
    /// unchanged keeps the stored number; anything else (a new number, or empty to remove it) replaces it.
    /// </summary>
    public static string? Resolve(string? submitted, string? stored) =>
        submitted is { } s && !string.IsNullOrEmpty(stored) && s.Trim() == Mask(stored) ? stored : submitted;

    /// <summary>A changed mask (stars left in a number) would store a number no one can call.</summary>
    public static void EnsureNotMasked(string? phone)
    {
        if (phone is not null && phone.Contains('*', StringComparison.Ordinal))
        {
            throw new DomainException("联系电话含有“*”：请保留原脱敏号码不变，或填写完整的新号码。");
        }
    }
}
