using System.Globalization;
using FullEmployment.Application.Notices;
using FullEmployment.Domain;

namespace FullEmployment.Web.Api;

public sealed record WorkingDayDto(string Date);

public static class CalendarApi
{
    /// <summary>Stable contract (docs/reference/calendar.md): the N-th working day after `from`, `from` not counted; 422 when a needed year has no calendar.</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/calendar/working-days", async (string? from, int? add, WorkingCalendar calendar, CancellationToken ct) =>
            {
                if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) || add is null)
                {
                    throw new DomainException("参数应为 from=YYYY-MM-DD 和 add=N（N为非负整数）。");
                }

                var date = await calendar.AddWorkingDaysAsync(start, add.Value, ct);
                return new WorkingDayDto(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            })
            .AllowAnonymous()
            .WithName("AddWorkingDays")
            .WithSummary("工作日推算（扣除法定节假日，计入调休上班日）");
}
