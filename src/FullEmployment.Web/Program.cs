using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FullEmployment.Application;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Identity;
using FullEmployment.Application.Notices;
using FullEmployment.Application.Seeding;
using FullEmployment.Web.Api;
using FullEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;

services.AddFullEmploymentData(builder.Configuration);
FullEmployment.Web.Pages.Ledgers.LedgerImportRegistration.AddLedgerImportJobs(services, builder.Configuration);
services.AddFullEmploymentApplication();
services.AddFullEmploymentIdentityCore()
    .AddSignInManager()
    .AddClaimsPrincipalFactory<UserClaimsFactory>();
services.AddFullEmploymentDataProtection();
services.AddHttpContextAccessor();
services.AddScoped<ICurrentActor, HttpCurrentActor>();

services.AddAuthentication(options =>
    {
        options.DefaultScheme = "Smart";
        options.DefaultChallengeScheme = "Smart";
    })
    .AddPolicyScheme("Smart", "Cookie or bearer token", options => options.ForwardDefaultSelector = context =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? ApiTokenAuthentication.SchemeName
            : IdentityConstants.ApplicationScheme)
    .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
    .AddIdentityCookies();
services.ConfigureApplicationCookie(CookiePolicy.Configure);
services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, CookiePolicy.ConfigureTwoFactor);
services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
services.AddAuthorization();

services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeFolder("/");
    options.Conventions.AllowAnonymousToPage("/Account/Login");
    // Reached between the password and the code: the short-lived two-factor cookie says whose sign-in it is.
    options.Conventions.AllowAnonymousToPage("/Account/SecondFactor");
    options.Conventions.AllowAnonymousToPage("/Account/EnrolSecondFactor");
    options.Conventions.AllowAnonymousToPage("/Error");
    options.Conventions.AllowAnonymousToFolder("/Public");
});
services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
{
    // Bare status codes from the framework (bad JSON, 401, 405 …) get a Chinese title too.
    var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
    context.ProblemDetails.Title = ErrorHandling.TitleOf(status);
    // A refusal says why (AccessDenial); a bare 403 at least says what kind of refusal it is.
    context.ProblemDetails.Detail ??= AccessDenial.ReasonOf(context.HttpContext)
        ?? (status == StatusCodes.Status403Forbidden ? AccessDenial.DefaultForbidden : ErrorHandling.TitleOf(status) + "。");
});
// Chinese text stays readable in the HTML source instead of &#x…; entities.
services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
services.AddExceptionHandler<ErrorHandling>();
services.AddOpenApi("v1", options => options.AddSchemaTransformer(ApiBodyValidation.DescribeRequiredFields));
services.AddHealthChecks();
services.AddProxyHeaders(builder.Configuration);
if (builder.Configuration.GetValue("Indicators:WarmRollUp", true))
{
    services.AddHostedService<FullEmployment.Application.Ledgers.IndicatorRollUpWarmer>();
}

var app = builder.Build();

app.UseProxyHeaders();
if (app.Configuration["Node:Name"] is { Length: > 0 } node)
{
    // Several web nodes behind one proxy: says which one answered (docs/operations.md "Several web nodes").
    app.Use((context, next) =>
    {
        context.Response.Headers["X-FE-Node"] = node;
        return next(context);
    });
}

var chinese = new CultureInfo("zh-CN");
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(chinese),
    SupportedCultures = [chinese],
    SupportedUICultures = [chinese],
});
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/Error",
    StatusCodeSelector = ErrorHandling.StatusOf,
});
// The API answers bare error statuses with ProblemDetails; pages with the Chinese error page.
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"),
    pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseObjectionRateLimit();
app.UseAuthentication();
app.UseMustChangePassword();
app.UseAuthorization();
app.UseApiBodyValidation();

app.MapGet("/healthz", async (DatabaseHealth health, CancellationToken ct) =>
    await health.CanConnectAsync(ct) ? Results.Text("ok") : Results.Text("database unavailable", statusCode: 503))
    .AllowAnonymous().ExcludeFromDescription();
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapFullEmploymentApi();
app.MapRazorPages();

await InitializeDatabaseAsync(app);
await app.RunAsync();

static async Task InitializeDatabaseAsync(WebApplication app)
{
    DatabaseRegistration.CheckAuditSettings(app.Services);
    await using var scope = app.Services.CreateAsyncScope();
    var startup = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FullEmployment.Startup");
    var seedDemo = app.Configuration.GetValue<bool?>("Demo:Seed") ?? app.Environment.IsDevelopment();
    // The demo seed runs under the start-up lock too: two nodes starting at once seed it once.
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(async _ =>
    {
        // The first node makes the data-protection key here, so nodes started at once share one key from the first
        // request on instead of each making its own (and refusing the others' cookies until their key rings reload).
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("FullEmployment.Startup").Protect([0]);
        foreach (var year in await scope.ServiceProvider.GetRequiredService<WorkingCalendar>().MissingYearsAsync())
        {
            startup.LogWarning("{Warning}", WorkingCalendar.MissingYearWarning(year));
        }

        if (seedDemo)
        {
            await SeedDemoAsync(app, scope.ServiceProvider, startup);
        }
    }, CancellationToken.None);
}

static async Task SeedDemoAsync(WebApplication app, IServiceProvider services, ILogger startup)
{
    var accounts = await services.GetRequiredService<DemoData>()
        .SeedAsync(app.Configuration["Demo:Password"], mustChangePassword: !app.Environment.IsDevelopment());
    if (accounts.Count > 0 && (app.Configuration.GetValue<bool?>("Demo:Ledgers") ?? true))
    {
        // First start only: the demo communities get their ledgers (seeded, so every developer sees the same
        // figures) before the campaign demo, whose applications snapshot indicators from those ledgers.
        // Demo:Ledgers=false keeps them empty for tests that count the rows they import.
        await services.GetRequiredService<LedgerGenerator>()
            .GenerateAsync(new LedgerGeneratorOptions { Scale = LedgerScale.Small, Seed = LedgerGeneratorOptions.DemoSeed });
    }

    foreach (var notBuilt in (await services.GetRequiredService<CampaignDemoData>().SeedAsync())
        .Concat(await services.GetRequiredService<SupportRequestDemoData>().SeedAsync()))
    {
        startup.LogWarning("{Warning}", notBuilt);
    }
    await services.GetRequiredService<ReinspectionDemoData>().SeedAsync();
    await services.GetRequiredService<ChangeReportDemoData>().SeedAsync();
    await services.GetRequiredService<FundAllocationDemoData>().SeedAsync();
    await services.GetRequiredService<FundReportDemoData>().SeedAsync();
    if (accounts.Count > 0)
    {
        // Shown once: the passwords are stored hashed only.
        Console.WriteLine("已创建演示账号（密码仅显示这一次）：");
        foreach (var a in accounts)
        {
            Console.WriteLine($"  {a.UserName,-18} {a.Password,-16} {a.Role,-17} {a.ScopeCode} {a.DisplayName}");
        }
    }
}

public partial class Program;
