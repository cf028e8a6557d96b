using FullEmployment.Domain.Communities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FullEmployment.Application.Ledgers.Data;

/// <summary>
/// One community's A5 figures for one period and application date, as computed from ledger version
/// <see cref="LedgerVersion"/> by calculator <see cref="Calculator"/>: valid while both still match, replaced otherwise.
/// A cache of derived figures, never a source: deleting every row only costs a recomputation.
/// </summary>
public sealed class StoredIndicatorResult
{
    public int CommunityId { get; init; }

    public DateOnly PeriodStart { get; init; }

    public DateOnly PeriodEnd { get; init; }

    public DateOnly ApplicationDate { get; init; }

    public long LedgerVersion { get; init; }

    /// <summary>The calculator's code and settings (<see cref="IndicatorResultStore.CalculatorStamp"/>): a new release recomputes.</summary>
    public string Calculator { get; init; } = string.Empty;

    /// <summary>The figures as JSON (<see cref="IndicatorFigure"/> list in report order).</summary>
    public string Figures { get; init; } = string.Empty;

    /// <summary>The China date it was computed on: rows not recomputed for a month are pruned.</summary>
    public DateOnly ComputedOn { get; init; }
}

internal sealed class StoredIndicatorResultConfiguration : IEntityTypeConfiguration<StoredIndicatorResult>
{
    public void Configure(EntityTypeBuilder<StoredIndicatorResult> b)
    {
        b.ToTable("indicator_results");
        b.HasKey(r => new { r.PeriodStart, r.PeriodEnd, r.ApplicationDate, r.CommunityId });
        b.HasOne<Community>().WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Calculator).HasMaxLength(64);
        b.HasIndex(r => r.ComputedOn);
        LedgerMapping.Columns(b);
    }
}
