using FullEmployment.Application.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.Application.Identity;

public static class IdentityRegistration
{
    public static IdentityBuilder AddFullEmploymentIdentityCore(this IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<CommandLineActors>();
        // Needs the sign-in manager, which only the web app adds.
        services.AddScoped<AccountSessions>();
        services.AddScoped<SecondFactorSessions>();
        services.AddOptions<SecondFactorOptions>().BindConfiguration("SecondFactor");
        services.AddSingleton<SecondFactorSecrets>();
        return services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                // Composition is checked by PasswordPolicy (3 of 4 classes), not by Identity's all-classes rule.
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<ClockedUserManager>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddPasswordValidator<PasswordPolicy>()
            .AddDefaultTokenProviders();
    }
}
