using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers;
using FullEmployment.Application.Ledgers.Import;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Ledgers;

/// <summary>Background ledger imports (docs/reference/ledger.md "Background imports") through the job endpoints, on each provider.</summary>
public sealed class LedgerImportJobTests
{
    private const string Community = "620102001001";
    private const string Jobs = $"/api/v1/communities/{Community}/ledger/import-jobs";

    private static byte[] PersonsCsv(int count, params string[][] extra) => Encoding.UTF8.GetBytes(LedgerFiles.Csv(["身份证号", "姓名"],
        [.. Enumerable.Range(0, count).Select(i => new[] { LedgerFiles.Id(new DateOnly(1961, 1, 1).AddDays(i / 900), i % 900), "后台" }), .. extra]));

    [DatabaseTheory]
    public async Task A_job_is_accepted_then_runs_as_its_requester_and_reports_its_counts(Database database)
    {
        await using var app = LedgerData.Start(database);
        var client = app.BearerClientFor("community");
        var before = await app.CountsAsync();

        var response = await client.PostAsync(Jobs, LedgerFiles.Upload(PersonsCsv(3_000), "人员.csv", "人员"));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        location.ShouldStartWith(Jobs + "/");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("queued");
        var job = await FinishedAsync(client, location);
        job.GetProperty("state").GetString().ShouldBe("succeeded");
        job.GetProperty("result").GetProperty("added").GetInt32().ShouldBe(3_000);
        job.GetProperty("result").GetProperty("byKind").GetProperty("人员").GetProperty("added").GetInt32().ShouldBe(3_000);
        var after = await app.CountsAsync();
        after[Domain.Ledgers.LedgerKind.Person].ShouldBe(before[Domain.Ledgers.LedgerKind.Person] + 3_000);
        var audit = await Audit(app).FirstAsync();
        (audit.UserName, audit.TargetId).ShouldBe(("community", Community));

        // The same file again: every row is unchanged, and the job says so.
        var again = await client.PostAsync(Jobs, LedgerFiles.Upload(PersonsCsv(3_000), "人员.csv", "人员"));
        var second = await FinishedAsync(client, again.Headers.Location!.ToString());
        second.GetProperty("result").GetProperty("unchanged").GetInt32().ShouldBe(3_000);
        (await Audit(app).CountAsync()).ShouldBe(2);
    }

