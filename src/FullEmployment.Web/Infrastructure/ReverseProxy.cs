using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace FullEmployment.Web.Infrastructure;

/// <summary>
/// Behind nginx or the government gateway (docs/operations.md): the client's address and scheme come from
/// X-Forwarded-For / X-Forwarded-Proto, but only when the connection comes from a known proxy
/// (<c>ForwardedHeaders:KnownProxies</c>, <c>ForwardedHeaders:KnownNetworks</c>; loopback when neither is set), so the
/// audit trail and the objection limit see the visitor, not the proxy, and nobody else can forge an address.
/// Cookies are Secure and HSTS is sent whenever the original request was HTTPS.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        // Parsed here, so a mistyped address stops the start-up instead of the first request.
        var proxies = (configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? []).Select(p =>
            IPAddress.TryParse(p, out var address) ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies 中的“{p}”不是有效的 IP 地址。")).ToList();
        var networks = (configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? []).Select(n =>
            System.Net.IPNetwork.TryParse(n, out var network) ? network
                : throw new InvalidOperationException($"{Section}:KnownNetworks 中的“{n}”不是有效的网段（如 10.0.0.0/24）。")).ToList();
        var forwardLimit = configuration.GetValue<int?>($"{Section}:ForwardLimit") ?? 1;
        if (forwardLimit < 1)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{Section}:ForwardLimit 应为正整数，现为 {forwardLimit}。"));
        }

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The number of proxies in the chain: each must be known for its entry to be taken.
            options.ForwardLimit = forwardLimit;
            if (proxies.Count + networks.Count > 0)
            {
                // Settings replace the loopback default rather than widening it.
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                proxies.ForEach(options.KnownProxies.Add);
                networks.ForEach(options.KnownIPNetworks.Add);
            }
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        // The auth cookie already follows the request (CookiePolicy); antiforgery's default is never Secure.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>First in the pipeline: everything after it (errors, audit, rate limit, cookies) sees the original client and scheme.</summary>
    public static IApplicationBuilder UseProxyHeaders(this IApplicationBuilder app) => app
        .UseForwardedHeaders()
        // HTTPS requests only; plain http (and localhost in development) never gets the header.
        .UseHsts()
        // Any other cookie (TempData, …) is Secure on HTTPS too.
        .UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest });
}
