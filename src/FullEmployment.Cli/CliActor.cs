using FullEmployment.Application.Common;

namespace FullEmployment.Cli;

/// <summary>
/// The CLI acts as itself ("cli:" + the OS user) until a command's --as names an account. Audit events read the actor
/// when they are recorded, so switching before the first use case runs puts the right name on every event.
/// </summary>
internal sealed class CliActor : ICurrentActor
{
    public ICurrentActor Identity { get; set; } = new FixedActor("cli:" + Environment.UserName, null, null, "local");

    public string? UserId => Identity.UserId;
    public string? UserName => Identity.UserName;
    public string? Role => Identity.Role;
    public string? ScopeCode => Identity.ScopeCode;
    public string? ClientIp => Identity.ClientIp;
}
