namespace FullEmployment.Web.Infrastructure;

/// <summary>
/// Why a request was refused (401 or 403), kept on the request so the ProblemDetails (API) or the error page (pages)
/// that answers it says so in Chinese instead of a bare 无权访问.
/// </summary>
public static class AccessDenial
{
    public const string DefaultForbidden = "您的角色或管辖范围不允许此操作。";

    private const string Key = "fe:denial-reason";

    public static void SetReason(HttpContext context, string reason) => context.Items[Key] = reason;

    public static string? ReasonOf(HttpContext context) => context.Items[Key] as string;

    /// <summary>Answers 403 with <paramref name="reason"/> and audits the denial.</summary>
    public static async Task ForbidAsync(HttpContext context, string reason)
    {
        SetReason(context, reason);
        await ErrorHandling.AuditDeniedAsync(context, reason);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
