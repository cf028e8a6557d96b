using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Application.Notices;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using FullEmployment.IntegrationTests.Infrastructure;
using static FullEmployment.IntegrationTests.Campaigns.CampaignData;

namespace FullEmployment.IntegrationTests.Campaigns;

/// <summary>
/// Every write and read of the campaign area checks the role and the stored target's region: copying a score template
/// (A4.3: a city's template is its own), the inbox and its attachments (A7), disqualification (A16) at stages one does not hold.
/// </summary>
public sealed class WriteScopeTests
{
    private const string Jiayuguan = "620200";

    [DatabaseTheory]
    [Trait("Clause", "A4.3")]
    public async Task A4_3_A_city_cannot_copy_another_citys_score_template(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var jiayuguan = await factory.ClientAsAsync(Roles.CityOfficer, Jiayuguan);
        var lanzhou = await factory.ClientAsAsync(Roles.CityOfficer, Lanzhou);
        (await jiayuguan.PostAsJsonAsync("/api/v1/score-templates",
            new { templateVersion = "嘉峪关-2025", name = "嘉峪关市市级评分表", copyFromVersion = DefaultScoreTemplate.Version, items = Array.Empty<object>() }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var copied = await lanzhou.PostAsJsonAsync("/api/v1/score-templates",
            new { templateVersion = "兰州-抄嘉峪关", name = "兰州市市级评分表", copyFromVersion = "嘉峪关-2025", items = Array.Empty<object>() });

        copied.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await copied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("不在您的管辖范围内");
        var visible = await lanzhou.GetFromJsonAsync<JsonElement>("/api/v1/score-templates");
        visible.EnumerateArray().Select(t => t.GetProperty("templateVersion").GetString()).ShouldNotContain("兰州-抄嘉峪关");

        // The provincial sheet is everyone's to copy.
        (await lanzhou.PostAsJsonAsync("/api/v1/score-templates",
            new { templateVersion = "兰州-2025", name = "兰州市市级评分表", copyFromVersion = DefaultScoreTemplate.Version, items = Array.Empty<object>() }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [DatabaseTheory]
    [Trait("Clause", "A7")]
    public async Task A7_Only_the_addressed_officers_read_a_campaign_notice_and_its_attachment(Database database)
    {
        await using var factory = CampaignData.Start(database);

        await factory.SeedCommunitiesAsync();
        var campaign = await factory.As<CampaignAdministration, CampaignView>(Roles.ProvinceOfficer, Province,
            c => c.CreateAsync(CampaignScenario.Provincial2025));
        campaign = await factory.As<CampaignAdministration, CampaignView>(Roles.ProvinceOfficer, Province,
            c => c.SetQuotasAsync(campaign.Id, campaign.Version, [new QuotaInput(Lanzhou, 2)]));
        await factory.As<CampaignAdministration, CampaignView>(Roles.ProvinceOfficer, Province, c => c.PublishAsync(new PublishCampaignInput(
            campaign.Id, campaign.Version, "请各市州组织辖区社区按期申报。", new FileUpload("通知.pdf", new MemoryStream("%PDF-1.4\n%%EOF"u8.ToArray())))));

        var officer = await factory.As<Inbox, PagedResult<MessageView>>(Roles.CityOfficer, Lanzhou, i => i.ListAsync(new PageRequest(1, 20)));
        var notice = officer.Items.ShouldHaveSingleItem();
        notice.AttachmentFileId.ShouldNotBeNull();
        var (file, content) = await factory.As<Inbox, (StoredFile, Stream)>(Roles.CityOfficer, Lanzhou, i => i.OpenAttachmentAsync(notice.Id));
        await content.DisposeAsync();
        file.FileName.ShouldBe("通知.pdf");

        // Same region code, not addressed: the auditor, the security administrator and the finance officer of 兰州市.
        foreach (var role in new[] { Roles.Auditor, Roles.SecurityAdmin, Roles.CityFinance })
        {
            var list = await Should.ThrowAsync<ForbiddenException>(() =>
                factory.As<Inbox, PagedResult<MessageView>>(role, Lanzhou, i => i.ListAsync(new PageRequest(1, 20))));
            list.Message.ShouldContain("不是通知的接收对象");
            await Should.ThrowAsync<ForbiddenException>(() =>
                factory.As<Inbox, (StoredFile, Stream)>(role, Lanzhou, i => i.OpenAttachmentAsync(notice.Id)));
        }

        // An addressed role outside the region sees nothing of it.
        (await factory.As<Inbox, PagedResult<MessageView>>(Roles.CountyOfficer, Chengguan, i => i.ListAsync(new PageRequest(1, 20)))).Items.ShouldBeEmpty();
        await Should.ThrowAsync<NotFoundException>(() =>
            factory.As<Inbox, (StoredFile, Stream)>(Roles.CountyOfficer, Chengguan, i => i.OpenAttachmentAsync(notice.Id)));
    }

    [DatabaseTheory]
    [Trait("Clause", "A16")]
    public async Task A16_Only_the_officer_of_the_stage_the_application_is_at_or_the_organiser_disqualifies(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var s = await new CampaignScenario(factory).PublishAsync();
        var county = await factory.ClientAsAsync(Roles.CountyOfficer, Chengguan);
        var city = await factory.ClientAsAsync(Roles.CityOfficer, Lanzhou);
        var province = await factory.ClientAsAsync(Roles.ProvinceOfficer, Province);

        // At the county: the city may not disqualify; the county may.
        var atCounty = await s.SubmittedAsync();
        await ShouldBeForbiddenAsync(await DisqualifyAsync(city, atCounty.Id, atCounty.Version));
        (await DisqualifyAsync(county, atCounty.Id, atCounty.Version)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // At the city: the county, whose stage is over, may not; the city may.
        var atCity = await s.ForwardedAsync(Caochang);
        await ShouldBeForbiddenAsync(await DisqualifyAsync(county, atCity.Id, atCity.Version));
        (await DisqualifyAsync(city, atCity.Id, atCity.Version)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The organiser may at any open stage (A16 findings reach it from every level).
        var other = await s.SubmittedAsync(Xizhan);
        (await DisqualifyAsync(province, other.Id, other.Version)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.ViewAsync(other.Id)).State.ShouldBe(ApplicationState.Disqualified);
    }

    private static Task<HttpResponseMessage> DisqualifyAsync(HttpClient client, Guid id, int version) =>
        client.PostAsJsonAsync($"/api/v1/applications/{id}/disqualify", new { version, reason = "台账虚报就业", evidence = "核查报告第3页" });

    private static async Task ShouldBeForbiddenAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, text);
        JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!.ShouldContain("只有申报当前所在环节的审核部门");
    }
}
