using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FullEmployment.Domain.Identity;
using FullEmployment.IntegrationTests.Infrastructure;
using static FullEmployment.IntegrationTests.Campaigns.CampaignData;

namespace FullEmployment.IntegrationTests.Campaigns;

/// <summary>The /api/v1 contracts: calendar (stable, anonymous), workflow actions with their status codes, the public notices.</summary>
public sealed class CampaignHttpTests
{
    [DatabaseTheory]
    public async Task Calendar_counts_working_days_across_holidays_and_refuses_an_unconfigured_year(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var client = factory.CreateClient();

        // National Day 2025: 10-01..10-08 off, Saturday 10-11 a make-up working day.
        (await DateAsync(client, "2025-09-30", 1)).ShouldBe("2025-10-09");
        (await DateAsync(client, "2025-10-09", 2)).ShouldBe("2025-10-11");
        // Spring Festival 2024: 02-10..02-17 off, Sunday 02-18 a working day.
        (await DateAsync(client, "2024-02-08", 1)).ShouldBe("2024-02-09");
        (await DateAsync(client, "2024-02-09", 1)).ShouldBe("2024-02-18");
        (await DateAsync(client, "2025-03-02", 5)).ShouldBe("2025-03-07");

        foreach (var url in new[] { "/api/v1/calendar/working-days?from=2027-01-04&add=1", "/api/v1/calendar/working-days?from=2026-12-30&add=5" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("detail").GetString()!.ShouldContain("2027年的工作日历尚未配置");
        }

        (await client.GetAsync(new Uri("/api/v1/calendar/working-days?from=2025-13-01&add=1", UriKind.Relative))).StatusCode
            .ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [DatabaseTheory]
    public async Task Workflow_actions_over_HTTP_return_the_new_state_or_403_409_422(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var s = await new CampaignScenario(factory).PublishAsync();
        var prepared = await s.CountyPreparedAsync();
        var county = await factory.ClientAsAsync(Roles.CountyOfficer, Chengguan);
        var other = await factory.ClientAsAsync(Roles.CountyOfficer, Qilihe);
        var community = await factory.ClientAsAsync(Roles.CommunityStaff, Donggang);

        var campaigns = await community.GetFromJsonAsync<JsonElement>("/api/v1/campaigns");
        campaigns.EnumerateArray().Single().GetProperty("kind").GetString().ShouldBe("provincial");

        (await other.GetAsync(new Uri($"/api/v1/applications/{prepared.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsJsonAsync($"/api/v1/applications/{prepared.Id}/forward", new { version = prepared.Version }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await community.PostAsJsonAsync($"/api/v1/applications/{prepared.Id}/forward", new { version = prepared.Version }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.PostAsJsonAsync($"/api/v1/applications/{prepared.Id}/forward", new { version = prepared.Version - 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var forwarded = await county.PostAsJsonAsync($"/api/v1/applications/{prepared.Id}/forward", new { version = prepared.Version });
        forwarded.StatusCode.ShouldBe(HttpStatusCode.OK);
        var state = await forwarded.Content.ReadFromJsonAsync<JsonElement>();
        state.GetProperty("state").GetString().ShouldBe("forwardedToCity");
        state.GetProperty("stateName").GetString().ShouldBe("市州评定中");

        var again = await county.PostAsJsonAsync($"/api/v1/applications/{prepared.Id}/forward", new { version = state.GetProperty("version").GetInt32() });
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("clause").GetString().ShouldBe("A8.2");
        problem.GetProperty("detail").GetString()!.ShouldContain("不能县区报送市州");

        var view = await community.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{prepared.Id}");
        view.GetProperty("communityName").GetString().ShouldBe("东岗社区");
        (await factory.CreateClient().GetAsync(new Uri("/api/v1/applications", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [DatabaseTheory(Database.Sqlite)]
    public async Task Public_notices_show_names_and_regions_only_and_take_objections_anonymously(Database database)
    {
        await using var factory = CampaignData.Start(database);
        var s = await new CampaignScenario(factory).PublishAsync();
        var recommended = await s.RecommendedAsync();
        var list = await s.CityListAsync();
        await s.Lists(Roles.CityOfficer, Lanzhou, l => l.PublishNoticeAsync(
            new Application.Campaigns.PublishNoticeInput(list.Id, list.Version, "推荐名单公示", new DateOnly(2025, 3, 3))));

        var anonymous = factory.CreateClient();
        var notices = await anonymous.GetStringAsync(new Uri("/api/v1/public/notices", UriKind.Relative));
        notices.ShouldContain("东岗社区");
        notices.ShouldContain("城关区");
        notices.ShouldNotContain("0931");
        var noticeId = JsonDocument.Parse(notices).RootElement[0].GetProperty("id").GetGuid();

        var created = await anonymous.PostAsJsonAsync($"/api/v1/public/notices/{noticeId}/objections",
            new { candidateId = recommended.Id, name = "王某", phone = "13812345678", content = "请核实" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await anonymous.GetStringAsync(new Uri($"/api/v1/public/notices/{noticeId}", UriKind.Relative))).ShouldNotContain("13812345678");

        s.SetChinaTime(2025, 3, 8, 0, 0);
        (await anonymous.PostAsJsonAsync($"/api/v1/public/notices/{noticeId}/objections",
            new { candidateId = recommended.Id, name = "王某", phone = "13812345678", content = "逾期" })).StatusCode
            .ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await anonymous.GetAsync(new Uri("/api/v1/public/directory.xlsx", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> DateAsync(HttpClient client, string from, int add)
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/calendar/working-days?from={from}&add={add}");
        return body.GetProperty("date").GetString()!;
    }
}
