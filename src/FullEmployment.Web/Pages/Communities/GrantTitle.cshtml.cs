using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Common;
using FullEmployment.Application.Communities;
using FullEmployment.Domain.Communities;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Communities;

/// <summary>Grant a title, or enter one held before the system (A3.1, A10).</summary>
public sealed class GrantTitleModel(CommunityRegistry registry) : PageModel
{
    [BindProperty]
    public TitleForm Form { get; set; } = new();

    public CommunityView Community { get; private set; } = null!;
    public IReadOnlyList<TitleLevel> Levels => Community.GrantableLevels;

    public sealed class TitleForm
    {
        [Required(ErrorMessage = "请选择称号级别")][Display(Name = "称号级别")] public TitleLevel? Level { get; set; }
        [Required(ErrorMessage = "请填写授予机关")][Display(Name = "授予机关")] public string GrantingAuthority { get; set; } = "";
        [Required(ErrorMessage = "请填写文件号")][Display(Name = "文件号")] public string DocumentNumber { get; set; } = "";
        [Required(ErrorMessage = "请填写授予日期")][Display(Name = "授予日期")] public DateOnly? GrantedOn { get; set; }
        [Display(Name = "标牌编号")] public string? PlaqueNumber { get; set; }
        [Display(Name = "报省备案号（市级）")] public string? ProvinceFilingNumber { get; set; }
        [Display(Name = "报省备案日期（市级）")] public DateOnly? ProvinceFiledOn { get; set; }
        [Display(Name = "终止日期（录入历史称号时填写）")] public DateOnly? EndedOn { get; set; }
        [Display(Name = "终止原因")] public TitleEndReason? EndReason { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        await LoadAsync(code, cancellationToken);
        if (Levels.Count == 0)
        {
            throw new ForbiddenException(Community.ClosedReason ?? "您无权为该社区登记称号（A10：省级称号由省人社厅、市级称号由所在市州人社局管理）。");
        }

        Form.Version = Community.Version;
        Form.Level = Levels[0];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await this.TryAsync(async () =>
            {
                await registry.GrantTitleAsync(code, new TitleInput(Form.Level!.Value, Form.GrantingAuthority, Form.DocumentNumber, Form.GrantedOn!.Value,
                    Form.PlaqueNumber, string.IsNullOrWhiteSpace(Form.ProvinceFilingNumber) ? null : Form.ProvinceFilingNumber, Form.ProvinceFiledOn,
                    Form.EndedOn, Form.EndReason), Form.Version, cancellationToken);
                TempData["Success"] = $"已登记{Form.Level.Value.DisplayName()}称号。";
                return RedirectToPage("Details", new { code });
            }) is { } done)
        {
            return done;
        }

        await LoadAsync(code, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(string code, CancellationToken cancellationToken)
    {
        Community = await registry.ViewAsync(code, cancellationToken);
    }
}
