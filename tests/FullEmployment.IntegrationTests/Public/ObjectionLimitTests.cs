using System.Net;
using System.Net.Http.Json;
using FullEmployment.IntegrationTests.Infrastructure;

namespace FullEmployment.IntegrationTests.Public;

/// <summary>
/// Objections are refused after the notice closes (to the minute, China time) and limited to 5 POSTs per hour per address
/// (page and API together). Its own factory: the test moves the clock and spends the address's allowance.
/// </summary>
public sealed class ObjectionLimitTests(DemoApps apps) : IntegrationTest(apps)
{
    [DatabaseTheory]
    public async Task After_the_notice_closes_objections_are_refused_in_Chinese_and_the_sixth_POST_within_an_hour_gets_429_with_Retry_After(Database database)
    {
        Use(database);
        var client = Client("");
        var id = await PublicSiteTests.OpenNoticeIdAsync(client);
        var candidate = await PublicSiteTests.CandidateIdAsync(client, id);
        var page = await client.GetStringAsync(Url($"/Public/Notice/{id}"));
        var notice = await ReadObjectAsync(await client.GetAsync(Url($"/api/v1/public/notices/{id}")));
        var closesAt = DateTimeOffset.Parse(notice["closesAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

        // One minute after 24:00 of the last working day.
        Factory.Clock.SetUtcNow(closesAt.ToUniversalTime().AddMinutes(1));
        var refused = await client.PostAsync(Url($"/Public/Notice/{id}"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FullEmploymentFactory.AntiforgeryToken(page),
            ["Form.CandidateId"] = candidate,
            ["Form.Name"] = "赵六",
            ["Form.Phone"] = "13700000000",
            ["Form.Content"] = "逾期异议",
        }));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refusal = await refused.Content.ReadAsStringAsync();
        refusal.ShouldContain("24时结束，不再受理异议");
        refusal.ShouldNotContain("您的异议已提交");

        var body = new { candidateId = candidate, name = "赵六", phone = "13700000000", content = "逾期异议" };
        for (var i = 2; i <= 5; i++)
        {
            var api = await client.PostAsJsonAsync($"/api/v1/public/notices/{id}/objections", body);
            api.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, $"POST {i}");
            (await ReadObjectAsync(api))["detail"]!.GetValue<string>().ShouldContain("不再受理异议");
        }

        var sixth = await client.PostAsJsonAsync($"/api/v1/public/notices/{id}/objections", body);
        sixth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(sixth.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 3600);
        (await ReadObjectAsync(sixth))["detail"]!.GetValue<string>().ShouldContain("每小时最多提交5次异议");

        var seventh = await client.PostAsync(Url($"/Public/Notice/{id}"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FullEmploymentFactory.AntiforgeryToken(page),
            ["Form.CandidateId"] = candidate,
        }));
        seventh.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        seventh.Headers.Contains("Retry-After").ShouldBeTrue();
        var limited = await seventh.Content.ReadAsStringAsync();
        limited.ShouldContain("请求过于频繁");
        limited.ShouldContain("每小时最多提交5次异议");

        // Reading is never limited.
        (await client.GetAsync(Url($"/Public/Notice/{id}"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
