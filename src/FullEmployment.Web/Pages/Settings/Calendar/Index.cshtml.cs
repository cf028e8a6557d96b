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

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        actor.EnsureRole(Roles.ProvinceOfficer);
        Years = await calendar.ListYearsAsync(cancellationToken);
        NextYear = Years.Count == 0 ? ChinaTime.Today(clock).Year : Years.Max(y => y.Year) + 1;
    }
}
