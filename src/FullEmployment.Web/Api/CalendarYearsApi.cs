using FullEmployment.Application.Notices;
using FullEmployment.Web.Infrastructure;

namespace FullEmployment.Web.Api;

/// <summary>A year's State Council arrangement; <see cref="Version"/> is null when the year is new (GET's <c>year</c> is read-only: the path names it).</summary>
public sealed record CalendarYearBody(IReadOnlyList<DateOnly> OffDays, IReadOnlyList<DateOnly> MakeUpWorkingDays, int? Version);

/// <summary>The working-day calendar as the province maintains it, one year at a time (audited).</summary>
public static class CalendarYearsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var years = api.MapGroup("/calendar/years").RequireAuthorization();
        years.MapGet("/", (WorkingCalendar calendar, CancellationToken ct) => calendar.ListYearsAsync(ct)).WithName("ListCalendarYears")
            .WithSummary("已配置的工作日历年度");
        years.MapGet("/{year:int}", (int year, WorkingCalendar calendar, CancellationToken ct) => calendar.GetYearAsync(year, ct))
            .WithName("GetCalendarYear");
        years.MapPut("/{year:int}", (int year, CalendarYearBody body, WorkingCalendar calendar, CancellationToken ct) =>
                calendar.SaveYearAsync(new CalendarYearInput(year, body.OffDays ?? [], body.MakeUpWorkingDays ?? [], body.Version), ct))
            .WithName("SaveCalendarYear").WithSummary("保存某年的放假和调休安排（仅省级）").RoundTrips<CalendarYearView>();
    }
}
