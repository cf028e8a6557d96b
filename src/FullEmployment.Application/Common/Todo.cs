namespace FullEmployment.Application.Common;

/// <summary>An action waiting for the current user (待办).</summary>
public sealed record TodoItem(string Category, string Title, string Url, DateOnly? DueOn, int? WorkingDaysLeft = null);

/// <summary>A feature that knows what waits for a user; each feature registers its own.</summary>
public interface ITodoSource
{
    Task<IReadOnlyList<TodoItem>> ForAsync(ICurrentActor actor, CancellationToken cancellationToken);
}

public sealed class TodoList(IEnumerable<ITodoSource> sources, ICurrentActor actor)
{
    public async Task<IReadOnlyList<TodoItem>> ForCurrentUserAsync(CancellationToken cancellationToken = default)
    {
        if (actor.Role is null)
        {
            return [];
        }

        var items = new List<TodoItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.ForAsync(actor, cancellationToken));
        }

        return items.OrderBy(i => i.DueOn ?? DateOnly.MaxValue).ToList();
    }
}
