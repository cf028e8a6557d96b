using FullEmployment.Domain.Ledgers;

namespace FullEmployment.UnitTests.Common;

/// <summary>DESIGN.md Data: ID numbers and phones are masked in every list and page.</summary>
public sealed class PersonalDataTests
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
}
