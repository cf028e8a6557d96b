using FullEmployment.Application.Common;
using Microsoft.AspNetCore.Mvc;

namespace FullEmployment.Web.ViewComponents;

/// <summary>The to-do badge in the header of every page.</summary>
public sealed class TodoCountViewComponent(TodoList todos) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View((await todos.ForCurrentUserAsync(HttpContext.RequestAborted)).Count);
}
