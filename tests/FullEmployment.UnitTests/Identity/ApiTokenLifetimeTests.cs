using FullEmployment.Domain;
using FullEmployment.Domain.Identity;

namespace FullEmployment.UnitTests.Identity;

public sealed class ApiTokenLifetimeTests
{
    [Fact]
    public void Without_a_setting_the_maximum_is_90_days_and_a_token_gets_it()
    {
        var max = ApiTokenLifetime.MaxDays(null);

        max.ShouldBe(90);
        ApiTokenLifetime.Of(null, max).ShouldBe(TimeSpan.FromDays(90));
        ApiTokenLifetime.Of(30, max).ShouldBe(TimeSpan.FromDays(30));
    }

    [Theory]
    [InlineData(180)]
    [InlineData(365)]
    public void The_maximum_is_configurable_up_to_a_year(int configured)
    {
        ApiTokenLifetime.MaxDays(configured).ShouldBe(configured);
        ApiTokenLifetime.Of(null, configured).ShouldBe(TimeSpan.FromDays(configured));
    }

    [Theory]
    [InlineData(366)]
    [InlineData(3650)]
    [InlineData(0)]
    public void A_setting_beyond_a_year_or_below_a_day_is_refused_not_capped(int configured) =>
        Should.Throw<DomainException>(() => ApiTokenLifetime.MaxDays(configured)).Message.ShouldContain(ApiTokenLifetime.SettingKey);

    [Theory]
    [InlineData(91, 90)]
    [InlineData(366, 365)]
    [InlineData(0, 90)]
    public void A_token_asked_for_longer_than_the_maximum_or_for_no_days_is_refused(int requested, int max) =>
        Should.Throw<DomainException>(() => ApiTokenLifetime.Of(requested, max));
}
