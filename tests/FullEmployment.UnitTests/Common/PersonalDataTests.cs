using FullEmployment.Application.Common;

namespace FullEmployment.UnitTests.Common;

/// <summary>DESIGN.md Data: ID numbers and phones are masked in every list and page.</summary>
public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("62010219900101123X", "620102********123X")]
    [InlineData("620102900101123", "620102*****1123")]
    [InlineData("123456789", "*********")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void Id_numbers_keep_the_first_six_and_last_four(string? id, string? masked) => PersonalData.MaskIdNumber(id).ShouldBe(masked);

    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData(" 13812341234 ", "138****1234")]
    [InlineData("0931-8001001", "0931****1001")]
    [InlineData("1234567", "*******")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void Phones_hide_the_four_digits_before_the_last_four(string? phone, string? masked) => PersonalData.MaskPhone(phone).ShouldBe(masked);
}
