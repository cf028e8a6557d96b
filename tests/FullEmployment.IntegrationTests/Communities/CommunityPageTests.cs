using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FullEmployment.Application.Common;
using FullEmployment.Application.Communities;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Identity;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Communities;

/// <summary>
/// Issue 9 item 2: the community page gets a view from the registry with the contact phone already masked (no entity, so
/// no plain number for the view to leak); the full number comes only through the audited reveal.
/// </summary>
public sealed class CommunityPageTests(DemoApps apps) : IntegrationTest(apps)
{
    private const string Code = "620102001003";
    private const string Phone = "13987650003";

    [DatabaseTheory]
    public async Task The_community_view_holds_the_phone_masked_and_the_page_reveals_it_only_audited(Database database)
    {
        Use(database);

        var body = await CurrentBodyAsync(Code);
        body["contactPhone"] = Phone;
        using var api = Factory.BearerClientFor("chengguan");
        (await api.PutAsJsonAsync(Url($"/api/v1/communities/{Code}"), body)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var view = await Factory.WithScopeAsync(new FixedActor("province", Roles.ProvinceOfficer, "620000"),
            sp => sp.GetRequiredService<CommunityRegistry>().ViewAsync(Code));
        view.MaskedContactPhone.ShouldBe("139****0003");
        view.HasContactPhone.ShouldBeTrue();
        JsonSerializer.Serialize(view).ShouldNotContain(Phone);

        using var pages = Client("province");
        var html = await pages.GetStringAsync(Url($"/Communities/Details/{Code}"));
        html.ShouldContain("139****0003");
        html.ShouldNotContain(Phone);
        var before = await RevealsAsync();

        var revealed = await pages.PostAsync(Url($"/Communities/Details/{Code}?handler=RevealPhone"), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = FullEmploymentFactory.AntiforgeryToken(html) }));

        revealed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await revealed.Content.ReadAsStringAsync()).ShouldContain(Phone);
        (await RevealsAsync()).ShouldBe(before + 1);
    }

    private Task<int> RevealsAsync() => Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEvents
        .CountAsync(e => e.Action == "community.reveal-phone" && e.TargetId == Code && e.UserName == "province"));
}
