namespace FullEmployment.Domain.Funds;

/// <summary>A13.1–5: the five uses the subsidy may be spent on; a report line names exactly one of them.</summary>
public enum FundReportCategory
{
    /// <summary>(1) 就业创业政策宣传.</summary>
    Publicity = 1,

    /// <summary>(2) 公共就业与人才服务专项活动.</summary>
    Services = 2,

    /// <summary>(3) 创业活动.</summary>
    Entrepreneurship = 3,

    /// <summary>(4) 就业创业工作信息网络建设: computers, printers, copiers, systems and their upkeep; capped (A13.4).</summary>
    InformationNetwork = 4,

    /// <summary>(5) 就业失业动态监测和调查统计.</summary>
    Monitoring = 5,
}

/// <summary>The categories' Chinese names and API names (publicity | services | entrepreneurship | it | monitoring).</summary>
public static class FundReportCategories
{
    public static IReadOnlyList<FundReportCategory> All { get; } =
    [
        FundReportCategory.Publicity, FundReportCategory.Services, FundReportCategory.Entrepreneurship,
        FundReportCategory.InformationNetwork, FundReportCategory.Monitoring,
    ];

    public static string Name(FundReportCategory category) => category switch
    {
        FundReportCategory.Publicity => "就业创业政策宣传",
        FundReportCategory.Services => "公共就业与人才服务专项活动",
        FundReportCategory.Entrepreneurship => "创业活动",
        FundReportCategory.InformationNetwork => "就业创业工作信息网络建设",
        FundReportCategory.Monitoring => "就业失业动态监测和调查统计",
        _ => category.ToString(),
    };

    public static string ApiName(FundReportCategory category) => category switch
    {
        FundReportCategory.Publicity => "publicity",
        FundReportCategory.Services => "services",
        FundReportCategory.Entrepreneurship => "entrepreneurship",
        FundReportCategory.InformationNetwork => "it",
        FundReportCategory.Monitoring => "monitoring",
        _ => category.ToString(),
    };

    /// <summary>A13: anything but the five categories is refused, by API name or by number 1–5.</summary>
    public static FundReportCategory Parse(string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        foreach (var category in All)
        {
            if (string.Equals(ApiName(category), trimmed, StringComparison.OrdinalIgnoreCase)
                || trimmed == ((int)category).ToString(System.Globalization.CultureInfo.InvariantCulture)
                || trimmed == Name(category))
            {
                return category;
            }
        }

        throw new DomainException(
            $"资金用途“{trimmed}”不在规定范围内，只能是：{string.Join("、", All.Select(Name))}（publicity|services|entrepreneurship|it|monitoring）。",
            "A13");
    }
}
