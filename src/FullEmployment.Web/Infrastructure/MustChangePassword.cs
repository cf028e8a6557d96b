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
                await AccessDenial.ForbidAsync(context, "账号须先修改初始密码才能调用接口：请登录网页修改密码；集成客户端请使用管理员签发的接口令牌。");
                return;
            }

            context.Response.Redirect("/Account/ChangePassword");
            return;
        }

        await next();
    });
}
