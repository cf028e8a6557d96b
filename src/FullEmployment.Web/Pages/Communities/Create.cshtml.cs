using FullEmployment.Application.Common;
using FullEmployment.Application.Communities;
using FullEmployment.Domain.Regions;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Communities;

public sealed class CreateModel(CommunityRegistry registry) : PageModel
{
    [BindProperty]
    public CommunityForm Form { get; set; } = new();

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadRegionsAsync(cancellationToken);
        if (Regions.Count == 0)
        {
            throw new ForbiddenException("只有县区人社局（无县区的市由市人社局）可以登记社区。");
        }

        Form.RegionCode = Regions[0].Code;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await this.TryAsync(async () =>
            {
                var community = await registry.CreateAsync(Form.ToInput(), cancellationToken);
                TempData["Success"] = $"已登记社区“{community.Name}”。";
                return RedirectToPage("Details", new { code = community.Code });
            }) is { } done)
        {
            return done;
        }

        await LoadRegionsAsync(cancellationToken);
        return Page();
    }

    private async Task LoadRegionsAsync(CancellationToken cancellationToken)
    {
        Regions = await registry.MaintainableRegionsAsync(cancellationToken);
    }
}
