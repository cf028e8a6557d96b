using System.Text;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers;
using FullEmployment.Application.Ledgers.Data;
using FullEmployment.Application.Seeding;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Ledgers;

/// <summary>
/// The roll-up's stored per-community results: current exactly while the community's ledger version and the calculator
/// are unchanged, so one changed row recomputes its community alone and the figure shown is never stale.
/// </summary>
public sealed class IndicatorRollUpStoreTests
{
    private const string Community = "620102001001";

    [DatabaseTheory]
    [Trait("Clause", "A5")]
    public async Task A5_one_changed_ledger_row_changes_its_community_figure_in_the_next_roll_up_and_no_other(Database database)
    {
        await using var app = LedgerData.Start(database);
        var generated = await GenerateAsync(app);
        var before = await RollUpAsync(app, generated);
        var versions = await VersionsAsync(app);

        // A valid complaint within A5.5.2's window (the three calendar years before the application year), through the API.
        var csv = LedgerFiles.Csv(["投诉日期", "投诉事项", "是否有效"], [[$"{generated.ApplicationDate.Year - 1}-06-01", "窗口服务态度", "是"]]);
        (await app.BearerClientFor("community").PostAsync($"/api/v1/communities/{Community}/ledger/imports",
            LedgerFiles.Upload(Encoding.UTF8.GetBytes(csv), "投诉.csv", "投诉"))).EnsureSuccessStatusCode();
        var after = await RollUpAsync(app, generated);

        Complaints(after[Community]).ShouldBe(Complaints(before[Community]) + 1);
        after[Community].ShouldBe(await OwnFiguresAsync(app, Community, generated));
        foreach (var code in before.Keys.Where(c => c != Community))
        {
            after[code].ShouldBe(before[code], code);
        }

        var changed = await VersionsAsync(app);
        changed.Where(v => v.Value != versions.GetValueOrDefault(v.Key)).Select(v => v.Key).ShouldBe([await IdOfAsync(app, Community)]);
    }

    [DatabaseTheory]
    [Trait("Clause", "A5")]
    public async Task A5_a_stored_result_is_shown_only_while_its_ledger_version_and_calculator_are_current(Database database)
    {
        await using var app = LedgerData.Start(database);
        var generated = await GenerateAsync(app);
        var own = await RollUpAsync(app, generated);
        var other = own.Keys.First(code => code != Community && !own[code].SequenceEqual(own[Community]));
        var id = await IdOfAsync(app, Community);

        // Another community's figures planted in this one's stored row: a roll-up that shows them read the store.
        await PlantAsync(app, id, fromCode: other, calculator: null);
        (await RollUpAsync(app, generated))[Community].ShouldBe(own[other]);

        // A ledger write through the tracked path (a deleted row) bumps the version: the planted row no longer counts.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Remove(await db.Set<Assistance>().FirstAsync(a => a.CommunityId == id));
            await db.SaveChangesAsync();
        }

        var afterDelete = await RollUpAsync(app, generated);
        afterDelete[Community].ShouldBe(await OwnFiguresAsync(app, Community, generated));

