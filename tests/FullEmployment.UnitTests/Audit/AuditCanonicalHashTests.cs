using FullEmployment.Application.Audit;
using Microsoft.Extensions.Configuration;

namespace FullEmployment.UnitTests.Audit;

/// <summary>The version-2 chain hash (typed, length-prefixed fields) and the keyed seal over it.</summary>
public sealed class AuditCanonicalHashTests
{
    private static readonly AuditKey Key = KeyOf(1);

    [Fact]
    public void Null_and_empty_hash_differently_where_version_1_could_not_tell_them_apart()
    {
        var withNull = Event(targetId: null);
        var withEmpty = Event(targetId: "");

        withNull.ComputeLegacyHash().ShouldBe(withEmpty.ComputeLegacyHash());
        withNull.Seal(Key);
        withEmpty.Seal(Key);
        withNull.Hash.ShouldNotBe(withEmpty.Hash);
        withNull.AuditHmac.ShouldNotBe(withEmpty.AuditHmac);
    }

    [Fact]
    public void A_value_cannot_borrow_its_neighbours_separator()
    {
        var left = Event(userName: "a\u001fb", role: "c");
        var right = Event(userName: "a", role: "b\u001fc");

        left.ComputeLegacyHash().ShouldBe(right.ComputeLegacyHash());
        left.Seal(Key);
        right.Seal(Key);
        left.Hash.ShouldNotBe(right.Hash);
    }

    [Fact]
    public void A_sealed_event_hashes_with_version_2_and_verifies_under_its_key_only()
    {
        var e = Event();
        e.Seal(Key);

        e.ComputeHash().ShouldBe(e.Hash);
        e.Hash.ShouldNotBe(e.ComputeLegacyHash());
        Key.IsSealed(e).ShouldBeTrue();
        KeyOf(2).IsSealed(e).ShouldBeFalse();
    }

    [Fact]
    public void Changing_any_field_after_sealing_breaks_the_seal_even_with_the_hash_recomputed()
    {
        var e = Event();
        e.Seal(Key);

        e.After = "{\"Address\":\"别处\"}";
        e.Hash = e.ComputeHash();

        Key.IsSealed(e).ShouldBeFalse();
        var unsealed = Event();
        Key.IsSealed(unsealed).ShouldBeFalse();
    }

    private static AuditEvent Event(string? userName = "chengguan", string? role = "county-officer", string? scope = "620102", string? targetId = "620102001002") => new()
    {
        Sequence = 7,
        OccurredAt = new DateTimeOffset(2025, 6, 2, 1, 0, 0, TimeSpan.Zero),
        UserName = userName,
        Role = role,
        Scope = scope,
        ClientIp = "10.0.0.1",
        Action = "community.update",
        TargetType = "community",
        TargetId = targetId,
        RegionCode = "620102",
        Before = "{\"Address\":\"旧址\"}",
        After = "{\"Address\":\"新址\"}",
        PreviousHash = new string('a', 64),
    };

    private static AuditKey KeyOf(byte fill) => AuditKey.Load(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [AuditKey.KeySetting] = Convert.ToBase64String(Enumerable.Repeat(fill, 32).ToArray()),
        }).Build(), production: true);
}
