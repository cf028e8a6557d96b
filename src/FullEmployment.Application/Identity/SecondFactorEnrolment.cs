namespace FullEmployment.Application.Identity;

/// <summary>
/// An account's authenticator (TOTP) secret, protected by <see cref="SecondFactorSecrets"/>; unconfirmed until the user has
/// entered a code from it, and until then not asked for at sign-in.
/// </summary>
public sealed class SecondFactorEnrolment
{
    public string UserId { get; set; } = "";
    public string ProtectedSecret { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>The time step of the last code accepted: no code of this step or an earlier one is accepted again.</summary>
    public long? LastUsedStep { get; set; }
}

/// <summary>A one-time recovery code, stored as a salted PBKDF2 hash (<see cref="RecoveryCodes"/>).</summary>
public sealed class RecoveryCode
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>Settings under <c>SecondFactor</c> (docs/reference/two-factor.md).</summary>
public sealed class SecondFactorOptions
{
    /// <summary>Whether community staff must enrol too; officers, finance, auditors and security admins always must.</summary>
    public bool CommunityStaffRequired { get; set; }

    /// <summary>The secret-protection key, 32 bytes in base64; takes precedence over <see cref="KeyFile"/>.</summary>
    public string? Key { get; set; }

    /// <summary>A file holding the key (created with a new random key when missing); never inside the database.</summary>
    public string KeyFile { get; set; } = Path.Combine("data", "keys", "second-factor.key");
}
