using System.Globalization;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers;
using FullEmployment.Application.Ledgers.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Ledgers;
using FullEmployment.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Seeding;

public enum LedgerScale
{
    /// <summary>The communities already registered (the demo ones), a few hundred persons each.</summary>
    Small,

    /// <summary>兰州市: every county, 12 communities each, 500 persons each.</summary>
    City,

    /// <summary>All 86 counties and 嘉峪关市: 2,000 communities, 1,000,000 persons, ~5,000,000 assistance records.</summary>
    Province,
}

public sealed record LedgerGeneratorOptions
{
    public LedgerScale Scale { get; init; } = LedgerScale.Small;

    /// <summary>The seed of the demo ledgers (`fe seed`, the web app's first start in Development).</summary>
    public const int DemoSeed = 20250101;

    public int Seed { get; init; } = DemoSeed;

    /// <summary>The application date the ledgers are built for (default today, China time); the period is the default one before it.</summary>
    public DateOnly? ApplicationDate { get; init; }

    public IProgress<string>? Progress { get; init; }
}

/// <summary>What was generated, and which community was made to fail which A5 condition.</summary>
public sealed record GeneratedLedgers(
    DateOnly ApplicationDate,
    AssessmentPeriod Period,
    int Communities,
    long Persons,
    long Assistances,
    long Rows,
    IReadOnlyDictionary<string, string?> PlantedFailures);

/// <summary>
/// A deterministic, realistic ledger generator for demos, tests and benchmarks (docs/reference/design.md "Tests
/// and benchmarks"). Each community's data comes from its own seeded Random, so the same seed gives the
/// same rows. Every community meets every A5 condition for the default period before the application
/// date, except the planted failures: community ordinal mod 20 = 0…6 fails exactly one condition each
/// (see <see cref="FailureSlots"/>), i.e. 5 % of communities per condition and 65 % meeting all.
/// </summary>
public sealed class LedgerGenerator(AppDbContext db, ILedgerBulkWriter writer, TimeProvider clock)
{
    /// <summary>Communities per transaction.</summary>
    private const int BatchSize = 25;

    /// <summary>The A5 condition planted as failing in communities whose ordinal mod 20 is the index (5 % each).</summary>
    public static IReadOnlyList<string> FailureSlots { get; } =
    [
        IndicatorCalculator.Reemployment, IndicatorCalculator.DifficultyEmployment, IndicatorCalculator.ZeroEmploymentFamilies,
        IndicatorCalculator.WillingWorkersAssisted, IndicatorCalculator.MonthlyAssistance, IndicatorCalculator.ValidComplaints,
        IndicatorCalculator.QualifiedStaff,
    ];

    public const double FailureShareEach = 0.05;

    public static string? PlantedFailure(int ordinal) => ordinal % 20 < FailureSlots.Count ? FailureSlots[ordinal % 20] : null;

    public static int PersonsPerCommunity(LedgerScale scale) => scale == LedgerScale.Small ? 300 : 500;

    public async Task<GeneratedLedgers> GenerateAsync(LedgerGeneratorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var applicationDate = options.ApplicationDate ?? ChinaTime.Today(clock);
        var period = AssessmentPeriod.DefaultFor(applicationDate);
        var communities = await CommunitiesAsync(options, applicationDate, cancellationToken);
        var planted = new Dictionary<string, string?>();
        long persons = 0, assistances = 0, rows = 0;
        var perCommunity = PersonsPerCommunity(options.Scale);
        var now = clock.GetUtcNow();
        now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);

        var batches = communities.Select((c, i) => (c.Community, c.CountyOrdinal, Ordinal: i)).Chunk(BatchSize).ToList();
        Task<CommunityLedger[]>? next = null;
        for (var b = 0; b < batches.Count; b++)
        {
            // Generate the next batch on another core while this one is written.
            var current = next is null ? Build(batches[b]) : await next;
            next = b + 1 < batches.Count ? Task.Run(() => Build(batches[b + 1]), cancellationToken) : null;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                var bulk = await writer.BeginAsync(db, cancellationToken);
                try
                {
                    foreach (var kind in Enum.GetValues<LedgerKind>())
                    {
                        var records = current.SelectMany(l => l.RecordsOf(kind)).ToList();
                        await writer.UpsertAsync(db, LedgerRowBatch.Prepare(db, kind, records), cancellationToken);
                        rows += records.Count;
                    }
                }
                finally
                {
                    await bulk.DisposeAsync();
                }

                await LedgerVersions.BumpAsync(db, current.Select(l => l.CommunityId), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            foreach (var (community, _, ordinal) in batches[b])
            {
                planted[community.Code] = PlantedFailure(ordinal);
            }

            persons += current.Sum(l => l.Persons.Count);
            assistances += current.Sum(l => l.Assistances.Count);
            options.Progress?.Report($"{Math.Min((b + 1) * BatchSize, communities.Count)}/{communities.Count} 个社区，{persons} 人");
        }

        return new GeneratedLedgers(applicationDate, period, communities.Count, persons, assistances, rows, planted);

        CommunityLedger[] Build((Community Community, int CountyOrdinal, int Ordinal)[] batch) =>
            [.. batch.Select(c => new CommunityLedgerBuilder(c.Community, c.CountyOrdinal, options.Seed, applicationDate, now, perCommunity,
                PlantedFailure(c.Ordinal)).Build())];
    }

