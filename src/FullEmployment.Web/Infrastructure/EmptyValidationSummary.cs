using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace FullEmployment.Web.Infrastructure;

/// <summary>
/// Drops an error summary that has nothing to show. ASP.NET Core renders the empty summary with an inline
/// <c>style="display:none"</c> item, which the CSP (no inline styles) blocks: the browser then shows an empty
/// red box and logs a violation on every form page.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class EmptyValidationSummaryTagHelper : TagHelper
{
    /// <summary>After the framework's ValidationSummaryTagHelper, which decides the class this one reads.</summary>
    public override int Order => int.MaxValue;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Attributes.TryGetAttribute("class", out var attribute)
            && Text(attribute.Value).Contains("validation-summary-valid", StringComparison.Ordinal))
        {
            output.SuppressOutput();
        }
    }

    private static string Text(object? value)
    {
        if (value is not IHtmlContent html)
        {
            return value?.ToString() ?? string.Empty;
        }

        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
