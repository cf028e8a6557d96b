namespace FullEmployment.Domain.Communities;

/// <summary>A3.1 title levels, ranked; a legacy provincial "star" title ranks (and is subsidised) as provincial (A12.1).</summary>
public enum TitleLevel
{
    Municipal = 1,
    LegacyProvincialStar = 2,
    Provincial = 3,
    National = 4,
}

public static class TitleLevels
{
    public static string DisplayName(this TitleLevel level) => level switch
    {
        TitleLevel.National => "国家级",
        TitleLevel.Provincial => "省级",
        TitleLevel.LegacyProvincialStar => "省级星级（原）",
        TitleLevel.Municipal => "市级",
        _ => level.ToString(),
    };

    /// <summary>The API spelling (docs/reference/design.md "Stable contracts"): national|provincial|municipal|legacyProvincialStar.</summary>
    public static string ApiName(this TitleLevel level) => level switch
    {
        TitleLevel.National => "national",
        TitleLevel.Provincial => "provincial",
        TitleLevel.LegacyProvincialStar => "legacyProvincialStar",
        TitleLevel.Municipal => "municipal",
        _ => level.ToString(),
    };

    public static TitleLevel? ParseApiName(string? value) => value switch
    {
        "national" => TitleLevel.National,
        "provincial" => TitleLevel.Provincial,
        "legacyProvincialStar" => TitleLevel.LegacyProvincialStar,
        "municipal" => TitleLevel.Municipal,
        _ => null,
    };

    public static TitleLevel? ParseDisplayName(string? value) => value?.Trim() switch
    {
        "国家级" => TitleLevel.National,
        "省级" => TitleLevel.Provincial,
        "省级星级（原）" or "省级星级" or "省级充分就业星级社区" => TitleLevel.LegacyProvincialStar,
        "市级" => TitleLevel.Municipal,
        _ => null,
    };

    /// <summary>Subsidy rank: a legacy star title counts as provincial (A12.1).</summary>
    public static int Rank(this TitleLevel level) => level == TitleLevel.LegacyProvincialStar ? (int)TitleLevel.Provincial : (int)level;
}

public enum TitleEndReason
{
    Reinspection = 1,
    Dissolution = 2,
    Merger = 3,
    Revocation = 4,
    Other = 9,
}

public static class TitleEndReasons
{
    public static string DisplayName(this TitleEndReason reason) => reason switch
    {
        TitleEndReason.Reinspection => "复查不合格",
        TitleEndReason.Dissolution => "社区撤销",
        TitleEndReason.Merger => "社区合并",
        TitleEndReason.Revocation => "取消资格",
        _ => "其他",
    };
}
