extern alias cli;

using System.Reflection;
using System.Reflection.Emit;
using FullEmployment.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// Issue 9 item 2: only Application touches the database. No type in Web or Cli may take, hold, resolve or call a
/// DbContext: constructors (primary ones included), fields and properties (captured primary-constructor parameters,
/// hoisted async locals), page handler and minimal-API lambda parameters, locals, and every method, field or type the
/// IL refers to (so <c>GetRequiredService&lt;AppDbContext&gt;()</c> and <c>PersistKeysToDbContext&lt;AppDbContext&gt;()</c> count too).
/// </summary>
public sealed class LayerBoundaryTests
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    [Theory]
    [InlineData("Web")]
    [InlineData("Cli")]
    public void No_type_in_web_or_cli_touches_the_DbContext(string name)
    {
        var assembly = name == "Web" ? typeof(ErrorHandling).Assembly : typeof(cli::FullEmployment.Cli.CliApp).Assembly;
        var offences = assembly.GetTypes().SelectMany(Offences).Distinct().Order(StringComparer.Ordinal).ToList();

        offences.ShouldBeEmpty($"{name} reaches the DbContext ({offences.Count}); move this behind an Application use case:\n" + string.Join("\n", offences));
    }

    /// <summary>The check itself: it must see a constructor parameter, a field and a resolve call, or an empty answer proves nothing.</summary>
    [Fact]
    public void The_check_sees_a_DbContext_in_a_constructor_a_field_and_a_resolve_call()
    {
        var offences = Offences(typeof(Offender)).ToList();

        offences.ShouldContain(o => o.Contains(".ctor", StringComparison.Ordinal) && o.Contains("parameter db", StringComparison.Ordinal));
        offences.ShouldContain(o => o.Contains("field", StringComparison.Ordinal));
        offences.ShouldContain(o => o.Contains("Resolve", StringComparison.Ordinal) && o.Contains("GetRequiredService", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Offences(Type type)
    {
        var at = type.FullName ?? type.Name;
        foreach (var field in type.GetFields(Everything).Where(f => Touches(f.FieldType)))
        {
            yield return $"{at}: field {field.Name}";
        }

        foreach (var property in type.GetProperties(Everything).Where(p => Touches(p.PropertyType)))
        {
            yield return $"{at}: property {property.Name}";
        }

        foreach (var method in type.GetConstructors(Everything).Cast<MethodBase>().Concat(type.GetMethods(Everything)))
        {
            var where = $"{at}.{method.Name}";
            foreach (var parameter in method.GetParameters().Where(p => Touches(p.ParameterType)))
            {
                yield return $"{where}: parameter {parameter.Name}";
            }

            if (method is MethodInfo { ReturnType: var returned } && Touches(returned))
            {
                yield return $"{where}: returns {returned.Name}";
            }

            var body = method.GetMethodBody();
            if (body is null)
            {
                continue;
            }

            if (body.LocalVariables.Any(l => Touches(l.LocalType)))
            {
                yield return $"{where}: local variable";
            }

            foreach (var member in ReferencedMembers(method, body))
            {
                yield return $"{where}: uses {member}";
            }
        }
    }

    /// <summary>The methods, fields and types the IL refers to that involve a DbContext.</summary>
    private static IEnumerable<string> ReferencedMembers(MethodBase method, MethodBody body)
    {
        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[i + 1])] : OpCodesByValue[il[i]];
            i += code.Size;
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, i);
                var member = Resolve(method.Module, token, typeArguments, methodArguments);
                if (member is not null && Touches(member))
                {
                    yield return $"{member.DeclaringType?.Name}.{member.Name}".TrimStart('.');
                }
            }

            i += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            // A token of a signature this check does not read (e.g. a vararg call site).
            return null;
        }
    }

    private static bool Touches(MemberInfo member) => member switch
    {
        Type type => Touches(type),
        FieldInfo field => Touches(field.FieldType) || Touches(field.DeclaringType),
        MethodInfo m => Touches(m.DeclaringType) || Touches(m.ReturnType) || m.GetParameters().Any(p => Touches(p.ParameterType))
            || (m.IsGenericMethod && m.GetGenericArguments().Any(Touches)),
        ConstructorInfo c => Touches(c.DeclaringType) || c.GetParameters().Any(p => Touches(p.ParameterType)),
        _ => false,
    };

    private static bool Touches(Type? type) => type switch
    {
        null => false,
        { HasElementType: true } => Touches(type.GetElementType()),
        { IsGenericParameter: true } => false,
        _ when typeof(DbContext).IsAssignableFrom(type) => true,
        { IsGenericType: true } => type.GetGenericArguments().Any(Touches),
        _ => false,
    };

    /// <summary>What the check must catch, written the ways Web and Cli did it before the move.</summary>
    private sealed class Offender(Application.Data.AppDbContext db)
    {
        public int Count() => db.ChangeTracker.Entries().Count();

        public static object Resolve(IServiceProvider services) =>
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Application.Data.AppDbContext>(services);
    }
}
