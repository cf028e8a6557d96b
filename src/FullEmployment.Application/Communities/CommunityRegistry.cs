using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Regions;
using FullEmployment.Domain;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using FullEmployment.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Communities;

/// <summary>The community registry and its titles (A2, A3.1, A10), always within the caller's scope.</summary>
public sealed class CommunityRegistry(AppDbContext db, AuditTrail audit, TimeProvider clock, RegionCache regionCache)
{
    private ICurrentActor Actor => audit.Actor;

    private static readonly string[] Readers =
        [Roles.ProvinceOfficer, Roles.CityOfficer, Roles.CountyOfficer, Roles.CityFinance, Roles.CountyFinance, Roles.CommunityStaff];

    public async Task<PagedResult<CommunityRow>> ListAsync(CommunityFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var communities = await Sorted(query, filter).Skip(page.Skip).Take(page.SafePageSize)
            .Include(c => c.Titles).AsNoTracking().AsSplitQuery().ToListAsync(cancellationToken);
        return new PagedResult<CommunityRow>(await ToRowsAsync(communities, cancellationToken), total, page.SafePage, page.SafePageSize);
    }

    /// <summary>All rows matching the filter (for export), audited as an export.</summary>
    public async Task<IReadOnlyList<CommunityRow>> ExportAsync(CommunityFilter filter, CancellationToken cancellationToken = default)
    {
        var communities = await Sorted(Filtered(filter), filter).Include(c => c.Titles).AsNoTracking().AsSplitQuery().ToListAsync(cancellationToken);
        audit.Record("community.export", "community", null, RegionOfActor(), after: new { filter.RegionCode, filter.Search, rows = communities.Count });
        await db.SaveChangesAsync(cancellationToken);
        return await ToRowsAsync(communities, cancellationToken);
    }

