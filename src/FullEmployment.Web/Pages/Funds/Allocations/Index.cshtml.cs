using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Common;
using FullEmployment.Application.Funds;
using FullEmployment.Domain;
using FullEmployment.Domain.Identity;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Pages.Funds.Allocations;

/// <summary>The years' subsidy allocations (A12); the province computes a year's draft here.</summary>
public sealed class IndexModel(FundAllocations allocations, ICurrentActor actor, TimeProvider clock) : ActionFormPageModel
{
    public IReadOnlyList<FundAllocationRow> Rows { get; private set; } = [];

    public bool MayCreate => actor.IsInRole(Roles.ProvinceOfficer);

    [BindProperty][Display(Name = "分配年度")] public int Year { get; set; }
    [BindProperty][Display(Name = "分配基准日（默认1月1日）")] public DateOnly? AllocationDate { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Year = ChinaTime.Today(clock).Year;
        await LoadAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken) =>
        AttemptAsync("Create", async () =>
        {
            var view = await allocations.CreateAsync(Year, AllocationDate, cancellationToken);
            TempData["Success"] = $"已生成{view.Year}年度资金分配草稿：{view.LineCount}个社区，合计{view.Total:N2}元。";
            return RedirectToPage("Year", new { year = view.Year });
        }, () => LoadAsync(cancellationToken));

    private async Task LoadAsync(CancellationToken cancellationToken) => Rows = await allocations.ListAsync(cancellationToken);
}
