using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Ledgers;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Ledgers;

/// <summary>
/// PIPL (docs/reference/design.md "Personal data"): what a reader of a masked ID number, a masked phone or the audit chain can recover.
/// The mask 620102********5012 hides the birth date, so no page, export or API answer may give it back in another
/// column or through prefix searches; phones are masked on forms too; the audit chain keeps neither in plain text.
/// </summary>
public sealed partial class PersonalDataTests(DemoApps apps) : IntegrationTest(apps)
{
    private const string Community = "620102001001";
    private const string Ledger = $"/api/v1/communities/{Community}/ledger";

    [DatabaseTheory]
    public async Task Where_the_id_number_is_masked_the_birth_date_shows_its_year_in_the_page_the_api_and_the_export(Database database)
    {
        Use(database);

        var id = LedgerFiles.Id(new DateOnly(1961, 2, 3), 701);
        var rowId = await AddPersonAsync(id, "隐私周密", "1961-02-03", "13700001961");
        using var pages = Client("community");

        var list = await pages.GetStringAsync(Url($"/Ledgers/{Community}/Kind/Person?Q=隐私周密"));
        list.ShouldContain(IdNumber.Mask(id));
        list.ShouldContain("1961年");
        NoneOf(list, id, "1961-02-03", "13700001961");

        using var api = Factory.BearerClientFor("community");
        var fields = (await api.GetFromJsonAsync<JsonElement>($"{Ledger}/人员?q=隐私周密")).GetProperty("items")[0].GetProperty("fields");
        fields.GetProperty("出生日期").GetString().ShouldBe("1961年");
        fields.GetProperty("身份证号").GetString().ShouldBe(IdNumber.Mask(id));

        var export = await pages.GetAsync(Url($"/Ledgers/{Community}/Kind/Person?handler=Export&Q=隐私周密"));
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sheet = XlsxText(await export.Content.ReadAsByteArrayAsync());
        sheet.ShouldContain("1961年");
        NoneOf(sheet, id, "1961-02-03", "19610203", "13700001961");

        // The audited reveal shows the row in full: ID number, birth date and phone.
        var revealed = await PostFormAsync(pages, $"/Ledgers/{Community}/Kind/Person?Q=隐私周密", $"/Ledgers/{Community}/Kind/Person?handler=Reveal&Q=隐私周密",
            new() { ["id"] = rowId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var html = await revealed.Content.ReadAsStringAsync();
        html.ShouldContain(id);
        html.ShouldContain("1961-02-03");
        html.ShouldContain("13700001961");
        var audit = (await LastEventAsync("ledger.reveal")).After ?? "";
        audit.ShouldContain(IdNumber.Mask(id));
        audit.ShouldContain("出生日期");
        NoneOf(audit, id, "13700001961");
    }

    [DatabaseTheory]
    public async Task The_ledger_search_matches_a_whole_id_number_only_never_a_prefix_and_audits_it(Database database)
    {
        Use(database);

        var id = LedgerFiles.Id(new DateOnly(1972, 8, 19), 703);
        await AddPersonAsync(id, "隐私吴桐", "1972-08-19", null);
        var staffId = LedgerFiles.Id(new DateOnly(1988, 5, 6), 705);
        using var api = Factory.BearerClientFor("community");
        (await api.PostAsJsonAsync($"{Ledger}/工作人员", new[]
        {
            new Dictionary<string, string> { ["姓名"] = "隐私郑直", ["身份证号"] = staffId, ["文化程度"] = "大专", ["是否专职"] = "是", ["到岗日期"] = "2021-03-01" },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Each prefix would tell whether the next hidden digit is right: about 80 searches recover a masked number.
        foreach (var prefix in new[] { id[..7], id[..10], id[..14], id[..17] })
        {
            (await TotalAsync(api, "人员", prefix)).ShouldBe(0, prefix);
        }

        foreach (var prefix in new[] { staffId[..7], staffId[..14], staffId[..17] })
        {
            (await TotalAsync(api, "工作人员", prefix)).ShouldBe(0, prefix);
        }

        var before = await CountAsync("ledger.search");
        (await TotalAsync(api, "人员", id)).ShouldBe(1);
        (await TotalAsync(api, "工作人员", staffId)).ShouldBe(1);
        (await TotalAsync(api, "人员", "隐私吴桐")).ShouldBe(1);
        (await CountAsync("ledger.search")).ShouldBe(before + 2);
        var audit = (await LastEventAsync("ledger.search")).After ?? "";
        audit.ShouldContain(IdNumber.Mask(staffId));
        NoneOf(audit, staffId);

        using var pages = Client("community");
        var page = await pages.GetStringAsync(Url($"/Ledgers/{Community}/Kind/Person?Q={id[..10]}"));
        page.ShouldContain("data-testid=\"partial-id\"");
        page.ShouldContain("没有符合条件的记录");
    }

    [DatabaseTheory]
    public async Task The_community_edit_form_shows_the_phone_masked_keeps_it_when_saved_unchanged_and_reveals_it_audited(Database database)
    {
        Use(database);

        const string code = "620102001002";
        using var county = Client("chengguan");
        (await SaveCommunityAsync(county, code, "13912340001")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var form = await county.GetStringAsync(Url($"/Communities/Edit/{code}"));
        form.ShouldNotContain("13912340001");
        form.ShouldContain("value=\"139****0001\"");
        form.ShouldContain("data-testid=\"phone-hint\"");

        // Another field edited, the masked phone sent back as shown: the stored number stays.
        (await SaveCommunityAsync(county, code, "139****0001", name: "雁南社区（更名）")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Communities.AsNoTracking().SingleAsync(c => c.Code == code));
        stored.ContactPhone.ShouldBe("13912340001");
        stored.Name.ShouldBe("雁南社区（更名）");
        var update = await LastEventAsync("community.update");
        update.After!.ShouldContain("139****0001");
        NoneOf(update.Before + update.After, "13912340001");

        // A half-edited mask is refused rather than stored as a number no one can call.
        var broken = await SaveCommunityAsync(county, code, "139****00012");
        broken.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await broken.Content.ReadAsStringAsync()).ShouldContain("联系电话含有");

        var revealed = await PostFormAsync(county, $"/Communities/Edit/{code}", $"/Communities/Edit/{code}?handler=RevealPhone", []);
        (await revealed.Content.ReadAsStringAsync()).ShouldContain("value=\"13912340001\"");
        (await LastEventAsync("community.reveal-phone")).TargetId.ShouldBe(code);
    }

    [DatabaseTheory]
    public async Task No_audit_event_of_a_representative_run_holds_a_plain_id_number_or_phone(Database database)
    {
        Use(database);

        var id = LedgerFiles.Id(new DateOnly(1983, 11, 5), 707);
        var rowId = await AddPersonAsync(id, "隐私冯远", "1983-11-05", "13600001983");
        using var pages = Client("community");

        // A correction on the form: the masked cells sent back as shown keep the stored ID number, birth date and phone.
        var masked = (await Factory.BearerClientFor("community").GetFromJsonAsync<JsonElement>($"{Ledger}/人员?q=隐私冯远"))
            .GetProperty("items")[0].GetProperty("fields");
        var values = LedgerKinds.Get(LedgerKind.Person).Columns
            .Select(c => c.Name == LedgerKinds.Name ? "隐私冯远航" : masked.TryGetProperty(c.Name, out var v) ? v.GetString() ?? "" : "").ToList();
        var edit = $"/Ledgers/{Community}/Kind/Person/Edit/{rowId}";
        (await PostFormAsync(pages, edit, edit, values.Select((v, i) => (i, v)).ToDictionary(x => $"Values[{x.i}]", x => x.v)))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var person = await Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<LedgerPerson>().AsNoTracking().SingleAsync(p => p.Id == rowId));
        (person.IdNumber, person.Name, person.BirthDate, person.Phone).ShouldBe((id, "隐私冯远航", new DateOnly(1983, 11, 5), "13600001983"));

        // A whole-number search exported, a phone changed in the registry, a login typed with an ID number.
        (await pages.GetAsync(Url($"/Ledgers/{Community}/Kind/Person?handler=Export&Q={id}"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var county = Client("chengguan");
        (await SaveCommunityAsync(county, "620102001003", "13512345678")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var anonymous = Factory.AnonymousClient();
        await FullEmploymentFactory.LoginAsync(anonymous, id, "wrong");

        var events = await Factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking().ToListAsync());
        events.ShouldContain(e => e.Action == "ledger.correct");
        events.ShouldContain(e => e.Action == "ledger.export");
        var leaks = events.SelectMany(e => new[] { e.TargetId, e.Before, e.After }.OfType<string>()
            .SelectMany(text => PlainIdNumber().Matches(text).Concat(PlainMobile().Matches(text)))
            .Select(m => $"#{e.Sequence} {e.Action}: {m.Value}")).ToList();
        leaks.ShouldBeEmpty();
    }

    private async Task<long> AddPersonAsync(string id, string name, string birth, string? phone)
    {
        using var api = Factory.BearerClientFor("community");
        var record = new Dictionary<string, string?> { ["身份证号"] = id, ["姓名"] = name, ["出生日期"] = birth, ["联系电话"] = phone };
        (await api.PostAsJsonAsync($"{Ledger}/人员", new[] { record })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await api.GetFromJsonAsync<JsonElement>($"{Ledger}/人员?q={name}")).GetProperty("items")[0].GetProperty("id").GetInt64();
    }

    private static async Task<int> TotalAsync(HttpClient api, string kind, string q) =>
        (await api.GetFromJsonAsync<JsonElement>($"{Ledger}/{kind}?q={q}")).GetProperty("total").GetInt32();

    /// <summary>Saves the registry entry on the edit page: the stored fields, with the phone (and name) given.</summary>
    private async Task<HttpResponseMessage> SaveCommunityAsync(HttpClient client, string code, string phone, string? name = null)
    {
        var body = await CurrentBodyAsync(code);
        var fields = new Dictionary<string, string>
        {
            ["Form.Code"] = code,
            ["Form.Name"] = name ?? body["name"]!.GetValue<string>(),
            ["Form.RegionCode"] = (body["countyCode"] ?? body["cityCode"])!.GetValue<string>(),
            ["Form.Street"] = body["street"]!.GetValue<string>(),
            ["Form.Address"] = body["address"]?.GetValue<string>() ?? "",
            ["Form.ApprovalDocumentNumber"] = body["approvalDocumentNumber"]!.GetValue<string>(),
            ["Form.CivilAffairsFilingNumber"] = body["civilAffairsFilingNumber"]?.GetValue<string>() ?? "",
            ["Form.CivilAffairsFiledOn"] = body["civilAffairsFiledOn"]?.GetValue<string>() ?? "",
            ["Form.ContactName"] = body["contactName"]?.GetValue<string>() ?? "",
            ["Form.ContactPhone"] = phone,
            ["Form.Version"] = body["version"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return await PostFormAsync(client, $"/Communities/Edit/{code}", $"/Communities/Edit/{code}", fields);
    }

    /// <summary>Posts a form as the browser would: the antiforgery token taken from the page that shows it.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = FullEmploymentFactory.AntiforgeryToken(await client.GetStringAsync(Url(page)));
        return await client.PostAsync(Url(action), new FormUrlEncodedContent(fields));
    }

    private Task<FullEmployment.Application.Audit.AuditEvent> LastEventAsync(string action) => Factory.WithScopeAsync(sp =>
        sp.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking().Where(e => e.Action == action).OrderByDescending(e => e.Sequence).FirstAsync());

    private Task<int> CountAsync(string action) => Factory.WithScopeAsync(sp =>
        sp.GetRequiredService<AppDbContext>().AuditEvents.CountAsync(e => e.Action == action));

    private static void NoneOf(string text, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            text.ShouldNotContain(secret);
        }
    }

    /// <summary>Every text of an xlsx (cells, shared strings), read from its XML parts whatever library wrote it.</summary>
    private static string XlsxText(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")]
    private static partial Regex PlainIdNumber();

    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")]
    private static partial Regex PlainMobile();
}
