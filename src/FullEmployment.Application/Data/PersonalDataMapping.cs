using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.Application.Data;

/// <summary>
/// How a personal-data property is stored (ADR 0016): the property itself in <c>{column}_sealed</c> (binary, sealed by
/// <see cref="PersonalDataKeys"/> in a value converter, so the domain keeps plaintext), for ID numbers a blind index
/// <c>{column}_index</c> (shadow <c>{Property}Index</c>) that every lookup, natural key and join uses, and the column that
/// held plaintext before encryption as the shadow <c>Legacy{Property}</c>, which <see cref="PersonalDataMaintenance"/>
/// empties into the other two.
/// </summary>
public static class PersonalDataMapping
{
    public const string IndexSuffix = "Index";
    public const string LegacyPrefix = "Legacy";

    private static readonly ConcurrentDictionary<IReadOnlyEntityType, (string Source, string Index)[]> IndexPairCache = new();

    /// <summary>Declares a sealed property; <paramref name="column"/> is the column the plaintext was (and legacy stays) in.</summary>
    public static void Sealed<T>(EntityTypeBuilder<T> b, string property, string column, int legacyLength, bool indexed)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(b);
        var snake = column.Contains('_', StringComparison.Ordinal) || column.All(c => !char.IsUpper(c));
        b.Property(property).HasColumnName(snake ? column + "_sealed" : column + "Sealed");
        if (indexed)
        {
            b.Property<long?>(property + IndexSuffix).HasColumnName(snake ? column + "_index" : column + IndexSuffix);
        }

        b.Property<string?>(LegacyPrefix + property).HasColumnName(column).HasMaxLength(legacyLength);
    }

    /// <summary>The sealed properties of an entity type: each has a shadow legacy column beside it.</summary>
    public static IEnumerable<IReadOnlyProperty> SealedProperties(IReadOnlyEntityType entity) =>
        entity.GetProperties().Where(p => !p.IsShadowProperty() && entity.FindProperty(LegacyPrefix + p.Name) is { } legacy && legacy.IsShadowProperty());

    public static bool IsLegacy(IReadOnlyProperty property) =>
        property.IsShadowProperty() && property.Name.StartsWith(LegacyPrefix, StringComparison.Ordinal)
        && property.DeclaringType.FindProperty(property.Name[LegacyPrefix.Length..]) is not null;

    /// <summary>The property whose blind index <paramref name="property"/> is, or null.</summary>
    public static string? IndexSource(IReadOnlyProperty property) =>
        property.IsShadowProperty() && property.Name.EndsWith(IndexSuffix, StringComparison.Ordinal)
        && property.DeclaringType.FindProperty(LegacyPrefix + property.Name[..^IndexSuffix.Length]) is not null
            ? property.Name[..^IndexSuffix.Length]
            : null;

    /// <summary>(sealed property, its index property) pairs of an entity type.</summary>
    public static (string Source, string Index)[] IndexPairs(IReadOnlyEntityType entity) =>
        IndexPairCache.GetOrAdd(entity, e => [.. e.GetProperties().Select(p => (Source: IndexSource(p), Index: p.Name))
            .Where(x => x.Source is not null).Select(x => (x.Source!, x.Index))]);

    /// <summary>Puts the sealing converter on every sealed property; runs after the configurations.</summary>
    internal static void ApplyConverters(ModelBuilder builder, PersonalDataKeys keys)
    {
        var converter = new ValueConverter<string, byte[]>(v => keys.Seal(v), v => keys.Open(v));
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in SealedProperties(entity).Cast<IMutableProperty>().ToList())
            {
                property.SetValueConverter(converter);
                // Sealed values are random-looking bytes: a length limit on them is meaningless.
                property.SetMaxLength(null);
            }
        }
    }
}

/// <summary>Carries the key ring in the context options, so every context (pooled, factory-made, design-time) has it.</summary>
public sealed class PersonalDataOptionsExtension(PersonalDataKeys keys) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public PersonalDataKeys Keys { get; } = keys;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "PersonalData ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["PersonalData"] = "1";
    }
}

/// <summary>One model per key ring: the converters hold the ring (one ring per key file per process).</summary>
internal sealed class PersonalDataModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context is AppDbContext app ? app.PersonalData : null, designTime);
}
