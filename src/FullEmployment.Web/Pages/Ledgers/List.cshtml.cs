using FullEmployment.Application.Common;
using FullEmployment.Application.Ledgers;
using FullEmployment.Domain;
using FullEmployment.Domain.Ledgers;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.Pages.Ledgers;

/// <summary>One kind of a community's ledger: masked values, search, date filter, sort, paging, export, audited reveal.</summary>
public sealed class ListModel(LedgerQueries queries, LedgerAccess access, ICurrentActor actor, TimeProvider clock) : LedgerPageBase(access, actor)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public LedgerSort Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; } = true;
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int Size { get; set; } = 20;

    public LedgerKind Kind { get; private set; }

    public LedgerPageView View { get; private set; } = null!;

    /// <summary>The row revealed by this request, and its cells in full (ID number, birth date, phone).</summary>
    public (long Id, IReadOnlyList<string> Values)? Revealed { get; private set; }

    public LedgerFilter Filter => new(Q, From, To, Sort, Desc);

    public async Task OnGetAsync(string code, LedgerKind kind, CancellationToken cancellationToken) =>
        await LoadAsync(code, kind, cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(string code, LedgerKind kind, CancellationToken cancellationToken)
    {
        var bytes = await queries.ExportAsync(code, Known(kind), Filter, cancellationToken);
        return File(bytes, Xlsx.ContentType, $"{code}-{kind.SheetName()}-{LedgerDisplay.Iso(ChinaTime.Today(clock))}.xlsx");
    }

    public async Task<IActionResult> OnPostRevealAsync(string code, LedgerKind kind, long id, CancellationToken cancellationToken)
    {
        var values = await queries.RevealAsync(code, Known(kind), id, cancellationToken);
        await LoadAsync(code, kind, cancellationToken);
        Revealed = (id, values);
        return Page();
    }

    public string SortLink(LedgerSort sort) => Url.Page("List", new
    {
        code = Community.Code,
        kind = Kind,
        Q,
        From,
        To,
        Sort = sort,
        Desc = sort == Sort ? !Desc : true,
        Size,
    })!;

    public string PageLink(int page) => Url.Page("List", new { code = Community.Code, kind = Kind, Q, From, To, Sort, Desc, Size, p = page })!;

    public string ExportLink => Url.Page("List", "Export", new { code = Community.Code, kind = Kind, Q, From, To, Sort, Desc })!;

    public string RevealLink => Url.Page("List", "Reveal", new { code = Community.Code, kind = Kind, Q, From, To, Sort, Desc, Size, p = PageNumber })!;

    private async Task LoadAsync(string code, LedgerKind kind, CancellationToken cancellationToken)
    {
        await LoadCommunityAsync(code, cancellationToken);
        Kind = Known(kind);
        View = await queries.ListAsync(code, Kind, Filter, new PageRequest(PageNumber, Size), cancellationToken);
    }
}
