namespace FullEmployment.Web.Infrastructure;

/// <summary>Headers on every response; pages and API answers for signed-in users are never cached (personal data).</summary>
public static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            var isStatic = context.Request.Path.StartsWithSegments("/lib") || context.Request.Path.StartsWithSegments("/css")
                || context.Request.Path.StartsWithSegments("/js");
            if (!isStatic && (context.User.Identity?.IsAuthenticated == true || context.Request.Path.StartsWithSegments("/api")))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        await next();
    });
}
