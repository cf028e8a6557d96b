using System.Net;
using System.Net.Http.Json;
using FullEmployment.IntegrationTests.Infrastructure;

namespace FullEmployment.IntegrationTests.Communities;

/// <summary>
/// Who may read, edit and grant titles to which community (docs/reference/design.md "Roles and scope"; A2 registry, A3.1 titles, A10 authority).
/// Scope is the target's region: an unreadable community is 404 (its existence is not revealed), a forbidden write 403.
/// Users: the demo accounts of <c>DemoData</c>; "" is anonymous.
/// </summary>
public sealed class CommunityAuthorizationTests(DemoApps apps) : IntegrationTest(apps)
{
    [DatabaseTheory]
    [Trait("Clause", "A2")]
    [InlineData("province", "620102001002", 200)]
    [InlineData("province", "620103001001", 200)]
    [InlineData("province", "620200001001", 200)]
    [InlineData("province", "621002001001", 200)]
    [InlineData("province", "620102009999", 404)]
    [InlineData("lanzhou", "620102001002", 200)]
    [InlineData("lanzhou", "620103001001", 200)]
    [InlineData("lanzhou", "620200001001", 404)]
    [InlineData("lanzhou", "620502001001", 404)]
    [InlineData("jiayuguan", "620200001001", 200)]
    [InlineData("jiayuguan", "620102001002", 404)]
    [InlineData("chengguan", "620102001002", 200)]
    [InlineData("chengguan", "620103001001", 404)]
    [InlineData("chengguan", "620200001001", 404)]
    [InlineData("lanzhou-finance", "620103001001", 200)]
    [InlineData("lanzhou-finance", "620200001001", 404)]
    [InlineData("chengguan-finance", "620102001002", 200)]
    [InlineData("chengguan-finance", "620103001001", 404)]
    [InlineData("community", "620102001001", 200)]
    [InlineData("community", "620102001002", 404)]
    [InlineData("auditor", "620102001002", 403)]
    [InlineData("auditor", "620103001001", 403)]
    [InlineData("secadmin", "620102001002", 403)]
    [InlineData("secadmin", "620103001001", 403)]
    [InlineData("", "620102001002", 401)]
    [InlineData("", "620103001001", 401)]
    public async Task A2_Reading_a_community_is_limited_to_the_callers_region(Database database, string user, string code, int expected)
    {
        Use(database);

        using var client = Client(user);
        var response = await client.GetAsync(Url($"/api/v1/communities/{code}"));

        ((int)response.StatusCode).ShouldBe(expected);
        if (expected == 200)
        {
            (await ReadObjectAsync(response))["code"]!.GetValue<string>().ShouldBe(code);
        }
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    [InlineData("chengguan", "620102001002", 200)]
    [InlineData("chengguan", "620103001001", 403)]
    [InlineData("jiayuguan", "620200001001", 200)]
    [InlineData("jiayuguan", "620102001002", 403)]
    [InlineData("lanzhou", "620102001002", 403)]
    [InlineData("lanzhou", "620103001001", 403)]
    [InlineData("province", "620102001002", 403)]
    [InlineData("province", "620200001001", 403)]
    [InlineData("lanzhou-finance", "620102001002", 403)]
    [InlineData("chengguan-finance", "620102001002", 403)]
    [InlineData("community", "620102001001", 403)]
    [InlineData("community", "620102001002", 403)]
    [InlineData("auditor", "620102001002", 403)]
    [InlineData("secadmin", "620102001002", 403)]
    [InlineData("", "620102001002", 401)]
    public async Task A2_Only_the_county_officer_or_a_countyless_citys_officer_maintains_the_registry(Database database, string user, string code, int expected)
    {
        Use(database);

        using var client = Client(user);
        var response = await client.PutAsJsonAsync(Url($"/api/v1/communities/{code}"), await CurrentBodyAsync(code));

        ((int)response.StatusCode).ShouldBe(expected);
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    [InlineData("province", "", 16)]
    [InlineData("province", "620100", 10)]
    [InlineData("lanzhou", "", 10)]
    [InlineData("lanzhou", "620200", 0)]
    [InlineData("jiayuguan", "", 2)]
    [InlineData("chengguan", "", 5)]
    [InlineData("chengguan", "620100", 5)]
    [InlineData("lanzhou-finance", "", 10)]
    [InlineData("chengguan-finance", "", 5)]
    [InlineData("community", "", 1)]
    public async Task A2_List_totals_count_only_the_callers_region(Database database, string user, string region, int total)
    {
        Use(database);

        using var client = Client(user);
        var page = await ReadObjectAsync(await client.GetAsync(Url($"/api/v1/communities?region={region}&pageSize=100")));

        page["total"]!.GetValue<int>().ShouldBe(total);
        page["items"]!.AsArray().Count.ShouldBe(total);
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    [InlineData("auditor", 403)]
    [InlineData("secadmin", 403)]
    [InlineData("", 401)]
    public async Task A2_Auditors_security_admins_and_the_anonymous_cannot_list_communities(Database database, string user, int expected)
    {
        Use(database);

        using var client = Client(user);
        var response = await client.GetAsync(Url("/api/v1/communities"));

        ((int)response.StatusCode).ShouldBe(expected);
    }

    [DatabaseTheory]
    [Trait("Clause", "A10")]
    public async Task A10_Province_officer_may_grant_a_provincial_title(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("province");
        var response = await client.PostAsJsonAsync(Url("/api/v1/communities/620102001004/titles"),
            Title("provincial", "甘肃省人力资源和社会保障厅", "甘人社通〔2025〕7号"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var titles = (await ReadObjectAsync(response))["titles"]!.AsArray();
        titles.ShouldContain(t => t!["level"]!.GetValue<string>() == "provincial" && t["documentNumber"]!.GetValue<string>() == "甘人社通〔2025〕7号");
    }

    [DatabaseTheory]
    [Trait("Clause", "A10")]
    public async Task A10_City_officer_may_grant_a_municipal_title_in_its_city(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("lanzhou");
        var response = await client.PostAsJsonAsync(Url("/api/v1/communities/620102001005/titles"),
            Title("municipal", "兰州市人力资源和社会保障局", "兰人社发〔2025〕12号"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await ReadObjectAsync(response))["titles"]!.AsArray()
            .ShouldContain(t => t!["level"]!.GetValue<string>() == "municipal" && t["grantedOn"]!.GetValue<string>() == "2025-06-01");
    }

    [DatabaseTheory]
    [Trait("Clause", "A10")]
    public async Task A10_City_officer_cannot_grant_provincial_title(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("lanzhou");
        var response = await client.PostAsJsonAsync(Url("/api/v1/communities/620102001005/titles"),
            Title("provincial", "兰州市人力资源和社会保障局", "兰人社发〔2025〕13号"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ReadObjectAsync(response))["detail"]!.GetValue<string>().ShouldBe("省级称号只能由省人社厅授予或终止。");
    }

    [DatabaseTheory]
    [Trait("Clause", "A10")]
    public async Task A10_City_officer_cannot_grant_a_municipal_title_outside_its_city(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("lanzhou");
        var response = await client.PostAsJsonAsync(Url("/api/v1/communities/620200001001/titles"),
            Title("municipal", "兰州市人力资源和社会保障局", "兰人社发〔2025〕14号"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [DatabaseTheory]
    [Trait("Clause", "A10")]
    public async Task A10_Province_officer_cannot_grant_a_municipal_title(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("province");
        var response = await client.PostAsJsonAsync(Url("/api/v1/communities/620102001005/titles"),
            Title("municipal", "甘肃省人力资源和社会保障厅", "甘人社通〔2025〕8号"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [DatabaseTheory]
    [Trait("Clause", "A10")]
    [InlineData("chengguan", "national", 403)]
    [InlineData("chengguan", "provincial", 403)]
    [InlineData("chengguan", "legacyProvincialStar", 403)]
    [InlineData("chengguan", "municipal", 403)]
    [InlineData("chengguan-finance", "municipal", 403)]
    [InlineData("lanzhou-finance", "municipal", 403)]
    [InlineData("community", "municipal", 403)]
    [InlineData("auditor", "provincial", 403)]
    [InlineData("secadmin", "provincial", 403)]
    [InlineData("", "provincial", 401)]
    public async Task A10_Counties_finance_communities_auditors_and_admins_grant_no_title(Database database, string user, string level, int expected)
    {
        Use(database);

        using var client = Client(user);
        var response = await client.PostAsJsonAsync(Url("/api/v1/communities/620102001005/titles"), Title(level, "某机关", "某发〔2025〕1号"));

        ((int)response.StatusCode).ShouldBe(expected);
    }

    [DatabaseTheory]
    [Trait("Clause", "A3.1")]
    public async Task A3_1_A_second_overlapping_provincial_title_is_refused_with_the_clause(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("province");
        var response = await client.PostAsJsonAsync(Url("/api/v1/communities/620102001002/titles"),
            Title("provincial", "甘肃省人力资源和社会保障厅", "甘人社通〔2025〕9号"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await ReadObjectAsync(response);
        problem["clause"]!.GetValue<string>().ShouldBe("A3.1");
        problem["detail"]!.GetValue<string>().ShouldContain("重叠");
    }

    private static object Title(string level, string authority, string document) => new
    {
        level,
        grantingAuthority = authority,
        documentNumber = document,
        grantedOn = "2025-06-01",
        plaqueNumber = "P-2025-001",
    };
}
