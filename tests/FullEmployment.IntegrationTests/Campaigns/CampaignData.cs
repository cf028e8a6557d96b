using System.Net.Http.Headers;
using FullEmployment.Application.Data;
using FullEmployment.Application.Identity;
using FullEmployment.Domain;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Campaigns;

/// <summary>
/// The campaign scenarios' world on <see cref="FullEmploymentFactory"/>: no demo data, a clock before every deadline of
/// <see cref="CampaignScenario"/>, four communities whose ledgers meet the staff condition (<see cref="SeedCommunitiesAsync"/>),
/// and bearer clients of new users of any role (<see cref="ClientAsAsync"/>).
/// </summary>
public static class CampaignData
{
    public const string Province = "620000";
    public const string Lanzhou = "620100";
    public const string Chengguan = "620102";
    public const string Qilihe = "620103";
    public const string Donggang = "620102001001";
    public const string Caochang = "620102001004";
    public const string Yuanjiu = "620102001005";
    public const string Xizhan = "620103001001";

    private const int TokenDays = 365;

    /// <summary>Monday 2025-03-03 09:00 China time, before every deadline of <see cref="CampaignScenario"/>.</summary>
    public static FactoryOptions Options { get; } = new()
    {
        Start = new DateTimeOffset(2025, 3, 3, 9, 0, 0, ChinaTime.Offset),
        Environment = "Testing",
        // Scenarios move the clock through a campaign's months: their tokens live the longest lifetime allowed.
        Settings = new Dictionary<string, string> { ["ApiTokens:MaxLifetimeDays"] = TokenDays.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    public static FullEmploymentFactory Start(Database database) => new(database, Options);

    /// <summary>Seeds the communities the scenarios use (DemoData's, with titles) once.</summary>
    public static async Task SeedCommunitiesAsync(this FullEmploymentFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Communities.AnyAsync())
        {
            return;
        }

        (string Code, string Name, string City, string? County, bool Municipal)[] communities =
        [
            (Donggang, "东岗社区", Lanzhou, Chengguan, true),
            (Caochang, "草场街社区", Lanzhou, Chengguan, true),
            (Yuanjiu, "酒泉路社区", Lanzhou, Chengguan, false),
            (Xizhan, "西站社区", Lanzhou, Qilihe, true),
        ];
        foreach (var (code, name, city, county, municipal) in communities)
        {
            var community = new Community(code, city, county, new CommunityDetails(name, name + "街道", "兰州市" + name, "兰政发〔2012〕1号",
                "民备" + code[..6], new DateOnly(2012, 6, 1), "主任", "09318" + code[^6..]));
            if (municipal)
            {
                community.GrantTitle(TitleLevel.Municipal, "兰州市人力资源和社会保障局", "兰人社发〔2021〕" + code[^2..] + "号", new DateOnly(2021, 6, 1),
                    "SJ-" + code[^3..], "甘人社备〔2021〕" + code[^2..] + "号", new DateOnly(2021, 7, 1));
            }

            db.Communities.Add(community);
        }

        await db.SaveChangesAsync();

        // Every community's ledger has two full-time staff with a degree for years (A5.1.4), nothing else.
        var stored = factory.Clock.GetUtcNow();
        foreach (var community in await db.Communities.ToListAsync())
        {
            db.Set<StaffMember>().AddRange(
                Staff(community.Id, "张敏", EducationLevel.Bachelor, new DateOnly(2019, 3, 1)),
                Staff(community.Id, "李强", EducationLevel.College, new DateOnly(2020, 5, 1)));
        }

        StaffMember Staff(int communityId, string name, EducationLevel education, DateOnly startedOn) => new()
        {
            CommunityId = communityId,
            Name = name,
            Education = education,
            IsFullTime = true,
            StartedOn = startedOn,
            CreatedAt = stored,
            UpdatedAt = stored,
        };

        await db.SaveChangesAsync();
    }

    /// <summary>An HTTP client carrying a bearer token of a new user with the role and scope.</summary>
    public static async Task<HttpClient> ClientAsAsync(this FullEmploymentFactory factory, string role, string scope)
    {
        var userName = $"u{Guid.NewGuid():N}"[..16];
        string token;
        await using (var scope1 = factory.Services.CreateAsyncScope())
        {
            await scope1.ServiceProvider.GetRequiredService<UserAdministration>()
                .AddAsync(new NewUser(userName, userName, role, scope, "Test#Passw0rd!", false), checkActor: false);
        }

        token = await factory.As(Roles.SecurityAdmin, Province, sp => sp.GetRequiredService<ApiTokenService>().CreateAsync(userName, TokenDays));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
