using FullEmployment.Application.Common;
using FullEmployment.Application.Notices;
using FullEmployment.Domain;
using FullEmployment.Domain.Identity;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.IntegrationTests.Notices;

/// <summary>
/// A8.3: a notice period running into a year without a working-day calendar cannot be computed, so from 1 November the
/// province is warned, on its workbench and in its to-do list, while next year's calendar is not configured.
/// </summary>
public sealed class CalendarWarningTests(DemoApps apps) : IntegrationTest(apps)
{
    private static readonly DateTimeOffset LastOctober = new(2026, 10, 31, 9, 0, 0, ChinaTime.Offset);
    private static readonly DateTimeOffset FirstNovember = new(2026, 11, 1, 9, 0, 0, ChinaTime.Offset);

    [DatabaseTheory]
    [Trait("Clause", "A8.3")]
    public async Task A8_3_From_1_November_the_province_is_warned_on_its_workbench_and_todo_list_until_next_years_calendar_is_entered(Database database)
    {
        Use(database);

        // The clock only moves forward here (sign-in tickets expire as it does: each step signs in again).
        Factory.Clock.GetUtcNow().ShouldBeLessThan(LastOctober);
        Factory.Clock.SetUtcNow(LastOctober.ToUniversalTime());
        (await Client("province").GetStringAsync(new Uri("/", UriKind.Relative))).ShouldNotContain("calendar-warning");
        (await TodoAsync(Roles.ProvinceOfficer, "620000")).ShouldNotContain(t => t.Category == WorkingCalendar.TodoCategory);

        Factory.Clock.SetUtcNow(FirstNovember.ToUniversalTime());
        var province = Client("province");
        var workbench = await province.GetStringAsync(new Uri("/", UriKind.Relative));
        workbench.ShouldContain("data-testid=\"calendar-warning\"");
        workbench.ShouldContain("2027年工作日历未配置");
        workbench.ShouldContain("href=\"/Settings/Calendar\"");
        var item = (await TodoAsync(Roles.ProvinceOfficer, "620000")).Single(t => t.Category == WorkingCalendar.TodoCategory);
        item.Title.ShouldContain("2027年");
        item.Title.ShouldContain("未配置");
        item.Url.ShouldBe("/Settings/Calendar");
        item.DueOn.ShouldBe(new DateOnly(2026, 12, 31));
        (await province.GetStringAsync(new Uri("/Settings/Calendar", UriKind.Relative))).ShouldContain("2027年工作日历未配置");

        // The calendar is the province's to keep (A17): the cities see no such warning.
        (await Client("lanzhou").GetStringAsync(new Uri("/", UriKind.Relative))).ShouldNotContain("calendar-warning");
        (await TodoAsync(Roles.CityOfficer, "620100")).ShouldNotContain(t => t.Category == WorkingCalendar.TodoCategory);

        // Entering the year ends its warning.
        await Factory.WithScopeAsync(new FixedActor("province", Roles.ProvinceOfficer, "620000", "127.0.0.1"), sp =>
            sp.GetRequiredService<WorkingCalendar>().SaveYearAsync(new CalendarYearInput(2027, [new DateOnly(2027, 1, 1)], [], null)));
        (await TodoAsync(Roles.ProvinceOfficer, "620000")).ShouldNotContain(t => t.Category == WorkingCalendar.TodoCategory);
        (await Client("province").GetStringAsync(new Uri("/", UriKind.Relative))).ShouldNotContain("calendar-warning");

        // Without this year's calendar too, both years are named.
        Factory.Clock.SetUtcNow(new DateTimeOffset(2028, 11, 2, 9, 0, 0, ChinaTime.Offset).ToUniversalTime());
        (await TodoAsync(Roles.ProvinceOfficer, "620000")).Where(t => t.Category == WorkingCalendar.TodoCategory)
            .Select(t => t.Title[..5]).ShouldBe(["2028年", "2029年"]);
    }

    [DatabaseTheory]
    [Trait("Clause", "A8.3")]
    public async Task A8_3_An_action_refused_for_a_missing_calendar_names_the_missing_year(Database database)
    {
        Use(database);
        var refusal = await Should.ThrowAsync<DomainException>(() => Factory.WithScopeAsync(sp =>
            sp.GetRequiredService<WorkingCalendar>().AddWorkingDaysAsync(new DateOnly(2031, 6, 2), 5)));
        refusal.Message.ShouldContain("2031年");
        refusal.Message.ShouldContain("未配置");
        refusal.Clause.ShouldBe("A8.3");
    }

    private Task<IReadOnlyList<TodoItem>> TodoAsync(string role, string scope) =>
        Factory.WithScopeAsync(new FixedActor(role + "@" + scope, role, scope, "127.0.0.1"),
            sp => sp.GetRequiredService<TodoList>().ForCurrentUserAsync());
}
