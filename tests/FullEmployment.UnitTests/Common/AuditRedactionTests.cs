using System.Text.Json.Nodes;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using Microsoft.Extensions.Time.Testing;

namespace FullEmployment.UnitTests.Common;

/// <summary>docs/reference/design.md "Personal data": whatever a caller passes to the audit trail, the chain keeps no plain ID number or phone.</summary>
public sealed class AuditRedactionTests
{
    private const string Id = "62010219850412011X";

    [Fact]
    public void Named_fields_are_masked_whole_and_other_text_is_scanned_for_id_numbers_and_mobile_numbers()
    {
        var audit = new AuditTrail(FixedActor.System, new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 2, 0, 0, TimeSpan.Zero)));
        audit.Record("test", "user", Id, null,
            before: new { ContactPhone = "0931-8001002", idNumber = Id, 身份证号 = "620102198504120", list = new[] { "13800001234", "东岗社区" } },
            after: new { search = $"查 {Id.ToLowerInvariant()}，电话13900002222。", code = "620102001001", longer = "1234567890123456789012", nested = new { objectorPhone = "5551234" } });

        var e = audit.Pending.Single();
        e.TargetId.ShouldBe("620102********011X");
        var before = JsonNode.Parse(e.Before!)!;
        before["ContactPhone"]!.GetValue<string>().ShouldBe("093****1002");
        before["idNumber"]!.GetValue<string>().ShouldBe("620102********011X");
        before["身份证号"]!.GetValue<string>().ShouldBe("620102********4120");
        before["list"]![0]!.GetValue<string>().ShouldBe("138****1234");
        before["list"]![1]!.GetValue<string>().ShouldBe("东岗社区");
        var after = JsonNode.Parse(e.After!)!;
        after["search"]!.GetValue<string>().ShouldBe("查 620102********011X，电话139****2222。");
        // Codes and longer digit runs are not personal data.
        after["code"]!.GetValue<string>().ShouldBe("620102001001");
        after["longer"]!.GetValue<string>().ShouldBe("1234567890123456789012");
        after["nested"]!["objectorPhone"]!.GetValue<string>().ShouldBe("555****1234");
    }

    [Fact]
    public void A_snapshot_passed_as_text_is_scanned_too()
    {
        var audit = new AuditTrail(FixedActor.System, new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 2, 0, 0, TimeSpan.Zero)));
        audit.Record("test", after: $"{Id} 13800001234");
        audit.Pending.Single().After.ShouldBe("620102********011X 138****1234");
    }
}
