using FullEmployment.EndToEndTests.Infrastructure;
using Xunit.Abstractions;

namespace FullEmployment.EndToEndTests.Health;

/// <summary>The CSP forbids inline scripts and styles; pages must not need them (docs/reference/design.md "Web").</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ContentSecurityPolicyTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Form_pages_render_without_any_content_security_policy_violation()
    {
        await Page.GotoAsync(BaseUrl + "/Account/Login");
        await LoginAsync("province", WebAppFixture.DemoPassword);
        foreach (var path in new[] { "/Account/ChangePassword", "/Campaigns/Create", "/Settings/Templates", "/Settings/Calendar/Edit/2026", "/Communities" })
        {
            var response = await Page.GotoAsync(BaseUrl + path);
            response!.Status.ShouldBe(200, path);
        }

        BrowserErrors.Where(e => e.Contains("Content Security Policy", StringComparison.Ordinal)).ShouldBeEmpty();
    }
}
