using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Campaigns;

/// <summary>Versioned score templates (A6): the province's provincial ones, each city's municipal ones (A4.3, A18).</summary>
public sealed class ScoreTemplates(AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    private ICurrentActor Actor => audit.Actor;

    public async Task<IReadOnlyList<ScoreTemplateRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.Workflow);
        var templates = await db.Set<ScoreTemplate>().AsNoTracking().OrderBy(t => t.TemplateVersion).ToListAsync(cancellationToken);
        return templates.Where(Visible)
            .Select(t => new ScoreTemplateRow(t.Id, t.TemplateVersion, t.Name, t.OwnerRegionCode, t.IsPublished, t.PublishedAt, t.TotalPoints))
            .ToList();
    }

    public async Task<ScoreTemplateView> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        Actor.EnsureRole(Roles.Workflow);
        var template = await db.Set<ScoreTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return template is not null && Visible(template) ? ToView(template) : throw new NotFoundException("未找到该评分表。");
    }

    /// <summary>A new draft version, owned by the province, or by the actor's city for its municipal campaigns (A4.3).</summary>
    public async Task<ScoreTemplateView> CreateVersionAsync(NewTemplateInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Actor.EnsureRole(Roles.ProvinceOfficer, Roles.CityOfficer);
        var owner = Actor.IsInRole(Roles.ProvinceOfficer) ? GansuRegions.ProvinceCode : Actor.ScopeCode!;
        if (await db.Set<ScoreTemplate>().AnyAsync(t => t.TemplateVersion == input.TemplateVersion.Trim(), cancellationToken))
        {
            throw new DomainException($"评分表版本号“{input.TemplateVersion}”已存在，请使用新的版本号。", "A6");
        }

        var template = new ScoreTemplate(input.TemplateVersion, input.Name, owner);
        var items = input.Items;
        if (items.Count == 0 && !string.IsNullOrWhiteSpace(input.CopyFromVersion))
        {
            // Only a template the actor may read is copied (another city's municipal sheet is not revealed).
            var source = await db.Set<ScoreTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.TemplateVersion == input.CopyFromVersion, cancellationToken);
            if (source is null || !Visible(source))
            {
                throw new DomainException($"未找到评分表版本“{input.CopyFromVersion}”，或该评分表不在您的管辖范围内。", "A6");
            }

            items = source.Items.Select(i => new ScoreItemInput(i.Group, i.GroupName, i.Number, i.Text, i.MaxPoints, i.Rule, i.Mode, i.ClauseId,
                i.GateMinimum)).ToList();
        }

        foreach (var i in items)
        {
            template.AddItem(i.Group, i.GroupName, i.Number, i.Text, i.MaxPoints, i.Rule, i.Mode, i.ClauseId, i.GateMinimum);
        }

        db.Add(template);
        audit.Record("score-template.create", "score-template", template.TemplateVersion, owner,
            after: new { template.TemplateVersion, template.Name, items = template.Items.Count, template.TotalPoints });
        await db.SaveChangesAsync(cancellationToken);
        return ToView(template);
    }

    /// <summary>A6: a version is published once its items sum to 100; it never changes afterwards.</summary>
    public async Task<ScoreTemplateView> PublishAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var template = await db.Set<ScoreTemplate>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new NotFoundException("未找到该评分表。");
        if (!MayEdit(template))
        {
            throw new ForbiddenException("只有评分表的所属单位（省人社厅或该市州人社局）可以发布评分表。");
        }

        db.ExpectVersion(template, version);
        template.Publish(clock.GetUtcNow());
        audit.Record("score-template.publish", "score-template", template.TemplateVersion, template.OwnerRegionCode,
            after: new { template.TemplateVersion, template.TotalPoints });
        await db.SaveChangesAsync(cancellationToken);
        return ToView(template);
    }

    // Everyone in the workflow sees the provincial templates; municipal ones are their city's.
    private bool Visible(ScoreTemplate t) =>
        t.OwnerRegionCode == GansuRegions.ProvinceCode || Actor.IsInRole(Roles.ProvinceOfficer)
        || (Actor.ScopeCode is { Length: >= 4 } scope && t.OwnerRegionCode[..4] == scope[..4]);

    private bool MayEdit(ScoreTemplate t) =>
        t.OwnerRegionCode == GansuRegions.ProvinceCode ? Actor.IsInRole(Roles.ProvinceOfficer) : Actor.IsCityOf(t.OwnerRegionCode);

    internal static ScoreTemplateView ToView(ScoreTemplate t) => new(t.Id, t.TemplateVersion, t.Name, t.OwnerRegionCode, t.IsPublished,
        t.PublishedAt, t.TotalPoints,
        t.Items.Select(i => new ScoreItemView(i.Group, i.GroupName, i.Number, i.Text, i.MaxPoints, i.Rule, i.Mode, i.GateMinimum, i.ClauseId)).ToList(),
        t.Version);
}
