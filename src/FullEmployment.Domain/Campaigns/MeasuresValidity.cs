namespace FullEmployment.Domain.Campaigns;

/// <summary>A19: the measures are in force from publication on 2023-08-16 for five years.</summary>
public static class MeasuresValidity
{
    public static readonly DateOnly From = new(2023, 8, 16);

    public static readonly DateOnly To = new(2028, 8, 15);

    public static bool Covers(DateOnly date) => date >= From && date <= To;
}
