using FullEmployment.Application.Communities;
using FullEmployment.Application.Regions;
using FullEmployment.Domain.Regions;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Communities;

public sealed class EditModel(CommunityRegistry registry, RegionDirectory regions) : PageModel
{
    [BindProperty]
    public CommunityForm Form { get; set; } = new();

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var community = await registry.GetAsync(code, cancellationToken);
        registry.EnsureMayMaintain(community.CityCode, community.CountyCode);
        Form = CommunityForm.From(community);
        Regions = await regions.ListAsync(cancellationToken);
        return Page();
    }

    /// <summary>Shows the stored phone in full in the form; the reveal is audited.</summary>
    public async Task<IActionResult> OnPostRevealPhoneAsync(string code, CancellationToken cancellationToken)
    {
        var community = await registry.GetAsync(code, cancellationToken);
        registry.EnsureMayMaintain(community.CityCode, community.CountyCode);
        var phone = await registry.RevealContactPhoneAsync(code, cancellationToken);
        ModelState.Clear();
        Form = CommunityForm.From(community);
        Form.ContactPhone = phone;
        Regions = await regions.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var conflict = false;
        if (ModelState.IsValid && await this.TryAsync(async () =>
            {
                await registry.UpdateAsync(code, Form.ToInput() with { Code = code }, Form.Version, cancellationToken);
                TempData["Success"] = "社区信息已保存。";
                return RedirectToPage("Details", new { code });
            }, refusal =>
            {
                ModelState.AddRefusal(refusal);
                conflict = refusal.IsConflict;
            }) is { } done)
        {
            return done;
        }

        if (conflict)
        {
            // Keep what the user typed; show that someone else saved first, with the new version to resubmit on purpose.
            var current = await registry.GetAsync(code, cancellationToken);
            ModelState.Remove("Form.Version");
            Form.Version = current.Version;
        }

        Regions = await regions.ListAsync(cancellationToken);
        return Page();
    }
}
