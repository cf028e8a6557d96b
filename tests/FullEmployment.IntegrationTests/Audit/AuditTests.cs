using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Data;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Audit;

/// <summary>Every write, failed login and denied access leaves a hash-chained audit event; tampering is detected.</summary>
public sealed class AuditTests(DemoApps apps) : IntegrationTest(apps)
{
    [DatabaseTheory]
    public async Task A_community_update_writes_one_event_with_before_and_after(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("chengguan");
        var body = await CurrentBodyAsync("620102001002");
        body["address"] = "兰州市城关区雁南路8号";
        var before = await CountAsync();

        var response = await client.PutAsJsonAsync(Url("/api/v1/communities/620102001002"), body);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CountAsync()).ShouldBe(before + 1);
        var e = await LastAsync();
        e.Action.ShouldBe("community.update");
        e.UserName.ShouldBe("chengguan");
        e.Role.ShouldBe("county-officer");
        e.TargetId.ShouldBe("620102001002");
        e.RegionCode.ShouldBe("620102");
        JsonNode.Parse(e.Before!)!["Address"]!.GetValue<string>().ShouldBe("兰州市城关区雁南街道雁南社区");
        JsonNode.Parse(e.After!)!["Address"]!.GetValue<string>().ShouldBe("兰州市城关区雁南路8号");
    }

    [DatabaseTheory]
    public async Task Creating_a_community_and_granting_a_title_are_audited(Database database)
    {
        Use(database);

        using var county = Factory.ClientFor("chengguan");
        using var city = Factory.ClientFor("lanzhou");
        var before = await CountAsync();

        var created = await county.PostAsJsonAsync(Url("/api/v1/communities"), new
        {
            code = "620102001088",
            name = "审计社区",
            cityCode = "620100",
            countyCode = "620102",
            street = "东岗西路街道",
            approvalDocumentNumber = "城政发〔2025〕88号",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var create = await LastAsync();
        var granted = await city.PostAsJsonAsync(Url("/api/v1/communities/620102001088/titles"), new
        {
            level = "municipal",
            grantingAuthority = "兰州市人力资源和社会保障局",
            documentNumber = "兰人社发〔2025〕88号",
            grantedOn = "2025-06-01",
        });
        granted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var grant = await LastAsync();

        (await CountAsync()).ShouldBe(before + 2);
        create.Action.ShouldBe("community.create");
        create.TargetId.ShouldBe("620102001088");
        create.After.ShouldNotBeNull();
        grant.Action.ShouldBe("title.grant");
        grant.UserName.ShouldBe("lanzhou");
        JsonNode.Parse(grant.After!)!["DocumentNumber"]!.GetValue<string>().ShouldBe("兰人社发〔2025〕88号");
    }

    [DatabaseTheory]
    public async Task A_failed_login_is_audited(Database database)
    {
        Use(database);

        using var client = Factory.AnonymousClient();
        var before = await CountAsync();

        await FullEmploymentFactory.LoginAsync(client, "jiayuguan", "Wrong#Passw0rd");

        (await CountAsync()).ShouldBe(before + 1);
        var e = await LastAsync();
        e.Action.ShouldBe("login.failed");
        e.TargetId.ShouldBe("jiayuguan");
        e.After!.ShouldContain("用户名或密码错误");
    }

    [DatabaseTheory]
    public async Task A_denied_access_is_audited_with_the_requested_path(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("chengguan");
        var body = await CurrentBodyAsync("620103001001");
        var before = await CountAsync();

        var response = await client.PutAsJsonAsync(Url("/api/v1/communities/620103001001"), body);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CountAsync()).ShouldBe(before + 1);
        var e = await LastAsync();
        e.Action.ShouldBe("access.denied");
        e.UserName.ShouldBe("chengguan");
        e.TargetId.ShouldBe("PUT /api/v1/communities/620103001001");
    }

    [DatabaseTheory]
    public async Task A_denied_request_with_a_200_character_path_is_audited_with_the_path_cut_to_the_column_and_answers_403(Database database)
    {
        Use(database);

        using var client = Factory.ClientFor("chengguan");
        var path = "/Admin/Users/Details/" + new string('u', 200 - "/Admin/Users/Details/".Length);
        var before = await CountAsync();

        var response = await client.GetAsync(Url(path));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain("无权执行此操作");
        (await CountAsync()).ShouldBe(before + 1);
        var e = await LastAsync();
        e.Action.ShouldBe("access.denied");
        e.TargetId!.Length.ShouldBe(AuditEvent.TargetIdLength);
        e.TargetId.ShouldStartWith("GET /Admin/Users/Details/uuu");
        e.TargetId.ShouldEndWith("…");
        (await VerifyAsync()).Intact.ShouldBeTrue();
    }

    [DatabaseTheory]
    public async Task A_login_with_a_200_character_user_name_is_audited_and_answered_as_a_failed_login(Database database)
    {
        Use(database);

        using var client = Factory.AnonymousClient();
        var userName = new string('z', 200);
        var before = await CountAsync();

        var response = await FullEmploymentFactory.LoginAsync(client, userName, "Wrong#Passw0rd");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain("用户名或密码错误");
        (await CountAsync()).ShouldBe(before + 1);
        var e = await LastAsync();
        e.Action.ShouldBe("login.failed");
        e.TargetId.ShouldBe(new string('z', AuditEvent.TargetIdLength - 1) + "…");
        (await VerifyAsync()).Intact.ShouldBeTrue();
    }

    [DatabaseTheory]
    public async Task The_verifier_finds_the_chain_intact_and_then_the_first_tampered_event(Database database)
    {
        Use(database);

        using (var client = Factory.ClientFor("chengguan"))
        {
            // Make sure the chain has a few events beyond seeding.
            await client.GetAsync(Url("/api/v1/communities/620103001001"));
        }

        var intact = await VerifyAsync();
        intact.Intact.ShouldBeTrue();
        intact.EventsChecked.ShouldBe(await CountAsync());
        intact.EventsChecked.ShouldBeGreaterThan(3);

        var original = await TamperAsync(3, "tampered");
        try
        {
            var broken = await VerifyAsync();

            broken.Intact.ShouldBeFalse();
            broken.FirstBrokenSequence.ShouldBe(3);
            broken.Message.ShouldContain("#3");
        }
        finally
        {
            await TamperAsync(3, original);
        }

        (await VerifyAsync()).Intact.ShouldBeTrue();
    }

    private Task<AuditVerification> VerifyAsync() => Factory.WithScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());

    private Task<int> CountAsync() => Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEvents.CountAsync());

    private Task<AuditEvent> LastAsync() => Factory.WithScopeAsync(sp =>
        sp.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync());

    /// <summary>Rewrites one event's action behind the application's back; returns the old action.</summary>
    private Task<string> TamperAsync(long sequence, string action) => Factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var entity = db.Model.FindEntityType(typeof(AuditEvent))!;
        var table = entity.GetTableName();
        var actionColumn = entity.FindProperty(nameof(AuditEvent.Action))!.GetColumnName();
        var sequenceColumn = entity.FindProperty(nameof(AuditEvent.Sequence))!.GetColumnName();
        var old = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence == sequence).Select(e => e.Action).SingleAsync();
#pragma warning disable EF1002 // Identifiers come from the model, values are parameters.
        await db.Database.ExecuteSqlRawAsync(
            $"UPDATE \"{table}\" SET \"{actionColumn}\" = {{0}} WHERE \"{sequenceColumn}\" = {{1}}", [action, sequence]);
#pragma warning restore EF1002
        return old;
    });
}
