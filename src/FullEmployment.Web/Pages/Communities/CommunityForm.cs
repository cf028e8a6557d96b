using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Communities;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Web.Pages.Communities;

/// <summary>The registry form shared by the create and edit pages.</summary>
public sealed class CommunityForm
{
    [Required(ErrorMessage = "请填写社区代码")]
    [RegularExpression(@"^\d{12}$", ErrorMessage = "社区代码应为12位数字")]
    [Display(Name = "社区代码（12位统计用区划代码）")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "请填写社区名称")]
    [StringLength(100)]
    [Display(Name = "社区名称")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "请选择所属县区")]
    [Display(Name = "所属县区（无县区的市选市）")]
    public string RegionCode { get; set; } = "";

    [Required(ErrorMessage = "请填写所属街道（乡镇）")]
    [StringLength(100)]
    [Display(Name = "街道（乡镇）")]
    public string Street { get; set; } = "";

    [StringLength(200)]
    [Display(Name = "地址")]
    public string? Address { get; set; }

    [Required(ErrorMessage = "请填写县（市、区）政府批准设立文件号")]
    [StringLength(100)]
    [Display(Name = "批准设立文件号")]
    public string ApprovalDocumentNumber { get; set; } = "";

    [StringLength(100)]
    [Display(Name = "民政部门备案号")]
    public string? CivilAffairsFilingNumber { get; set; }

    [Display(Name = "民政部门备案日期")]
    [DataType(DataType.Date)]
    public DateOnly? CivilAffairsFiledOn { get; set; }

    [StringLength(50)]
    [Display(Name = "联系人")]
    public string? ContactName { get; set; }

    [StringLength(30)]
    [Display(Name = "联系电话")]
    public string? ContactPhone { get; set; }

    public int Version { get; set; }

    public CommunityInput ToInput() => new(Code, Name, RegionCode, Street, Address ?? "", ApprovalDocumentNumber,
        CivilAffairsFilingNumber, CivilAffairsFiledOn, ContactName, ContactPhone);

    public static CommunityForm From(Community c) => new()
    {
        Code = c.Code,
        Name = c.Name,
        RegionCode = c.RegionCode,
        Street = c.Street,
        Address = c.Address,
        ApprovalDocumentNumber = c.ApprovalDocumentNumber,
        CivilAffairsFilingNumber = c.CivilAffairsFilingNumber,
        CivilAffairsFiledOn = c.CivilAffairsFiledOn,
        ContactName = c.ContactName,
        // Masked (docs/reference/design.md "Personal data"): saving the mask unchanged keeps the stored number.
        ContactPhone = PhoneMask.Mask(c.ContactPhone),
        Version = c.Version,
    };
}
