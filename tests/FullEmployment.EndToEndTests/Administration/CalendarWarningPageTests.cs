using FullEmployment.EndToEndTests.Infrastructure;
using Xunit.Abstractions;

namespace FullEmployment.EndToEndTests.Administration;

[Collection(EndToEndCollection.Name)]
public sealed class CalendarWarningPageTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    [Trait("Clause", "A8.3")]
    public async Task A8_3_From_1_November_the_province_workbench_warns_that_next_years_calendar_is_missing_and_links_to_the_calendar()
    {
        try
        {
            // The fixed clock is in June 2026: move it to 2 November, while 2027 has no calendar.
            Fixture.App.Clock.Offset = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.FromHours(8)) - FixedStartClock.Start;
            await LoginAsync("province", WebAppFixture.DemoPassword);
            var warning = Page.Locator("[data-testid=calendar-warning]");
            (await warning.InnerTextAsync()).ShouldContain("2027年工作日历未配置");
            (await Page.InnerTextAsync("#todo")).ShouldContain("2027年工作日历未配置");
            await SaveScreenshotAsync("calendar-warning-workbench");

            await warning.Locator("a").ClickAsync();
            await Page.WaitForURLAsync("**/Settings/Calendar");
            (await Page.InnerTextAsync("[data-testid=calendar-warning]")).ShouldContain("2027年");
            await SaveScreenshotAsync("calendar-warning-calendar-page");
        }
        finally
        {
            Fixture.App.RewindClock();
        }
    }
}
