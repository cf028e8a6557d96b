namespace FullEmployment.Domain.Regions;

/// <summary>
/// Gansu's province, 14 cities and 86 counties (GB/T 2260, civil-affairs 2019 = statistics 2023).
/// 兰州新区 is a functional zone, not a statutory division, and is not listed.
/// </summary>
public static class GansuRegions
{
    public const string ProvinceCode = "620000";

    // Declared before All: static fields initialise in text order.
    private static readonly (string Code, string Name, string Counties)[] Cities =
    [
        ("620100", "兰州市", "620102城关区 620103七里河区 620104西固区 620105安宁区 620111红古区 620121永登县 620122皋兰县 620123榆中县"),
        ("620200", "嘉峪关市", ""),
        ("620300", "金昌市", "620302金川区 620321永昌县"),
        ("620400", "白银市", "620402白银区 620403平川区 620421靖远县 620422会宁县 620423景泰县"),
        ("620500", "天水市", "620502秦州区 620503麦积区 620521清水县 620522秦安县 620523甘谷县 620524武山县 620525张家川回族自治县"),
        ("620600", "武威市", "620602凉州区 620621民勤县 620622古浪县 620623天祝藏族自治县"),
        ("620700", "张掖市", "620702甘州区 620721肃南裕固族自治县 620722民乐县 620723临泽县 620724高台县 620725山丹县"),
        ("620800", "平凉市", "620802崆峒区 620821泾川县 620822灵台县 620823崇信县 620825庄浪县 620826静宁县 620881华亭市"),
        ("620900", "酒泉市", "620902肃州区 620921金塔县 620922瓜州县 620923肃北蒙古族自治县 620924阿克塞哈萨克族自治县 620981玉门市 620982敦煌市"),
        ("621000", "庆阳市", "621002西峰区 621021庆城县 621022环县 621023华池县 621024合水县 621025正宁县 621026宁县 621027镇原县"),
        ("621100", "定西市", "621102安定区 621121通渭县 621122陇西县 621123渭源县 621124临洮县 621125漳县 621126岷县"),
        ("621200", "陇南市", "621202武都区 621221成县 621222文县 621223宕昌县 621224康县 621225西和县 621226礼县 621227徽县 621228两当县"),
        ("622900", "临夏回族自治州", "622901临夏市 622921临夏县 622922康乐县 622923永靖县 622924广河县 622925和政县 622926东乡族自治县 622927积石山保安族东乡族撒拉族自治县"),
        ("623000", "甘南藏族自治州", "623001合作市 623021临潭县 623022卓尼县 623023舟曲县 623024迭部县 623025玛曲县 623026碌曲县 623027夏河县"),
    ];

    public static IReadOnlyList<Region> All { get; } = Build();

    private static List<Region> Build()
    {
        var regions = new List<Region> { new(ProvinceCode, "甘肃省", RegionLevel.Province, null) };
        foreach (var (cityCode, cityName, counties) in Cities)
        {
            regions.Add(new Region(cityCode, cityName, RegionLevel.City, ProvinceCode));
            foreach (var county in counties.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                regions.Add(new Region(county[..6], county[6..], RegionLevel.County, cityCode));
            }
        }

        return regions;
    }
}
