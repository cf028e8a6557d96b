namespace FullEmployment.Domain.Identity;

/// <summary>
/// The second sign-in factor (等保 8.1.4.1d, docs/reference/two-factor.md): who must have one, which time steps a code
/// may come from, and that a code, once accepted, is never accepted again.
/// </summary>
public static class SecondFactorRules
{
    /// <summary>RFC 6238's default step: an authenticator shows a new code every 30 seconds.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    /// <summary>One step either side of now: an authenticator clock a little off, or a code typed as it changes.</summary>
    public const int StepsEitherSide = 1;

    public const int RecoveryCodeCount = 10;

    /// <summary>
    /// 等保 8.1.4.1d: every officer, finance, audit and security account signs in with a second factor; community staff
    /// only where the province requires it. A role the system does not know is held to the stricter rule.
    /// </summary>
    public static bool IsRequired(string role, bool communityStaffRequired) =>
        role == Roles.CommunityStaff ? communityStaffRequired : true;

    /// <summary>The step a time falls in (seconds since the Unix epoch divided by the step length).</summary>
    public static long StepOf(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    /// <summary>
    /// The steps a code entered at <paramref name="now"/> may belong to, earliest first, after the last step already used:
    /// a code seen once (even within its own 30 seconds) is refused, so an observed code cannot be replayed.
    /// </summary>
    public static IReadOnlyList<long> AcceptableSteps(DateTimeOffset now, long? lastUsedStep)
    {
        var current = StepOf(now);
        var steps = new List<long>();
        for (var step = current - StepsEitherSide; step <= current + StepsEitherSide; step++)
        {
            if (lastUsedStep is not { } used || step > used)
            {
                steps.Add(step);
            }
        }

        return steps;
    }
}
