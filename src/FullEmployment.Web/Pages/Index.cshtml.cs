using FullEmployment.Application.Common;
using FullEmployment.Application.Communities;
using FullEmployment.Application.Notices;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages;

public sealed class IndexModel(TodoList todos, CommunityRegistry registry, ICurrentActor actor) : PageModel
{
    public IReadOnlyList<TodoItem> Todos { get; private set; } = [];

    /// <summary>A8.3: the to-do items about a missing calendar year, also shown as a warning above the workbench.</summary>
    public IReadOnlyList<TodoItem> CalendarWarnings => [.. Todos.Where(t => t.Category == WorkingCalendar.TodoCategory)];
    public int CommunityCount { get; private set; }
    public Dictionary<TitleLevel, int> TitledCounts { get; } = [];
    /// <summary>The region tiles are for the offices; community staff get their own workbench (CommunityWorkbench).</summary>
    public bool IsOfficer => actor.Role is not null && Roles.Officers.Contains(actor.Role) && actor.Role != Roles.CommunityStaff;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Todos = await todos.ForCurrentUserAsync(cancellationToken);
        if (!IsOfficer)
        {
            return;
        }

        CommunityCount = (await registry.ListAsync(new CommunityFilter(), new PageRequest(1, 1), cancellationToken)).Total;
        foreach (var level in Enum.GetValues<TitleLevel>())
        {
            TitledCounts[level] = (await registry.ListAsync(new CommunityFilter(Level: level), new PageRequest(1, 1), cancellationToken)).Total;
        }
    }
}
