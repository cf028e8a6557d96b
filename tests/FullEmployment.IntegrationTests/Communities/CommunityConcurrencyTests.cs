using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FullEmployment.Application.Common;
using FullEmployment.IntegrationTests.Infrastructure;

namespace FullEmployment.IntegrationTests.Communities;

/// <summary>Optimistic concurrency on the registry (docs/reference/design.md "Data"): a stale save is a 409, never a silent overwrite.</summary>
public sealed class CommunityConcurrencyTests(DemoApps apps) : IntegrationTest(apps)
{
    [DatabaseTheory]
    [Trait("Clause", "A2")]
    public async Task A2_Second_save_from_the_same_version_is_409_and_the_first_change_is_kept(Database database)
    {
        Use(database);

        using var first = Factory.ClientFor("chengguan");
        using var second = Factory.ClientFor("chengguan");
        var seenByFirst = await ReadObjectAsync(await first.GetAsync(Url("/api/v1/communities/620102001004")));
        var seenBySecond = await ReadObjectAsync(await second.GetAsync(Url("/api/v1/communities/620102001004")));
        var version = seenByFirst["version"]!.GetValue<int>();
        seenBySecond["version"]!.GetValue<int>().ShouldBe(version);

        var saved = await first.PutAsJsonAsync(Url("/api/v1/communities/620102001004"), BodyFrom(seenByFirst, "兰州市城关区草场街1号"));
        var stale = await second.PutAsJsonAsync(Url("/api/v1/communities/620102001004"), BodyFrom(seenBySecond, "兰州市城关区草场街2号"));

        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadObjectAsync(saved))["version"]!.GetValue<int>().ShouldBe(version + 1);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await ReadObjectAsync(stale);
        problem["title"]!.GetValue<string>().ShouldBe("数据已被他人修改");
        problem["detail"]!.GetValue<string>().ShouldBe(ConcurrencyConflictException.DefaultMessage);
        var now = await ReadObjectAsync(await second.GetAsync(Url("/api/v1/communities/620102001004")));
        now["address"]!.GetValue<string>().ShouldBe("兰州市城关区草场街1号");
        now["version"]!.GetValue<int>().ShouldBe(version + 1);
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    public async Task A2_Sending_back_the_masked_phone_keeps_the_stored_number(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("chengguan");
        var community = await ReadObjectAsync(await client.GetAsync(Url("/api/v1/communities/620102001003")));
        community["contactPhone"]!.GetValue<string>().ShouldBe("093****1003");

        var response = await client.PutAsJsonAsync(Url("/api/v1/communities/620102001003"), BodyFrom(community, "兰州市城关区拱星墩1号"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CurrentBodyAsync("620102001003"))["contactPhone"]!.GetValue<string>().ShouldBe("0931-8001003");
    }

    /// <summary>What GET returned, sent back with a new address (the read-only fields included).</summary>
    private static JsonObject BodyFrom(JsonObject community, string address)
    {
        var body = community.DeepClone().AsObject();
        body["address"] = address;
        return body;
    }
}
