using FullEmployment.Application.Common;
using FullEmployment.Application.Supervision;
using FullEmployment.Domain;
using FullEmployment.Domain.Supervision;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Supervision.Changes;

/// <summary>One change report and the actions the domain offers the caller (<see cref="ChangeReport.OptionsFor"/>).</summary>
public sealed class DetailsModel(ChangeReports reports, TimeProvider clock) : PageModel
{
    [BindProperty] public int Version { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Remark { get; set; }
    [BindProperty] public List<ScoreFormRow> Scores { get; set; } = [];
    [BindProperty] public string? TemplateVersion { get; set; }
    [BindProperty] public bool MeetsConditions { get; set; }
    [BindProperty] public string? DocumentNumber { get; set; }
    [BindProperty] public string? PlaqueNumber { get; set; }
    [BindProperty] public DateOnly? GrantedOn { get; set; }

    public ChangeReportView Report { get; private set; } = null!;

    /// <summary>The provincial sheet to fill, when the domain offers the caller the verification (A11.3).</summary>
    public VerificationSheetForm? Sheet { get; private set; }

    public DateOnly Today => ChinaTime.Today(clock);

    public Task OnGetAsync(Guid id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnGetDecisionFileAsync(Guid id, CancellationToken cancellationToken)
    {
        var (file, content) = await reports.OpenDecisionFileAsync(id, cancellationToken);
        return File(content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, ChangeReportAction action, CancellationToken cancellationToken)
    {
        try
        {
            await reports.ActAsync(new ChangeReportActionInput(id, action, Version, Date, Remark, ScoreFormRow.Entries(Scores),
                action == ChangeReportAction.Verify ? MeetsConditions : null, DocumentNumber, PlaqueNumber, GrantedOn, TemplateVersion), cancellationToken);
            TempData["Success"] = $"已{action.DisplayName()}。";
            return RedirectToPage("Details", new { id });
        }
        catch (Exception ex) when (ex is DomainException or ConcurrencyConflictException)
        {
            ModelState.AddModelError("", ex.Message);
            await LoadAsync(id, cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Report = await reports.GetAsync(id, cancellationToken);
        if (Report.Options.Contains(ChangeReportAction.Verify))
        {
            Sheet = await reports.VerificationSheetAsync(id, cancellationToken);
            TemplateVersion ??= Sheet.TemplateVersion;
            if (Scores.Count == 0)
            {
                Scores = Sheet.Items.Select(i => new ScoreFormRow { Number = i.Number }).ToList();
            }
        }
    }
}
