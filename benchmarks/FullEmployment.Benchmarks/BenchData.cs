using System.Globalization;
using System.Text;
using FullEmployment.Application;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Seeding;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.Benchmarks;

/// <summary>Databases and files the benchmarks share: generated deterministically, cached where generation is slow.</summary>
public static class BenchData
{
    public const int Seed = 20250101;

    /// <summary>The fixed application date every generated ledger is built for, so cached data stays valid.</summary>
    public static readonly DateOnly ApplicationDate = new(2025, 7, 1);

    /// <summary>城关区: the county every benchmark's own community belongs to.</summary>
    public const string County = "620102";

    public const string CommunityCode = "620102900001";

    /// <summary>benchmarks/FullEmployment.Benchmarks/data (gitignored), found from the build output folder.</summary>
    public static string DataFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FullEmployment.Benchmarks.csproj")))
            {
                dir = dir.Parent;
            }

            var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "data");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static ServiceProvider Services(DatabaseProvider provider, string connectionString, ICurrentActor actor)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Default"] = connectionString,
            // A benchmark is a development run: the audit key is generated beside the data (AuditKey).
            ["DOTNET_ENVIRONMENT"] = "Development",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddFullEmploymentData(configuration);
        services.AddFullEmploymentApplication();
        services.AddSingleton(actor);
        return services.BuildServiceProvider();
    }

    public static ICurrentActor CountyOfficer { get; } = new FixedActor("bench", Roles.CountyOfficer, County, "bench");

    public static ICurrentActor ProvinceOfficer { get; } = new FixedActor("bench", Roles.ProvinceOfficer, "620000", "bench");

    public static string SqliteConnection(string file) => $"Data Source={file};Pooling=False";

    /// <summary>A migrated SQLite database with one empty community in 城关区.</summary>
    public static async Task CreateCommunityDatabaseAsync(string file)
    {
        DeleteDatabase(file);
        await using var services = Services(DatabaseProvider.Sqlite, SqliteConnection(file), CountyOfficer);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Communities.Add(new Community(CommunityCode, "620100", County, new CommunityDetails("基准社区", "基准街道", "兰州市城关区基准街道基准社区",
            "兰政发〔2012〕1号", "民备620102-900001", new DateOnly(2012, 6, 1), "社区主任", "0931-8900001")));
        await db.SaveChangesAsync();
    }

    public static void DeleteDatabase(string file)
    {
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// A 人员 CSV of <paramref name="rows"/> distinct, valid persons (UTF-8): ID numbers with their check
    /// character, gender and birth date agreeing with them, so every row passes validation.
    /// </summary>
    public static void WritePersonsCsv(string path, int rows) => WritePersonsCsv(path, rows, shuffled: false);

    /// <summary>
    /// The same persons; <paramref name="shuffled"/> writes them in a scattered order (row i is person
    /// i·p mod n for a prime p not dividing n), as files kept in Excel or exported by another system are.
    /// </summary>
    public static void WritePersonsCsv(string path, int rows, bool shuffled)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("身份证号,姓名,性别,出生日期,文化程度,联系电话,家庭编号,与户主关系,户籍类型,有无劳动能力,有无就业意愿,居住地址\n");
        var educations = LedgerLabels.EducationLevels.Labels.ToArray();
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
        string[] given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳"];
        var firstBirth = new DateOnly(1965, 1, 1);
        for (var row = 0; row < rows; row++)
        {
            var i = shuffled ? Scatter(row, rows) : row;
            var birth = firstBirth.AddDays(i / 999);
            var sequence = (i % 999) + 1;
            var first17 = $"620102{birth:yyyyMMdd}{sequence:000}";
            var id = first17 + IdNumber.CheckCharacter(first17);
            var gender = sequence % 2 == 1 ? "男" : "女";
            var name = surnames[i % surnames.Length] + given[(i / 10) % given.Length] + given[(i / 120) % given.Length];
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{id},{name},{gender},{birth:yyyy-MM-dd},{educations[i % educations.Length]},1380000{i % 10000:0000},F{i / 3:000000},{(i % 3 == 0 ? "户主" : "子女")},城镇,有,有,兰州市城关区示例路{i % 500 + 1}号\n"));
        }
    }

    /// <summary>
    /// A 援助记录 CSV of <paramref name="rows"/> valid records for the persons of <see cref="WritePersonsCsv(string, int, bool)"/>
    /// (<paramref name="persons"/> of them), several per person on distinct dates; sorted by person or scattered.
    /// </summary>
    public static void WriteAssistancesCsv(string path, int rows, int persons, bool shuffled)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("身份证号,援助日期,援助方式,援助内容,经办人,信息系统记录号\n");
        string[] methods = ["职业指导", "岗位推荐", "技能培训", "政策咨询", "创业服务", "跟踪回访"];
        var firstBirth = new DateOnly(1965, 1, 1);
        var firstAssistance = new DateOnly(2023, 1, 2);
        for (var row = 0; row < rows; row++)
        {
            var i = shuffled ? Scatter(row, rows) : row;
            var person = i % persons;
            var visit = i / persons;
            var first17 = $"620102{firstBirth.AddDays(person / 999):yyyyMMdd}{(person % 999) + 1:000}";
            var id = first17 + IdNumber.CheckCharacter(first17);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{id},{firstAssistance.AddDays((visit * 7) + (person % 5)):yyyy-MM-dd},{methods[(person + visit) % methods.Length]},第{visit + 1}次援助,经办员{person % 40:00},JY{i:00000000}\n"));
        }
    }

    /// <summary>A permutation of 0..n-1 that needs no memory: a large prime not dividing n, times i, modulo n.</summary>
    private static int Scatter(int i, int n)
    {
        const long Prime = 2_147_483_629;
        return n % Prime == 0 ? i : (int)(i * Prime % n);
    }
}
