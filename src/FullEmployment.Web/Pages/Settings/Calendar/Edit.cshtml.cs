using System.Globalization;
using FullEmployment.Application.Common;
using FullEmployment.Application.Notices;
using FullEmployment.Domain.Identity;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Settings.Calendar;

/// <summary>One year's off days and make-up working days, typed as dates one per line (province only; audited by the use case).</summary>
public sealed class EditModel(WorkingCalendar calendar, ICurrentActor actor) : PageModel
{
    private static readonly char[] Separators = [' ', '\n', '\r', '\t', ',', '，', '、', ';', '；'];

    public int Year { get; private set; }

    public bool IsNew => Version is null;

    [BindProperty] public string? OffDays { get; set; }
    [BindProperty] public string? MakeUpWorkingDays { get; set; }
    [BindProperty] public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        actor.EnsureRole(Roles.ProvinceOfficer);
        Year = year;
        try
        {
            var existing = await calendar.GetYearAsync(year, cancellationToken);
            OffDays = Lines(existing.OffDays);
            MakeUpWorkingDays = Lines(existing.MakeUpWorkingDays);
            Version = existing.Version;
        }
        catch (NotFoundException)
        {
            Version = null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken)
    {
        actor.EnsureRole(Roles.ProvinceOfficer);
        Year = year;
        var off = Parse(OffDays, nameof(OffDays), "放假日期");
        var makeUp = Parse(MakeUpWorkingDays, nameof(MakeUpWorkingDays), "调休上班日期");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.TryAsync(async () =>
        {
            await calendar.SaveYearAsync(new CalendarYearInput(year, off, makeUp, Version), cancellationToken);
            TempData["Success"] = $"{year}年工作日历已保存（放假 {off.Count} 天，调休上班 {makeUp.Count} 天）。";
            return RedirectToPage("Index");
        }) ?? Page();
    }

    private List<DateOnly> Parse(string? text, string field, string label)
    {
        var days = new List<DateOnly>();
        foreach (var token in (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (DateOnly.TryParseExact(token, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                days.Add(day);
            }
            else
            {
                ModelState.AddModelError(field, $"{label}中的“{token}”不是有效日期，请按 YYYY-MM-DD 格式填写，每行一个。");
            }
        }

        return days.Distinct().Order().ToList();
    }

    private static string Lines(IEnumerable<DateOnly> days) =>
        string.Join('\n', days.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
}
