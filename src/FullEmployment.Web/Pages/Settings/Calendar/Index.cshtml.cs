using FullEmployment.Application.Common;
using FullEmployment.Application.Notices;
using FullEmployment.Domain;
using FullEmployment.Domain.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Settings.Calendar;

/// <summary>The configured years of the working-day calendar (province only).</summary>
public sealed class IndexModel(WorkingCalendar calendar, ICurrentActor actor, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CalendarYearView> Years { get; private set; } = [];

    public int NextYear { get; private set; }

    /// <summary>A8.3: years that notices published today may need and that have no calendar yet.</summary>
    public IReadOnlyList<int> MissingYears { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        actor.EnsureRole(Roles.ProvinceOfficer);
        Years = await calendar.ListYearsAsync(cancellationToken);
        MissingYears = await calendar.MissingYearsAsync(cancellationToken);
        NextYear = MissingYears.Count > 0 ? MissingYears[0] : Years.Count == 0 ? ChinaTime.Today(clock).Year : Years.Max(y => y.Year) + 1;
    }
}
