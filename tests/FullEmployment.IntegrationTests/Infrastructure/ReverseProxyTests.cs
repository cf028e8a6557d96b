using System.Net;
using System.Net.Http.Json;
using FullEmployment.Application.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// Issue 8 item 8, behind nginx or the government gateway: X-Forwarded-For/-Proto count only from a known proxy
/// (loopback by default). The peer address is set per request (<see cref="TestPeer"/>); the rest is the real pipeline.
/// </summary>
public sealed class ReverseProxyTests(DemoApps apps) : IntegrationTest(apps)
{
    private const string KnownProxy = "127.0.0.1";
    private const string UnknownPeer = "203.0.113.9";

    [DatabaseTheory]
    public async Task The_audit_records_the_client_a_known_proxy_forwards_and_the_peer_itself_when_the_proxy_is_unknown(Database database)
    {
        Use(database);

        using var viaProxy = ClientFrom(KnownProxy, "198.51.100.7");
        await FullEmploymentFactory.LoginAsync(viaProxy, "nobody-via-proxy", "Wrong#Passw0rd");
        var proxied = await LastAuditAsync();
        proxied.TargetId.ShouldBe("nobody-via-proxy");
        proxied.ClientIp.ShouldBe("198.51.100.7");

        using var forged = ClientFrom(UnknownPeer, "198.51.100.8");
        await FullEmploymentFactory.LoginAsync(forged, "nobody-forged", "Wrong#Passw0rd");
        var direct = await LastAuditAsync();
        direct.TargetId.ShouldBe("nobody-forged");
        direct.ClientIp.ShouldBe(UnknownPeer);
    }

    [DatabaseTheory]
    public async Task Visitors_behind_a_known_proxy_have_an_objection_allowance_each_and_a_forged_header_does_not_escape_the_peers(Database database)
    {
        Use(database);

        using var client = Factory.AnonymousClient();
        var notice = Guid.NewGuid();

        for (var i = 1; i <= 5; i++)
        {
            (await ObjectAsync(client, notice, KnownProxy, "198.51.100.21")).ShouldNotBe(HttpStatusCode.TooManyRequests, $"POST {i}");
        }

        (await ObjectAsync(client, notice, KnownProxy, "198.51.100.21")).ShouldBe(HttpStatusCode.TooManyRequests);
        // Another visitor through the same proxy is not blocked by the first one.
        (await ObjectAsync(client, notice, KnownProxy, "198.51.100.22")).ShouldNotBe(HttpStatusCode.TooManyRequests);

        // From an unknown peer the header is ignored: a new made-up address every time still spends the peer's allowance.
        for (var i = 1; i <= 5; i++)
        {
            (await ObjectAsync(client, notice, UnknownPeer, $"198.51.100.{40 + i}")).ShouldNotBe(HttpStatusCode.TooManyRequests, $"POST {i}");
        }

        (await ObjectAsync(client, notice, UnknownPeer, "198.51.100.50")).ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [DatabaseTheory]
    public async Task HTTPS_at_a_known_proxy_makes_the_antiforgery_and_auth_cookies_Secure_and_sends_HSTS(Database database)
    {
        Use(database);

        // Cookies by hand: a cookie container would not send Secure cookies back over the test server's http.
        using var client = Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri("http://fe.gansu.test/"),
        });

        var page = await SendAsync(client, HttpMethod.Get, "/Account/Login", KnownProxy, "https");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=31536000");
        var antiforgery = page.Headers.GetValues("Set-Cookie").ToList();
        antiforgery.ShouldNotBeEmpty();
        antiforgery.ShouldAllBe(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));

        var login = await SendAsync(client, HttpMethod.Post, "/Account/Login", KnownProxy, "https", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FullEmploymentFactory.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
            ["Input.UserName"] = "auditor",
            ["Input.Password"] = FullEmploymentFactory.Password,
        }), string.Join("; ", antiforgery.Select(c => c.Split(';')[0])));
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // The password step issues the half-finished sign-in's cookie (the second factor comes next): it must be Secure too.
        var auth = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("fe.2fa=", StringComparison.Ordinal));
        auth.ShouldContain("; secure", Case.Insensitive);
        login.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();

        // Plain http through the proxy, and "https" claimed by an unknown peer: neither Secure nor HSTS.
        foreach (var (peer, proto) in new[] { (KnownProxy, "http"), (UnknownPeer, "https") })
        {
            var plain = await SendAsync(client, HttpMethod.Get, "/Account/Login", peer, proto);
            plain.StatusCode.ShouldBe(HttpStatusCode.OK);
            plain.Headers.Contains("Strict-Transport-Security").ShouldBeFalse($"{peer} {proto}");
            plain.Headers.GetValues("Set-Cookie").ShouldAllBe(c => !c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        }
    }

    private HttpClient ClientFrom(string peer, string forwardedFor)
    {
        var client = Factory.AnonymousClient();
        client.DefaultRequestHeaders.Add(TestPeer.Header, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    private static async Task<HttpStatusCode> ObjectAsync(HttpClient client, Guid notice, string peer, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url($"/api/v1/public/notices/{notice}/objections"))
        {
            Content = JsonContent.Create(new { candidateId = Guid.NewGuid(), name = "王某", phone = "13812345678", content = "请核实" }),
        };
        request.Headers.Add(TestPeer.Header, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string peer, string proto,
        HttpContent? content = null, string? cookies = null)
    {
        using var request = new HttpRequestMessage(method, Url(path)) { Content = content };
        request.Headers.Add(TestPeer.Header, peer);
        request.Headers.Add("X-Forwarded-For", "198.51.100.60");
        request.Headers.Add("X-Forwarded-Proto", proto);
        if (cookies is not null)
        {
            request.Headers.Add("Cookie", cookies);
        }

        return await client.SendAsync(request);
    }

    private Task<FullEmployment.Application.Audit.AuditEvent> LastAuditAsync() => Factory.WithScopeAsync(sp =>
        sp.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync());
}
