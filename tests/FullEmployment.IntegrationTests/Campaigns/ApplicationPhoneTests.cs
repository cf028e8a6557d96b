using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FullEmployment.Application.Data;
using FullEmployment.Application.Identity;
using FullEmployment.Domain.Identity;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FullEmployment.IntegrationTests.Campaigns.CampaignData;

namespace FullEmployment.IntegrationTests.Campaigns;

/// <summary>PIPL (docs/reference/design.md "Personal data"): the application form's contact phone is masked on its page and in the API; revealing it is audited.</summary>
public sealed class ApplicationPhoneTests
{
    private const string Phone = "13912345678";
    private const string Masked = "139****5678";

    [DatabaseTheory]
    public async Task The_contact_phone_is_masked_on_the_page_and_in_the_api_kept_when_sent_back_masked_and_revealed_audited(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var s = await new CampaignScenario(factory).PublishAsync();
        var draft = await s.DraftAsync();
        var community = await factory.ClientAsAsync(Roles.CommunityStaff, Donggang);
        var saved = await community.PostAsJsonAsync($"/api/v1/applications/{draft.Id}/form",
            new { version = draft.Version, form = new { households = 3200, contactName = "王五", contactPhone = Phone, staff = Array.Empty<object>() } });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);

        var county = await factory.ClientAsAsync(Roles.CountyOfficer, Chengguan);
        var json = await county.GetStringAsync(new Uri($"/api/v1/applications/{draft.Id}", UriKind.Relative));
        json.ShouldNotContain(Phone);
        var view = JsonDocument.Parse(json).RootElement;
        view.GetProperty("form").GetProperty("contactPhone").GetString().ShouldBe(Masked);

        // GET, change one field, send it back: the masked phone keeps the stored number.
        var resaved = await community.PostAsJsonAsync($"/api/v1/applications/{draft.Id}/form", new
        {
            version = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32(),
            form = new { households = 3300, contactName = "王五", contactPhone = Masked, staff = Array.Empty<object>() },
        });
        resaved.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var pages = await PageClientAsync(factory, Roles.CountyOfficer, Chengguan);
        var url = new Uri($"/Campaigns/Applications/{draft.Id}", UriKind.Relative);
        var page = await pages.GetStringAsync(url);
        page.ShouldNotContain(Phone);
        page.ShouldContain(Masked);

        var revealed = await pages.PostAsync(new Uri($"/Campaigns/Applications/{draft.Id}?handler=RevealPhone", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = FullEmploymentFactory.AntiforgeryToken(page) }));
        revealed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await revealed.Content.ReadAsStringAsync()).ShouldContain(Phone);

        var events = await factory.As(Roles.ProvinceOfficer, Province, sp => sp.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.TargetId == draft.Id.ToString()).ToListAsync());
        events.ShouldContain(e => e.Action == "application.reveal-phone" && e.RegionCode == Chengguan);
        events.ShouldAllBe(e => (e.Before ?? "").Contains(Phone) == false && (e.After ?? "").Contains(Phone) == false);
    }

    /// <summary>A cookie session of a new account in the role and scope, signed in through the login page.</summary>
    private static async Task<HttpClient> PageClientAsync(FullEmploymentFactory factory, string role, string scope)
    {
        var userName = $"p{Guid.NewGuid():N}"[..16];
        const string password = "Test#Passw0rd!";
        await factory.As(Roles.SecurityAdmin, Province, sp => sp.GetRequiredService<UserAdministration>()
            .AddAsync(new NewUser(userName, userName, role, scope, password, false), checkActor: false));
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        FullEmploymentFactory.IsSignedIn(await factory.SignInAsync(client, userName, password)).ShouldBeTrue();
        return client;
    }
}
