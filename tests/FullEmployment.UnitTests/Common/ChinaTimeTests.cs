using FullEmployment.Domain;
using Microsoft.Extensions.Time.Testing;

namespace FullEmployment.UnitTests.Common;

/// <summary>Legal dates are China dates (UTC+8): an instant's date turns at 16:00 UTC.</summary>
public sealed class ChinaTimeTests
{
    [Theory]
    [InlineData("2025-03-09T15:59:59Z", "2025-03-09")]
    [InlineData("2025-03-09T16:00:00Z", "2025-03-10")]
    [InlineData("2025-03-10T00:30:00+08:00", "2025-03-10")]
    public void DateOf_is_the_China_date_of_the_instant(string instant, string date)
    {
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        ChinaTime.DateOf(at).ShouldBe(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        ChinaTime.Today(new FakeTimeProvider(at)).ShouldBe(ChinaTime.DateOf(at));
    }

    [Fact]
    public void An_instant_is_shown_in_China_time()
    {
        var at = new DateTimeOffset(2025, 3, 9, 16, 5, 0, TimeSpan.Zero);

        ChinaTime.FormatMinute(at).ShouldBe("2025-03-10 00:05");
        ChinaTime.Format(at).ShouldBe("2025年3月10日");
    }
}
