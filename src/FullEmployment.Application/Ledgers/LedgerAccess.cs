using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers.Data;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Ledgers;
using FullEmployment.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Ledgers;

/// <summary>What a ledger page shows of its community, and whether the caller may keep the ledger.</summary>
public sealed record LedgerCommunity(string Code, string Name, bool MayWrite);

/// <summary>
/// Who may read and keep a community's ledger (docs/reference/design.md "Roles and scope"): community staff of that
/// community and the county officer of its county (the city officer where the city has no counties)
/// keep it; province and city officers read it. Other roles are refused (403); a community outside
/// the reader's scope is not revealed (404), as in the registry.
/// </summary>
public sealed class LedgerAccess(AppDbContext db, ICurrentActor actor)
{
    public ICurrentActor Actor => actor;

    /// <summary>
    /// The community a ledger page is about, as the page shows it; with <paramref name="writable"/> refuses (403)
    /// callers who may only read it.
    /// </summary>
    public async Task<LedgerCommunity> OpenAsync(string communityCode, bool writable, CancellationToken cancellationToken = default)
    {
        var community = writable ? await WritableAsync(communityCode, cancellationToken) : await ReadableAsync(communityCode, cancellationToken);
        return new LedgerCommunity(community.Code, community.Name, MayWrite(community));
    }

    public async Task<Community> ReadableAsync(string communityCode, CancellationToken cancellationToken = default)
    {
        if (!actor.IsInRole(Roles.Workflow))
        {
            throw new ForbiddenException($"当前角色（{Roles.DisplayName(actor.Role ?? "未登录")}）无权查看社区台账。");
        }

        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Code == communityCode, cancellationToken);
        if (community is null || !actor.Covers(community))
        {
            throw new NotFoundException($"未找到社区“{communityCode}”，或不在您的管辖范围内。");
        }

        return community;
    }

    public async Task<Community> WritableAsync(string communityCode, CancellationToken cancellationToken = default)
    {
        var community = await ReadableAsync(communityCode, cancellationToken);
        if (community.Status != CommunityStatus.Active)
        {
            throw new ForbiddenException($"社区“{community.Name}”已撤销或合并，台账只读。");
        }

        if (!MayWrite(community))
        {
            throw new ForbiddenException("只有本社区工作人员或所在县区人社局（无县区的市由市人社局）可以维护社区台账；省、市人社部门只能查看。");
        }

        return community;
    }

    public bool MayWrite(Community community)
    {
        ArgumentNullException.ThrowIfNull(community);
        // A11.2: a dissolved or merged community's ledger is kept read-only.
        return community.Status == CommunityStatus.Active && ((actor.IsInRole(Roles.CommunityStaff) && actor.ScopeCode == community.Code)
            || CountyStep.IsOfficer(actor.Role, actor.ScopeCode, community.CityCode, community.CountyCode));
    }

    /// <summary>The rows of one kind of every community, as the common record type.</summary>
    public static IQueryable<LedgerRecord> Set(AppDbContext db, LedgerKind kind)
    {
        ArgumentNullException.ThrowIfNull(db);
        return kind switch
        {
            LedgerKind.Person => db.Set<LedgerPerson>(),
            LedgerKind.UnemploymentRegistration => db.Set<UnemploymentRegistration>(),
            LedgerKind.Employment => db.Set<EmploymentRecord>(),
            LedgerKind.DifficultyIdentification => db.Set<DifficultyIdentification>(),
            LedgerKind.ZeroEmploymentFamily => db.Set<ZeroEmploymentFamily>(),
            LedgerKind.Assistance => db.Set<Assistance>(),
            LedgerKind.TrainingReferral => db.Set<TrainingReferral>(),
            LedgerKind.EmploymentWishRegistration => db.Set<EmploymentWishRegistration>(),
            LedgerKind.Complaint => db.Set<Complaint>(),
            LedgerKind.Staff => db.Set<StaffMember>(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>A kind from its Chinese name (docs/reference/ledger.md: 人员, 援助记录, …).</summary>
    public static LedgerKind ParseKind(string? name) =>
        LedgerKinds.TryGetBySheetName(name, out var definition)
            ? definition!.Kind
            : throw new InputRejectedException("台账类型无效",
                [new InputError(null, null, "kind", name, "台账类型应为：" + string.Join("、", LedgerKinds.All.Select(d => d.SheetName)))]);

    internal static string RegionOf(Community community) => community.CountyCode ?? community.CityCode;

    /// <summary>
    /// Whether an ID number is in the community's 人员 ledger, for rows that refer to a person. Held as blind indexes (8
    /// bytes each, read without opening a sealed value) rather than the ID numbers: a million-person community's set
    /// took about 75 MB and a second of decryption as strings. Two ID numbers sharing an index would already clash in
    /// the ledger's unique key (ADR 0016).
    /// </summary>
    internal static async Task<Func<string, bool>> PersonLookupAsync(AppDbContext db, int communityId, CancellationToken cancellationToken)
    {
        var indexes = (await db.Set<LedgerPerson>().AsNoTracking().Where(p => p.CommunityId == communityId)
            .Select(p => EF.Property<long?>(p, LedgerMapping.IdIndex)).ToListAsync(cancellationToken)).ToHashSet();
        var keys = db.PersonalData;
        return id => indexes.Contains(keys.Index(id));
    }
}
