using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Ledgers;
using FullEmployment.IntegrationTests.Infrastructure;
using FullEmployment.IntegrationTests.Ledgers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Api;

/// <summary>
/// Issue 8 item 6: what GET returns can be changed in one field and sent back (PUT/POST), and GET then shows the change;
/// a missing required field or an unknown one is a 422 whose <c>errors</c> name it (the import errors' shape).
/// </summary>
public sealed class ApiRoundTripTests(DemoApps apps) : IntegrationTest(apps)
{
    [DatabaseTheory]
    [Trait("Clause", "A2")]
    public async Task A2_A_community_as_GET_returns_it_with_one_field_changed_is_accepted_by_PUT(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("chengguan");
        var community = await ReadObjectAsync(await client.GetAsync(Url("/api/v1/communities/620102001005")));
        community["street"] = "拱星墩街道（新）";

        var saved = await client.PutAsJsonAsync(Url("/api/v1/communities/620102001005"), community);

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var now = await ReadObjectAsync(await client.GetAsync(Url("/api/v1/communities/620102001005")));
        now["street"]!.GetValue<string>().ShouldBe("拱星墩街道（新）");
        now["version"]!.GetValue<int>().ShouldBe(community["version"]!.GetValue<int>() + 1);
        now["titles"]!.AsArray().Count.ShouldBe(community["titles"]!.AsArray().Count);
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    public async Task A2_A_community_as_GET_returns_it_with_a_new_code_and_phone_is_accepted_by_POST(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("jiayuguan");
        var community = await ReadObjectAsync(await client.GetAsync(Url("/api/v1/communities/620200001001")));
        community["code"] = "620200001077";
        // GET masks the phone; a new community needs a number of its own.
        community["contactPhone"] = "0937-6201077";

        var created = await client.PostAsJsonAsync(Url("/api/v1/communities"), community);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var copy = await ReadObjectAsync(await client.GetAsync(Url("/api/v1/communities/620200001077")));
        copy["cityCode"]!.GetValue<string>().ShouldBe("620200");
        copy["countyCode"].ShouldBeNull();
        copy["name"]!.GetValue<string>().ShouldBe(community["name"]!.GetValue<string>());
        // Titles are read-only in the body: a new community has none.
        copy["titles"]!.AsArray().ShouldBeEmpty();
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    public async Task A2_A_missing_required_field_and_an_unknown_field_are_422_naming_each_field(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("chengguan");
        var body = await CurrentBodyAsync("620102001002");
        body.Remove("street");
        body["regionCode"] = "620102";

        var response = await client.PutAsJsonAsync(Url("/api/v1/communities/620102001002"), body);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await ReadObjectAsync(response);
        problem["title"]!.GetValue<string>().ShouldBe("不符合业务规则");
        var errors = problem["errors"]!.AsArray().Select(e => e!.AsObject()).ToList();
        errors.Select(e => e["column"]!.GetValue<string>()).OrderBy(c => c, StringComparer.Ordinal).ShouldBe(["regionCode", "street"]);
        errors.ShouldAllBe(e => e.ContainsKey("sheet") && e.ContainsKey("row") && e.ContainsKey("value"));
        errors.Single(e => e["column"]!.GetValue<string>() == "street")["message"]!.GetValue<string>().ShouldBe("缺少必填字段“street”。");
        errors.Single(e => e["column"]!.GetValue<string>() == "regionCode")["message"]!.GetValue<string>().ShouldBe("未知字段“regionCode”。");
        problem["detail"]!.GetValue<string>().ShouldContain("street");
        (await CurrentBodyAsync("620102001002"))["street"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    [InlineData("""{"name":"无码社区","cityCode":"620100","countyCode":"620102","street":"某街道","approvalDocumentNumber":"城政发〔2025〕7号"}""", "code")]
    [InlineData("""{"code":"620102001097","name":"错市社区","cityCode":"620200","countyCode":"620102","street":"某街道","approvalDocumentNumber":"城政发〔2025〕7号"}""", "countyCode")]
    [InlineData("""{"code":"620102001097","name":"缺县社区","cityCode":"620100","street":"某街道","approvalDocumentNumber":"城政发〔2025〕7号"}""", "countyCode")]
    [InlineData("""{"code":"620102001097","name":"无市社区","cityCode":"999900","countyCode":"620102","street":"某街道","approvalDocumentNumber":"城政发〔2025〕7号"}""", "cityCode")]
    [InlineData("""{"code":"620102001097","name":null,"cityCode":"620100","countyCode":"620102","street":"某街道","approvalDocumentNumber":"城政发〔2025〕7号"}""", "name")]
    [InlineData("""{"code":"620102001097","name":"坏日期","cityCode":"620100","countyCode":"620102","street":"某街道","approvalDocumentNumber":"城政发〔2025〕7号","civilAffairsFiledOn":"昨天"}""", "civilAffairsFiledOn")]
    public async Task A2_A_bad_field_in_a_new_community_is_422_naming_it(Database database, string json, string field)
    {
        Use(database);

        using var client = Factory.ClientFor("chengguan");
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await client.PostAsync(Url("/api/v1/communities"), content);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await ReadObjectAsync(response);
        problem["errors"]!.AsArray().Select(e => e!["column"]!.GetValue<string>()).ShouldBe([field]);
        (await client.GetAsync(Url("/api/v1/communities/620102001097"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseTheory]
    [Trait("Clause", "A2")]
    public async Task A2_A_body_that_is_not_an_object_is_422_saying_so(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("chengguan");
        using var content = new StringContent("[]", Encoding.UTF8, "application/json");
        var response = await client.PostAsync(Url("/api/v1/communities"), content);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ReadObjectAsync(response))["detail"]!.GetValue<string>().ShouldBe("请求体应为 JSON 对象。");
    }

    [DatabaseTheory]
    [Trait("Clause", "A8.3")]
    public async Task A8_3_A_calendar_year_as_GET_returns_it_with_one_more_off_day_is_accepted_by_PUT(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("province");
        var year = await ReadObjectAsync(await client.GetAsync(Url("/api/v1/calendar/years/2026")));
        year["offDays"]!.AsArray().Add("2026-12-31");

        var saved = await client.PutAsJsonAsync(Url("/api/v1/calendar/years/2026"), year);

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var now = await ReadObjectAsync(await client.GetAsync(Url("/api/v1/calendar/years/2026")));
        now["offDays"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldContain("2026-12-31");
        now["version"]!.GetValue<int>().ShouldBe(year["version"]!.GetValue<int>() + 1);
    }

    [DatabaseTheory]
    [Trait("Clause", "A6")]
    public async Task A6_A_score_template_as_GET_returns_it_with_a_new_version_name_is_accepted_as_a_new_draft(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("province");
        var list = (await client.GetFromJsonAsync<JsonArray>(Url("/api/v1/score-templates")))!;
        var id = list[0]!["id"]!.GetValue<string>();
        var template = await ReadObjectAsync(await client.GetAsync(Url($"/api/v1/score-templates/{id}")));
        template["templateVersion"] = "RT-2026";

        var created = await client.PostAsJsonAsync(Url("/api/v1/score-templates"), template);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var copy = await ReadObjectAsync(await client.GetAsync(created.Headers.Location));
        copy["templateVersion"]!.GetValue<string>().ShouldBe("RT-2026");
        copy["isPublished"]!.GetValue<bool>().ShouldBeFalse();
        copy["items"]!.AsArray().Select(i => i!["number"]!.GetValue<string>())
            .ShouldBe(template["items"]!.AsArray().Select(i => i!["number"]!.GetValue<string>()));
        copy["totalPoints"]!.GetValue<decimal>().ShouldBe(template["totalPoints"]!.GetValue<decimal>());
    }

    [DatabaseTheory]
    [Trait("Clause", "A6")]
    public async Task A6_An_unknown_field_inside_a_score_item_is_422_naming_its_path(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("province");
        var list = (await client.GetFromJsonAsync<JsonArray>(Url("/api/v1/score-templates")))!;
        var template = await ReadObjectAsync(await client.GetAsync(Url($"/api/v1/score-templates/{list[0]!["id"]!.GetValue<string>()}")));
        template["templateVersion"] = "RT-BAD";
        template["items"]![1]!["points"] = 5;
        template["items"]![1]!.AsObject().Remove("maxPoints");

        var response = await client.PostAsJsonAsync(Url("/api/v1/score-templates"), template);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var errors = (await ReadObjectAsync(response))["errors"]!.AsArray().Select(e => e!["column"]!.GetValue<string>()).ToList();
        errors.OrderBy(c => c, StringComparer.Ordinal).ShouldBe(["items[1].maxPoints", "items[1].points"]);
    }

    [DatabaseTheory]
    [Trait("Clause", "A5")]
    public async Task A5_A_ledger_record_as_GET_lists_it_with_one_cell_changed_is_accepted_by_PUT_and_its_masked_ID_is_kept(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("chengguan");
        var idNumber = LedgerFiles.Id(new DateOnly(1981, 4, 5), 911);
        await UpsertAsync(client, "人员", new() { ["身份证号"] = idNumber, ["姓名"] = "往返援助", ["出生日期"] = "1981-04-05" });
        await UpsertAsync(client, "援助记录", new() { ["身份证号"] = idNumber, ["援助日期"] = "2025-03-15", ["援助方式"] = "岗位推荐", ["经办人"] = "李四" });
        var row = await RowAsync(client, "援助记录", idNumber, r => r["fields"]!["经办人"]!.GetValue<string>() == "李四"
            && r["fields"]!["援助日期"]!.GetValue<string>() == "2025-03-15");
        var id = row["id"]!.GetValue<long>();
        row["fields"]!["身份证号"]!.GetValue<string>().ShouldNotBe(idNumber);
        row["fields"]!["经办人"] = "往返测试";

        var saved = await client.PutAsJsonAsync(Url($"{Ledger}/援助记录/{id}"), row);

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await RowAsync(client, "援助记录", idNumber, r => r["id"]!.GetValue<long>() == id))["fields"]!["经办人"]!.GetValue<string>().ShouldBe("往返测试");
        (await StoredAsync(db => db.Set<Assistance>().SingleAsync(r => r.Id == id), r => r.IdNumber)).ShouldBe(idNumber);
    }

    [DatabaseTheory]
    [Trait("Clause", "A5")]
    public async Task A5_A_person_as_GET_lists_it_with_the_name_changed_keeps_the_stored_ID_number_birth_date_and_phone(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("chengguan");
        var idNumber = LedgerFiles.Id(new DateOnly(1982, 7, 8), 913);
        await UpsertAsync(client, "人员", new() { ["身份证号"] = idNumber, ["姓名"] = "往返人员", ["出生日期"] = "1982-07-08", ["联系电话"] = "13912345678" });
        var row = await RowAsync(client, "人员", "往返人员", r => r["fields"]!["姓名"]!.GetValue<string>() == "往返人员");
        var id = row["id"]!.GetValue<long>();
        row["fields"]!["联系电话"]!.GetValue<string>().ShouldNotBe("13912345678");
        row["fields"]!["姓名"] = "往返人员二";

        var saved = await client.PutAsJsonAsync(Url($"{Ledger}/人员/{id}"), row);

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await StoredAsync(db => db.Set<LedgerPerson>().SingleAsync(r => r.Id == id), r => (r.IdNumber, r.BirthDate, r.Phone, r.Name)))
            .ShouldBe((idNumber, new DateOnly(1982, 7, 8), "13912345678", "往返人员二"));
    }

    [DatabaseTheory]
    public async Task The_OpenAPI_document_describes_the_community_body_as_the_API_takes_it(Database database)
    {
        Use(database);

        using var client = Factory.AnonymousClient();
        var document = await ReadObjectAsync(await client.GetAsync(Url("/openapi/v1.json")));

        var body = document["components"]!["schemas"]!["CommunityBody"]!.AsObject();
        var properties = body["properties"]!.AsObject().Select(p => p.Key).ToList();
        properties.ShouldContain("cityCode");
        properties.ShouldContain("countyCode");
        properties.ShouldNotContain("regionCode");
        body["required"]!.AsArray().Select(r => r!.GetValue<string>()).OrderBy(r => r, StringComparer.Ordinal)
            .ShouldBe(["approvalDocumentNumber", "cityCode", "name", "street"]);
        var put = document["paths"]!["/api/v1/communities/{code}"]!["put"]!;
        put["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>().ShouldBe("#/components/schemas/CommunityBody");
        put["description"]!.GetValue<string>().ShouldContain("GET 返回的对象");
    }

    private const string Ledger = "/api/v1/communities/620102001002/ledger";

    private static async Task UpsertAsync(HttpClient client, string kind, Dictionary<string, string?> record) =>
        (await client.PostAsJsonAsync(Url($"{Ledger}/{kind}"), new[] { record })).StatusCode.ShouldBe(HttpStatusCode.OK);

    /// <summary>The listed row the predicate picks (this test's own rows: the demo ledger may be empty).</summary>
    private static async Task<JsonObject> RowAsync(HttpClient client, string kind, string q, Func<JsonObject, bool> pick)
    {
        var page = await ReadObjectAsync(await client.GetAsync(Url($"{Ledger}/{kind}?pageSize=500&q={Uri.EscapeDataString(q)}")));
        return page["items"]!.AsArray().Select(r => r!.AsObject()).Single(pick);
    }

    /// <summary>A value of a stored record, read straight from the database.</summary>
    private Task<TValue> StoredAsync<TRecord, TValue>(Func<AppDbContext, Task<TRecord>> load, Func<TRecord, TValue> value) =>
        Factory.WithScopeAsync(async sp => value(await load(sp.GetRequiredService<AppDbContext>())));
}
