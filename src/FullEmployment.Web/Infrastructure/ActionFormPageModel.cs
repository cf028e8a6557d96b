using FullEmployment.Application.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Infrastructure;

/// <summary>
/// A page with several action forms (campaigns, supervision, funds): a refused action (DomainException with its clause, or a concurrency
/// conflict) is shown next to the form that failed, with the user's input kept. A conflict answers 409, as the API does, with the page
/// reloaded at the current version so that the kept input can be sent again.
/// </summary>
public abstract class ActionFormPageModel : PageModel
{
    /// <summary>The version of the record the user saw; every action sends it back.</summary>
    [BindProperty] public int Version { get; set; }

    /// <summary>The form (handler) whose action was refused, with the message and clause to show beside it.</summary>
    public string? FailedForm { get; private set; }
    public string? FailedMessage { get; private set; }
    public string? FailedClause { get; private set; }

    protected async Task<IActionResult> AttemptAsync(string form, Func<Task<IActionResult>> action, Func<Task> reload)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(reload);
        var conflict = false;
        if (ModelState.IsValid)
        {
            if (await this.TryAsync(action, refusal =>
                {
                    conflict = refusal.IsConflict;
                    Fail(form, conflict ? refusal.Message + " 页面已刷新为最新内容，您填写的内容已保留，请核对后重新提交。" : string.Join("；", refusal.Messages),
                        refusal.Clause);
                }) is { } done)
            {
                return done;
            }
        }
        else
        {
            Fail(form, string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct()), null);
        }

        var seen = Version;
        await reload();
        if (!conflict)
        {
            Version = seen;
        }
        else
        {
            ModelState.Remove(nameof(Version));
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }

    private void Fail(string form, string message, string? clause)
    {
        FailedForm = form;
        FailedMessage = message;
        FailedClause = clause;
    }

    protected static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split(['\n', '，', ',', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
