using FullEmployment.Application.Campaigns;
using FullEmployment.Web.Infrastructure;

namespace FullEmployment.Web.Api;

public sealed record PublishTemplateBody(int Version);

/// <summary>A new draft version: its items, or none to copy <c>copyFromVersion</c>'s; GET's read-only fields (id, isPublished, …) are ignored.</summary>
public sealed record NewTemplateBody(string TemplateVersion, string Name, string? CopyFromVersion, IReadOnlyList<ScoreItemInput>? Items)
{
    public NewTemplateInput ToInput() => new(TemplateVersion, Name, CopyFromVersion, Items ?? []);
}

/// <summary>Versioned score templates (A6): list, view, new version (items or a copy of another version), publish.</summary>
public static class ScoreTemplatesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/score-templates").RequireAuthorization();
        templates.MapGet("/", (ScoreTemplates t, CancellationToken ct) => t.ListAsync(ct)).WithName("ListScoreTemplates").WithSummary("评分表版本");
        templates.MapGet("/{id:guid}", (Guid id, ScoreTemplates t, CancellationToken ct) => t.GetAsync(id, ct)).WithName("GetScoreTemplate");
        templates.MapPost("/", async (NewTemplateBody body, ScoreTemplates t, CancellationToken ct) =>
        {
            var view = await t.CreateVersionAsync(body.ToInput(), ct);
            return Results.Created($"/api/v1/score-templates/{view.Id}", view);
        }).WithName("CreateScoreTemplate").WithSummary("新建评分表版本（草稿）").RoundTrips<ScoreTemplateView>();
        templates.MapPost("/{id:guid}/publish", (Guid id, PublishTemplateBody body, ScoreTemplates t, CancellationToken ct) =>
            t.PublishAsync(id, body.Version, ct)).WithName("PublishScoreTemplate").WithSummary("发布评分表（各项分值合计须为100分）");
    }
}
