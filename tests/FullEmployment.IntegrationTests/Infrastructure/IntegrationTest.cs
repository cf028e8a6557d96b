using System.Text.Json.Nodes;
using FullEmployment.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// Base of every integration test class. Each class is abstract with two sealed subclasses, `…Sqlite` and `…Postgres`,
/// each sharing one factory (IClassFixture). Every test begins with <c>if (Skipped) return;</c>: the one documented
/// exception to "tests assert real outcomes", for a developer machine without FE_TEST_POSTGRES (in CI it fails instead).
/// </summary>
public abstract class IntegrationTest(FullEmploymentFactory factory)
{
    protected FullEmploymentFactory Factory { get; } = factory;

    protected bool Skipped => Factory.Unavailable;

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
