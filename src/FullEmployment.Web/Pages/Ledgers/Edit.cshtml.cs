using FullEmployment.Application.Common;
using FullEmployment.Application.Ledgers;
using FullEmployment.Application.Ledgers.Import;
using FullEmployment.Domain.Ledgers;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Pages.Ledgers;

/// <summary>
/// Adds or corrects one ledger record on a form generated from the kind's columns; validated by the
/// import rules (Chinese messages shown next to the fields, input kept); deletes with a required reason.
/// </summary>
public sealed class EditModel(LedgerQueries queries, LedgerAccess access, ICurrentActor actor) : LedgerPageBase(access, actor)
{
    /// <summary>One value per column of the kind, in the definition's order.</summary>
    [BindProperty] public List<string?> Values { get; set; } = [];

    [BindProperty] public string? Reason { get; set; }

    public LedgerKindDefinition Definition { get; private set; } = null!;

    public long? RecordId { get; private set; }

    /// <summary>Messages per column name; those for no single column (natural key, record) go in <see cref="GeneralErrors"/>.</summary>
    public Dictionary<string, List<string>> FieldErrors { get; } = new(StringComparer.Ordinal);

    public List<string> GeneralErrors { get; } = [];

    public string ListUrl => $"/Ledgers/{Community.Code}/Kind/{Definition.Kind}";

    public async Task<IActionResult> OnGetAsync(string code, LedgerKind kind, long? id, CancellationToken cancellationToken)
    {
        await PrepareAsync(code, kind, id, cancellationToken);
        if (id is { } recordId)
        {
            Values = [.. (await queries.GetAsync(code, kind, recordId, cancellationToken)).Values];
        }
        else
        {
            Values = [.. Definition.Columns.Select(_ => (string?)null)];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, LedgerKind kind, long? id, CancellationToken cancellationToken)
    {
        await PrepareAsync(code, kind, id, cancellationToken);
        var values = Definition.Columns.Select((c, i) => (c.Name, Value: i < Values.Count ? Values[i]?.Trim() : null))
            .ToDictionary(x => x.Name, x => x.Value, StringComparer.Ordinal);
        return await this.TryAsync(async () =>
        {
            var outcome = id is { } recordId
                ? await queries.CorrectAsync(code, kind, recordId, values, cancellationToken)
                : await queries.AddAsync(code, kind, values, cancellationToken);
            if (outcome.Succeeded)
            {
                TempData["Success"] = id is null ? $"已保存{Definition.SheetName}记录。" : $"已更正{Definition.SheetName}记录。";
                return Redirect(ListUrl);
            }

            Show(outcome.Errors);
            return Page();
        }, refusal =>
        {
            if (refusal.Errors.Count > 0)
            {
                Show([.. refusal.Errors.Select(e => new ImportIssue(e.Sheet ?? "", e.Row ?? 0, e.Column ?? "", e.Value ?? "", e.Message))]);
            }
            else
            {
                GeneralErrors.Add(refusal.Message);
            }
        }) ?? Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string code, LedgerKind kind, long id, CancellationToken cancellationToken)
    {
        await PrepareAsync(code, kind, id, cancellationToken);
        if (await this.TryAsync(async () =>
            {
                await queries.DeleteAsync(code, kind, id, Reason ?? "", cancellationToken);
                TempData["Success"] = $"已删除{Definition.SheetName}记录。";
                return Redirect(ListUrl);
            }, refusal =>
            {
                if (refusal.Errors.Count > 0)
                {
                    FieldErrors["reason"] = [refusal.Errors[0].Message];
                }
                else
                {
                    GeneralErrors.Add(refusal.Message);
                }
            }) is { } done)
        {
            return done;
        }

        Values = [.. (await queries.GetAsync(code, kind, id, cancellationToken)).Values];
        return Page();
    }

    public IReadOnlyList<string> ErrorsOf(string column) => FieldErrors.TryGetValue(column, out var list) ? list : [];

    private async Task PrepareAsync(string code, LedgerKind kind, long? id, CancellationToken cancellationToken)
    {
        await LoadCommunityAsync(code, cancellationToken, writable: true);
        Definition = LedgerKinds.Get(Known(kind));
        RecordId = id;
    }

    private void Show(IEnumerable<ImportIssue> issues)
    {
        foreach (var issue in issues)
        {
            if (Definition.Column(issue.Column) is not null)
            {
                if (!FieldErrors.TryGetValue(issue.Column, out var list))
                {
                    FieldErrors[issue.Column] = list = [];
                }

                list.Add(issue.Message);
            }
            else
            {
                GeneralErrors.Add(issue.Column.Length > 0 ? $"{issue.Column}：{issue.Message}" : issue.Message);
            }
        }
    }
}
