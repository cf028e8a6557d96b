using FullEmployment.Application.Audit;
using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Notices;

public sealed record CalendarYearView(int Year, IReadOnlyList<DateOnly> OffDays, IReadOnlyList<DateOnly> MakeUpWorkingDays, int Version);

/// <summary>A year's State Council arrangement as entered by the province; <paramref name="Version"/> is null for a new year.</summary>
public sealed record CalendarYearInput(int Year, IReadOnlyList<DateOnly> OffDays, IReadOnlyList<DateOnly> MakeUpWorkingDays, int? Version);

/// <summary>The working-day calendar (docs/reference/calendar.md): data the province edits one year at a time, audited.</summary>
public sealed class WorkingCalendar(AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The to-do category of a missing calendar year; the workbench also shows these items as a warning.</summary>
    public const string TodoCategory = "工作日历";

    private WorkingDayCalendar? _loaded;

    public async Task<IReadOnlyList<CalendarYearView>> ListYearsAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<CalendarYear>().AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken)).ConvertAll(ToView);

    public async Task<CalendarYearView> GetYearAsync(int year, CancellationToken cancellationToken = default) =>
        ToView(await db.Set<CalendarYear>().AsNoTracking().FirstOrDefaultAsync(y => y.Year == year, cancellationToken)
            ?? throw new NotFoundException($"{year}年的工作日历尚未配置。"));

    /// <summary>Creates or replaces a year's arrangement (province only; A17: the province keeps the rules).</summary>
    public async Task<CalendarYearView> SaveYearAsync(CalendarYearInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        audit.Actor.EnsureRole(Roles.ProvinceOfficer);
        var year = await db.Set<CalendarYear>().FirstOrDefaultAsync(y => y.Year == input.Year, cancellationToken);
        object? before = null;
        if (year is null)
        {
            year = new CalendarYear(input.Year, input.OffDays, input.MakeUpWorkingDays);
            db.Add(year);
        }
        else
        {
            db.ExpectVersion(year, input.Version ?? -1);
            before = ToView(year);
            year.Replace(input.OffDays, input.MakeUpWorkingDays);
            db.Touch(year);
        }

        audit.Record("calendar.save", "calendar-year", input.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
            before, new { input.Year, input.OffDays, input.MakeUpWorkingDays });
        await db.SaveChangesAsync(cancellationToken);
        _loaded = null;
        return ToView(year);
    }

    /// <summary>The N-th working day after <paramref name="from"/> (not counted); a needed year without a calendar is refused.</summary>
    public async Task<DateOnly> AddWorkingDaysAsync(DateOnly from, int workingDays, CancellationToken cancellationToken = default)
    {
        if (workingDays is < 0 or > 3660)
        {
            throw new DomainException("工作日天数应在0到3660之间。");
        }

        return (await LoadAsync(cancellationToken)).AddWorkingDays(from, workingDays);
    }

    /// <summary>A8.3: the years notices published today may need whose calendar is not configured (see <see cref="WorkingDayCalendar.MissingYears"/>).</summary>
    public async Task<IReadOnlyList<int>> MissingYearsAsync(CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken)).MissingYears(ChinaTime.Today(clock));

    /// <summary>The warning shown to the province (workbench, to-do list, start-up log) for a year without a calendar.</summary>
    public static string MissingYearWarning(int year) =>
        $"{year}年工作日历未配置：涉及{year}年的公示期和工作日期限无法推算（A8.3），请录入{year}年的法定节假日和调休上班安排。";

    /// <summary>The configured years, read once per request (the to-do sources and the page all ask for them).</summary>
    public async Task<WorkingDayCalendar> LoadAsync(CancellationToken cancellationToken = default) =>
        _loaded ??= new(await db.Set<CalendarYear>().AsNoTracking().ToListAsync(cancellationToken));

    private static CalendarYearView ToView(CalendarYear y) => new(y.Year, y.OffDays, y.MakeUpWorkingDays, y.Version);
}
