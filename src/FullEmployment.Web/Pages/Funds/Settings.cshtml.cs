using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Common;
using FullEmployment.Application.Funds;
using FullEmployment.Domain;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Pages.Funds;

/// <summary>A year's subsidy settings (A12.1, A17): the province's, versioned and audited; a year not yet set shows the measures' defaults.</summary>
public sealed class SettingsModel(FundAllocations allocations, TimeProvider clock) : ActionFormPageModel
{
    [FromQuery(Name = "year")] public int? RequestedYear { get; set; }

    [BindProperty][Display(Name = "年度")] public int Year { get; set; }
    [BindProperty][Display(Name = "分配基准日")] public DateOnly AllocationDate { get; set; }
    [BindProperty][Display(Name = "国家级（元）")] public decimal NationalAmount { get; set; }
    [BindProperty][Display(Name = "省级及原省级星级（元）")] public decimal ProvincialAmount { get; set; }
    [BindProperty][Display(Name = "市级（元）")] public decimal MunicipalAmount { get; set; }
    [BindProperty][Display(Name = "信息网络建设支出上限（%）")] public decimal CapPercent { get; set; }

    public FundSettingsView Current { get; private set; } = null!;

    public IReadOnlyList<FundSettingsView> Stored { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Year = RequestedYear ?? ChinaTime.Today(clock).Year;
        await LoadAsync(cancellationToken);
        AllocationDate = Current.AllocationDate;
        NationalAmount = Current.NationalAmount;
        ProvincialAmount = Current.ProvincialAmount;
        MunicipalAmount = Current.MunicipalAmount;
        CapPercent = Current.InformationSystemCapShare * 100;
        Version = Current.Version;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        AttemptAsync("Save", async () =>
        {
            await allocations.SaveSettingsAsync(new SaveFundSettingsInput(Year, AllocationDate, NationalAmount, ProvincialAmount, MunicipalAmount,
                CapPercent / 100, Version), cancellationToken);
            TempData["Success"] = $"{Year}年度资金设置已保存。";
            return RedirectToPage(new { year = Year });
        }, () => LoadAsync(cancellationToken));

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Current = await allocations.GetSettingsAsync(Year, cancellationToken);
        Stored = await allocations.ListSettingsAsync(cancellationToken);
    }
}
