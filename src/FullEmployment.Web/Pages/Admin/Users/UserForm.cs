using System.ComponentModel.DataAnnotations;
using FullEmployment.Application.Identity;

namespace FullEmployment.Web.Pages.Admin.Users;

/// <summary>A new account; the role-to-scope rules and the password policy are checked by <see cref="UserAdministration"/>.</summary>
public sealed class UserForm
{
    [Required(ErrorMessage = "请填写用户名")]
    [StringLength(64, ErrorMessage = "用户名不超过64个字符")]
    [RegularExpression(@"^[A-Za-z0-9._@-]+$", ErrorMessage = "用户名只能包含字母、数字和 - . _ @")]
    [Display(Name = "用户名")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "请填写姓名或单位")]
    [StringLength(100)]
    [Display(Name = "姓名或单位")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "请选择角色")]
    [Display(Name = "角色")]
    public string Role { get; set; } = "";

    [Required(ErrorMessage = "请填写辖区代码")]
    [RegularExpression(@"^\d{6}(\d{6})?$", ErrorMessage = "辖区代码应为6位行政区划代码或12位社区代码")]
    [Display(Name = "辖区代码（社区工作人员填12位社区代码）")]
    public string ScopeCode { get; set; } = "";

    [Required(ErrorMessage = "请填写初始密码")]
    [StringLength(128, MinimumLength = PasswordPolicy.MinimumLength, ErrorMessage = "密码至少10位")]
    [Display(Name = "初始密码（首次登录须修改）")]
    public string Password { get; set; } = "";

    public NewUser ToNewUser() => new(UserName.Trim(), DisplayName.Trim(), Role, ScopeCode.Trim(), Password, MustChangePassword: true);
}
