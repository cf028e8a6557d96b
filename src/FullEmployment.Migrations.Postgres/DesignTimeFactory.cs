using FullEmployment.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FullEmployment.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for this provider without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseRegistration.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=design_time", PersonalDataKeys.InMemory());
        return new AppDbContext(options.Options);
    }
}
