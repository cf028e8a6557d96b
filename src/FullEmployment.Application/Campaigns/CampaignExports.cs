using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;

namespace FullEmployment.Application.Campaigns;

/// <summary>The campaign list's filter (the list page and its export).</summary>
public sealed record CampaignFilter(CampaignKind? Kind = null, CampaignState? State = null, int? Year = null)
{
    public List<CampaignRow> Apply(IEnumerable<CampaignRow> rows) => rows
        .Where(r => Kind is null || r.Kind == Kind)
        .Where(r => State is null || r.State == State)
        .Where(r => Year is null || r.CreationYear == Year)
        .ToList();
}

/// <summary>An exported workbook and the name it is downloaded under.</summary>
public sealed record ExportedFile(string FileName, byte[] Content);

/// <summary>
/// The campaign workbooks (campaigns, applications, a national recommendation list), each audited as an export like the
/// registry's and the ledger's: who, what, the filter and the row count; the rows are the ones the reader may list.
/// </summary>
public sealed class CampaignExports(CampaignAdministration campaigns, ApplicationQueries applications, NationalRounds rounds,
    AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    private ICurrentActor Actor => audit.Actor;

    public async Task<ExportedFile> CampaignsAsync(CampaignFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = filter.Apply(await campaigns.ListAsync(cancellationToken));
        var workbook = Xlsx.Table("创建批次", ["批次名称", "类别", "组织单位代码", "创建年度", "状态", "申报截止", "名额"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Name, r.KindName, r.OrganizerRegionCode, r.CreationYear, r.StateName,
                r.Kind == CampaignKind.NationalRecommendation ? null : r.ApplicationDeadline, r.TotalQuota]));
        audit.Record("campaign.export", "campaign", null, RegionOfActor(), after: new
        {
            kind = filter.Kind is { } kind ? kind.DisplayName() : null,
            state = filter.State is { } state ? Campaign.StateName(state) : null,
            year = filter.Year,
            rows = rows.Count,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new ExportedFile($"创建批次-{ChinaTime.Today(clock):yyyyMMdd}.xlsx", workbook);
    }

    /// <summary>The applications the reader may list, at most one page's maximum; a region filter outside the reader's scope is refused.</summary>
    public async Task<ExportedFile> ApplicationsAsync(ApplicationFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Actor.EnsureRole(Roles.Workflow);
        if (filter.RegionCode is { Length: 6 } region && !Overlaps(region))
        {
            throw new ForbiddenException($"区划“{region}”不在您的管辖范围内，不能导出该地区的申报。");
        }

        var rows = await applications.ListAsync(filter, new PageRequest(1, PageRequest.MaxPageSize), cancellationToken);
        var workbook = Xlsx.Table("申报", ["批次", "社区代码", "社区名称", "市州", "县区", "状态", "最新得分", "办理期限"],
            rows.Items.Select(r => (IReadOnlyList<object?>)[r.CampaignName, r.CommunityCode, r.CommunityName, r.CityCode, r.CountyCode, r.StateName,
                r.LatestScore, r.DueOn]));
        audit.Record("application.export", "application", null, RegionOfActor(), after: new
        {
            campaign = filter.CampaignId,
            state = filter.State is { } state ? CampaignApplication.StateName(state) : null,
            region = filter.RegionCode,
            rows = rows.Items.Count,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new ExportedFile($"申报-{ChinaTime.Today(clock):yyyyMMdd}.xlsx", workbook);
    }

    /// <summary>A national round's recommendation list (A4.1); like the round itself, it exists only for the province.</summary>
    public async Task<ExportedFile> NationalListAsync(Guid campaignId, CancellationToken cancellationToken = default)
    {
        var view = await rounds.GetAsync(campaignId, cancellationToken);
        var workbook = Xlsx.Table("国家级推荐名单", ["序号", "社区代码", "社区名称", "所在地区", "部里结果", "命名文号", "结果日期", "备注"],
            view.Candidates.Select(c => (IReadOnlyList<object?>)[c.Rank, c.CommunityCode, c.CommunityName, c.RegionName, c.OutcomeName, c.DocumentNumber,
                c.DecidedOn, c.Remark]));
        audit.Record("national.export", "campaign", campaignId.ToString(), RegionOfActor(), after: new { rows = view.Candidates.Count });
        await db.SaveChangesAsync(cancellationToken);
        return new ExportedFile($"国家级推荐名单-{view.CreationYear}-{ChinaTime.Today(clock):yyyyMMdd}.xlsx", workbook);
    }

    /// <summary>The region filter and the reader's scope share communities (one contains the other).</summary>
    private bool Overlaps(string region) =>
        RegionOfActor() is { } scope && (RegionScope.CoversRegion(scope, region) || RegionScope.CoversRegion(region, scope));

    /// <summary>The reader's region (community staff: the community's county), as the other exports record it.</summary>
    private string? RegionOfActor() => Actor.ScopeCode is { Length: >= 6 } s ? s[..6] : null;
}
