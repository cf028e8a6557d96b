using FullEmployment.Application.Common;
using FullEmployment.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Infrastructure;

/// <summary>
/// A use case's refusal as a page shows it: the Chinese message, the clause a rule refusal rests on, the rejected
/// fields of an input refusal, and whether someone else saved first.
/// </summary>
public sealed record Refusal(string Message, string? Clause, IReadOnlyList<InputError> Errors, bool IsConflict)
{
    /// <summary>
    /// The refusal an exception stands for, or null: a missing record or a forbidden action is not shown on the form,
    /// it goes on to the error page (404/403) as before.
    /// </summary>
    public static Refusal? Of(Exception exception) => exception switch
    {
        DomainException rule => new Refusal(rule.Message, rule.Clause, [], false),
        ConcurrencyConflictException conflict => new Refusal(conflict.Message, null, [], true),
        InputRejectedException input => new Refusal(input.Message, null, input.Errors, false),
        _ => null,
    };

    /// <summary>What to list: each rejected field's message, or the refusal's own.</summary>
    public IEnumerable<string> Messages => Errors.Count > 0 ? Errors.Select(e => e.Message) : [Message];
}

/// <summary>The one way a page runs a form's use case and turns its refusal into a message on the page.</summary>
public static class PageRefusals
{
    /// <summary>
    /// Runs <paramref name="useCase"/> and returns its result (usually a redirect). On a refusal returns null after
    /// <paramref name="show"/> has put it on the page (by default: into the validation summary); the page then
    /// reloads what it shows and renders itself with the user's input kept.
    /// </summary>
    public static async Task<IActionResult?> TryAsync(this PageModel page, Func<Task<IActionResult>> useCase, Action<Refusal>? show = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(useCase);
        try
        {
            return await useCase();
        }
        catch (Exception ex) when (Refusal.Of(ex) is { } refusal)
        {
            (show ?? page.ModelState.AddRefusal)(refusal);
            return null;
        }
    }

    /// <summary>The refusal's messages in the validation summary.</summary>
    public static void AddRefusal(this ModelStateDictionary modelState, Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(refusal);
        foreach (var message in refusal.Messages)
        {
            modelState.AddModelError("", message);
        }
    }
}
