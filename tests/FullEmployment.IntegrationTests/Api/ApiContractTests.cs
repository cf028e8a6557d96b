using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FullEmployment.IntegrationTests.Infrastructure;

namespace FullEmployment.IntegrationTests.Api;

/// <summary>The stable contracts of docs/reference/design.md: /healthz, /openapi/v1.json, /api/v1/regions and the community JSON.</summary>
public sealed class ApiContractTests(DemoApps apps) : IntegrationTest(apps)
{
    [DatabaseTheory]
    public async Task Healthz_answers_200(Database database)
    {
        Use(database);

        using var client = Factory.AnonymousClient();
        var response = await client.GetAsync(Url("/healthz"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [DatabaseTheory]
    public async Task OpenApi_document_is_served_and_lists_the_community_endpoints(Database database)
    {
        Use(database);

        using var client = Factory.AnonymousClient();
        var response = await client.GetAsync(Url("/openapi/v1.json"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var paths = (await ReadObjectAsync(response))["paths"]!.AsObject();
        paths.ShouldContainKey("/api/v1/regions");
        paths.ShouldContainKey("/api/v1/communities/{code}");
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    public async Task A2_Regions_are_the_province_14_cities_and_86_counties_without_login(Database database)
    {
        Use(database);

        using var client = Factory.AnonymousClient();
        var regions = (await client.GetFromJsonAsync<JsonArray>(Url("/api/v1/regions")))!.Select(r => r!.AsObject()).ToList();

        regions.Count.ShouldBe(101);
        regions.Count(r => Level(r) == "province").ShouldBe(1);
        regions.Count(r => Level(r) == "city").ShouldBe(14);
        regions.Count(r => Level(r) == "county").ShouldBe(86);
        regions.ShouldAllBe(r => r.Select(p => p.Key).OrderBy(k => k).SequenceEqual(new[] { "code", "level", "name", "parentCode" }));
        var province = regions.Single(r => Level(r) == "province");
        province["code"]!.GetValue<string>().ShouldBe("620000");
        province["parentCode"].ShouldBeNull();
        var jiayuguan = regions.Single(r => r["code"]!.GetValue<string>() == "620200");
        jiayuguan["name"]!.GetValue<string>().ShouldBe("嘉峪关市");
        jiayuguan["parentCode"]!.GetValue<string>().ShouldBe("620000");
        regions.ShouldNotContain(r => r["parentCode"] != null && r["parentCode"]!.GetValue<string>() == "620200");
        regions.Where(r => r["parentCode"] != null && r["parentCode"]!.GetValue<string>() == "620100").Count().ShouldBe(8);
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    public async Task A2_Community_json_has_the_contract_fields_and_a_null_county_in_a_countyless_city(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("province");
        var community = await ReadObjectAsync(await client.GetAsync(Url("/api/v1/communities/620200001002")));

        community["code"]!.GetValue<string>().ShouldBe("620200001002");
        community["name"]!.GetValue<string>().ShouldBe("胜利社区");
        community["cityCode"]!.GetValue<string>().ShouldBe("620200");
        community.ShouldContainKey("countyCode");
        community["countyCode"].ShouldBeNull();
        community["street"]!.GetValue<string>().ShouldBe("胜利街道");
        community["address"]!.GetValue<string>().ShouldBe("嘉峪关市胜利街道胜利社区");
        community["status"]!.GetValue<string>().ShouldBe("active");
        community["contactPhone"]!.GetValue<string>().ShouldBe("093****1002");
        var titles = community["titles"]!.AsArray().Select(t => t!.AsObject()).ToList();
        titles.Select(t => t["level"]!.GetValue<string>()).ShouldBe(["municipal", "provincial"]);
        var municipal = titles[0];
        municipal["grantedOn"]!.GetValue<string>().ShouldBe("2017-06-01");
        municipal.ShouldContainKey("endedOn");
        municipal["endedOn"].ShouldBeNull();
        municipal["documentNumber"]!.GetValue<string>().ShouldBe("市人社发〔2017〕02号");
        municipal["plaqueNumber"]!.GetValue<string>().ShouldBe("SJ-2017-002");
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    public async Task A2_County_community_json_names_its_county(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("chengguan");
        var community = await ReadObjectAsync(await client.GetAsync(Url("/api/v1/communities/620102001003")));

        community["cityCode"]!.GetValue<string>().ShouldBe("620100");
        community["countyCode"]!.GetValue<string>().ShouldBe("620102");
        community["titles"]!.AsArray().Select(t => t!["level"]!.GetValue<string>()).ShouldBe(["municipal", "provincial", "national"]);
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    public async Task A2_Posting_a_new_community_creates_it_and_a_duplicate_is_422_in_Chinese(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("chengguan");
        var body = new
        {
            code = "620102001099",
            name = "新建社区",
            cityCode = "620100",
            countyCode = "620102",
            street = "东岗西路街道",
            address = "兰州市城关区东岗西路99号",
            approvalDocumentNumber = "城政发〔2025〕9号",
        };

        var created = await client.PostAsJsonAsync(Url("/api/v1/communities"), body);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldBe("/api/v1/communities/620102001099");
        var community = await ReadObjectAsync(created);
        community["countyCode"]!.GetValue<string>().ShouldBe("620102");
        community["titles"]!.AsArray().ShouldBeEmpty();
        (await client.GetAsync(created.Headers.Location)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var duplicate = await client.PostAsJsonAsync(Url("/api/v1/communities"), body);

        duplicate.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        duplicate.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await ReadObjectAsync(duplicate);
        problem["title"]!.GetValue<string>().ShouldBe("不符合业务规则");
        problem["detail"]!.GetValue<string>().ShouldBe("社区代码“620102001099”已登记。");
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    [InlineData("{ not json")]
    [InlineData("""{"code":"620102001098"}""")]
    [InlineData("""{"code":"6201","name":"短码社区","cityCode":"620100","countyCode":"620102","street":"某街道","approvalDocumentNumber":"城政发〔2025〕8号"}""")]
    [InlineData("""{"code":"620103001098","name":"错区社区","cityCode":"620100","countyCode":"620102","street":"某街道","approvalDocumentNumber":"城政发〔2025〕8号"}""")]
    [InlineData("""{"code":"620102001098","name":"无区划社区","cityCode":"620100","countyCode":"999999","street":"某街道","approvalDocumentNumber":"城政发〔2025〕8号"}""")]
    [InlineData("""{"code":"620102001098","name":"备案不全","cityCode":"620100","countyCode":"620102","street":"某街道","approvalDocumentNumber":"城政发〔2025〕8号","civilAffairsFilingNumber":"民备-1"}""")]
    public async Task A2_An_invalid_body_is_refused_with_ProblemDetails_not_500(Database database, string json)
    {
        Use(database);

        using var client = Factory.ClientFor("chengguan");
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await client.PostAsync(Url("/api/v1/communities"), content);

        ((int)response.StatusCode).ShouldBeOneOf(400, 422);
        var problem = await ReadObjectAsync(response);
        problem["title"]!.GetValue<string>().ShouldBeOneOf("请求格式不正确", "不符合业务规则");
        (await client.GetAsync(Url("/api/v1/communities/620102001098"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseTheory]
    public async Task Communities_page_by_page_and_pageSize(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("province");
        var all = await ReadObjectAsync(await client.GetAsync(Url("/api/v1/communities?pageSize=500")));
        var page2 = await ReadObjectAsync(await client.GetAsync(Url("/api/v1/communities?page=2&pageSize=5")));

        page2["total"]!.GetValue<int>().ShouldBe(all["total"]!.GetValue<int>());
        Codes(page2).ShouldBe(Codes(all).Skip(5).Take(5));
        Codes(page2).Count.ShouldBe(5);
    }

    [DatabaseTheory]
    public async Task Communities_filter_by_title_level_in_force_today(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("province");
        var national = await ReadObjectAsync(await client.GetAsync(Url("/api/v1/communities?level=national")));

        Codes(national).ShouldBe(["620102001003"]);
        national["items"]![0]!["highestTitle"]!.GetValue<string>().ShouldBe("national");
    }

    private static string Level(JsonObject region) => region["level"]!.GetValue<string>();

    private static List<string> Codes(JsonObject page) => page["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()).ToList();
}