    [DatabaseTheory]
    public async Task A_bad_file_fails_its_job_with_every_row_error_and_writes_nothing(Database database)
    {
        await using var app = LedgerData.Start(database);
        var client = app.BearerClientFor("community");
        var before = await app.CountsAsync();

        // More valid rows than one written chunk, then a bad one: rows were written before the error and are rolled back.
        var response = await client.PostAsync(Jobs, LedgerFiles.Upload(PersonsCsv(20_000, ["620102199913450000", "坏号"], ["", "无号"]), "坏.csv", "人员"));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var job = await FinishedAsync(client, response.Headers.Location!.ToString());
        job.GetProperty("state").GetString().ShouldBe("failed");
        job.GetProperty("result").ValueKind.ShouldBe(JsonValueKind.Null);
        job.GetProperty("message").GetString()!.ShouldContain("未写入任何数据");
        job.GetProperty("errorCount").GetInt32().ShouldBe(2);
        job.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()))
            .ShouldBe([(20_002, "身份证号"), (20_003, "身份证号")]);
        (await app.CountsAsync()).ShouldBe(before);
        (await Audit(app).CountAsync()).ShouldBe(0);
    }

    /// <summary>
    /// The job records its success through the import's hook before the commit (LedgerImportJobs.RunAsync): what the hook
    /// writes commits with the rows or not at all. Inside the hook the rows are written but not yet visible to another
    /// connection; a hook that fails leaves nothing written.
    /// </summary>
    [DatabaseTheory]
    public async Task What_the_hook_before_commit_writes_commits_with_the_imported_rows_or_not_at_all(Database database)
    {
        await using var app = LedgerData.Start(database);
        var before = await app.CountsAsync();
        int? insideTransaction = null, seenByAnotherConnection = null;

        var outcome = await app.As<LedgerImports, LedgerImportOutcome>(Roles.CommunityStaff, Community, imports =>
            imports.ImportFileAsync(Community, new MemoryStream(PersonsCsv(500)), "人员.csv", LedgerKind.Person, null, async (db, succeeded, ct) =>
            {
                succeeded.Totals.Added.ShouldBe(500);
                insideTransaction = await db.Set<LedgerPerson>().CountAsync(ct);
                seenByAnotherConnection = (await app.CountsAsync())[LedgerKind.Person];
            }, CancellationToken.None));

        outcome.Succeeded.ShouldBeTrue();
        insideTransaction.ShouldBe(before[LedgerKind.Person] + 500);
        seenByAnotherConnection.ShouldBe(before[LedgerKind.Person]);
        (await app.CountsAsync())[LedgerKind.Person].ShouldBe(before[LedgerKind.Person] + 500);

        await Should.ThrowAsync<InvalidOperationException>(() => app.As<LedgerImports, LedgerImportOutcome>(Roles.CommunityStaff, Community, imports =>
            imports.ImportFileAsync(Community, new MemoryStream(PersonsCsv(800)), "人员.csv", LedgerKind.Person, null,
                (_, _, _) => throw new InvalidOperationException("the process dies before the commit"), CancellationToken.None)));

        (await app.CountsAsync())[LedgerKind.Person].ShouldBe(before[LedgerKind.Person] + 500);
        (await Audit(app).CountAsync()).ShouldBe(1);
    }

    /// <summary>
    /// A process killed during an import (scripts/crash-test.sh kills the web app with SIGKILL) leaves its job "running";
    /// the next start shows it failed with the reason, and takes up a job still queued. Here the upload folder is gone
    /// too (a restore onto another machine): recovery used to throw DirectoryNotFoundException, which stopped the app.
    /// </summary>
    [DatabaseTheory]
    public async Task A_job_a_killed_process_left_running_shows_failed_after_the_restart_and_a_queued_one_runs(Database database)
    {
        await using var app = LedgerData.Start(database);
        Guid running = Guid.NewGuid(), queued = Guid.NewGuid();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            db.Add(new LedgerImportJob { Id = running, CommunityCode = Community, FileName = "人员.csv", State = LedgerImportJobState.Running, CreatedAt = now, StartedAt = now });
            db.Add(new LedgerImportJob { Id = queued, CommunityCode = Community, FileName = "人员.csv", State = LedgerImportJobState.Queued, CreatedAt = now });
            await db.SaveChangesAsync();
        }

        using (var scope = app.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<LedgerImportJobs>().RecoverAsync(CancellationToken.None)).ShouldBe([queued]);
        }

        using (var scope = app.Services.CreateScope())
        {
            var job = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<LedgerImportJob>().AsNoTracking().SingleAsync(j => j.Id == running);
            job.State.ShouldBe(LedgerImportJobState.Failed);
            job.FinishedAt.ShouldNotBeNull();
            job.Message!.ShouldContain("服务重启而中断");
            job.Message!.ShouldContain("未写入任何数据");
        }

        var shown = await app.BearerClientFor("community").GetFromJsonAsync<JsonElement>($"{Jobs}/{running}");
        shown.GetProperty("state").GetString().ShouldBe("failed");
    }

    [DatabaseTheory]
    [InlineData("community", Community, HttpStatusCode.Accepted)]
    [InlineData("community", "620102001002", HttpStatusCode.NotFound)]
    [InlineData("chengguan", Community, HttpStatusCode.Accepted)]
    [InlineData("lanzhou", Community, HttpStatusCode.Forbidden)]
    [InlineData("province", Community, HttpStatusCode.Forbidden)]
    [InlineData("auditor", Community, HttpStatusCode.Forbidden)]
    public async Task Starting_a_job_checks_role_and_the_communitys_region(Database database, string user, string community, HttpStatusCode expected)
    {
        await using var app = LedgerData.Start(database);

        var response = await app.BearerClientFor(user).PostAsync($"/api/v1/communities/{community}/ledger/import-jobs",
            LedgerFiles.Upload(PersonsCsv(10), "人员.csv", "人员"));

        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
    }

    [DatabaseTheory]
    public async Task A_job_is_seen_only_by_those_who_may_import_into_its_community(Database database)
    {
        await using var app = LedgerData.Start(database);
        var response = await app.BearerClientFor("community").PostAsync(Jobs, LedgerFiles.Upload(PersonsCsv(10), "人员.csv", "人员"));
        var location = response.Headers.Location!.ToString();
        await FinishedAsync(app.BearerClientFor("chengguan"), location);

        (await app.BearerClientFor("lanzhou").GetAsync(location)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.BearerClientFor("auditor").GetAsync(location)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Another community's address does not reach this community's job.
        (await app.BearerClientFor("chengguan").GetAsync(location.Replace(Community, "620102001002", StringComparison.Ordinal)))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static IQueryable<Application.Audit.AuditEvent> Audit(FullEmploymentFactory app) =>
        app.Services.CreateScope().ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == "ledger.import");

    /// <summary>Polls the job as a client would, bounded: a job that never finishes fails the test.</summary>
    private static async Task<JsonElement> FinishedAsync(HttpClient client, string location)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var response = await client.GetAsync(location);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var job = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (job.GetProperty("state").GetString() is "succeeded" or "failed")
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The import job did not finish within a minute.");
    }
}
