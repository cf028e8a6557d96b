using FullEmployment.Domain;
using FullEmployment.Domain.Audit;

namespace FullEmployment.UnitTests.Audit;

public sealed class AuditRetentionTests
{
    [Fact]
    public void Unset_the_retention_is_the_legal_minimum_of_180_days()
    {
        AuditRetention.Days(null).ShouldBe(180);
        AuditRetention.MinimumDays.ShouldBe(180);
    }

    [Theory]
    [InlineData(180)]
    [InlineData(365)]
    [InlineData(3650)]
    public void A_retention_of_at_least_180_days_is_taken_as_set(int days)
    {
        AuditRetention.Days(days).ShouldBe(days);
    }

    [Theory]
    [InlineData(179)]
    [InlineData(90)]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_retention_under_180_days_is_refused_not_raised(int days)
    {
        var refusal = Should.Throw<DomainException>(() => AuditRetention.Days(days));

        refusal.Message.ShouldContain($"{AuditRetention.SettingKey} 为 {days} 天");
        refusal.Message.ShouldContain("网络安全法");
    }
}
