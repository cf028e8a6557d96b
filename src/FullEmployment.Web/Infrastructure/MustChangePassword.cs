namespace FullEmployment.Web.Infrastructure;

/// <summary>An account flagged to change its password can reach nothing but the change-password page and logout.</summary>
public static class MustChangePassword
{
    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var mustChange = context.User.HasClaim(FeClaims.MustChangePassword, "true");
        var path = context.Request.Path;
        if (mustChange && !path.StartsWithSegments("/Account") && !path.StartsWithSegments("/lib") && !path.StartsWithSegments("/css")
            && !path.StartsWithSegments("/Error"))
        {
            if (path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            context.Response.Redirect("/Account/ChangePassword");
            return;
        }

        await next();
    });
}