    /// <summary>The communities to fill, in a stable order, created first for the city and province scales.</summary>
    private async Task<List<(Community Community, int CountyOrdinal)>> CommunitiesAsync(LedgerGeneratorOptions options, DateOnly today,
        CancellationToken cancellationToken)
    {
        if (options.Scale != LedgerScale.Small)
        {
            await CreateCommunitiesAsync(options, today, cancellationToken);
        }

        var all = await db.Communities.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var chosen = options.Scale switch
        {
            LedgerScale.Small => all,
            LedgerScale.City => all.Where(c => c.CityCode == CityScaleCode && c.Code[6..9].CompareTo("101") >= 0).ToList(),
            _ => all.Where(c => c.Code[6..9].CompareTo("101") >= 0).ToList(),
        };
        return [.. chosen.GroupBy(c => c.CountyCode ?? c.CityCode).SelectMany(g => g.Select((c, i) => (c, i)))
            .OrderBy(x => x.c.Code, StringComparer.Ordinal)];
    }

    private const string CityScaleCode = "620100";

    private static readonly string[] NameHeads = ["东", "西", "南", "北", "新", "和平", "幸福", "建设", "团结", "胜利", "光明", "友谊", "民主", "兴隆", "金城", "滨河", "育才", "永安"];
    private static readonly string[] NameTails = ["路", "街", "园", "苑", "里", "湾", "桥", "坪", "村", "门"];

    private async Task CreateCommunitiesAsync(LedgerGeneratorOptions options, DateOnly today, CancellationToken cancellationToken)
    {
        var regions = GansuRegions.All;
        var cities = regions.Where(r => r.Level == RegionLevel.City).ToList();
        var withCounties = regions.Where(r => r.Level == RegionLevel.County).Select(r => r.ParentCode).ToHashSet();
        // Counties, plus cities without counties (嘉峪关市), which hold communities directly.
        var targets = regions.Where(r => r.Level == RegionLevel.County)
            .Concat(cities.Where(c => !withCounties.Contains(c.Code)))
            .Where(r => options.Scale == LedgerScale.Province || r.ParentCode == CityScaleCode)
            .OrderBy(r => r.Code).ToList();
        var total = options.Scale == LedgerScale.Province ? 2000 : targets.Count * 12;
        var existing = (await db.Communities.Select(c => c.Code).ToListAsync(cancellationToken)).ToHashSet();
        var names = regions.ToDictionary(r => r.Code, r => r.Name);
        var random = new Random(options.Seed);
        for (var t = 0; t < targets.Count; t++)
        {
            var region = targets[t];
            var countyCode = region.Level == RegionLevel.County ? region.Code : null;
            var cityCode = countyCode is null ? region.Code : region.ParentCode!;
            var count = (total / targets.Count) + (t < total % targets.Count ? 1 : 0);
            for (var i = 0; i < count; i++)
            {
                // county code + street (101…) + community (001…); 001xxx is left to hand-registered communities.
                var code = $"{region.Code}{101 + (i / 10):000}{1 + (i % 10):000}";
                var name = $"{NameHeads[random.Next(NameHeads.Length)]}{NameTails[random.Next(NameTails.Length)]}{i + 1}社区";
                var street = $"{NameHeads[random.Next(NameHeads.Length)]}{NameTails[random.Next(NameTails.Length)]}街道";
                if (existing.Contains(code))
                {
                    continue;
                }

                var cityName = names[cityCode];
                var community = new Community(code, cityCode, countyCode, new CommunityDetails(name, street,
                    $"{cityName}{(countyCode is null ? "" : names[countyCode])}{street}{name}",
                    $"{cityName[..2]}政发〔2012〕{i + 1}号", $"民备{code[..6]}-{code[6..]}", new DateOnly(2012, 6, 1).AddDays(i),
                    "社区主任", $"0931-8{code[^6..]}"));
                if (i % 3 == 0)
                {
                    var year = today.Year - 2 - (i % 4);
                    community.GrantTitle(TitleLevel.Municipal, cityName + "人力资源和社会保障局", $"市人社发〔{year}〕{i + 1}号",
                        new DateOnly(year, 6, 1), $"SJ-{year}-{code[^6..]}", $"甘人社备〔{year}〕{i + 1}号", new DateOnly(year, 7, 1));
                }

                db.Communities.Add(community);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
