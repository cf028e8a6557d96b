using System.Globalization;
using System.Text;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers;
using FullEmployment.Application.Ledgers.Data;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Ledgers;

/// <summary>
/// CSV imports streamed from a file, as `fe ledger import` and the background jobs read them, on each provider: several
/// written chunks (16,384 rows each), rows in any order, and all or nothing when a late row is bad.
/// </summary>
public sealed class LedgerStreamingImportTests
{
    private const string SortedCommunity = "620102001001";
    private const string ShuffledCommunity = "620102001002";
    private const int Persons = 17_000;
    private static readonly FixedActor Chengguan = new("chengguan", Roles.CountyOfficer, "620102");
    private static readonly string[] Methods = ["职业指导", "岗位推荐", "技能培训"];

    [DatabaseTheory]
    public async Task A_file_with_rows_in_shuffled_order_imports_the_same_ledger_as_the_sorted_file(Database database)
    {
        await using var app = LedgerData.Start(database);
        var persons = Enumerable.Range(0, Persons).Select(i => new[] { Id(i), "乱序" + (i % 97).ToString(CultureInfo.InvariantCulture) }).ToArray();
        // Two records per person on different dates, a third on the same date by another method: keys of three columns.
        var assistances = Enumerable.Range(0, Persons * 3).Select(i => new[]
        {
            Id(i % Persons), new DateOnly(2024, 3, 1).AddDays(i / Persons == 1 ? 7 : 0).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Methods[i / Persons], "第" + (i / Persons).ToString(CultureInfo.InvariantCulture) + "次", "经办员" + (i % 40).ToString(CultureInfo.InvariantCulture),
        }).ToArray();

        foreach (var (community, order) in new[] { (SortedCommunity, (Func<string[][], string[][]>)(rows => rows)), (ShuffledCommunity, Shuffle) })
        {
            var people = await ImportAsync(app, community, PersonsCsv(order(persons)), LedgerKind.Person);
            people.Succeeded.ShouldBeTrue(people.Message);
            people.Totals.Added.ShouldBe(Persons);
            var records = await ImportAsync(app, community, AssistancesCsv(order(assistances)), LedgerKind.Assistance);
            records.Succeeded.ShouldBeTrue(records.Message);
            records.Totals.Added.ShouldBe(Persons * 3);
        }

        var (sortedPersons, sortedAssistances) = await LedgerOfAsync(app, SortedCommunity);
        var (shuffledPersons, shuffledAssistances) = await LedgerOfAsync(app, ShuffledCommunity);
        sortedPersons.Count.ShouldBe(Persons);
        shuffledPersons.ShouldBe(sortedPersons);
        sortedAssistances.Count.ShouldBe(Persons * 3);
        shuffledAssistances.ShouldBe(sortedAssistances);
    }

