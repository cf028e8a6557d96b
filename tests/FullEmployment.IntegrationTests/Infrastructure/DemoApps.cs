namespace FullEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// The demo app (<see cref="FactoryOptions.Demo"/>) on each database, shared by the tests of one class
/// (IClassFixture, as the demo seed is the slow part of a start): each started on its first test, dropped at the end.
/// </summary>
public sealed class DemoApps : IDisposable
{
    private readonly Dictionary<Database, FullEmploymentFactory> _apps = [];

    public FullEmploymentFactory For(Database database)
    {
        lock (_apps)
        {
            if (!_apps.TryGetValue(database, out var app))
            {
                app = new FullEmploymentFactory(database, FactoryOptions.Demo);
                _apps[database] = app;
            }

            return app;
        }
    }

    public void Dispose()
    {
        foreach (var app in _apps.Values)
        {
            app.Dispose();
        }
    }
}
