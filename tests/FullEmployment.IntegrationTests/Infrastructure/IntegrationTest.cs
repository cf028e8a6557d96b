using System.Text.Json.Nodes;
using FullEmployment.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// Base of the integration test classes on the demo app: each test is a <see cref="DatabaseTheoryAttribute"/> whose
/// first statement is <c>Use(database)</c>: the tests of one class share one app per database (<see cref="DemoApps"/>),
/// so each leaves what the others read as it was, or takes an app of its own (<c>UseOwn(database)</c>).
/// </summary>
public abstract class IntegrationTest(DemoApps apps) : IClassFixture<DemoApps>, IDisposable
{
    private FullEmploymentFactory? _factory;
    private FullEmploymentFactory? _own;

    protected FullEmploymentFactory Factory => _factory ?? throw new InvalidOperationException("The test has not called Use(database).");

    /// <summary>Runs this test on the class's app on <paramref name="database"/>.</summary>
    protected void Use(Database database) => _factory = apps.For(database);

    /// <summary>Runs this test on a demo app of its own, for a test whose changes (a title granted …) other tests must not see.</summary>
    protected void UseOwn(Database database) => _factory = _own = new FullEmploymentFactory(database, FactoryOptions.Demo);

    public void Dispose()
    {
        _own?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A signed-in client, or an anonymous one for an empty user name.</summary>
    protected HttpClient Client(string username) => username.Length == 0 ? Factory.AnonymousClient() : Factory.ClientFor(username);

    /// <summary>The PUT body of a community as stored now, in GET's shape (read straight from the database, whoever may see it).</summary>
    protected Task<JsonObject> CurrentBodyAsync(string code) => Factory.WithScopeAsync(async sp =>
    {
        var c = await sp.GetRequiredService<AppDbContext>().Communities.AsNoTracking().SingleAsync(c => c.Code == code);
        return new JsonObject
        {
            ["code"] = c.Code,
            ["name"] = c.Name,
            ["cityCode"] = c.CityCode,
            ["countyCode"] = c.CountyCode,
            ["street"] = c.Street,
            ["address"] = c.Address,
            ["approvalDocumentNumber"] = c.ApprovalDocumentNumber,
            ["civilAffairsFilingNumber"] = c.CivilAffairsFilingNumber,
            ["civilAffairsFiledOn"] = c.CivilAffairsFiledOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["contactName"] = c.ContactName,
            ["contactPhone"] = c.ContactPhone,
            ["version"] = c.Version,
        };
    });

    /// <summary>The JSON object of a response; a body that is not a JSON object fails the test showing what came instead.</summary>
    protected static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException("not an object");
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.Content.Headers.ContentType}: expected a JSON object, got: {text[..Math.Min(text.Length, 2000)]}");
        }
    }

    protected static Uri Url(string path) => new(path, UriKind.Relative);
}
