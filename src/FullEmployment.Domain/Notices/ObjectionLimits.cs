namespace FullEmployment.Domain.Notices;

/// <summary>How long each part of a public objection may be; the notice page's form and the public API both apply these.</summary>
public static class ObjectionLimits
{
    public const int NameLength = 50;
    public const int PhoneLength = 20;
    public const int ContentLength = 2000;

    public const string NameTooLong = "姓名不能超过50个字。";
    public const string PhoneTooLong = "联系电话不能超过20位。";
    public const string ContentTooLong = "异议内容不能超过2000字。";
}
