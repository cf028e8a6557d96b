using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Application.Audit;

/// <summary>
/// The one place that keeps plain ID numbers and phones out of the audit chain (docs/reference/design.md "Personal data"): every
/// snapshot and target is masked as it is written, whatever the caller passed, because the chain keeps it forever
/// and auditors read and export it. A property named for an ID number or a phone is masked whole; any other text is
/// scanned for 18-character ID numbers and 11-digit mobile numbers.
/// </summary>
internal static partial class AuditRedaction
{
    public static string? Text(string? value) =>
        value is null ? null : Mobile().Replace(Id().Replace(value, m => IdNumber.Mask(m.Value)), m => PhoneMask.Mask(m.Value));

    /// <summary>Masks the string values of a serialized snapshot in place.</summary>
    public static JsonNode? Node(JsonNode? node)
    {
        Walk(node, null);
        return node;
    }

    private static void Walk(JsonNode? node, string? propertyName)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (Masked(child, name) is { } text)
                    {
                        obj[name] = text;
                    }
                    else
                    {
                        Walk(child, name);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Masked(array[i], propertyName) is { } text)
                    {
                        array[i] = text;
                    }
                    else
                    {
                        Walk(array[i], propertyName);
                    }
                }

                break;
        }
    }

    private static string? Masked(JsonNode? node, string? name) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? Field(name, text) : null;

    private static string Field(string? name, string text) => name switch
    {
        _ when name is null => Text(text)!,
        _ when name.Contains("phone", StringComparison.OrdinalIgnoreCase) || name.Contains("电话", StringComparison.Ordinal) =>
            PhoneMask.Mask(text),
        _ when name.Contains("idnumber", StringComparison.OrdinalIgnoreCase) || name.Contains("身份证", StringComparison.Ordinal) =>
            IdNumber.Mask(text),
        _ => Text(text)!,
    };

    // Digit runs of exactly this length: longer numbers (hashes, ticks) are not mistaken for one.
    [GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex Id();

    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")]
    private static partial Regex Mobile();
}
