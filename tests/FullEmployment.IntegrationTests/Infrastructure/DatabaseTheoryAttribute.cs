using System.Globalization;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FullEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// A theory run once per database (bitwarden's DatabaseTheory/DatabaseData, in xunit 2): the test method's first
/// parameter is the <see cref="Database"/>, followed by the parameters of any [InlineData] rows. Each case is named
/// "Method(Sqlite)" / "Method(Postgres, …)" and has the trait Database=Sqlite/Postgres, so
/// <c>dotnet test --filter Database=Postgres</c> runs one database. A database not configured here is reported
/// SKIPPED with the reason (<see cref="Databases.SkipReason"/>), never passed; in CI it runs and fails.
/// A FactAttribute, not a TheoryAttribute: the xunit analyzers would count the database parameter against each
/// [InlineData] row (xUnit1009) and ask a row-less theory for data (xUnit1003); the discoverer below does both jobs.
/// </summary>
[XunitTestCaseDiscoverer("FullEmployment.IntegrationTests.Infrastructure.DatabaseTheoryDiscoverer", "FullEmployment.IntegrationTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseTheoryAttribute(params Database[] only) : FactAttribute
{
    /// <summary>The databases the test runs on; every database when none is named.</summary>
    public IReadOnlyList<Database> Only { get; } = only;
}

public sealed class DatabaseTheoryDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var only = factAttribute.GetConstructorArguments().OfType<Database[]>().SingleOrDefault() ?? [];
        var databases = only.Length > 0 ? only : Enum.GetValues<Database>();
        var rows = DataRows(testMethod).ToList();
        if (rows.Count == 0)
        {
            rows.Add([]);
        }

        return
            from database in databases
            from row in rows
            select (IXunitTestCase)new DatabaseTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, [database, .. row]);
    }

    // The rows of the method's data attributes ([InlineData] …), read by each attribute's own discoverer.
    private IEnumerable<object[]> DataRows(ITestMethod testMethod) =>
        from dataAttribute in testMethod.Method.GetCustomAttributes(typeof(DataAttribute))
        let discoverer = ExtensibilityPointFactory.GetDataDiscoverer(diagnosticMessageSink,
            dataAttribute.GetCustomAttributes(typeof(DataDiscovererAttribute)).First())
        from row in discoverer.GetData(dataAttribute, testMethod.Method)
        select row;
}

/// <summary>One database's case of a <see cref="DatabaseTheoryAttribute"/> test.</summary>
public sealed class DatabaseTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public DatabaseTestCase()
    {
    }

    public DatabaseTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod, object[] testMethodArguments)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod, testMethodArguments)
    {
    }

    private Database Database => (Database)TestMethodArguments[0];

    protected override void Initialize()
    {
        base.Initialize();
        var parameters = TestMethod.Method.GetParameters().Skip(1).Select(p => p.Name);
        var rest = parameters.Zip(TestMethodArguments.Skip(1), (name, value) => $", {name}: {Convert.ToString(value, CultureInfo.InvariantCulture)}");
        DisplayName = $"{BaseDisplayName}({Database}{string.Concat(rest)})";
        Traits["Database"] = [Database.ToString()];
    }

    protected override string? GetSkipReason(IAttributeInfo factAttribute) =>
        Databases.SkipReason(Database) ?? base.GetSkipReason(factAttribute);
}
