using FullEmployment.Application.Communities;
using FullEmployment.Application.Regions;
using FullEmployment.Application.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.Application;

public static class ApplicationRegistration
{
    /// <summary>The use cases of every feature; Web and Cli both call these, never the DbContext directly.</summary>
    public static IServiceCollection AddFullEmploymentApplication(this IServiceCollection services)
    {
        services.AddScoped<RegionDirectory>();
        services.AddScoped<CommunityRegistry>();
        services.AddScoped<CommunityWorkbook>();
        services.AddScoped<DemoData>();
        services.AddScoped<Audit.AuditLog>();
        services.AddScoped<Common.TodoList>();
        return services;
    }
}
