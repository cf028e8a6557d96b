using FullEmployment.Application.Funds;
using FullEmployment.Domain;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Pages.Funds.Reports;

/// <summary>
/// One report's review page (A14): lines and category totals, both sign-offs of each stage with who and when, recoveries with
/// their refunds, accountability records, and the forms the domain offers this reader.
/// </summary>
public sealed class DetailsModel(FundReports reports, TimeProvider clock) : ActionFormPageModel
{
    [BindProperty] public string? Remarks { get; set; }
    [BindProperty] public decimal? Amount { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Findings { get; set; }
    [BindProperty] public DateOnly? RefundDueOn { get; set; }
    [BindProperty] public string? VoucherNumber { get; set; }
    [BindProperty] public DateOnly? PaidOn { get; set; }
    [BindProperty] public string? SubjectKind { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Measure { get; set; }
    [BindProperty] public string? Basis { get; set; }
    [BindProperty] public DateOnly? On { get; set; }

    public FundReportView View { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public bool Offers(string action) => View.Options.Any(o => o.Action == action);

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        Act("approve", id, () => reports.ApproveAsync(id, Version, Remarks, ct), "已签署同意。", ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) =>
        Act("return", id, () => reports.ReturnAsync(id, Version, Remarks, ct), "已退回社区修改。", ct);

    public Task<IActionResult> OnPostProposeRecoveryAsync(Guid id, CancellationToken ct) =>
        Act("propose-recovery", id, () => reports.ProposeRecoveryAsync(new ProposeRecoveryInput(id, Version, Amount ?? 0m, Reason, Findings,
            RefundDueOn ?? throw new DomainException("请填写退回期限。", "A14.2")), ct), "已提议追回，等待本级另一部门决定。", ct);

    public Task<IActionResult> OnPostAgreeRecoveryAsync(Guid id, CancellationToken ct) =>
        Act("agree-recovery", id, () => reports.AgreeRecoveryAsync(id, Version, Remarks, ct), "已决定追回，该社区自下一年度起取消补助资格。", ct);

    public Task<IActionResult> OnPostDeclineRecoveryAsync(Guid id, CancellationToken ct) =>
        Act("decline-recovery", id, () => reports.DeclineRecoveryAsync(id, Version, Remarks, ct), "已不同意追回，报告回到审核。", ct);

    public Task<IActionResult> OnPostRefundAsync(Guid id, CancellationToken ct) =>
        Act("refund", id, () => reports.RecordRefundAsync(new RefundInput(id, Version, Amount ?? 0m, VoucherNumber,
            PaidOn ?? throw new DomainException("请填写退回日期。", "A14.2")), ct), "已登记退回资金。", ct);

    public Task<IActionResult> OnPostAccountabilityAsync(Guid id, CancellationToken ct) =>
        Act("accountability", id, () => reports.RecordAccountabilityAsync(new AccountabilityBody(id, Version, SubjectKind, Subject, Measure, Basis,
            On ?? throw new DomainException("请填写问责日期。", "A14.2")), ct), "已登记问责。", ct);

    private Task<IActionResult> Act(string form, Guid id, Func<Task<FundReportResult>> action, string message, CancellationToken ct) =>
        AttemptAsync(form, async () =>
        {
            await action();
            TempData["Success"] = message;
            return RedirectToPage("Details", new { id });
        }, () => LoadAsync(id, ct));

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        View = await reports.GetAsync(id, cancellationToken);
        Version = View.Version;
        Today = ChinaTime.Today(clock);
    }
}
