using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Infrastructure;

/// <summary>Maps the application's exceptions to HTTP: ProblemDetails (Chinese title/detail) for the API, the error page otherwise.</summary>
public sealed class ErrorHandling(IProblemDetailsService problems, ILogger<ErrorHandling> logger) : IExceptionHandler
{
    public static int StatusOf(Exception exception) => exception switch
    {
        NotFoundException => StatusCodes.Status404NotFound,
        ForbiddenException => StatusCodes.Status403Forbidden,
        ConcurrencyConflictException => StatusCodes.Status409Conflict,
        DomainException or InputRejectedException => StatusCodes.Status422UnprocessableEntity,
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string TitleOf(int status) => status switch
    {
        400 => "请求格式不正确",
        401 => "请先登录",
        403 => "无权访问",
        404 => "未找到",
        409 => "数据已被他人修改",
        413 => "文件过大",
        422 => "不符合业务规则",
        429 => "请求过于频繁",
        _ => "系统内部错误",
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = StatusOf(exception);
        if (status == StatusCodes.Status403Forbidden)
        {
            await AuditDeniedAsync(httpContext, exception.Message);
        }

        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
        }

        if (!new PathString(OriginalPath(httpContext)).StartsWithSegments("/api"))
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        var details = new ProblemDetails
        {
            Status = status,
            Title = TitleOf(status),
            // Never leak internals: a 500 says only that something went wrong.
            Detail = status >= 500 ? "服务器处理请求时出错，请稍后重试或联系管理员。" : exception.Message,
        };
        if (exception is InputRejectedException rejected)
        {
            details.Extensions["errors"] = rejected.Errors.Select(e => new { sheet = e.Sheet, row = e.Row, column = e.Column, value = e.Value, message = e.Message });
        }

        if (exception is DomainException { Clause: { } clause })
        {
            details.Extensions["clause"] = clause;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    /// <summary>The path the client asked for: by the time handlers run, the middleware has rewritten it to /Error.</summary>
    private static string OriginalPath(HttpContext httpContext) =>
        httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value ?? "";

    /// <summary>Denied access is audited in its own unit of work (<see cref="DeniedAccessAudit"/>).</summary>
    public static Task AuditDeniedAsync(HttpContext httpContext, string reason) =>
        httpContext.RequestServices.GetRequiredService<DeniedAccessAudit>().RecordAsync($"{httpContext.Request.Method} {OriginalPath(httpContext)}", reason);
}
