using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Settings.Templates;

/// <summary>One item of the new version: text and points editable, the rest carried over from the source version.</summary>
public sealed class TemplateItemForm
{
    public int Group { get; set; }
    public string? GroupName { get; set; }
    public string? Number { get; set; }
    [Required(ErrorMessage = "评分内容不能为空。")] public string Text { get; set; } = "";
    [Range(0.1, 100, ErrorMessage = "分值应在0.1到100之间。")] public decimal MaxPoints { get; set; }
    public string? Rule { get; set; }
    public ScoringMode Mode { get; set; }
    public string? ClauseId { get; set; }
    public decimal? GateMinimum { get; set; }

    public static TemplateItemForm From(ScoreItemView i) => new()
    {
        Group = i.Group,
        GroupName = i.GroupName,
        Number = i.Number,
        Text = i.Text,
        MaxPoints = i.MaxPoints,
        Rule = i.Rule,
        Mode = i.Mode,
        ClauseId = i.ClauseId,
        GateMinimum = i.GateMinimum,
    };

    public ScoreItemInput ToInput() => new(Group, GroupName ?? "", Number ?? "", Text, MaxPoints, Rule ?? "", Mode, ClauseId ?? "", GateMinimum);
}

/// <summary>A new draft version as a copy of another, with editable points and text (A6).</summary>
public sealed class CreateModel(ScoreTemplates templates, ICurrentActor actor) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid From { get; set; }

    public string SourceVersion { get; private set; } = "";

    [BindProperty, Required(ErrorMessage = "请填写新版本号。")] public string TemplateVersion { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "请填写评分表名称。")] public string Name { get; set; } = "";
    [BindProperty] public List<TemplateItemForm> Items { get; set; } = [];

    public decimal Total => Items.Sum(i => i.MaxPoints);

    public bool IsCity => actor.IsInRole(Roles.CityOfficer);

    // A4.3: a city makes its own versions (owned by the city) from any version it can see.
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        actor.EnsureRole(Roles.ProvinceOfficer, Roles.CityOfficer);
        var source = await templates.GetAsync(From, cancellationToken);
        SourceVersion = source.TemplateVersion;
        TemplateVersion = source.TemplateVersion + "-修订";
        Name = source.Name;
        Items = source.Items.Select(TemplateItemForm.From).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        actor.EnsureRole(Roles.ProvinceOfficer, Roles.CityOfficer);
        SourceVersion = (await templates.GetAsync(From, cancellationToken)).TemplateVersion;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.TryAsync(async () =>
        {
            var created = await templates.CreateVersionAsync(
                new NewTemplateInput(TemplateVersion, Name, null, Items.ConvertAll(i => i.ToInput())), cancellationToken);
            TempData["Success"] = $"已新建评分表版本 {created.TemplateVersion}（草稿，合计 {created.TotalPoints:0.#} 分）。请核对后发布。";
            return RedirectToPage("Details", new { id = created.Id });
        }) ?? Page();
    }
}
