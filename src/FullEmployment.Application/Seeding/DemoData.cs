using System.Security.Cryptography;
using FullEmployment.Application.Data;
using FullEmployment.Application.Identity;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Seeding;

public sealed record DemoAccount(string UserName, string Role, string ScopeCode, string DisplayName, string Password);

/// <summary>Demo communities with titles and one account per role, for Development and `fe seed --scale small`.</summary>
public sealed class DemoData(AppDbContext db, UserAdministration userAdministration)
{
    private static readonly (string UserName, string Role, string Scope, string DisplayName)[] Accounts =
    [
        ("province", Roles.ProvinceOfficer, "620000", "省人社厅就业促进处"),
        ("lanzhou", Roles.CityOfficer, "620100", "兰州市人社局"),
        ("jiayuguan", Roles.CityOfficer, "620200", "嘉峪关市人社局"),
        ("chengguan", Roles.CountyOfficer, "620102", "城关区人社局"),
        ("lanzhou-finance", Roles.CityFinance, "620100", "兰州市财政局"),
        ("chengguan-finance", Roles.CountyFinance, "620102", "城关区财政局"),
        ("community", Roles.CommunityStaff, "620102001001", "东岗社区工作人员"),
        // 酒泉路社区 holds no title yet: the account that applies in a municipal campaign (A4.3), which 东岗社区 cannot.
        ("jiuquanlu", Roles.CommunityStaff, "620102001005", "酒泉路社区工作人员"),
        ("auditor", Roles.Auditor, "620000", "省厅审计管理员"),
        ("secadmin", Roles.SecurityAdmin, "620000", "省厅安全管理员"),
    ];

    // (code, name, region, street, highest title, title year)
    private static readonly (string Code, string Name, string Region, string Street, TitleLevel? Level, int Year)[] Communities =
    [
        ("620102001001", "东岗社区", "620102", "东岗西路街道", TitleLevel.Municipal, 2021),
        ("620102001002", "雁南社区", "620102", "雁南街道", TitleLevel.Provincial, 2019),
        ("620102001003", "拱星墩社区", "620102", "拱星墩街道", TitleLevel.National, 2016),
        ("620102001004", "草场街社区", "620102", "草场街街道", TitleLevel.Municipal, 2022),
        ("620102001005", "酒泉路社区", "620102", "酒泉路街道", null, 0),
        ("620103001001", "西站社区", "620103", "西站街道", TitleLevel.Municipal, 2021),
        ("620103001002", "敦煌路社区", "620103", "敦煌路街道", TitleLevel.LegacyProvincialStar, 2015),
        ("620104001001", "陈坪社区", "620104", "陈坪街道", TitleLevel.Municipal, 2020),
        ("620105001001", "培黎社区", "620105", "培黎街道", TitleLevel.Provincial, 2021),
        ("620111001001", "窑街社区", "620111", "窑街街道", null, 0),
        ("620200001001", "五一社区", "620200", "五一街道", TitleLevel.Municipal, 2021),
        ("620200001002", "胜利社区", "620200", "胜利街道", TitleLevel.Provincial, 2019),
        ("620502001001", "大城社区", "620502", "大城街道", TitleLevel.Municipal, 2022),
        ("620702001001", "新乐社区", "620702", "新乐街道", TitleLevel.Municipal, 2021),
        ("620902001001", "西峰社区", "620902", "西北街街道", TitleLevel.Provincial, 2021),
        ("621002001001", "北街社区", "621002", "北街街道", TitleLevel.Municipal, 2022),
    ];

    public bool HasAccounts() => db.Users.Any();

    /// <summary>Seeds once; returns the accounts created (empty when already seeded) so their passwords can be shown once.</summary>
    public async Task<IReadOnlyList<DemoAccount>> SeedAsync(string? fixedPassword, bool mustChangePassword, CancellationToken cancellationToken = default)
    {
        if (await db.Communities.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken))
        {
            return [];
        }

        var cities = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, cancellationToken);
        foreach (var (code, name, region, street, level, year) in Communities)
        {
            var countyCode = cities[region].ParentCode == "620000" ? null : region;
            var cityCode = countyCode is null ? region : cities[region].ParentCode!;
            var community = new Community(code, cityCode, countyCode, new CommunityDetails(name, street,
                $"{cities[cityCode].Name}{(countyCode is null ? "" : cities[countyCode].Name)}{street}{name}",
                $"{cities[cityCode].Name[..2]}政发〔2012〕{code[^2..]}号", $"民备{code[..6]}-{code[^3..]}", new DateOnly(2012, 6, 1),
                "社区主任", "0931-8" + code[^6..]));
            if (level is { } top)
            {
                // Every titled community first held a municipal title filed with the province (A5.1.1).
                community.GrantTitle(TitleLevel.Municipal, cities[cityCode].Name + "人力资源和社会保障局", $"市人社发〔{year - 2}〕{code[^2..]}号",
                    new DateOnly(year - 2, 6, 1), $"SJ-{year - 2}-{code[^3..]}", $"甘人社备〔{year - 2}〕{code[^2..]}号", new DateOnly(year - 2, 7, 1));
                if (top != TitleLevel.Municipal)
                {
                    community.GrantTitle(top == TitleLevel.National ? TitleLevel.Provincial : top, "甘肃省人力资源和社会保障厅",
                        $"甘人社通〔{year - 1}〕{code[^2..]}号", new DateOnly(year - 1, 11, 20), $"GS-{year - 1}-{code[^3..]}");
                }

                if (top == TitleLevel.National)
                {
                    community.GrantTitle(TitleLevel.National, "人力资源和社会保障部", $"人社部函〔{year}〕{code[^2..]}号",
                        new DateOnly(year, 12, 1), $"GJ-{year}-{code[^3..]}");
                }
            }

            db.Communities.Add(community);
        }

        await db.SaveChangesAsync(cancellationToken);

        var created = new List<DemoAccount>();
        foreach (var (userName, role, scope, displayName) in Accounts)
        {
            var password = fixedPassword ?? NewPassword();
            await userAdministration.AddAsync(new NewUser(userName, displayName, role, scope, password, mustChangePassword),
                checkActor: false, cancellationToken);
            created.Add(new DemoAccount(userName, role, scope, displayName, password));
        }

        return created;
    }

    /// <summary>A readable random password meeting the policy (upper, lower, digits, symbol).</summary>
    public static string NewPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string digits = "23456789";
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            var set = (i % 3) switch { 0 => upper, 1 => lower, _ => digits };
            chars[i] = set[RandomNumberGenerator.GetInt32(set.Length)];
        }

        return new string(chars) + "#";
    }
}
