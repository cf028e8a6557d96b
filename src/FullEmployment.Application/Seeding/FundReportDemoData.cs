using FullEmployment.Application.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Funds;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Seeding;

/// <summary>
/// Demo fund-usage reports of the current year (A13, A14) on the confirmed demo allocation, one in every state: a draft over the
/// category (4) cap that cannot be submitted, one returned by county finance, one waiting for county finance (chengguan-finance)
/// and one for the city (lanzhou-finance), one in 嘉峪关's single stage, proposed recoveries at both stages, one approved, and
/// one recovered with a refund, an accountability record and the exclusion it imposed. 东岗社区 (the community demo account)
/// is left to write its own. Built through the aggregate's own moves.
/// </summary>
public sealed class FundReportDemoData(AppDbContext db, TimeProvider clock)
{
    private const string Actor = "演示数据";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.FundReports.AnyAsync(cancellationToken))
        {
            return;
        }

        var year = ChinaTime.Today(clock).Year;
        var lines = await db.FundAllocationLines.AsNoTracking()
            .Where(l => db.FundAllocations.Any(a => a.Id == l.AllocationId && a.Year == year && a.State != FundAllocationState.Draft))
            .ToDictionaryAsync(l => l.CommunityCode, cancellationToken);
        var communities = await db.Communities.AsNoTracking().ToDictionaryAsync(c => c.Code, cancellationToken);
        var share = await db.FundSettings.AsNoTracking().Where(s => s.Year == year).Select(s => (decimal?)s.InformationSystemCapShare)
            .FirstOrDefaultAsync(cancellationToken) ?? FundSettings.DefaultInformationSystemCapShare;
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        const FundReportParty community = FundReportParty.Community;

        FundReport? Open(string code, decimal itShare)
        {
            if (!lines.TryGetValue(code, out var line) || !communities.TryGetValue(code, out var c))
            {
                return null;
            }

            var report = FundReport.Open(community, c.Id, c.Code, c.Name, c.CityCode, c.CountyCode, year, line.Amount, Actor, now);
            var it = decimal.Round(line.Amount * itShare, 2);
            report.Edit(community,
            [
                new(new DateOnly(year, 3, 18), FundReportCategory.Publicity, "就业创业政策宣传册印制", decimal.Round(line.Amount * 0.3m, 2), "兰州新华印务有限公司", $"FP{year}0318-01"),
                new(new DateOnly(year, 5, 9), FundReportCategory.Services, "春风行动专场招聘会场地和物料", decimal.Round(line.Amount * 0.25m, 2), "社区就业服务站", $"FP{year}0509-02"),
                new(new DateOnly(year, 6, 20), FundReportCategory.InformationNetwork, "台账录入用计算机和打印机", it, "甘肃科技办公设备公司", $"FP{year}0620-03"),
                new(new DateOnly(year, 4, 2), FundReportCategory.Monitoring, "失业人员入户调查劳务", decimal.Round(line.Amount * 0.15m, 2), "社区网格员", $"FP{year}0402-04"),
            ], 0m, null);
            db.FundReports.Add(report);
            return report;
        }

        void Submit(FundReport? report) => report?.Submit(community, share, Actor, today, now);

        // Over the cap: 25% on category (4); the draft is saved but cannot be submitted (A13.4).
        Open("620104001001", 0.25m);

        var returned = Open("620102001004", 0.10m);
        Submit(returned);
        returned?.Return(FundReportParty.CountyFinance, "第3笔计算机采购缺少固定资产入账凭证，请补充后重新提交。", "城关区财政局（演示）", now);

        var countyHalf = Open("620102001002", 0.15m);
        Submit(countyHalf);
        countyHalf?.Approve(FundReportParty.CountyHumanResources, "支出与活动记录一致。", "城关区人社局（演示）", now);

        var atCity = Open("620102001003", 0.20m);
        Submit(atCity);
        atCity?.Approve(FundReportParty.CountyHumanResources, null, "城关区人社局（演示）", now);
        atCity?.Approve(FundReportParty.CountyFinance, null, "城关区财政局（演示）", now);

        Submit(Open("620200001001", 0.10m));

        var countyProposal = Open("620502001001", 0.10m);
        Submit(countyProposal);
        countyProposal?.ProposeRecovery(FundReportParty.CountyHumanResources, 2_000m, RecoveryReason.Insufficient, "招聘会未实际举办，资金闲置。",
            today.AddDays(30), "县区人社局（演示）", today, now);

        var cityProposal = Open("620105001001", 0.10m);
        Submit(cityProposal);
        cityProposal?.Approve(FundReportParty.CountyHumanResources, null, "县区人社局（演示）", now);
        cityProposal?.Approve(FundReportParty.CountyFinance, null, "县区财政局（演示）", now);
        cityProposal?.ProposeRecovery(FundReportParty.CityHumanResources, 3_000m, RecoveryReason.Ineffective, "宣传册发放记录缺失，效果无法核实。",
            today.AddDays(30), "兰州市人社局（演示）", today, now);

        var approved = Open("620103001002", 0.18m);
        Submit(approved);
        approved?.Approve(FundReportParty.CountyFinance, null, "七里河区财政局（演示）", now);
        approved?.Approve(FundReportParty.CountyHumanResources, null, "七里河区人社局（演示）", now);
        approved?.Approve(FundReportParty.CityHumanResources, null, "兰州市人社局（演示）", now);
        approved?.Approve(FundReportParty.CityFinance, null, "兰州市财政局（演示）", now);

        var recovered = Open("620103001001", 0.20m);
        Submit(recovered);
        if (recovered is not null)
        {
            recovered.ProposeRecovery(FundReportParty.CountyFinance, 4_000m, RecoveryReason.Irregular, "计算机采购发票与实物不符，部分资金用于办公用品。",
                today.AddDays(30), "七里河区财政局（演示）", today, now);
            var recovery = recovered.AgreeRecovery(FundReportParty.CountyHumanResources, "同意追回。", "七里河区人社局（演示）", now);
            db.Add(recovered.RecordRefund(FundReportParty.CountyFinance, 1_500m, $"TH{year}-001", today, "七里河区财政局（演示）", today, now));
            recovered.RecordAccountability(FundReportParty.CountyHumanResources,
                new AccountabilityInput(AccountabilitySubject.Unit, "西站社区居民委员会", "通报批评，责令整改", "《甘肃省充分就业社区创建管理办法》第十四条", today),
                "七里河区人社局（演示）", today, now);
            db.FundExclusions.Add(FundExclusion.Impose(communities["620103001001"], year + 1,
                $"{year}年度补助资金使用不规范，决定追回{FundReportRules.Yuan(recovery.Amount)}元", recovery.Id, Actor, now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