    [DatabaseTheory]
    public async Task Each_written_chunk_goes_in_in_the_unique_index_order_whatever_the_file_order(Database database)
    {
        await using var app = LedgerData.Start(database);
        var persons = Shuffle([.. Enumerable.Range(0, Persons).Select(i => new[] { Id(i), "乱序" })]);

        var outcome = await ImportAsync(app, ShuffledCommunity, PersonsCsv(persons), LedgerKind.Person);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        var indexesInWrittenOrder = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var id = await db.Communities.Where(c => c.Code == ShuffledCommunity).Select(c => c.Id).SingleAsync();
            return await db.Set<LedgerPerson>().Where(p => p.CommunityId == id).OrderBy(p => p.Id)
                .Select(p => EF.Property<long?>(p, LedgerMapping.IdIndex) ?? 0).ToListAsync();
        });
        // 17,000 rows are two chunks of at most 16,384: the blind index may fall back once, where the second begins.
        indexesInWrittenOrder.Count.ShouldBe(Persons);
        indexesInWrittenOrder.Zip(indexesInWrittenOrder.Skip(1)).Count(p => p.Second < p.First).ShouldBeLessThanOrEqualTo(1);
    }

    [DatabaseTheory]
    public async Task Rows_of_other_kinds_find_their_person_in_the_stored_ledger_by_the_blind_index_and_a_stranger_is_refused(Database database)
    {
        await using var app = LedgerData.Start(database);
        var withX = Enumerable.Range(0, 2_000).First(i => Id(i).EndsWith('X'));
        var people = await ImportAsync(app, SortedCommunity, PersonsCsv([[Id(0), "甲"], [Id(withX), "乙"]]), LedgerKind.Person);
        people.Succeeded.ShouldBeTrue(people.Message);

        // The stored person is found whatever the case of the check letter; one never imported is not.
        var stranger = Id(withX + 1);
        var refused = await ImportAsync(app, SortedCommunity,
            AssistancesCsv([[Id(0), "2024-03-01", "职业指导", "首次", "经办员"], [stranger, "2024-03-01", "职业指导", "首次", "经办员"]]), LedgerKind.Assistance);
        refused.Rejection.ShouldBe(LedgerImportRejection.InvalidRows);
        refused.Errors.Select(e => (e.Row, e.Value)).ShouldBe([(3, stranger)]);
        refused.Errors[0].Message.ShouldContain("人员台账中没有该身份证号");

        var accepted = await ImportAsync(app, SortedCommunity,
            AssistancesCsv([[Id(0), "2024-03-01", "职业指导", "首次", "经办员"], [Id(withX).ToLowerInvariant(), "2024-03-02", "岗位推荐", "首次", "经办员"]]),
            LedgerKind.Assistance);
        accepted.Succeeded.ShouldBeTrue(accepted.Message);
        accepted.Totals.Added.ShouldBe(2);
    }

    [DatabaseTheory]
    public async Task A_bad_row_late_in_a_large_file_leaves_nothing_imported_and_is_reported_with_its_row_number(Database database)
    {
        await using var app = LedgerData.Start(database);
        var before = await app.CountsAsync();
        var rows = Enumerable.Range(0, 20_000).Select(i => new[] { Id(i), "后排" }).ToList();
        rows[19_990] = ["62010219991345000X", "坏号"];
        rows.Add([Id(0), "重复第一行"]);

        var outcome = await ImportAsync(app, SortedCommunity, PersonsCsv([.. rows]), LedgerKind.Person);

        outcome.Rejection.ShouldBe(LedgerImportRejection.InvalidRows);
        // Line 1 is the header: data row i is on line i + 2, as Excel numbers it.
        outcome.Errors.Select(e => (e.Row, e.Column)).ShouldBe([(19_992, LedgerKinds.IdNumber), (20_002, LedgerKinds.IdNumber)]);
        outcome.Errors[0].Value.ShouldBe("62010219991345000X");
        outcome.Errors[1].Message.ShouldContain("与第 2 行重复");
        outcome.Message.ShouldContain("未写入任何数据");
        (await app.CountsAsync()).ShouldBe(before);

        // The error report holds the file's rows under their own numbers, read again from the file.
        using var report = XlsxReader.Open(new MemoryStream(outcome.ErrorReport!));
        var reported = report.ReadRows("人员").ToList();
        reported.Count.ShouldBe(20_002);
        reported.Single(r => r.Number == 19_992)[0].Text.ShouldBe("62010219991345000X");
    }

    private static string Id(int i) => LedgerFiles.Id(new DateOnly(1960, 1, 1).AddDays(i / 900), (i % 900) + 1);

    private static string[][] Shuffle(string[][] rows)
    {
        var shuffled = (string[][])rows.Clone();
        new Random(12).Shuffle(shuffled);
        return shuffled;
    }

    private static string PersonsCsv(string[][] rows) => LedgerFiles.Csv([LedgerKinds.IdNumber, LedgerKinds.Name], rows);

    private static string AssistancesCsv(string[][] rows) => LedgerFiles.Csv(
        [LedgerKinds.IdNumber, LedgerKinds.AssistedOn, LedgerKinds.AssistanceKind, LedgerKinds.AssistanceContent, LedgerKinds.Handler], rows);

    /// <summary>Imports from a file on disk, the stream the CLI and the background jobs hand over.</summary>
    private static async Task<LedgerImportOutcome> ImportAsync(FullEmploymentFactory app, string community, string csv, LedgerKind kind)
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, csv, new UTF8Encoding(false));
            await using var file = File.OpenRead(path);
            return await app.WithScopeAsync(Chengguan, sp => sp.GetRequiredService<LedgerImports>().WithMaxFileBytes(64L * 1024 * 1024)
                .ImportFileAsync(community, file, kind.SheetName() + ".csv", kind));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Task<(List<string> Persons, List<string> Assistances)> LedgerOfAsync(FullEmploymentFactory app, string code) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var id = await db.Communities.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
            // Joined in memory: the ID number is sealed in the database, so SQL cannot concatenate it.
            var persons = await db.Set<LedgerPerson>().Where(p => p.CommunityId == id).Select(p => new { p.IdNumber, p.Name }).ToListAsync();
            var assistances = await db.Set<Assistance>().Where(a => a.CommunityId == id).ToListAsync();
            return (persons.Select(p => p.IdNumber + "|" + p.Name).Order(StringComparer.Ordinal).ToList(),
                assistances.Select(a => string.Join("|", a.IdNumber, a.AssistedOn, a.AssistanceKind, a.Content, a.Handler, a.SystemRecordNumber))
                    .Order(StringComparer.Ordinal).ToList());
        });
}
