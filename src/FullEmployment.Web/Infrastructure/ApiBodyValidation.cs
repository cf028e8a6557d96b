using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FullEmployment.Application.Common;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace FullEmployment.Web.Infrastructure;

/// <summary>
/// JSON bodies of the API are checked against their record before binding: a missing required field (a non-nullable
/// parameter without default), a null one, an unknown field or a value of the wrong type is a 422 whose <c>errors</c>
/// (shaped as in imports: sheet, row, column, value, message) name every such field. The binder alone would drop unknown
/// fields silently and turn missing ones into nulls that fail later with a message naming no field.
/// </summary>
public static class ApiBodyValidation
{
    /// <summary>
    /// The body may be the resource as GET returns it (<typeparamref name="TView"/>): fields of the view that the body
    /// does not take (status, titles, …) are read-only and ignored, so a client can GET, change a field and send it back.
    /// </summary>
    public static RouteHandlerBuilder RoundTrips<TView>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RoundTripOf(typeof(TView)))
            .WithDescription($"请求体可以是 GET 返回的对象（{typeof(TView).Name}）：其中本接口不接收的字段为只读，提交时忽略。缺少必填字段或含未知字段时返回 422，errors 列出每个字段。");

    /// <summary>After authorisation (an unauthorised caller gets 401/403, not a list of field errors).</summary>
    public static IApplicationBuilder UseApiBodyValidation(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var endpoint = context.GetEndpoint();
        var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (bodyType is null || !context.Request.HasJsonContentType() || !context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var bodyInfo = options.GetTypeInfo(bodyType);
        // Ledger records are free-form rows (their columns are checked by the import); only records have fields to check.
        if (bodyInfo.Kind != JsonTypeInfoKind.Object)
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        var errors = await CheckAsync(context.Request.Body, bodyInfo, endpoint!.Metadata.GetMetadata<RoundTripOf>() is { } view
            ? options.GetTypeInfo(view.Type) : null, options, context.RequestAborted);
        if (errors.Count > 0)
        {
            throw new InputRejectedException(string.Join(" ", errors.Select(e => e.Message)), errors);
        }

        context.Request.Body.Position = 0;
        await next(context);
    });

    private static async Task<List<InputError>> CheckAsync(Stream body, JsonTypeInfo bodyInfo, JsonTypeInfo? viewInfo, JsonSerializerOptions options,
        CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            // Not JSON at all: the binder answers 400 (请求格式不正确).
            return [];
        }

        using (document)
        {
            var errors = new List<InputError>();
            Check(document.RootElement, bodyInfo, viewInfo, "", options, errors);
            if (errors.Count == 0)
            {
                try
                {
                    JsonSerializer.Deserialize(document.RootElement, bodyInfo);
                }
                catch (JsonException ex)
                {
                    // Present and known, but not of its type (a word where a number belongs, a bad date).
                    errors.Add(ex.Path is { Length: > 2 } path
                        ? new InputError(null, null, path[2..], null, $"字段“{path[2..]}”的值格式不正确。")
                        : new InputError(null, null, null, null, "请求体应为 JSON 对象。"));
                }
            }

            return errors;
        }
    }

    private static void Check(JsonElement value, JsonTypeInfo info, JsonTypeInfo? view, string path, JsonSerializerOptions options, List<InputError> errors)
    {
        if (info.Kind == JsonTypeInfoKind.Enumerable && value.ValueKind == JsonValueKind.Array && info.ElementType is { } elementType)
        {
            var elementInfo = options.GetTypeInfo(elementType);
            var elementView = view is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } viewElement } ? options.GetTypeInfo(viewElement) : null;
            var index = 0;
            foreach (var element in value.EnumerateArray())
            {
                Check(element, elementInfo, elementView, $"{path}[{index++}]", options, errors);
            }

            return;
        }

        if (info.Kind != JsonTypeInfoKind.Object || value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var seen = new HashSet<JsonPropertyInfo>();
        foreach (var field in value.EnumerateObject())
        {
            var name = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, field.Name, comparison));
            var viewProperty = view?.Properties.FirstOrDefault(p => string.Equals(p.Name, field.Name, comparison));
            if (property is null)
            {
                if (viewProperty is null)
                {
                    errors.Add(new InputError(null, null, name, null, $"未知字段“{name}”。"));
                }

                continue;
            }

            seen.Add(property);
            if (field.Value.ValueKind == JsonValueKind.Null && IsRequired(property))
            {
                errors.Add(new InputError(null, null, name, null, $"字段“{name}”不能为空。"));
                continue;
            }

            Check(field.Value, options.GetTypeInfo(property.PropertyType), viewProperty is null ? null : options.GetTypeInfo(viewProperty.PropertyType),
                name, options, errors);
        }

        foreach (var missing in info.Properties.Where(p => !seen.Contains(p) && IsRequired(p)))
        {
            var name = path.Length == 0 ? missing.Name : $"{path}.{missing.Name}";
            errors.Add(new InputError(null, null, name, null, $"缺少必填字段“{name}”。"));
        }
    }

    /// <summary>
    /// The OpenAPI document lists as required exactly the fields checked here (by default it lists every record parameter,
    /// nullable ones included).
    /// </summary>
    public static Task DescribeRequiredFields(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 })
        {
            schema.Required = context.JsonTypeInfo.Properties.Where(IsRequired).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        }

        return Task.CompletedTask;
    }

    /// <summary>A record parameter that is neither nullable nor defaulted (or a <c>required</c> member).</summary>
    private static bool IsRequired(JsonPropertyInfo property) =>
        property.IsRequired || property.AssociatedParameter is { IsNullable: false, HasDefaultValue: false };

    private sealed record RoundTripOf(Type Type);
}
