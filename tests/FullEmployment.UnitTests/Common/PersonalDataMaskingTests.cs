using FullEmployment.Application.Ledgers;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.UnitTests.Common;

/// <summary>docs/reference/design.md "Personal data": ID numbers and phones are masked in every list and page.</summary>
public sealed class PersonalDataMaskingTests
{
    [Theory]
    [InlineData("62010219900101123X", "620102********123X")]
    [InlineData("123456789", "*********")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Id_numbers_keep_the_first_six_and_last_four(string? id, string masked) => IdNumber.Mask(id).ShouldBe(masked);

    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData(" 13812341234 ", "138****1234")]
    [InlineData("0931-8001001", "093****1001")]
    [InlineData("123456", "******")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Phones_show_only_the_first_three_and_last_four(string? phone, string masked) => PhoneMask.Mask(phone).ShouldBe(masked);

    [Theory]
    [InlineData("138****1234", "13812341234")]
    [InlineData(" 138****1234 ", "13812341234")]
    [InlineData("13900002222", "13900002222")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void A_masked_phone_sent_back_unchanged_keeps_the_stored_number(string? submitted, string? stored) =>
        PhoneMask.Resolve(submitted, "13812341234").ShouldBe(stored);

    [Fact]
    public void A_changed_mask_is_refused() =>
        Should.Throw<FullEmployment.Domain.DomainException>(() => PhoneMask.EnsureNotMasked("138****12345")).Message.ShouldContain("联系电话");

    [Fact]
    public void The_birth_date_next_to_a_masked_id_number_shows_its_year_only()
    {
        // The ID mask hides digits 7-14, which are exactly the birth date.
        var columns = LedgerKinds.Get(LedgerKind.Person).Columns;
        LedgerRecordFormat.Mask(columns.Single(c => c.Name == LedgerKinds.BirthDate), "1985-04-12").ShouldBe("1985年");
        LedgerRecordFormat.Mask(columns.Single(c => c.Name == LedgerKinds.BirthDate), "").ShouldBe("");
        LedgerRecordFormat.Mask(columns.Single(c => c.Name == LedgerKinds.Name), "张伟").ShouldBe("张伟");
    }
}
