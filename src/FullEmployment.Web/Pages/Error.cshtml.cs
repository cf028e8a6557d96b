using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages;

/// <summary>Friendly Chinese error page; never shows a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    /// <summary>Errors on the public site keep the public layout (no officer navigation).</summary>
    public bool IsPublic { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        Status = code ?? (exception is null ? 500 : ErrorHandling.StatusOf(exception));
        Title = ErrorHandling.TitleOf(Status);
        Message = Status switch
        {
            404 => exception?.Message ?? "您访问的页面或记录不存在，或不在您的管辖范围内。",
            403 => exception?.Message ?? AccessDenial.ReasonOf(HttpContext) ?? AccessDenial.DefaultForbidden,
            409 or 422 => exception?.Message ?? "操作未执行。",
            400 => "请求格式不正确，请返回重试。",
            413 => "上传的文件过大，请压缩后重新上传。",
            429 => HttpContext.Items[ObjectionRateLimit.Policy] as string ?? "请求过于频繁，请稍后再试。",
            _ => "系统处理请求时出错，请稍后重试。如问题持续，请联系系统管理员。",
        };
        var path = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "";
        IsPublic = new PathString(path).StartsWithSegments("/Public", StringComparison.OrdinalIgnoreCase);
        Response.StatusCode = Status;
    }
}
