using OtpNet;

namespace FullEmployment.EndToEndTests.Infrastructure;

/// <summary>
/// What a person's phone does: holds the secret read off the enrolment page and shows the code of a time step. Like an
/// authenticator whose clock runs a little ahead, it offers the earliest step of the app's window (one step either side)
/// that it has not used yet, so signing the same account in again on a fixed clock is not a replay.
/// </summary>
public sealed class TestAuthenticator(string base32Secret)
{
    private const int StepSeconds = 30;
    private long _lastStep = long.MinValue;

    public string Secret { get; } = base32Secret;

    /// <summary>The next unused code at <paramref name="now"/>, or null when the three steps around now are used up.</summary>
    public string? NextCode(DateTimeOffset now)
    {
        var seconds = now.ToUnixTimeSeconds();
        var current = seconds / StepSeconds;
        // The step before now is accepted only until this step ends: offer it only with time to spare for the request.
        var earliest = StepSeconds - seconds % StepSeconds > 10 ? current - 1 : current;
        var step = Math.Max(earliest, _lastStep + 1);
        if (step > current + 1)
        {
            return null;
        }

        _lastStep = step;
        return CodeAt(step);
    }

    /// <summary>See <see cref="WebAppFixture.RewindClock"/>.</summary>
    public void ForgetUsedSteps() => _lastStep = long.MinValue;

    public string CodeAt(long step) =>
        new Totp(Base32Encoding.ToBytes(Secret), StepSeconds).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds).UtcDateTime);
}
