using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Funds;
using FullEmployment.Domain.Identity;
using FullEmployment.IntegrationTests.Campaigns;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FullEmployment.IntegrationTests.Campaigns.CampaignData;

namespace FullEmployment.IntegrationTests.Funds;

/// <summary>
/// A12 over HTTP on both databases. The factory's clock is 2025-03-03; the 2025 list (allocation date 1 January) holds 东岗 at provincial
/// level (it also has a municipal title), 西站 municipal, and leaves out 草场街 (excluded after a recovery) and 酒泉路 (no title).
/// </summary>
public sealed class FundAllocationHttpTests
{
    private static async Task<FullEmploymentFactory> StartAsync(Database database)
    {
        var factory = CampaignData.Start(database);
        await factory.SeedCommunitiesAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var donggang = await db.Communities.Include(c => c.Titles).SingleAsync(c => c.Code == Donggang);
        donggang.GrantTitle(TitleLevel.Provincial, "甘肃省人力资源和社会保障厅", "甘人社发〔2023〕9号", new DateOnly(2023, 6, 1), "SJ-P1");
        var caochang = await db.Communities.SingleAsync(c => c.Code == Caochang);
        db.FundExclusions.Add(FundExclusion.Impose(caochang, 2025, "2024年度资金使用不规范，已追回", Guid.NewGuid(), "lanzhou-city", factory.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return factory;
    }

    [DatabaseTheory]
    [Trait("Clause", "A12.2")]
    public async Task A12_2_The_province_allocates_confirms_and_issues_one_line_per_community_at_its_highest_level(Database database)
    {
        await using var factory = await StartAsync(database);
        var province = await factory.ClientAsAsync(Roles.ProvinceOfficer, Province);

        var created = await province.PostAsJsonAsync("/api/v1/funds/allocations", new { year = 2025 });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("year").GetInt32().ShouldBe(2025);
        body.GetProperty("allocationDate").GetString().ShouldBe("2025-01-01");
        body.GetProperty("state").GetString().ShouldBe("draft");
        var lines = body.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("communityCode").GetString(), l.GetProperty("level").GetString(),
            l.GetProperty("amount").GetDecimal())).ToList();
        lines.ShouldBe([(Donggang, "provincial", 20_000m), (Xizhan, "municipal", 10_000m)]);
        body.GetProperty("lines")[0].GetProperty("titleId").GetInt32().ShouldBeGreaterThan(0);
        body.GetProperty("total").GetDecimal().ShouldBe(30_000m);
        (await province.PostAsJsonAsync("/api/v1/funds/allocations", new { year = 2025 })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var version = body.GetProperty("version").GetInt32();
        (await province.PostAsJsonAsync("/api/v1/funds/allocations/2025/issue", new { documentNumber = "甘财社〔2025〕8号", date = "2025-03-03", version }))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await province.PostAsJsonAsync("/api/v1/funds/allocations/2025/confirm", new { version = version + 5 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var confirmed = await (await province.PostAsJsonAsync("/api/v1/funds/allocations/2025/confirm", new { version })).Content.ReadFromJsonAsync<JsonElement>();
        confirmed.GetProperty("state").GetString().ShouldBe("confirmed");
        (await province.PostAsJsonAsync("/api/v1/funds/allocations/2025/recompute", new { version = version + 1 })).StatusCode
            .ShouldBe(HttpStatusCode.UnprocessableEntity);

        var issued = await province.PostAsJsonAsync("/api/v1/funds/allocations/2025/issue",
            new { documentNumber = "甘财社〔2025〕8号", date = "2025-03-03", version = version + 1 });
        issued.StatusCode.ShouldBe(HttpStatusCode.OK);
        var issuedBody = await issued.Content.ReadFromJsonAsync<JsonElement>();
        issuedBody.GetProperty("state").GetString().ShouldBe("issued");
        issuedBody.GetProperty("documentNumber").GetString().ShouldBe("甘财社〔2025〕8号");
        (await province.PostAsJsonAsync("/api/v1/funds/allocations/2025/bogus", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var actions = await factory.As<AppDbContext, List<string>>(Roles.ProvinceOfficer, Province,
            db => db.AuditEvents.Where(e => e.TargetType == "fund-allocation").OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        actions.ShouldBe(["funds.allocation.create", "funds.allocation.confirm", "funds.allocation.issue"]);
    }

    [DatabaseTheory]
    [Trait("Clause", "A12")]
    public async Task A12_Readers_see_their_area_only_a_draft_is_the_provinces_and_other_roles_may_not_act(Database database)
    {
        await using var factory = await StartAsync(database);
        var province = await factory.ClientAsAsync(Roles.ProvinceOfficer, Province);
        var created = await (await province.PostAsJsonAsync("/api/v1/funds/allocations", new { year = 2025 })).Content.ReadFromJsonAsync<JsonElement>();
        var cityFinance = await factory.ClientAsAsync(Roles.CityFinance, Lanzhou);

        (await cityFinance.GetAsync("/api/v1/funds/allocations/2025")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await province.PostAsJsonAsync("/api/v1/funds/allocations/2025/confirm", new { version = created.GetProperty("version").GetInt32() });

        async Task<List<string?>> CodesAs(string role, string scope) =>
            (await (await factory.ClientAsAsync(role, scope)).GetFromJsonAsync<JsonElement>("/api/v1/funds/allocations/2025"))
            .GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("communityCode").GetString()).ToList();

        (await CodesAs(Roles.CityFinance, Lanzhou)).ShouldBe([Donggang, Xizhan]);
        (await CodesAs(Roles.CityOfficer, Lanzhou)).ShouldBe([Donggang, Xizhan]);
        (await CodesAs(Roles.CountyFinance, Chengguan)).ShouldBe([Donggang]);
        (await CodesAs(Roles.CountyOfficer, Qilihe)).ShouldBe([Xizhan]);
        (await CodesAs(Roles.CommunityStaff, Donggang)).ShouldBe([Donggang]);
        (await CodesAs(Roles.CommunityStaff, Caochang)).ShouldBeEmpty();
        (await CodesAs(Roles.CityOfficer, "620200")).ShouldBeEmpty();

        (await (await factory.ClientAsAsync(Roles.Auditor, Province)).GetAsync("/api/v1/funds/allocations/2025")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var (role, scope) in new[] { (Roles.CityOfficer, Lanzhou), (Roles.CityFinance, Lanzhou), (Roles.CommunityStaff, Donggang) })
        {
            var client = await factory.ClientAsAsync(role, scope);
            (await client.PostAsJsonAsync("/api/v1/funds/allocations", new { year = 2026 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PostAsJsonAsync("/api/v1/funds/allocations/2025/issue", new { documentNumber = "x", date = "2025-03-03" }))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var export = await cityFinance.GetAsync("/api/v1/funds/allocations/2025/lines.xlsx");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [DatabaseTheory]
    [Trait("Clause", "A12")]
    public async Task A12_A_title_granted_after_confirmation_shows_as_a_difference_and_does_not_change_the_list(Database database)
    {
        await using var factory = await StartAsync(database);
        var province = await factory.ClientAsAsync(Roles.ProvinceOfficer, Province);
        var created = await (await province.PostAsJsonAsync("/api/v1/funds/allocations", new { year = 2025 })).Content.ReadFromJsonAsync<JsonElement>();
        await province.PostAsJsonAsync("/api/v1/funds/allocations/2025/confirm", new { version = created.GetProperty("version").GetInt32() });
        await factory.As<AppDbContext, int>(Roles.ProvinceOfficer, Province, async db =>
        {
            var yuanjiu = await db.Communities.Include(c => c.Titles).SingleAsync(c => c.Code == Yuanjiu);
            yuanjiu.GrantTitle(TitleLevel.National, "人力资源社会保障部", "人社部函〔2024〕3号", new DateOnly(2024, 11, 1), null);
            return await db.SaveChangesAsync();
        });

        var view = await province.GetFromJsonAsync<JsonElement>("/api/v1/funds/allocations/2025");

        view.GetProperty("lines").GetArrayLength().ShouldBe(2);
        var difference = view.GetProperty("differences").EnumerateArray().ShouldHaveSingleItem();
        difference.GetProperty("kind").GetString().ShouldBe("added");
        difference.GetProperty("communityCode").GetString().ShouldBe(Yuanjiu);
        difference.GetProperty("freshAmount").GetDecimal().ShouldBe(30_000m);
    }

    [DatabaseTheory]
    [Trait("Clause", "A12.1")]
    public async Task A12_1_Settings_are_the_provinces_versioned_and_audited_and_a_draft_recomputes_with_them(Database database)
    {
        await using var factory = await StartAsync(database);
        var province = await factory.ClientAsAsync(Roles.ProvinceOfficer, Province);
        var created = await (await province.PostAsJsonAsync("/api/v1/funds/allocations", new { year = 2025 })).Content.ReadFromJsonAsync<JsonElement>();
        var settings = await province.GetFromJsonAsync<JsonElement>("/api/v1/funds/settings/2025");
        settings.GetProperty("isStored").GetBoolean().ShouldBeTrue();
        var settingsVersion = settings.GetProperty("version").GetInt32();
        var body = new { allocationDate = "2025-01-01", nationalAmount = 30000, provincialAmount = 25000, municipalAmount = 12000, version = settingsVersion };

        (await (await factory.ClientAsAsync(Roles.CityOfficer, Lanzhou)).PutAsJsonAsync("/api/v1/funds/settings/2025", body)).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        (await province.PutAsJsonAsync("/api/v1/funds/settings/2025", body with { version = settingsVersion + 3 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await province.PutAsJsonAsync("/api/v1/funds/settings/2025", body with { allocationDate = "2026-01-01" })).StatusCode
            .ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await province.PutAsJsonAsync("/api/v1/funds/settings/2025", body)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var recomputed = await (await province.PostAsJsonAsync("/api/v1/funds/allocations/2025/recompute",
            new { version = created.GetProperty("version").GetInt32() })).Content.ReadFromJsonAsync<JsonElement>();

        recomputed.GetProperty("total").GetDecimal().ShouldBe(37_000m);
        var audited = await factory.As<AppDbContext, int>(Roles.ProvinceOfficer, Province,
            db => db.AuditEvents.CountAsync(e => e.Action == "funds.settings" && e.TargetId == "2025"));
        audited.ShouldBe(2);
    }

    [DatabaseTheory]
    [Trait("Clause", "A14.2")]
    public async Task A14_2_Only_the_province_lifts_an_exclusion_and_the_next_draft_includes_the_community(Database database)
    {
        await using var factory = await StartAsync(database);
        var province = await factory.ClientAsAsync(Roles.ProvinceOfficer, Province);
        var list = await province.GetFromJsonAsync<JsonElement>("/api/v1/funds/exclusions");
        var exclusion = list.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        var id = exclusion.GetProperty("id").GetGuid();
        var version = exclusion.GetProperty("version").GetInt32();

        (await (await factory.ClientAsAsync(Roles.CityOfficer, Lanzhou)).PostAsJsonAsync($"/api/v1/funds/exclusions/{id}/lift",
            new { reason = "整改到位", version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await province.PostAsJsonAsync($"/api/v1/funds/exclusions/{id}/lift", new { reason = "", version })).StatusCode
            .ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await (await factory.ClientAsAsync(Roles.CountyOfficer, Qilihe)).GetFromJsonAsync<JsonElement>("/api/v1/funds/exclusions"))
            .GetProperty("total").GetInt32().ShouldBe(0);

        // Lifted on 2025-03-03, after the 2025 allocation date: that year still leaves 草场街 out; 2026 includes it.
        (await province.PostAsJsonAsync($"/api/v1/funds/exclusions/{id}/lift", new { reason = "整改到位，经复核恢复", version })).StatusCode
            .ShouldBe(HttpStatusCode.OK);
        var y2025 = await (await province.PostAsJsonAsync("/api/v1/funds/allocations", new { year = 2025 })).Content.ReadFromJsonAsync<JsonElement>();
        y2025.GetProperty("lines").EnumerateArray().ShouldNotContain(l => l.GetProperty("communityCode").GetString() == Caochang);
        var y2026 = await (await province.PostAsJsonAsync("/api/v1/funds/allocations", new { year = 2026 })).Content.ReadFromJsonAsync<JsonElement>();
        y2026.GetProperty("lines").EnumerateArray().ShouldContain(l => l.GetProperty("communityCode").GetString() == Caochang);
        y2026.GetProperty("warnings").GetArrayLength().ShouldBe(0);
    }

    [DatabaseTheory]
    [Trait("Clause", "A19")]
    public async Task A19_A_year_after_the_measures_validity_is_warned_about(Database database)
    {
        await using var factory = await StartAsync(database);
        var province = await factory.ClientAsAsync(Roles.ProvinceOfficer, Province);

        var body = await (await province.PostAsJsonAsync("/api/v1/funds/allocations", new { year = 2029 })).Content.ReadFromJsonAsync<JsonElement>();

        body.GetProperty("warnings").EnumerateArray().ShouldHaveSingleItem().GetString()!.ShouldContain("有效期");
    }

    [DatabaseTheory]
    [Trait("Clause", "A14.2")]
    public async Task A14_2_The_exclusions_export_holds_the_readers_region_only_and_is_audited(Database database)
    {
        await using var factory = await StartAsync(database);
        var cityFinance = await factory.ClientAsAsync(Roles.CityFinance, Lanzhou);
        var otherCity = await factory.ClientAsAsync(Roles.CityOfficer, "620200");
        var auditor = await factory.ClientAsAsync(Roles.Auditor, Province);

        var own = await cityFinance.GetAsync(new Uri("/api/v1/funds/exclusions.xlsx", UriKind.Relative));
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        XlsxText(await own.Content.ReadAsByteArrayAsync()).ShouldContain("草场街社区");
        var other = await otherCity.GetAsync(new Uri("/api/v1/funds/exclusions.xlsx", UriKind.Relative));
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        XlsxText(await other.Content.ReadAsByteArrayAsync()).ShouldNotContain("草场街社区");
        (await auditor.GetAsync(new Uri("/api/v1/funds/exclusions.xlsx", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using var scope = factory.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == "funds.exclusion.export").Select(e => e.RegionCode).ToListAsync();
        events.ShouldBe([Lanzhou, "620200"], ignoreOrder: true);
    }

    /// <summary>Every text of an xlsx (its XML parts), whatever library wrote it.</summary>
    private static string XlsxText(byte[] xlsx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx), System.IO.Compression.ZipArchiveMode.Read);
        return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }
}
