namespace FullEmployment.Web.Infrastructure;

/// <summary>What the shared pager partial needs: where we are and how to link to another page.</summary>
public sealed record PagerModel(int Page, int PageCount, int Total, Func<int, string> Link);
