using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace FullEmployment.Web.Infrastructure;

/// <summary>
/// Public objections (page and API) are limited to <see cref="PermitLimit"/> per hour per client address;
/// beyond that the answer is 429 with Retry-After and a Chinese message. Only POSTs count.
/// </summary>
public static class ObjectionRateLimit
{
    public const string Policy = "public-objections";
    public const int PermitLimit = 5;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public static IServiceCollection AddObjectionRateLimit(this IServiceCollection services) => services.AddRateLimiter(options =>
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = PermitLimit,
                Window = Window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("read"));
        options.OnRejected = OnRejectedAsync;
    });

    private static ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var message = $"同一网络地址每小时最多提交{PermitLimit}次异议，请约{Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))}分钟后再试。";
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            // Pages: the Chinese error page (re-executed by the status code pages) shows this message.
            http.Items[Policy] = message;
            return ValueTask.CompletedTask;
        }

        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = ErrorHandling.TitleOf(429), Detail = message },
        });
    }
}
