using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Funds;
using FullEmployment.Domain;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Pages.Funds.Reports;

/// <summary>One expense line as the editor posts it; a row left wholly blank is ignored.</summary>
public sealed class FundReportLineForm
{
    public DateOnly? Date { get; set; }
    public string? Category { get; set; }
    public string? Description { get; set; }
    [Range(0, 100_000_000, ErrorMessage = "金额应在0到1亿元之间。")] public decimal? Amount { get; set; }
    public string? Payee { get; set; }
    public string? VoucherNumber { get; set; }

    public bool IsBlank => Date is null && string.IsNullOrWhiteSpace(Category) && string.IsNullOrWhiteSpace(Description) && Amount is null
        && string.IsNullOrWhiteSpace(Payee) && string.IsNullOrWhiteSpace(VoucherNumber);
}

/// <summary>
/// The community's report editor (A13): lines with the category totals shown as they are edited, the carried-over balance,
/// save and submit. The domain decides the rules; a refusal (over the A13.4 cap, a stale version) is shown with the input kept.
/// </summary>
public sealed class EditModel(FundReports reports, Application.Common.ICurrentActor actor, TimeProvider clock) : ActionFormPageModel
{
    /// <summary>Blank rows offered below the lines, so the form works without JavaScript.</summary>
    public const int BlankRows = 3;

    [BindProperty] public List<FundReportLineForm> Items { get; set; } = [];
    [BindProperty] public decimal? CarriedOver { get; set; }
    [BindProperty] public string? CarriedOverReason { get; set; }
    [BindProperty(SupportsGet = true)] public int Year { get; set; }

    public Guid? Id { get; private set; }
    public FundReportView? View { get; private set; }
    public decimal Received { get; private set; }
    public decimal Share { get; private set; }
    public bool Editable { get; private set; }

    // Written out rather than generated: link generation for this page's optional-id route gives nothing for a new report,
    // and a button without formaction posts to no handler at all.
    public string HandlerUrl(string handler) => $"/Funds/Reports/Edit{(Id is { } id ? "/" + id : "")}?handler={handler}";

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is null && Year > 0 && actor.ScopeCode is { } community && await reports.FindAsync(community, Year, cancellationToken) is { } existing)
        {
            return RedirectToPage("Edit", new { id = existing });
        }

        await LoadAsync(id, fill: true, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid? id, CancellationToken cancellationToken) => AttemptAsync("save", async () =>
    {
        var saved = await SaveAsync(id, cancellationToken);
        TempData["Success"] = "已保存。";
        return RedirectToPage("Edit", new { id = saved.Id });
    }, () => LoadAsync(id, fill: false, cancellationToken));

    public Task<IActionResult> OnPostSubmitAsync(Guid? id, CancellationToken cancellationToken) => AttemptAsync("save", async () =>
    {
        var saved = await SaveAsync(id, cancellationToken);
        // A refused submit keeps what was saved: the page then edits that report at its new version.
        id = saved.Id;
        Version = saved.Version;
        var submitted = await reports.SubmitAsync(saved.Id, saved.Version, cancellationToken);
        TempData["Success"] = submitted.State == Domain.Funds.FundReport.StateApiName(Domain.Funds.FundReportState.CityReview) ? "已提交，等待市级人社局和财政局审核。" : "已提交，等待县区人社局和财政局审核。";
        return RedirectToPage("Details", new { id = saved.Id });
    }, () => LoadAsync(id, fill: false, cancellationToken));

    private async Task<FundReportResult> SaveAsync(Guid? id, CancellationToken cancellationToken)
    {
        var input = new FundReportInput(Year, [.. Items.Where(l => !l.IsBlank).Select(l => new FundReportLineBody(
            l.Date ?? throw new DomainException("请填写每笔支出的日期。", "A13"), l.Category, l.Description, l.Amount ?? 0m, l.Payee, l.VoucherNumber))],
            CarriedOver ?? 0m, CarriedOverReason);
        if (id is { } existing)
        {
            return await reports.UpdateAsync(existing, Version, input, cancellationToken);
        }

        return await reports.CreateAsync(actor.ScopeCode ?? "", input, cancellationToken);
    }

    private async Task LoadAsync(Guid? id, bool fill, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            View = await reports.GetAsync(existing, cancellationToken);
            Year = View.Year;
            Received = View.Received;
            Share = View.InformationNetworkShare;
            Version = View.Version;
            Editable = View.Options.Any(o => o.Action == "edit");
            if (fill)
            {
                Items = [.. View.Lines.Select(l => new FundReportLineForm
                {
                    Date = l.Date, Category = l.Category, Description = l.Description, Amount = l.Amount, Payee = l.Payee, VoucherNumber = l.VoucherNumber,
                })];
                CarriedOver = View.CarriedOver;
                CarriedOverReason = View.CarriedOverReason;
            }
        }
        else
        {
            if (Year == 0)
            {
                Year = ChinaTime.Today(clock).Year;
            }

            (Received, Share) = await reports.AllocationOfAsync(actor.ScopeCode ?? "", Year, cancellationToken);
            Editable = true;
        }

        Items = [.. Items.Where(l => !l.IsBlank), .. Enumerable.Range(0, BlankRows).Select(_ => new FundReportLineForm())];
    }
}
