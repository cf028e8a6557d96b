using System.Security.Cryptography;
using FullEmployment.Application.Identity;
using FullEmployment.Domain.Identity;
using Microsoft.Extensions.Options;
using OtpNet;

namespace FullEmployment.UnitTests.Identity;

public sealed class SecondFactorRulesTests
{
    // 2026-06-15 02:00:15 UTC: 15 seconds into its 30-second step.
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 2, 0, 15, TimeSpan.Zero);
    private static readonly long NowStep = Now.ToUnixTimeSeconds() / 30;

    [Theory]
    [InlineData(Roles.ProvinceOfficer)]
    [InlineData(Roles.CityOfficer)]
    [InlineData(Roles.CountyOfficer)]
    [InlineData(Roles.CityFinance)]
    [InlineData(Roles.CountyFinance)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.SecurityAdmin)]
    [InlineData("a-role-added-later")]
    public void Officers_finance_auditors_and_security_admins_need_a_second_factor_whatever_the_community_setting(string role)
    {
        SecondFactorRules.IsRequired(role, communityStaffRequired: false).ShouldBeTrue();
        SecondFactorRules.IsRequired(role, communityStaffRequired: true).ShouldBeTrue();
    }

    [Fact]
    public void Community_staff_need_one_only_where_the_setting_requires_it()
    {
        SecondFactorRules.IsRequired(Roles.CommunityStaff, communityStaffRequired: false).ShouldBeFalse();
        SecondFactorRules.IsRequired(Roles.CommunityStaff, communityStaffRequired: true).ShouldBeTrue();
    }

    [Fact]
    public void A_code_may_come_from_the_step_before_now_or_after_and_no_further()
    {
        SecondFactorRules.AcceptableSteps(Now, lastUsedStep: null).ShouldBe([NowStep - 1, NowStep, NowStep + 1]);
    }

    [Fact]
    public void A_step_once_used_is_not_acceptable_again_nor_any_before_it()
    {
        SecondFactorRules.AcceptableSteps(Now, lastUsedStep: NowStep).ShouldBe([NowStep + 1]);
        SecondFactorRules.AcceptableSteps(Now, lastUsedStep: NowStep - 1).ShouldBe([NowStep, NowStep + 1]);
        SecondFactorRules.AcceptableSteps(Now, lastUsedStep: NowStep + 1).ShouldBeEmpty();
    }

    [Fact]
    public void The_codes_are_RFC_6238s_test_vector()
    {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890": 59 s → 94287082 (8 digits), so 287082 in six.
        var secret = "12345678901234567890"u8.ToArray();

        TotpCodes.CodeAt(secret, SecondFactorRules.StepOf(DateTimeOffset.FromUnixTimeSeconds(59))).ShouldBe("287082");
        TotpCodes.CodeAt(secret, SecondFactorRules.StepOf(DateTimeOffset.FromUnixTimeSeconds(1111111109))).ShouldBe("081804");
    }

    [Fact]
    public void A_code_matches_inside_the_window_and_not_outside_it()
    {
        var secret = TotpCodes.NewSecret();
        var steps = SecondFactorRules.AcceptableSteps(Now, null);

        TotpCodes.MatchingStep(secret, TotpCodes.CodeAt(secret, NowStep - 1), steps).ShouldBe(NowStep - 1);
        TotpCodes.MatchingStep(secret, TotpCodes.CodeAt(secret, NowStep + 1), steps).ShouldBe(NowStep + 1);
        TotpCodes.MatchingStep(secret, TotpCodes.CodeAt(secret, NowStep), steps).ShouldBe(NowStep);
        // Two steps away is outside the window (unless the six digits happen to repeat, which they do not for this pair).
        var old = TotpCodes.CodeAt(secret, NowStep - 2);
        if (steps.All(s => TotpCodes.CodeAt(secret, s) != old))
        {
            TotpCodes.MatchingStep(secret, old, steps).ShouldBeNull();
        }

        TotpCodes.MatchingStep(secret, "12345", steps).ShouldBeNull();
    }

    [Fact]
    public void A_code_already_used_is_refused_within_its_own_step()
    {
        var secret = TotpCodes.NewSecret();
        var code = TotpCodes.CodeAt(secret, NowStep);
        var used = TotpCodes.MatchingStep(secret, code, SecondFactorRules.AcceptableSteps(Now, null));

        used.ShouldBe(NowStep);
        TotpCodes.MatchingStep(secret, code, SecondFactorRules.AcceptableSteps(Now.AddSeconds(10), used)).ShouldBeNull();
    }

    [Fact]
    public void The_codes_match_what_an_authenticator_app_computes_from_the_base32_secret()
    {
        var secret = TotpCodes.NewSecret();
        var app = new Totp(Base32Encoding.ToBytes(TotpCodes.ToBase32(secret)));

        TotpCodes.CodeAt(secret, NowStep).ShouldBe(app.ComputeTotp(Now.UtcDateTime));
        TotpCodes.EnrolmentUri("lanzhou", secret).ShouldContain("secret=" + TotpCodes.ToBase32(secret));
    }

    [Fact]
    public void A_recovery_code_matches_its_hash_however_it_is_typed_and_the_hash_does_not_hold_it()
    {
        var code = RecoveryCodes.NewCode();
        var hash = RecoveryCodes.Hash(code);

        hash.ShouldNotContain(code.Replace("-", "", StringComparison.Ordinal));
        RecoveryCodes.Matches(code, hash).ShouldBeTrue();
        RecoveryCodes.Matches(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), hash).ShouldBeTrue();
        RecoveryCodes.Matches(RecoveryCodes.NewCode(), hash).ShouldBeFalse();
        // Salted: the same code hashes differently each time.
        RecoveryCodes.Hash(code).ShouldNotBe(hash);
    }

    [Fact]
    public void A_protected_secret_opens_only_with_its_key_and_for_its_own_account()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var secrets = new SecondFactorSecrets(Options.Create(new SecondFactorOptions { Key = key }));
        var secret = TotpCodes.NewSecret();

        var stored = secrets.Protect("user-1", secret);

        stored.ShouldNotContain(TotpCodes.ToBase32(secret));
        stored.ShouldNotContain(Convert.ToBase64String(secret));
        secrets.Unprotect("user-1", stored).ShouldBe(secret);
        Should.Throw<CryptographicException>(() => secrets.Unprotect("user-2", stored));
        var otherKey = new SecondFactorSecrets(Options.Create(new SecondFactorOptions { Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }));
        Should.Throw<CryptographicException>(() => otherKey.Unprotect("user-1", stored));
    }

    [Fact]
    public void A_missing_key_file_is_created_once_and_read_again_by_the_next_start()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fe-2fa-{Guid.NewGuid():N}", "second-factor.key");
        try
        {
            var first = new SecondFactorSecrets(Options.Create(new SecondFactorOptions { KeyFile = path }));
            var stored = first.Protect("user-1", [1, 2, 3]);
            var second = new SecondFactorSecrets(Options.Create(new SecondFactorOptions { KeyFile = path }));

            second.Unprotect("user-1", stored).ShouldBe([1, 2, 3]);
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
