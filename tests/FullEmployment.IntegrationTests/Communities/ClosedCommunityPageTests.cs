using System.Net;
using System.Net.Http.Json;
using FullEmployment.Application.Data;
using FullEmployment.Application.Identity;
using FullEmployment.Domain.Identity;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FullEmployment.IntegrationTests.Campaigns.CampaignData;

namespace FullEmployment.IntegrationTests.Communities;

/// <summary>
/// A11.2: once dissolved, the community page offers neither 修改 nor 登记称号 (the domain's <c>OpenActions</c> is empty) and says why;
/// a grant posted all the same is still refused and changes nothing.
/// </summary>
public sealed class ClosedCommunityPageTests
{
    private const string Password = "Test#Passw0rd!";

    [DatabaseTheory]
    [Trait("Clause", "A11.2")]
    public async Task A11_2_A_dissolved_communitys_page_shows_why_and_no_edit_or_grant_and_a_posted_grant_is_refused(Database database)
    {
        await using var factory = Start(database);
        await factory.SeedCommunitiesAsync();
        using var city = await PageClientAsync(factory, Roles.CityOfficer, Lanzhou);
        using var county = await PageClientAsync(factory, Roles.CountyOfficer, Chengguan);
        var page = $"/Communities/Details/{Donggang}";

        // Active: the county maintains the entry, the city grants municipal titles.
        (await county.GetStringAsync(page)).ShouldContain("data-testid=\"edit\"");
        (await city.GetStringAsync(page)).ShouldContain($"/Communities/GrantTitle/{Donggang}");

        var api = await factory.ClientAsAsync(Roles.CountyOfficer, Chengguan);
        (await api.PostAsJsonAsync($"/api/v1/communities/{Donggang}/changes",
            new { kind = "dissolution", decisionDocumentNumber = "城民发〔2025〕1号", decisionDate = "2025-01-31" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var countyHtml = await county.GetStringAsync(page);
        countyHtml.ShouldNotContain("data-testid=\"edit\"");
        countyHtml.ShouldContain("data-testid=\"closed-reason\"");
        countyHtml.ShouldContain("已撤销：");
        var cityHtml = await city.GetStringAsync(page);
        cityHtml.ShouldNotContain($"/Communities/GrantTitle/{Donggang}");
        cityHtml.ShouldContain("已撤销：");
        (await city.GetAsync($"/Communities/GrantTitle/{Donggang}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var titlesBefore = await TitleCountAsync(factory);
        var version = await factory.WithScopeAsync(sp =>
            sp.GetRequiredService<AppDbContext>().Communities.Where(c => c.Code == Donggang).Select(c => c.Version).SingleAsync());
        var grant = await city.PostAsync($"/Communities/GrantTitle/{Donggang}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FullEmploymentFactory.AntiforgeryToken(cityHtml),
            ["Form.Level"] = "Municipal",
            ["Form.GrantingAuthority"] = "兰州市人力资源和社会保障局",
            ["Form.DocumentNumber"] = "兰人社发〔2025〕30号",
            ["Form.GrantedOn"] = "2025-03-03",
            ["Form.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        grant.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await grant.Content.ReadAsStringAsync()).ShouldContain("已撤销或合并，不能授予称号");
        (await TitleCountAsync(factory)).ShouldBe(titlesBefore);
    }

    private static Task<int> TitleCountAsync(FullEmploymentFactory factory) => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<AppDbContext>().Communities.Where(c => c.Code == Donggang).SelectMany(c => c.Titles).CountAsync());

    /// <summary>A cookie client of a new user with the role and scope, signed in through the login page.</summary>
    private static async Task<HttpClient> PageClientAsync(FullEmploymentFactory factory, string role, string scope)
    {
        var userName = $"p{Guid.NewGuid():N}"[..16];
        await factory.WithScopeAsync(sp => sp.GetRequiredService<UserAdministration>()
            .AddAsync(new NewUser(userName, userName, role, scope, Password, false), checkActor: false));
        var client = factory.AnonymousClient();
        FullEmploymentFactory.IsSignedIn(await factory.SignInAsync(client, userName, Password)).ShouldBeTrue();
        return client;
    }
}
