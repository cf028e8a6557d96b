namespace FullEmployment.Web.Infrastructure;

/// <summary>One step of the breadcrumb trail shown on every page.</summary>
public sealed record Crumb(string Title, string? Url = null);

public static class ViewDataKeys
{
    public const string Crumbs = "Crumbs";
}
