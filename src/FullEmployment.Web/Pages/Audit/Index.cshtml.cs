using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Domain;
using FullEmployment.Domain.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Audit;

/// <summary>The audit log for auditors: search, export (itself audited) and verification of the hash chain.</summary>
public sealed class IndexModel(AuditLog log, AuditVerifier verifier, ICurrentActor actor, TimeProvider clock) : PageModel
{
    private const string VerifiedKey = "AuditVerified";
    private const string VerifyMessageKey = "AuditVerifyMessage";

    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Target { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int Size { get; set; } = 50;

    public PagedResult<AuditEvent> Result { get; private set; } = null!;

    /// <summary>The outcome of the last "校验审计链" on this page: null when none ran.</summary>
    public AuditVerification? Verification { get; private set; }

    private AuditFilter Filter => new(UserName, Action, Target, From, To);

    /// <summary>The current filters as route values, so verifying keeps the auditor's search.</summary>
    public Dictionary<string, string?> FilterRoute => new()
    {
        ["UserName"] = UserName,
        ["Action"] = Action,
        ["Target"] = Target,
        ["From"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["To"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        actor.EnsureRole(Roles.Auditor);
        Result = await log.SearchAsync(Filter, new PageRequest(PageNumber, Size), cancellationToken);
        if (TempData[VerifiedKey] is bool intact && TempData[VerifyMessageKey] is string message)
        {
            Verification = new AuditVerification(intact, 0, null, message);
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var events = await log.ExportAsync(Filter, cancellationToken);
        return File(AuditLog.ToXlsx(events), Xlsx.ContentType, $"审计日志-{ChinaTime.Today(clock):yyyyMMdd}.xlsx");
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        // The verifier itself checks no role (the CLI runs it too), so the page does.
        actor.EnsureRole(Roles.Auditor);
        var verification = await verifier.VerifyAsync(cancellationToken);
        TempData[VerifiedKey] = verification.Intact;
        TempData[VerifyMessageKey] = verification.Message;
        return RedirectToPage("Index", FilterRoute);
    }

    public string PageLink(int page) => Url.Page("Index", new { UserName, Action, Target, From, To, Size, p = page })!;

    public string ExportLink => Url.Page("Index", "Export", new { UserName, Action, Target, From, To })!;

    /// <summary>The start of a long before/after value for the table; the full value sits behind an expander.</summary>
    public static string Preview(string value) => value.Length <= 40 ? value : value[..40] + "…";

    public static string Time(DateTimeOffset instant) => AuditLog.FormatTime(instant);
}
