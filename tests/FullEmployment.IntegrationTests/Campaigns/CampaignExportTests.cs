using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Campaigns;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Campaigns;

/// <summary>
/// Issue 9 item 2: the campaign, application and national-list exports are audited like every other export (who, what,
/// the filter, the row count; no personal data), and a reader of the wrong role or region gets no file and leaves no export event.
/// </summary>
public sealed class CampaignExportTests(DemoApps apps) : IntegrationTest(apps)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [DatabaseTheory]
    public async Task The_campaign_export_is_audited_with_who_and_the_filter(Database database)
    {
        Use(database);

        using var province = Client("province");
        var export = await province.GetAsync(Url("/Campaigns?handler=Export&Year=2025&State=Published"));

        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx);
        var rows = await DataRowsAsync(export, "创建批次");
        var audited = await LastEventAsync("campaign.export");
        audited.UserName.ShouldBe("province");
        audited.TargetType.ShouldBe("campaign");
        audited.RegionCode.ShouldBe("620000");
        var after = JsonNode.Parse(audited.After!)!;
        after["year"]!.GetValue<int>().ShouldBe(2025);
        after["state"]!.GetValue<string>().ShouldBe(Campaign.StateName(CampaignState.Published));
        after["rows"]!.GetValue<int>().ShouldBe(rows);
    }

    [DatabaseTheory]
    public async Task The_application_export_is_audited_with_who_and_the_filter_and_holds_no_personal_data(Database database)
    {
        Use(database);

        using var county = Client("chengguan");
        var export = await county.GetAsync(Url("/Campaigns/Applications?handler=Export&Region=620102"));

        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx);
        var rows = await DataRowsAsync(export, "申报");
        var audited = await LastEventAsync("application.export");
        audited.UserName.ShouldBe("chengguan");
        audited.TargetType.ShouldBe("application");
        audited.RegionCode.ShouldBe("620102");
        var after = JsonNode.Parse(audited.After!)!;
        after["region"]!.GetValue<string>().ShouldBe("620102");
        after["rows"]!.GetValue<int>().ShouldBe(rows);
        // Only the filter and a count: no community's contact phone or any ID number.
        after.AsObject().Select(p => p.Key).ShouldBe(["region", "rows"], ignoreOrder: true);
    }

    [DatabaseTheory]
    public async Task The_national_list_export_is_audited_for_the_province_and_does_not_exist_for_a_city(Database database)
    {
        Use(database);

        using var api = Factory.BearerClientFor("province");
        var created = await api.PostAsJsonAsync(Url("/api/v1/campaigns"), new
        {
            kind = "nationalRecommendation",
            name = "2025年国家级推荐（导出审计）",
            creationYear = 2025,
            totalQuota = 2,
            templateVersion = DefaultScoreTemplate.Version,
            assessmentFrom = "2024-01-01",
            assessmentTo = "2024-12-31",
            deadlines = new { application = "2025-07-01", county = "2025-08-01", city = "2025-09-01", province = "2025-12-31" },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await ReadObjectAsync(created))["id"]!.GetValue<Guid>();

        using var city = Client("lanzhou");
        var refused = await city.GetAsync(Url($"/Campaigns/National/{id}?handler=Export"));
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        refused.Content.Headers.ContentType?.MediaType.ShouldNotBe(Xlsx);
        (await CountAsync("national.export")).ShouldBe(0);

        using var province = Client("province");
        var export = await province.GetAsync(Url($"/Campaigns/National/{id}?handler=Export"));
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var audited = await LastEventAsync("national.export");
        audited.UserName.ShouldBe("province");
        audited.TargetType.ShouldBe("campaign");
        audited.TargetId.ShouldBe(id.ToString());
        JsonNode.Parse(audited.After!)!["rows"]!.GetValue<int>().ShouldBe(await DataRowsAsync(export, "国家级推荐名单"));
    }

    [DatabaseTheory]
    [InlineData("auditor", "/Campaigns?handler=Export", "无权执行此操作")]
    [InlineData("secadmin", "/Campaigns?handler=Export", "无权执行此操作")]
    [InlineData("auditor", "/Campaigns/Applications?handler=Export", "无权执行此操作")]
    [InlineData("lanzhou-finance", "/Campaigns/Applications?handler=Export", "无权执行此操作")]
    [InlineData("chengguan", "/Campaigns/Applications?handler=Export&Region=620103", "不在您的管辖范围内")] // 七里河, a neighbouring county
    [InlineData("jiayuguan", "/Campaigns/Applications?handler=Export&Region=620102", "不在您的管辖范围内")] // another city's county
    [InlineData("community", "/Campaigns/Applications?handler=Export&Region=620103", "不在您的管辖范围内")]
    public async Task A_wrong_role_or_region_gets_403_with_the_reason_and_no_file_and_no_export_event(Database database, string user, string path, string reason)
    {
        Use(database);

        var before = await CountAsync("campaign.export") + await CountAsync("application.export");
        using var client = Client(user);
        var response = await client.GetAsync(Url(path));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType?.MediaType.ShouldNotBe(Xlsx);
        (await response.Content.ReadAsStringAsync()).ShouldContain(reason);
        (await CountAsync("campaign.export") + await CountAsync("application.export")).ShouldBe(before);
        (await LastEventAsync("access.denied")).UserName.ShouldBe(user);
    }

    private static async Task<int> DataRowsAsync(HttpResponseMessage export, string sheet)
    {
        using var workbook = XlsxReader.Open(await export.Content.ReadAsStreamAsync());
        return workbook.ReadRows(sheet).Count() - 1;
    }

    private Task<AuditEvent> LastEventAsync(string action) => Factory.WithScopeAsync(sp =>
        sp.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking().Where(e => e.Action == action).OrderByDescending(e => e.Sequence).FirstAsync());

    private Task<int> CountAsync(string action) => Factory.WithScopeAsync(sp =>
        sp.GetRequiredService<AppDbContext>().AuditEvents.CountAsync(e => e.Action == action));
}