        // A stored row from another calculator (a release that changed a rule) is recomputed, version or not.
        await PlantAsync(app, id, fromCode: other, calculator: "an-earlier-release");
        (await RollUpAsync(app, generated))[Community].ShouldBe(afterDelete[Community]);
    }

    [DatabaseTheory]
    [Trait("Clause", "A5")]
    public async Task A5_the_community_indicator_page_shows_the_stored_figures_while_its_ledger_is_unchanged_and_the_new_ones_after_a_change(
        Database database)
    {
        await using var app = LedgerData.Start(database);
        var generated = await GenerateAsync(app);
        var own = await RollUpAsync(app, generated);
        var other = own.Keys.First(code => code != Community && !own[code].SequenceEqual(own[Community]));
        var id = await IdOfAsync(app, Community);

        var page = await PageAsync(app, generated);
        page.Indicators.ShouldBe(own[Community]);
        page.StaleKinds.ShouldBe((await OwnReportAsync(app, Community, generated)).StaleKinds);

        // Another community's figures planted in this one's stored row: the page that shows them read the store.
        await PlantAsync(app, id, fromCode: other, calculator: null);
        (await PageAsync(app, generated)).Indicators.ShouldBe(own[other]);

        // One ledger row deleted: the version moved, so the page shows the ledger's figures again, never the stored ones.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Remove(await db.Set<Assistance>().FirstAsync(a => a.CommunityId == id));
            await db.SaveChangesAsync();
        }

        var after = await PageAsync(app, generated);
        after.Indicators.ShouldBe(await OwnFiguresAsync(app, Community, generated));
        after.StaleKinds.ShouldBe((await OwnReportAsync(app, Community, generated)).StaleKinds);
    }

    private static async Task<IndicatorFigures> PageAsync(FullEmploymentFactory app, GeneratedLedgers generated)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var clock = services.GetRequiredService<TimeProvider>();
        var queries = new IndicatorQueries(services.GetRequiredService<AppDbContext>(),
            new AuditTrail(new FixedActor("county", Roles.CountyOfficer, "620102"), clock), clock,
            services.GetRequiredService<DbContextOptions<AppDbContext>>());
        return await queries.FiguresAsync(Community, generated.Period, generated.ApplicationDate);
    }

    private static async Task<IndicatorReport> OwnReportAsync(FullEmploymentFactory app, string code, GeneratedLedgers generated)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ledger = await LedgerLoader.LoadAsync(db, await db.Communities.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(), default);
        return new IndicatorCalculator().Calculate(ledger, generated.Period, generated.ApplicationDate);
    }

    private static int Complaints(IReadOnlyList<IndicatorFigure> figures) =>
        figures.Single(f => f.Id == IndicatorCalculator.ValidComplaints).Numerator;

    private static async Task<GeneratedLedgers> GenerateAsync(FullEmploymentFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LedgerGenerator>().GenerateAsync(new LedgerGeneratorOptions { Seed = 7 });
    }

    private static async Task<Dictionary<string, IReadOnlyList<IndicatorFigure>>> RollUpAsync(FullEmploymentFactory app, GeneratedLedgers generated)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var clock = services.GetRequiredService<TimeProvider>();
        var province = new IndicatorQueries(services.GetRequiredService<AppDbContext>(),
            new AuditTrail(new FixedActor("province", Roles.ProvinceOfficer, "620000"), clock), clock,
            services.GetRequiredService<DbContextOptions<AppDbContext>>());
        var rows = new Dictionary<string, IReadOnlyList<IndicatorFigure>>();
        await foreach (var row in province.RollUpAsync("620000", generated.Period, generated.ApplicationDate))
        {
            rows[row.Code] = row.Figures;
        }

        return rows;
    }

    private static async Task<IReadOnlyList<IndicatorFigure>> OwnFiguresAsync(FullEmploymentFactory app, string code, GeneratedLedgers generated)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ledger = await LedgerLoader.LoadAsync(db, await db.Communities.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(), default);
        return [.. new IndicatorCalculator().Calculate(ledger, generated.Period, generated.ApplicationDate).Indicators.Select(IndicatorFigure.From)];
    }

    private static async Task<Dictionary<int, long>> VersionsAsync(FullEmploymentFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<LedgerVersion>().AsNoTracking()
            .ToDictionaryAsync(v => v.CommunityId, v => v.Version);
    }

    private static async Task<int> IdOfAsync(FullEmploymentFactory app, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Communities.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
    }

    /// <summary>Overwrites the stored figures of <paramref name="communityId"/> with <paramref name="fromCode"/>'s, keeping its version.</summary>
    private static async Task PlantAsync(FullEmploymentFactory app, int communityId, string fromCode, string? calculator)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var fromId = await db.Communities.Where(c => c.Code == fromCode).Select(c => c.Id).SingleAsync();
        var figures = await db.Set<StoredIndicatorResult>().Where(r => r.CommunityId == fromId).Select(r => r.Figures).SingleAsync();
        var planted = await db.Set<StoredIndicatorResult>().Where(r => r.CommunityId == communityId)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(r => r.Figures, figures);
                if (calculator is not null)
                {
                    s.SetProperty(r => r.Calculator, calculator);
                }
            });
        planted.ShouldBe(1);
    }
}
