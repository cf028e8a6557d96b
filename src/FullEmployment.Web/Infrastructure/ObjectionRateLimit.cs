using System.Globalization;
using FullEmployment.Application.Notices;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Infrastructure;

/// <summary>Marks a page or endpoint whose POSTs count against the objection limit (<see cref="ObjectionRateLimit"/>).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class LimitObjectionsAttribute : Attribute;

/// <summary>
/// Public objections (page and API) are limited to <see cref="ObjectionRateLimiter.PermitLimit"/> per hour per client
/// address, counted in the database (<see cref="ObjectionRateLimiter"/>) so the limit holds across web nodes; beyond it
/// the answer is 429 with Retry-After and a Chinese message. Only POSTs count, before anything else looks at them.
/// </summary>
public static class ObjectionRateLimit
{
    /// <summary>Where a refused page request leaves its message for the error page.</summary>
    public const string Policy = "public-objections";

    public static TBuilder RequireObjectionRateLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new LimitObjectionsAttribute());

    /// <summary>After routing (the endpoint's metadata says whether it is limited), before authentication.</summary>
    public static IApplicationBuilder UseObjectionRateLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.GetEndpoint()?.Metadata.GetMetadata<LimitObjectionsAttribute>() is not null)
        {
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var decision = await context.RequestServices.GetRequiredService<ObjectionRateLimiter>().TryAcquireAsync(address, context.RequestAborted);
            if (!decision.Allowed)
            {
                await RejectAsync(context, decision.RetryAfter);
                return;
            }
        }

        await next(context);
    });

    private static Task RejectAsync(HttpContext http, TimeSpan retryAfter)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var message = $"同一网络地址每小时最多提交{ObjectionRateLimiter.PermitLimit}次异议，请约{Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))}分钟后再试。";
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            // Pages: the Chinese error page (re-executed by the status code pages) shows this message.
            http.Items[Policy] = message;
            return Task.CompletedTask;
        }

        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = ErrorHandling.TitleOf(429), Detail = message },
        }).AsTask();
    }
}
