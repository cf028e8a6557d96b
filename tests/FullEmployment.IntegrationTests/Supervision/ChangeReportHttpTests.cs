using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers;
using FullEmployment.Application.Supervision;
using FullEmployment.Domain;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using FullEmployment.IntegrationTests.Campaigns;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FullEmployment.IntegrationTests.Campaigns.CampaignData;

namespace FullEmployment.IntegrationTests.Supervision;

/// <summary>
/// A11 over HTTP on both databases: filing by community and county, the county's confirmation, dissolution, merger with the
/// ledger move and verification, rename consent and refusal, to-dos, and every refusal by role, region, state and version.
/// The factory's clock is 2025-03-03; its communities hold municipal titles, so the city decides (A10).
/// </summary>
public sealed class ChangeReportHttpTests
{
    private static readonly DateOnly Decision = new(2025, 1, 31);

    [DatabaseTheory]
    [Trait("Clause", "A11.2")]
    public async Task A11_2_A_county_filed_dissolution_ends_every_title_marks_the_community_and_freezes_its_ledger(Database database)
    {
        await using var factory = CampaignData.Start(database);
        await factory.SeedCommunitiesAsync();
        var county = await factory.ClientAsAsync(Roles.CountyOfficer, Chengguan);

        var created = await county.PostAsJsonAsync($"/api/v1/communities/{Donggang}/changes",
            new { kind = "dissolution", decisionDocumentNumber = "城民发〔2025〕1号", decisionDate = "2025-01-31" });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("state").GetString().ShouldBe("inEffect");
        body.GetProperty("dueDate").GetString().ShouldBe("2025-02-28");
        body.GetProperty("reportedOn").GetString().ShouldBe("2025-03-03");
        body.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        body.GetProperty("overdueLabel").GetString().ShouldBe("逾期报备");

        var community = await county.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{Donggang}");
        community.GetProperty("status").GetString().ShouldBe("dissolved");
        community.GetProperty("titles").EnumerateArray().ShouldAllBe(t => t.GetProperty("endedOn").GetString() == "2025-01-31"
            && t.GetProperty("endReason").GetString() == "社区撤销");

        var staff = await factory.ClientAsAsync(Roles.CommunityStaff, Donggang);
        (await staff.PostAsJsonAsync($"/api/v1/communities/{Donggang}/ledger/人员", Array.Empty<object>())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await staff.GetAsync($"/api/v1/communities/{Donggang}/ledger/人员")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await county.PostAsJsonAsync($"/api/v1/communities/{Donggang}/changes",
            new { kind = "rename", decisionDocumentNumber = "城民发〔2025〕2号", decisionDate = "2025-02-01", newName = "新名" }))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await factory.As<AppDbContext, int>(Roles.ProvinceOfficer, Province, async db => await db.AuditEvents.CountAsync(e => e.Action == "change.file")))
            .ShouldBe(1);
    }

    [DatabaseTheory]
    [Trait("Clause", "A11.1")]
    public async Task A11_1_A_staff_filing_waits_for_the_county_shows_overdue_unreported_then_reaches_city_and_province_todos(Database database)
    {
        await using var factory = CampaignData.Start(database);
        await factory.SeedCommunitiesAsync();
        var staff = await factory.ClientAsAsync(Roles.CommunityStaff, Caochang);
        var created = await (await staff.PostAsJsonAsync($"/api/v1/communities/{Caochang}/changes",
            new { kind = "dissolution", decisionDocumentNumber = "城民发〔2025〕5号", decisionDate = "2025-02-20" })).Content.ReadFromJsonAsync<JsonElement>();
        created.GetProperty("state").GetString().ShouldBe("awaitingCounty");
        created.GetProperty("overdue").GetBoolean().ShouldBeFalse();
        var id = created.GetProperty("id").GetGuid();

        factory.Clock.Advance(TimeSpan.FromDays(30)); // 2025-04-02, past the due date 2025-03-20
        var city = await factory.As<ChangeReports, ChangeReportSummary>(Roles.CityOfficer, Lanzhou, r => r.SummaryAsync());
        city.OverdueUnreported.ShouldHaveSingleItem().Id.ShouldBe(id);
        (await factory.As<ChangeReports, ChangeReportSummary>(Roles.ProvinceOfficer, Province, r => r.SummaryAsync())).OverdueUnreported.Count.ShouldBe(1);
        (await factory.As<ChangeReports, ChangeReportSummary>(Roles.CountyOfficer, Chengguan, r => r.SummaryAsync())).OverdueUnreported.ShouldBeEmpty();

        // Only the county confirms; a staff filing has not reached the city yet.
        var cityClient = await factory.ClientAsAsync(Roles.CityOfficer, Lanzhou);
        (await cityClient.PostAsJsonAsync($"/api/v1/changes/{id}/confirm", new { version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var county = await factory.ClientAsAsync(Roles.CountyOfficer, Chengguan);
        (await county.PostAsJsonAsync($"/api/v1/changes/{id}/confirm", new { version = 7 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var version = (await county.GetFromJsonAsync<JsonElement>($"/api/v1/changes/{id}")).GetProperty("version").GetInt32();
        var confirmed = await (await county.PostAsJsonAsync($"/api/v1/changes/{id}/confirm", new { version })).Content.ReadFromJsonAsync<JsonElement>();
        confirmed.GetProperty("state").GetString().ShouldBe("inEffect");
        (await county.PostAsJsonAsync($"/api/v1/changes/{id}/confirm", new { version = version + 1 })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        foreach (var (role, scope) in new[] { (Roles.CityOfficer, Lanzhou), (Roles.ProvinceOfficer, Province) })
        {
            var todo = await factory.As<TodoList, IReadOnlyList<TodoItem>>(role, scope, t => t.ForCurrentUserAsync());
            todo.ShouldContain(t => t.Url == $"/Supervision/Changes/{id}" && t.Title.Contains("阅知"));
        }

        var ack = await cityClient.PostAsJsonAsync($"/api/v1/changes/{id}/acknowledge", new { version = version + 1 });
        ack.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.As<TodoList, IReadOnlyList<TodoItem>>(Roles.CityOfficer, Lanzhou, t => t.ForCurrentUserAsync()))
            .ShouldNotContain(t => t.Url == $"/Supervision/Changes/{id}");
        (await factory.As<ChangeReports, ChangeReportSummary>(Roles.CityOfficer, Lanzhou, r => r.SummaryAsync())).OverdueUnreported.ShouldBeEmpty();
    }

    [DatabaseTheory]
    [Trait("Clause", "A11.1")]
    public async Task A11_1_Filing_and_reading_are_scoped_to_the_stored_communitys_region(Database database)
    {
        await using var factory = CampaignData.Start(database);
        await factory.SeedCommunitiesAsync();
        var body = new { kind = "dissolution", decisionDocumentNumber = "城民发〔2025〕1号", decisionDate = "2025-02-10" };
        (await (await factory.ClientAsAsync(Roles.CityOfficer, Lanzhou)).PostAsJsonAsync($"/api/v1/communities/{Donggang}/changes", body))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await factory.ClientAsAsync(Roles.ProvinceOfficer, Province)).PostAsJsonAsync($"/api/v1/communities/{Donggang}/changes", body))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await factory.ClientAsAsync(Roles.CountyOfficer, Qilihe)).PostAsJsonAsync($"/api/v1/communities/{Donggang}/changes", body))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await factory.ClientAsAsync(Roles.CommunityStaff, Caochang)).PostAsJsonAsync($"/api/v1/communities/{Donggang}/changes", body))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await factory.ClientAsAsync(Roles.CityFinance, Lanzhou)).PostAsJsonAsync($"/api/v1/communities/{Donggang}/changes", body))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var staff = await factory.ClientAsAsync(Roles.CommunityStaff, Donggang);
        var id = (await (await staff.PostAsJsonAsync($"/api/v1/communities/{Donggang}/changes", body)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();
        (await (await factory.ClientAsAsync(Roles.CommunityStaff, Caochang)).GetAsync($"/api/v1/changes/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await factory.ClientAsAsync(Roles.CountyOfficer, Qilihe)).PostAsJsonAsync($"/api/v1/changes/{id}/confirm", new { version = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await factory.ClientAsAsync(Roles.CityOfficer, "620200")).GetAsync($"/api/v1/changes/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await (await factory.ClientAsAsync(Roles.CountyOfficer, Qilihe)).GetFromJsonAsync<JsonElement>("/api/v1/changes");
        list.GetProperty("total").GetInt32().ShouldBe(0);
        (await staff.PostAsJsonAsync($"/api/v1/changes/{id}/confirm", new { version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await staff.PostAsJsonAsync($"/api/v1/changes/{id}/launch", new { version = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await staff.PostAsJsonAsync($"/api/v1/communities/{Donggang}/changes",
            new { kind = "dissolution", decisionDocumentNumber = "城民发〔2025〕9号", decisionDate = "2025-03-04" })).StatusCode
            .ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [DatabaseTheory]
    [Trait("Clause", "A11.4")]
    public async Task A11_4_The_city_consents_to_a_municipal_only_rename_the_name_history_keeps_the_old_name_and_titles_continue(Database database)
    {
        await using var factory = CampaignData.Start(database);
        await factory.SeedCommunitiesAsync();
        var staff = await factory.ClientAsAsync(Roles.CommunityStaff, Donggang);
        var created = await (await staff.PostAsJsonAsync($"/api/v1/communities/{Donggang}/changes",
            new { kind = "rename", decisionDocumentNumber = "城民发〔2025〕7号", decisionDate = "2025-02-25", newName = "东岗新村社区" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        created.GetProperty("state").GetString().ShouldBe("awaitingConsent");
        var id = created.GetProperty("id").GetGuid();

        var province = await factory.ClientAsAsync(Roles.ProvinceOfficer, Province);
        (await province.PostAsJsonAsync($"/api/v1/changes/{id}/consent", new { version = 0 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var city = await factory.ClientAsAsync(Roles.CityOfficer, Lanzhou);
        var consented = await city.PostAsJsonAsync($"/api/v1/changes/{id}/consent", new { version = 0, date = "2025-03-03" });
        consented.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await consented.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("consented");

        var community = await city.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{Donggang}");
        community.GetProperty("name").GetString().ShouldBe("东岗新村社区");
        community.GetProperty("status").GetString().ShouldBe("active");
        community.GetProperty("titles").EnumerateArray().ShouldAllBe(t => t.GetProperty("endedOn").ValueKind == JsonValueKind.Null);
        var history = await factory.As<Application.Communities.CommunityRegistry, Domain.Communities.Community>(Roles.CityOfficer, Lanzhou,
            r => r.GetAsync(Donggang));
        history.NameHistory.ShouldHaveSingleItem().OldName.ShouldBe("东岗社区");
        history.NameHistory[0].ChangedOn.ShouldBe(new DateOnly(2025, 3, 3));
    }

    [DatabaseTheory]
    [Trait("Clause", "A11.4")]
    public async Task A11_4_A_refused_rename_records_the_reason_and_gives_the_decider_a_todo_on_the_title(Database database)
    {
        await using var factory = CampaignData.Start(database);
        await factory.SeedCommunitiesAsync();
        var county = await factory.ClientAsAsync(Roles.CountyOfficer, Chengguan);
        var id = (await (await county.PostAsJsonAsync($"/api/v1/communities/{Caochang}/changes",
            new { kind = "rename", decisionDocumentNumber = "城民发〔2025〕8号", decisionDate = "2025-02-25", newName = "草场新社区" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var city = await factory.ClientAsAsync(Roles.CityOfficer, Lanzhou);
        (await city.PostAsJsonAsync($"/api/v1/changes/{id}/refuse", new { version = 0 })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var refused = await (await city.PostAsJsonAsync($"/api/v1/changes/{id}/refuse", new { version = 0, remark = "新名称与辖区内社区重名" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        refused.GetProperty("state").GetString().ShouldBe("refused");
        refused.GetProperty("reason").GetString().ShouldBe("新名称与辖区内社区重名");
        (await city.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{Caochang}")).GetProperty("name").GetString().ShouldBe("草场街社区");
        (await factory.As<TodoList, IReadOnlyList<TodoItem>>(Roles.CityOfficer, Lanzhou, t => t.ForCurrentUserAsync()))
            .ShouldContain(t => t.Url == $"/Supervision/Changes/{id}" && t.Title.Contains("登记称号处理意见"));
        var decided = await (await city.PostAsJsonAsync($"/api/v1/changes/{id}/decide-title", new { version = 1, remark = "保留称号，沿用原名称" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        decided.GetProperty("titleDecision").GetString().ShouldBe("保留称号，沿用原名称");
        decided.GetProperty("actions").EnumerateArray().Select(a => a.GetString()).ShouldNotContain("decide-title");
    }

    [DatabaseTheory]
    [Trait("Clause", "A11.3")]
    public async Task A11_3_A_merger_ends_titles_moves_ledger_persons_without_an_integrity_finding_and_the_city_verifies_the_successor(Database database)
    {
        await using var factory = CampaignData.Start(database);
        await factory.SeedCommunitiesAsync();
        var shared = Id("62010219800101001");
        var onlyInDonggang = Id("62010219810202002");
        await factory.As<AppDbContext, int>(Roles.ProvinceOfficer, Province, async db =>
        {
            var ids = await db.Communities.Where(c => c.Code == Donggang || c.Code == Caochang).ToDictionaryAsync(c => c.Code, c => c.Id);
            var at = factory.Clock.GetUtcNow();
            LedgerPerson Person(string code, string id, string name) =>
                new() { CommunityId = ids[code], IdNumber = id, Name = name, CreatedAt = at, UpdatedAt = at };
            db.AddRange(Person(Donggang, shared, "王芳"), Person(Caochang, shared, "王芳"), Person(Donggang, onlyInDonggang, "赵磊"));
            db.Add(new UnemploymentRegistration { CommunityId = ids[Donggang], IdNumber = onlyInDonggang, RegisteredOn = new DateOnly(2024, 5, 1), CreatedAt = at, UpdatedAt = at });
            return await db.SaveChangesAsync();
        });
        (await factory.As<IntegrityQueries, IReadOnlyList<DuplicatePerson>>(Roles.CityOfficer, Lanzhou, q => q.DuplicatesAsync())).Count.ShouldBe(1);

        var county = await factory.ClientAsAsync(Roles.CountyOfficer, Chengguan);
        var created = await county.PostAsJsonAsync($"/api/v1/communities/{Donggang}/changes", new
        {
            kind = "merger",
            decisionDocumentNumber = "城民发〔2025〕4号",
            decisionDate = "2025-02-15",
            predecessorCodes = new[] { Caochang },
            successorCode = Caochang,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var report = await created.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("state").GetString().ShouldBe("awaitingVerification");
        var id = report.GetProperty("id").GetGuid();

        var donggang = await county.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{Donggang}");
        donggang.GetProperty("status").GetString().ShouldBe("merged");
        donggang.GetProperty("mergedIntoCode").GetString().ShouldBe(Caochang);
        donggang.GetProperty("titles").EnumerateArray().ShouldAllBe(t => t.GetProperty("endedOn").GetString() == "2025-02-15"
            && t.GetProperty("endReason").GetString() == "社区合并");
        var caochang = await county.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{Caochang}");
        caochang.GetProperty("status").GetString().ShouldBe("active");

        var (persons, registrations, dongRows) = await factory.As<AppDbContext, (int, int, int)>(Roles.ProvinceOfficer, Province, async db =>
        {
            var successorId = await db.Communities.Where(c => c.Code == Caochang).Select(c => c.Id).SingleAsync();
            var predecessorId = await db.Communities.Where(c => c.Code == Donggang).Select(c => c.Id).SingleAsync();
            return (await db.Set<LedgerPerson>().CountAsync(p => p.CommunityId == successorId),
                await db.Set<UnemploymentRegistration>().CountAsync(r => r.CommunityId == successorId),
                await db.Set<LedgerPerson>().CountAsync(p => p.CommunityId == predecessorId) + await db.Set<StaffMember>().CountAsync(s => s.CommunityId == predecessorId));
        });
        persons.ShouldBe(2);
        registrations.ShouldBe(1);
        dongRows.ShouldBe(0);
        (await factory.As<IntegrityQueries, IReadOnlyList<DuplicatePerson>>(Roles.CityOfficer, Lanzhou, q => q.DuplicatesAsync())).ShouldBeEmpty();
        (await factory.As<IntegrityQueries, IReadOnlyList<IntegrityFinding>>(Roles.CityOfficer, Lanzhou, q => q.CheckAsync(Caochang)))
            .ShouldNotContain(f => f.Rule == 1);

        // Municipal titles only: the city verifies (A10); the province may not.
        var province = await factory.ClientAsAsync(Roles.ProvinceOfficer, Province);
        (await province.PostAsJsonAsync($"/api/v1/changes/{id}/verify", new { version = 0, meetsConditions = true }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var city = await factory.ClientAsAsync(Roles.CityOfficer, Lanzhou);
        var form = await city.GetFromJsonAsync<JsonElement>($"/api/v1/changes/{id}/verification-sheet");
        form.GetProperty("templateVersion").GetString().ShouldBe("2023-1");
        form.GetProperty("passMark").GetDecimal().ShouldBe(90m);
        var items = form.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(16);
        object Verify(IEnumerable<object> entries, bool meets) => new
        {
            version = 0,
            date = "2025-03-03",
            templateVersion = "2023-1",
            entries,
            meetsConditions = meets,
            documentNumber = "兰人社发〔2025〕12号",
            plaqueNumber = "SJ-2025-12",
            grantedOn = "2025-03-03",
            remark = meets ? null : "得分不足",
        };

        // A6: every judged item needs a score; an item above its maximum is refused; the pass mark decides "meets the conditions".
        var judged = items.Where(i => !i.GetProperty("auto").GetBoolean()).Select(i => i.GetProperty("number").GetString()!).ToList();
        var incomplete = await city.PostAsJsonAsync($"/api/v1/changes/{id}/verify",
            Verify(judged.Skip(1).Select(n => (object)new { number = n, score = 0, remark = "不具备" }), false));
        incomplete.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await incomplete.Content.ReadAsStringAsync()).ShouldContain(judged[0]);
        (await city.PostAsJsonAsync($"/api/v1/changes/{id}/verify", Verify([new { number = "1.2", score = 4.5 }], false)))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var belowPassMark = await city.PostAsJsonAsync($"/api/v1/changes/{id}/verify",
            Verify(judged.Select(n => (object)new { number = n, score = 0, remark = "不具备" }), true));
        belowPassMark.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await belowPassMark.Content.ReadAsStringAsync()).ShouldContain("未达到90分");

        // Judged items at full points, every auto item confirmed on site at its maximum (a correction with a reason, A6), 1.2 one point short.
        var entries = items.Select(i => (object)new
        {
            number = i.GetProperty("number").GetString(),
            score = i.GetProperty("number").GetString() == "1.2" ? i.GetProperty("maxPoints").GetDecimal() - 1 : i.GetProperty("maxPoints").GetDecimal(),
            remark = i.GetProperty("auto").GetBoolean() ? "现场核实" : i.GetProperty("number").GetString() == "1.2" ? "信息公开栏不醒目" : null,
        }).ToList();
        var verified = await city.PostAsJsonAsync($"/api/v1/changes/{id}/verify", Verify(entries, true));
        verified.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await verified.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("state").GetString().ShouldBe("verified");
        body.GetProperty("verificationScore").GetDecimal().ShouldBe(99m);
        var sheet = body.GetProperty("verificationSheet");
        sheet.GetProperty("total").GetDecimal().ShouldBe(99m);
        sheet.GetProperty("lines").EnumerateArray().Count().ShouldBe(16);
        sheet.GetProperty("lines").EnumerateArray().ShouldContain(l => l.GetProperty("number").GetString() == "1.2"
            && l.GetProperty("score").GetDecimal() == 3m && l.GetProperty("remark").GetString() == "信息公开栏不醒目");
        var titles = (await city.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{Caochang}")).GetProperty("titles").EnumerateArray().ToList();
        titles.ShouldContain(t => t.GetProperty("documentNumber").GetString() == "兰人社发〔2025〕12号" && t.GetProperty("level").GetString() == "municipal"
            && t.GetProperty("plaqueNumber").GetString() == "SJ-2025-12" && t.GetProperty("endedOn").ValueKind == JsonValueKind.Null);
        var stored = await factory.As<ChangeReports, ChangeReportView>(Roles.CityOfficer, Lanzhou, r => r.GetAsync(id));
        stored.VerificationIndicators.ShouldNotBeNullOrEmpty();
        stored.VerificationScore.ShouldBe(99m);
        stored.VerificationSheet.ShouldNotBeNull().Lines.Sum(l => l.Score ?? 0).ShouldBe(99m);
        stored.VerificationSheet.IsLocked.ShouldBeTrue();
        var audited = await factory.As<AppDbContext, string?>(Roles.ProvinceOfficer, Province, async db =>
            (await db.AuditEvents.Where(e => e.Action == "change.verify").ToListAsync()).SingleOrDefault()?.After);
        audited.ShouldNotBeNull().ShouldContain("\"Number\":\"1.2\"");
    }

    [DatabaseTheory]
    [Trait("Clause", "A11.3")]
    public async Task A11_3_A_merger_needs_registered_predecessors_and_successor_of_one_city(Database database)
    {
        await using var factory = CampaignData.Start(database);
        await factory.SeedCommunitiesAsync();
        var county = await factory.ClientAsAsync(Roles.CountyOfficer, Chengguan);
        var unknownSuccessor = await county.PostAsJsonAsync($"/api/v1/communities/{Donggang}/changes", new
        {
            kind = "merger",
            decisionDocumentNumber = "城民发〔2025〕4号",
            decisionDate = "2025-02-15",
            predecessorCodes = new[] { Caochang },
            successorCode = "620102001099",
        });
        unknownSuccessor.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var unknownPredecessor = await county.PostAsJsonAsync($"/api/v1/communities/{Donggang}/changes", new
        {
            kind = "merger",
            decisionDocumentNumber = "城民发〔2025〕4号",
            decisionDate = "2025-02-15",
            predecessorCodes = new[] { "620102001098" },
            successorCode = Caochang,
        });
        unknownPredecessor.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await factory.As<AppDbContext, int>(Roles.ProvinceOfficer, Province, db => db.Set<Domain.Supervision.ChangeReport>().CountAsync())).ShouldBe(0);
    }

    [DatabaseTheory]
    [Trait("Clause", "A11.1")]
    public async Task A11_1_The_list_filters_pages_and_exports_with_an_audit_entry(Database database)
    {
        await using var factory = CampaignData.Start(database);
        await factory.SeedCommunitiesAsync();
        var county = await factory.ClientAsAsync(Roles.CountyOfficer, Chengguan);
        await county.PostAsJsonAsync($"/api/v1/communities/{Donggang}/changes",
            new { kind = "rename", decisionDocumentNumber = "城民发〔2025〕1号", decisionDate = "2025-02-25", newName = "东岗新社区" });
        await county.PostAsJsonAsync($"/api/v1/communities/{Yuanjiu}/changes",
            new { kind = "dissolution", decisionDocumentNumber = "城民发〔2025〕2号", decisionDate = "2025-01-10" });

        var renames = await county.GetFromJsonAsync<JsonElement>("/api/v1/changes?kind=rename");
        renames.GetProperty("total").GetInt32().ShouldBe(1);
        var overdue = await county.GetFromJsonAsync<JsonElement>("/api/v1/changes?overdue=true");
        overdue.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("communityCode").GetString().ShouldBe(Yuanjiu);
        (await county.GetFromJsonAsync<JsonElement>("/api/v1/changes?page=2&pageSize=1")).GetProperty("items").GetArrayLength().ShouldBe(1);

        var workbook = await factory.As<ChangeReports, byte[]>(Roles.CountyOfficer, Chengguan, r => r.ExportAsync(new ChangeReportFilter()));
        workbook.Length.ShouldBeGreaterThan(0);
        (await factory.As<AppDbContext, int>(Roles.ProvinceOfficer, Province, db => db.AuditEvents.CountAsync(e => e.Action == "change.export")))
            .ShouldBe(1);
    }

    private static string Id(string first17) => first17 + IdNumber.CheckCharacter(first17);
}