    public async Task<Community> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Readers);
        var community = await db.Communities.Include(c => c.Titles).Include(c => c.NameHistory).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (community is null || !Actor.Covers(community))
        {
            throw new NotFoundException($"未找到社区“{code}”，或不在您的管辖范围内。");
        }

        return community;
    }

    /// <summary>The community page's view (<see cref="CommunityView"/>): no tracked entity leaves the registry.</summary>
    public async Task<CommunityView> ViewAsync(string code, CancellationToken cancellationToken = default) =>
        await ViewOfAsync(await GetAsync(code, cancellationToken), cancellationToken);

    /// <summary>The page ending a title (A9–A11): the community and that title, for a caller with authority over its level.</summary>
    public async Task<(CommunityView Community, CommunityTitleView Title)> TitleToEndAsync(string code, int titleId,
        CancellationToken cancellationToken = default)
    {
        var community = await GetAsync(code, cancellationToken);
        EnsureMayManageTitle(community, community.FindTitle(titleId).Level);
        var view = await ViewOfAsync(community, cancellationToken);
        return (view, view.Titles.Single(t => t.Id == titleId));
    }

    private async Task<CommunityView> ViewOfAsync(Community community, CancellationToken cancellationToken)
    {
        var names = await db.Regions.AsNoTracking().Where(r => r.Code == community.CityCode || r.Code == community.CountyCode)
            .ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        var regionName = names[community.CityCode] + (community.CountyCode is { } county ? " " + names[county] : "（市直属）");
        return CommunityView.Of(community, regionName, ChinaTime.Today(clock), this);
    }

    /// <summary>Shows a masked contact phone in full; the reveal itself is audited.</summary>
    public async Task<string?> RevealContactPhoneAsync(string code, CancellationToken cancellationToken = default)
    {
        var community = await GetAsync(code, cancellationToken);
        audit.Record("community.reveal-phone", "community", code, community.RegionCode);
        await db.SaveChangesAsync(cancellationToken);
        return community.ContactPhone;
    }

    public async Task<Community> CreateAsync(CommunityInput input, CancellationToken cancellationToken = default)
    {
        var (cityCode, countyCode) = await ResolveRegionAsync(input.RegionCode, cancellationToken);
        EnsureMayMaintain(cityCode, countyCode);
        if (await db.Communities.AnyAsync(c => c.Code == input.Code, cancellationToken))
        {
            throw new DomainException($"社区代码“{input.Code}”已登记。");
        }

        var community = new Community(input.Code.Trim(), cityCode, countyCode, DetailsOf(input));
        db.Communities.Add(community);
        audit.Record("community.create", "community", community.Code, community.RegionCode, after: Snapshot(community));
        await db.SaveChangesAsync(cancellationToken);
        return community;
    }

    public async Task<Community> UpdateAsync(string code, CommunityInput input, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var community = await LoadForWriteAsync(code, cancellationToken);
        EnsureMayMaintain(community.CityCode, community.CountyCode);
        EnsureSameRegion(community, input);

        db.ExpectVersion(community, expectedVersion);
        if (input.ContactPhone is { } phone && phone == PhoneMask.Mask(community.ContactPhone))
        {
            // The API shows the phone masked: sending the mask back keeps the stored number.
            input = input with { ContactPhone = community.ContactPhone };
        }

        var before = Snapshot(community);
        community.UpdateDetails(DetailsOf(input), ChinaTime.Today(clock));
        audit.Record("community.update", "community", code, community.RegionCode, before, Snapshot(community));
        await db.SaveChangesAsync(cancellationToken);
        return community;
    }

    public async Task<Title> GrantTitleAsync(string code, TitleInput input, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var community = await LoadForWriteAsync(code, cancellationToken);
        EnsureMayManageTitle(community, input.Level);
        db.ExpectVersion(community, expectedVersion);
        var title = ApplyTitle(community, input);
        audit.Record("title.grant", "community", code, community.RegionCode, after: new
        {
            level = input.Level.ApiName(),
            input.GrantingAuthority,
            input.DocumentNumber,
            input.GrantedOn,
            input.PlaqueNumber,
            input.ProvinceFilingNumber,
            input.ProvinceFiledOn,
            input.EndedOn,
        });
        await db.SaveChangesAsync(cancellationToken);
        return title;
    }

    public async Task EndTitleAsync(string code, int titleId, DateOnly endedOn, TitleEndReason reason, string? remark, int? expectedVersion,
        CancellationToken cancellationToken = default)
    {
        var community = await LoadForWriteAsync(code, cancellationToken);
        var title = community.FindTitle(titleId);
        EnsureMayManageTitle(community, title.Level);
        db.ExpectVersion(community, expectedVersion);
        community.EndTitle(titleId, endedOn, reason, remark);
        audit.Record("title.end", "community", code, community.RegionCode,
            before: new { titleId, level = title.Level.ApiName(), title.DocumentNumber },
            after: new { endedOn, reason = reason.DisplayName(), remark });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A5.1.1: the province records that a municipal title was filed with it.</summary>
    public async Task RecordProvinceFilingAsync(string code, int titleId, string filingNumber, DateOnly filedOn, int? expectedVersion,
        CancellationToken cancellationToken = default)
    {
        var community = await LoadForWriteAsync(code, cancellationToken);
        if (!Actor.IsInRole(Roles.ProvinceOfficer, Roles.CityOfficer) || !Actor.Covers(community))
        {
            throw new ForbiddenException("市级称号报省备案只能由所在市州人社局或省人社厅登记。");
        }

        db.ExpectVersion(community, expectedVersion);
        community.RecordProvinceFiling(titleId, filingNumber, filedOn);
        audit.Record("title.province-filing", "community", code, community.RegionCode, after: new { titleId, filingNumber, filedOn });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Who may upload a registry workbook at all, checked before the file is read: the county step's officers keep the
    /// 社区 sheet (A2), the province and the cities the titles they grant (A10). Rows are then checked one by one.
    /// </summary>
    public void EnsureMayImport()
    {
        if (!Actor.IsInRole(Roles.ProvinceOfficer, Roles.CityOfficer, Roles.CountyOfficer))
        {
            throw new ForbiddenException($"当前角色（{Roles.DisplayName(Actor.Role ?? "未登录")}）无权导入社区名录：社区由所在县区人社局（无县区的市由市人社局）导入，称号由授予机关导入。");
        }
    }

    /// <summary>
    /// One 社区 row of a registry import (A2). A registered community is authorised against its stored region, never the
    /// region the row names, and the row may not move it; a new one against the region the row names.
    /// </summary>
    internal async Task<ImportedCommunity> ApplyImportRowAsync(CommunityInput input, Dictionary<string, Community> registered,
        CancellationToken cancellationToken)
    {
        if (registered.TryGetValue(input.Code, out var community))
        {
            EnsureMayMaintain(community.CityCode, community.CountyCode);
            EnsureSameRegion(community, input);
            var before = Snapshot(community);
            community.UpdateDetails(DetailsOf(input), ChinaTime.Today(clock));
            db.ChangeTracker.DetectChanges();
            if (db.Entry(community).State != EntityState.Modified && !community.NameHistory.Any(n => db.Entry(n).State == EntityState.Added))
            {
                return ImportedCommunity.Unchanged;
            }

            audit.Record("community.update", "community", community.Code, community.RegionCode, before, Snapshot(community));
            return ImportedCommunity.Updated;
        }

        var (cityCode, countyCode) = await ResolveRegionAsync(input.RegionCode, cancellationToken);
        EnsureMayMaintain(cityCode, countyCode);
        community = new Community(input.Code, cityCode, countyCode, DetailsOf(input));
        db.Communities.Add(community);
        registered[input.Code] = community;
        audit.Record("community.create", "community", community.Code, community.RegionCode, after: Snapshot(community));
        return ImportedCommunity.Added;
    }

    /// <summary>Whether the caller may edit the registry entry of a community in this region.</summary>
    public bool MayMaintain(string cityCode, string? countyCode) => CountyStep.IsOfficer(Actor.Role, Actor.ScopeCode, cityCode, countyCode);

    /// <summary>The counties (and cities without counties) where the caller may register communities.</summary>
    public async Task<List<Region>> MaintainableRegionsAsync(CancellationToken cancellationToken = default)
    {
        var regions = await regionCache.AllAsync(db, cancellationToken);
        var parents = regions.Select(r => r.ParentCode).ToHashSet();
        return regions.Where(r => r.Level switch
        {
            RegionLevel.County => MayMaintain(r.ParentCode!, r.Code),
            RegionLevel.City => !parents.Contains(r.Code) && MayMaintain(r.Code, null),
            _ => false,
        }).ToList();
    }

    public bool MayManageTitle(Community community, TitleLevel level) =>
        TitleAuthority.MayManage(Actor.Role ?? "", level) && Actor.Covers(community);

    internal static Title ApplyTitle(Community community, TitleInput input) =>
        community.GrantTitle(input.Level, input.GrantingAuthority, input.DocumentNumber, input.GrantedOn,
            input.PlaqueNumber, input.ProvinceFilingNumber, input.ProvinceFiledOn,
            input.EndedOn is { } endedOn ? new TitleEnd(endedOn, input.EndReason ?? TitleEndReason.Other, input.EndRemark) : null);

    public void EnsureMayMaintain(string cityCode, string? countyCode)
    {
        if (!MayMaintain(cityCode, countyCode))
        {
            throw new ForbiddenException("只有社区所在县区人社局（无县区的市由市人社局）可以登记和修改社区信息。");
        }
    }

    public void EnsureMayManageTitle(Community community, TitleLevel level)
    {
        if (Actor.Role is null || !Readers.Contains(Actor.Role))
        {
            throw new ForbiddenException("当前角色无权管理称号。");
        }

        // A10: a role without authority over this level is refused access (403), like one outside its scope.
        if (!TitleAuthority.MayManage(Actor.Role, level))
        {
            throw new ForbiddenException(TitleAuthority.Refusal(level));
        }

        if (!Actor.Covers(community))
        {
            throw new ForbiddenException("该社区不在您的管辖范围内。");
        }
    }

    // A11: a community changes region only through civil affairs' dissolution or merger, never by editing its entry.
    private static void EnsureSameRegion(Community community, CommunityInput input)
    {
        if (input.RegionCode.Trim() != community.RegionCode)
        {
            throw new DomainException(
                $"社区“{community.Code}”登记的所属区划为{community.RegionCode}，不能改为{input.RegionCode}；跨区划调整请按民政部门的撤销、合并办理。", "A11");
        }
    }

    internal async Task<(string CityCode, string? CountyCode)> ResolveRegionAsync(string regionCode, CancellationToken cancellationToken)
    {
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == regionCode, cancellationToken)
            ?? throw new DomainException($"行政区划代码“{regionCode}”不存在。");
        return region.Level switch
        {
            RegionLevel.County => (region.ParentCode!, region.Code),
            RegionLevel.City when !await db.Regions.AnyAsync(r => r.ParentCode == region.Code, cancellationToken) => (region.Code, null),
            _ => throw new DomainException($"“{region.Name}”下设县区，社区须登记到县区。"),
        };
    }

    internal static CommunityDetails DetailsOf(CommunityInput input) => new(input.Name, input.Street, input.Address,
        input.ApprovalDocumentNumber, input.CivilAffairsFilingNumber, input.CivilAffairsFiledOn, input.ContactName, input.ContactPhone);

    private async Task<Community> LoadForWriteAsync(string code, CancellationToken cancellationToken)
    {
        if (Actor.Role is null || !Readers.Contains(Actor.Role))
        {
            throw new ForbiddenException("当前角色无权修改社区信息。");
        }

        var community = await db.Communities.Include(c => c.Titles).Include(c => c.NameHistory).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Code == code, cancellationToken)
            ?? throw new NotFoundException($"未找到社区“{code}”。");
        return community;
    }

    private IQueryable<Community> Filtered(CommunityFilter filter)
    {
        Actor.EnsureRole(Readers);
        var query = db.Communities.AsQueryable().WithinScope(Actor);
        if (filter.RegionCode is { Length: 6 } region && region != GansuRegions.ProvinceCode)
        {
            query = region.EndsWith("00", StringComparison.Ordinal)
                ? query.Where(c => c.CityCode == region)
                : query.Where(c => c.CountyCode == region);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.Level is { } level)
        {
            var today = ChinaTime.Today(clock);
            query = query.Where(c => c.Titles.Any(t => t.Level == level && t.GrantedOn <= today && (t.EndedOn == null || t.EndedOn > today)));
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            query = query.Where(c => c.Name.Contains(term) || c.Code.StartsWith(term) || c.Street.Contains(term));
        }

        return query;
    }

    private static IQueryable<Community> Sorted(IQueryable<Community> query, CommunityFilter filter) => (filter.Sort, filter.Descending) switch
    {
        (CommunitySort.Name, false) => query.OrderBy(c => c.Name).ThenBy(c => c.Code),
        (CommunitySort.Name, true) => query.OrderByDescending(c => c.Name).ThenBy(c => c.Code),
        (CommunitySort.Region, false) => query.OrderBy(c => c.CountyCode ?? c.CityCode).ThenBy(c => c.Code),
        (CommunitySort.Region, true) => query.OrderByDescending(c => c.CountyCode ?? c.CityCode).ThenBy(c => c.Code),
        (CommunitySort.Status, false) => query.OrderBy(c => c.Status).ThenBy(c => c.Code),
        (CommunitySort.Status, true) => query.OrderByDescending(c => c.Status).ThenBy(c => c.Code),
        (_, true) => query.OrderByDescending(c => c.Code),
        _ => query.OrderBy(c => c.Code),
    };

    private async Task<List<CommunityRow>> ToRowsAsync(List<Community> communities, CancellationToken cancellationToken)
    {
        var names = (await regionCache.AllAsync(db, cancellationToken)).ToDictionary(r => r.Code, r => r.Name);
        var today = ChinaTime.Today(clock);
        return communities.Select(c => new CommunityRow(c.Code, c.Name, c.CityCode, names.GetValueOrDefault(c.CityCode, c.CityCode),
            c.CountyCode, c.CountyCode is null ? null : names.GetValueOrDefault(c.CountyCode, c.CountyCode), c.Street, c.Status,
            c.HighestTitleOn(today)?.Level, c.HasCivilAffairsFiling)).ToList();
    }

    private string? RegionOfActor() => Actor.ScopeCode is { Length: >= 6 } s ? s[..6] : null;

    internal static object Snapshot(Community c) => new
    {
        c.Code,
        c.Name,
        c.CityCode,
        c.CountyCode,
        c.Street,
        c.Address,
        c.ApprovalDocumentNumber,
        c.CivilAffairsFilingNumber,
        c.CivilAffairsFiledOn,
        c.ContactName,
        c.ContactPhone,
        status = c.Status.ApiName(),
    };
}
