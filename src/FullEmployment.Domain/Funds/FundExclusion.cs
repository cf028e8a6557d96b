using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;

namespace FullEmployment.Domain.Funds;

/// <summary>
/// A14.2: a community excluded from the subsidy after a recovery (追回) decision: no allocation line from
/// <see cref="FromYear"/> on until the province lifts the exclusion with a recorded reason.
/// </summary>
public sealed class FundExclusion
{
    public const string Clause = "A14.2";

    private FundExclusion() { }

    private FundExclusion(Community community, int fromYear, string reason, Guid? recoveryId, string imposedBy, DateTimeOffset imposedAt)
    {
        Id = Guid.NewGuid();
        CommunityCode = community.Code;
        CommunityName = community.Name;
        CityCode = community.CityCode;
        CountyCode = community.CountyCode;
        FromYear = fromYear;
        Reason = reason.Trim();
        RecoveryId = recoveryId;
        ImposedBy = imposedBy;
        ImposedAt = imposedAt;
    }

    public Guid Id { get; private set; }

    public int Version { get; private set; }

    public string CommunityCode { get; private set; } = "";

    public string CommunityName { get; private set; } = "";

    public string CityCode { get; private set; } = "";

    public string? CountyCode { get; private set; }

    /// <summary>The first allocation year the community gets nothing.</summary>
    public int FromYear { get; private set; }

    public string Reason { get; private set; } = "";

    /// <summary>The recovery decision (Funds recovery) that imposed it.</summary>
    public Guid? RecoveryId { get; private set; }

    public string ImposedBy { get; private set; } = "";

    public DateTimeOffset ImposedAt { get; private set; }

    public DateOnly? LiftedOn { get; private set; }

    public string? LiftedBy { get; private set; }

    public string? LiftReason { get; private set; }

    public bool IsLifted => LiftedOn is not null;

    /// <summary>A14.2: imposed by a recovery decision on the community, from the year given (normally the year after the decision).</summary>
    public static FundExclusion Impose(Community community, int fromYear, string reason, Guid? recoveryId, string imposedBy, DateTimeOffset imposedAt)
    {
        ArgumentNullException.ThrowIfNull(community);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("取消补助资格须写明原因。", Clause);
        }

        return new FundExclusion(community, fromYear, reason, recoveryId, imposedBy, imposedAt);
    }

    /// <summary>
    /// Whether the community gets no line in the allocation of <paramref name="year"/> computed on <paramref name="allocationDate"/>:
    /// from <see cref="FromYear"/>, unless lifted on or before that allocation date.
    /// </summary>
    public bool Excludes(string communityCode, int year, DateOnly allocationDate) =>
        CommunityCode == communityCode && year >= FromYear && (LiftedOn is null || LiftedOn > allocationDate);

    /// <summary>A14.2: only the province lifts an exclusion, with a recorded reason.</summary>
    public void Lift(string role, string reason, DateOnly on, string by)
    {
        if (role != Roles.ProvinceOfficer)
        {
            throw new DomainException("只有省人社厅可以恢复社区的补助资格。", Clause);
        }

        if (IsLifted)
        {
            throw new DomainException($"该社区的补助资格已于{ChinaTime.Format(LiftedOn!.Value)}恢复。", Clause);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("恢复补助资格须写明理由。", Clause);
        }

        LiftedOn = on;
        LiftedBy = by;
        LiftReason = reason.Trim();
    }
}
