using FullEmployment.Application.Supervision;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReinspectionService = FullEmployment.Application.Supervision.Reinspections;

namespace FullEmployment.Web.Pages.Supervision.Reinspections;

/// <summary>The printable re-inspection sheet of one record (A9).</summary>
public sealed class RecordPrintModel(ReinspectionService reinspections) : PageModel
{
    public ReinspectionRecordView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => View = await reinspections.GetRecordAsync(id, cancellationToken);
}
