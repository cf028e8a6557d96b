using Microsoft.AspNetCore.Authentication.Cookies;

namespace FullEmployment.Web.Infrastructure;

public static class CookiePolicy
{
    /// <summary>The cookie between the password and the second factor: five minutes (Identity's default), never sliding.</summary>
    public static void ConfigureTwoFactor(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "fe.2fa";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }

    /// <summary>30-minute idle timeout; the API answers 401/403 instead of redirecting to the login page.</summary>
    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "fe.auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
        options.SlidingExpiration = true;
        options.LoginPath = "/Account/Login";
        options.LogoutPath = "/Account/Logout";
        options.AccessDeniedPath = "/Account/AccessDenied";
        options.Events.OnRedirectToLogin = context =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            }

            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        };
        options.Events.OnRedirectToAccessDenied = async context =>
        {
            await ErrorHandling.AuditDeniedAsync(context.HttpContext, "角色不允许访问");
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            context.Response.Redirect(context.RedirectUri);
        };
    }
}
