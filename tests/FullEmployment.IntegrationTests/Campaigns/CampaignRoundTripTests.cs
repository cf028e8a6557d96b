using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FullEmployment.Application.Campaigns;
using FullEmployment.Domain.Identity;
using FullEmployment.IntegrationTests.Infrastructure;
using static FullEmployment.IntegrationTests.Campaigns.CampaignData;

namespace FullEmployment.IntegrationTests.Campaigns;

/// <summary>Issue 8 item 6 for campaigns and applications: GET, change one field, POST it back, GET shows the change.</summary>
public sealed class CampaignRoundTripTests
{
    [DatabaseTheory]
    [Trait("Clause", "A7")]
    public async Task A7_A_campaign_as_GET_returns_it_with_one_quota_changed_is_accepted_by_the_quotas_action(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var draft = await factory.As<CampaignAdministration, CampaignView>(Roles.ProvinceOfficer, Province,
            c => c.CreateAsync(CampaignScenario.Provincial2025));
        var client = await factory.ClientAsAsync(Roles.ProvinceOfficer, Province);
        var campaign = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/campaigns/{draft.Id}"))!;
        campaign["quotas"]!.AsArray().Single(q => q!["regionCode"]!.GetValue<string>() == Lanzhou)!["quota"] = 2;

        var saved = await client.PostAsJsonAsync($"/api/v1/campaigns/{draft.Id}/quotas", campaign);

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var now = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/campaigns/{draft.Id}"))!;
        now["quotas"]!.AsArray().Single(q => q!["regionCode"]!.GetValue<string>() == Lanzhou)!["quota"]!.GetValue<int>().ShouldBe(2);
        now["name"]!.GetValue<string>().ShouldBe(draft.Name);

        var missing = await client.PostAsJsonAsync($"/api/v1/campaigns/{draft.Id}/quotas", new { quotas = new[] { new { regionCode = Lanzhou } } });

        missing.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var errors = (await missing.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray().Select(e => e!["column"]!.GetValue<string>());
        errors.OrderBy(c => c, StringComparer.Ordinal).ShouldBe(["quotas[0].quota", "version"]);
    }

    [DatabaseTheory]
    [Trait("Clause", "A8.1")]
    public async Task A8_1_An_application_form_as_GET_returns_it_with_one_field_changed_is_accepted_by_the_form_action(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var s = await new CampaignScenario(factory).PublishAsync();
        var draft = await s.DraftAsync();
        var client = await factory.ClientAsAsync(Roles.CommunityStaff, Donggang);
        var application = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/applications/{draft.Id}"))!;
        var form = application["form"]!.DeepClone().AsObject();
        form["households"] = 1234;

        var saved = await client.PostAsJsonAsync($"/api/v1/applications/{draft.Id}/form",
            new JsonObject { ["version"] = application["version"]!.GetValue<int>(), ["form"] = form });

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var now = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/applications/{draft.Id}"))!;
        now["form"]!["households"]!.GetValue<int>().ShouldBe(1234);

        var unknown = await client.PostAsJsonAsync($"/api/v1/applications/{draft.Id}/form",
            new JsonObject { ["version"] = now["version"]!.GetValue<int>(), ["form"] = new JsonObject { ["household"] = 1, ["staff"] = new JsonArray() } });

        unknown.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = (await unknown.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["errors"]!.AsArray().Select(e => e!["column"]!.GetValue<string>()).ShouldBe(["form.household"]);
    }
}
