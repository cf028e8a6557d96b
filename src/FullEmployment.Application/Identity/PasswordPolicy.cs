using Microsoft.AspNetCore.Identity;

namespace FullEmployment.Application.Identity;

/// <summary>At least 10 characters from at least 3 of 4 classes, and not a commonly used password.</summary>
public sealed class PasswordPolicy : IPasswordValidator<AppUser>
{
    public const int MinimumLength = 10;

    // The most frequent leaked passwords of 10+ characters, plus local favourites; compared case-insensitively.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "1234567890", "12345678910", "123456789a", "1234567890a", "a123456789", "qwertyuiop", "1q2w3e4r5t",
        "1qaz2wsx3edc", "1qaz@wsx3edc", "1qaz!qaz2wsx", "qwerty12345", "qwerty123456", "password123", "password1!",
        "password12", "passw0rd123", "p@ssw0rd123", "p@ssword123", "admin12345", "admin123456", "admin@12345",
        "admin@123456", "abc1234567", "abcd123456", "abcd@123456", "abc@123456", "aa12345678", "woaini1314",
        "woaini520", "iloveyou123", "zxcvbnm123", "asdfghjkl1", "welcome123", "welcome@123", "changeme123",
        "letmein123", "sunshine123", "gansu123456", "gansu@123", "Gansu@12345", "lanzhou123", "Lanzhou@123",
        "Aa123456789", "Aa12345678", "Aa@123456789", "Abc@1234567", "Abcd@12345", "Abcd@123456", "Qwer@12345",
        "Qwer1234!@#$", "P@ssw0rd!!", "P@ssw0rd1234", "Password@123", "Password123!", "Admin@12345",
        "Admin@123456", "Test@123456", "Root@123456", "Huawei@123", "Huawei12#$", "Sangfor@123",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var errors = new List<IdentityError>();
        password ??= "";
        if (password.Length < MinimumLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooShort", Description = $"密码至少{MinimumLength}位。" });
        }

        var classes = new[]
        {
            password.Any(char.IsAsciiLetterUpper),
            password.Any(char.IsAsciiLetterLower),
            password.Any(char.IsAsciiDigit),
            password.Any(c => !char.IsAsciiLetterOrDigit(c)),
        }.Count(present => present);
        if (classes < 3)
        {
            errors.Add(new IdentityError { Code = "PasswordClasses", Description = "密码须包含大写字母、小写字母、数字、符号中的至少三类。" });
        }

        if (Common.Contains(password) || (user.UserName is { Length: > 0 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new IdentityError { Code = "PasswordCommon", Description = "该密码过于常见或包含用户名，请换一个。" });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}

/// <summary>Identity's error messages in Chinese.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已存在。" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"用户名“{userName}”只能包含字母、数字和 - . _ @。" };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "原密码不正确。" };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "账号已被他人修改，请重试。" };
    // Identity's own length check runs beside PasswordPolicy; same wording, so callers can drop the duplicate.
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少{length}位。" };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "操作失败。" };
}
