using FullEmployment.Application.Audit;

namespace FullEmployment.UnitTests.Audit;

public sealed class AuditTrailFitTests
{
    [Fact]
    public void A_value_within_the_column_is_kept_as_is()
    {
        var value = new string('a', AuditEvent.TargetIdLength);

        AuditTrail.Fit(value, AuditEvent.TargetIdLength).ShouldBeSameAs(value);
        AuditTrail.Fit(null, AuditEvent.TargetIdLength).ShouldBeNull();
    }

    [Fact]
    public void A_longer_value_is_cut_to_the_column_with_an_ellipsis()
    {
        var cut = AuditTrail.Fit("GET /" + new string('x', 200), AuditEvent.TargetIdLength)!;

        cut.Length.ShouldBe(AuditEvent.TargetIdLength);
        cut.ShouldStartWith("GET /xxx");
        cut.ShouldEndWith("x…");
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        // 𠀀 (U+20000) takes two UTF-16 units; the 99th and 100th units of this value are one such character.
        var value = new string('a', 98) + "𠀀" + "bbb";

        var cut = AuditTrail.Fit(value, 100)!;

        cut.ShouldBe(new string('a', 98) + "…");
        cut.Length.ShouldBeLessThanOrEqualTo(100);
    }
}
