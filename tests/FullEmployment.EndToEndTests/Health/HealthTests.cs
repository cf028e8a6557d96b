using FullEmployment.EndToEndTests.Infrastructure;
using Xunit.Abstractions;

namespace FullEmployment.EndToEndTests.Health;

[Collection(EndToEndCollection.Name)]
public sealed class HealthTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Health_page_is_served_to_the_browser()
    {
        var response = await Page.GotoAsync(BaseUrl + "/healthz");

        response.ShouldNotBeNull();
        response.Status.ShouldBe(200);
        BaseUrl.ShouldStartWith("http://127.0.0.1:");
        (await Page.InnerTextAsync("body")).Trim().ShouldBe("ok");
    }
}
