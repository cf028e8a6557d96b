using FullEmployment.Application.Common;
using FullEmployment.Domain;
using FullEmployment.Domain.Identity;

namespace FullEmployment.Application.Notices;

/// <summary>
/// A8.3, A17: the province keeps the working-day calendar. A year that notices published now may need, and that has no
/// calendar yet, waits in the province's to-do list until it is entered: next year's from 1 November on.
/// </summary>
internal sealed class CalendarTodoSource(WorkingCalendar calendar, TimeProvider clock) : ITodoSource
{
    private const string CalendarPage = "/Settings/Calendar";

    public async Task<IReadOnlyList<TodoItem>> ForAsync(ICurrentActor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(Roles.ProvinceOfficer))
        {
            return [];
        }

        var today = ChinaTime.Today(clock);
        return [.. (await calendar.MissingYearsAsync(cancellationToken)).Select(year => new TodoItem(WorkingCalendar.TodoCategory,
            WorkingCalendar.MissingYearWarning(year), CalendarPage, year > today.Year ? new DateOnly(today.Year, 12, 31) : today))];
    }
}
