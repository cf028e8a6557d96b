using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FullEmployment.Application.Data;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Funds;

/// <summary>
/// Optimistic concurrency on the fund pages (issue 11 "Everywhere", ADR 0004): a form posted from a version somebody else has since
/// changed is answered 409 with the user's input kept and the page reloaded at the current version; nothing is written, and the
/// kept input sent again goes through. Covers the report editor (its lines), a reviewer's sign-off and the allocation's confirm.
/// The demo app's clock is 2025-06-02, with 2025's allocation confirmed.
/// </summary>
public sealed partial class FundPageConcurrencyTests(DemoApps apps) : IntegrationTest(apps)
{
    private const string Donggang = "620102001001";
    private const string Conflict = "页面已刷新为最新内容，您填写的内容已保留";

    [DatabaseTheory]
    [Trait("Clause", "A13")]
    public async Task A13_A_stale_report_edit_is_409_keeps_the_typed_lines_writes_nothing_and_goes_through_when_sent_again(Database database)
    {
        UseOwn(database);
        using var community = Client("community");
        var created = await ReadObjectAsync(await community.PostAsJsonAsync($"/api/v1/communities/{Donggang}/fund-reports", Body("浏览器打开前的说明")));
        var id = created["id"]!.GetValue<Guid>();

        var page = await community.GetStringAsync(Url($"/Funds/Reports/Edit/{id}"));
        var seen = VersionOn(page);
        var other = await ReadObjectAsync(await community.PutAsJsonAsync($"/api/v1/fund-reports/{id}", Body("另一窗口保存的说明", seen)));
        var current = other["version"]!.GetValue<int>();
        current.ShouldBe(seen + 1);

        var stale = await community.PostAsync(Url($"/Funds/Reports/Edit/{id}?handler=Save"), EditForm(page, seen, "本页填写的说明"));

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var shown = await stale.Content.ReadAsStringAsync();
        shown.ShouldContain(Conflict);
        shown.ShouldContain("value=\"本页填写的说明\"");
        VersionOn(shown).ShouldBe(current);
        (await DescriptionsAsync(id)).ShouldBe(["另一窗口保存的说明"]);

        var again = await community.PostAsync(Url($"/Funds/Reports/Edit/{id}?handler=Save"), EditForm(shown, current, "本页填写的说明"));
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await DescriptionsAsync(id)).ShouldBe(["本页填写的说明"]);
    }

    [DatabaseTheory]
    [Trait("Clause", "A14.1")]
    public async Task A14_1_A_sign_off_from_a_stale_review_page_is_409_and_leaves_only_the_other_officers_signature(Database database)
    {
        UseOwn(database);
        using var community = Client("community");
        using var countyHr = Client("chengguan");
        using var countyFinance = Client("chengguan-finance");
        var created = await ReadObjectAsync(await community.PostAsJsonAsync($"/api/v1/communities/{Donggang}/fund-reports", Body("政策宣传册")));
        var id = created["id"]!.GetValue<Guid>();
        var submitted = await community.PostAsJsonAsync($"/api/v1/fund-reports/{id}/submit", new { version = 0 });
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await countyHr.GetStringAsync(Url($"/Funds/Reports/Details/{id}"));
        var seen = VersionOn(page);
        (await countyFinance.PostAsJsonAsync($"/api/v1/fund-reports/{id}/approve", new { version = seen })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await countyHr.PostAsync(Url($"/Funds/Reports/Details/{id}?handler=Approve"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FullEmploymentFactory.AntiforgeryToken(page),
            ["Version"] = seen.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Remarks"] = "同意",
        }));

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var shown = await stale.Content.ReadAsStringAsync();
        shown.ShouldContain(Conflict);
        VersionOn(shown).ShouldBe(seen + 1);
        var view = await ReadObjectAsync(await countyHr.GetAsync(Url($"/api/v1/fund-reports/{id}")));
        view["state"]!.GetValue<string>().ShouldBe("county-review");
        (await AuditCountAsync("fund-report.approve", id.ToString())).ShouldBe(1);
    }

    [DatabaseTheory]
    [Trait("Clause", "A12")]
    public async Task A12_Confirming_from_a_stale_allocation_page_is_409_and_the_list_stays_a_draft(Database database)
    {
        UseOwn(database);
        using var province = Client("province");
        (await province.PostAsJsonAsync("/api/v1/funds/allocations", new { year = 2026 })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var page = await province.GetStringAsync(Url("/Funds/Allocations/2026"));
        var seen = VersionOn(page);
        (await province.PostAsJsonAsync("/api/v1/funds/allocations/2026/recompute", new { version = seen })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await province.PostAsync(Url("/Funds/Allocations/2026?handler=Confirm"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FullEmploymentFactory.AntiforgeryToken(page),
            ["Version"] = seen.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain(Conflict);
        var view = await ReadObjectAsync(await province.GetAsync(Url("/api/v1/funds/allocations/2026")));
        view["state"]!.GetValue<string>().ShouldBe("draft");
        (await AuditCountAsync("funds.allocation.confirm", null)).ShouldBe(0);
    }

    private static object Body(string description, int? version = null) => new
    {
        year = 2025,
        version,
        lines = new object[] { new { date = "2025-03-10", category = "publicity", description, amount = 4_000m, payee = "兰州印务公司", voucherNumber = "FP-01" } },
    };

    private static FormUrlEncodedContent EditForm(string page, int version, string description) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = FullEmploymentFactory.AntiforgeryToken(page),
        ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Year"] = "2025",
        ["Items[0].Date"] = "2025-03-10",
        ["Items[0].Category"] = "publicity",
        ["Items[0].Description"] = description,
        ["Items[0].Amount"] = "4000",
        ["Items[0].Payee"] = "兰州印务公司",
        ["Items[0].VoucherNumber"] = "FP-01",
    });

    /// <summary>The version the page's forms send back (every action form carries the same hidden field).</summary>
    private static int VersionOn(string html) => int.Parse(VersionField().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private Task<List<string>> DescriptionsAsync(Guid id) => Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().FundReports
        .AsNoTracking().Where(r => r.Id == id).SelectMany(r => r.Lines).Select(l => l.Description).ToListAsync());

    private Task<int> AuditCountAsync(string action, string? target) => Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEvents
        .CountAsync(e => e.Action == action && (target == null || e.TargetId == target)));

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
