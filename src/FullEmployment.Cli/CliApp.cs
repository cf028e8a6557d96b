using System.CommandLine;
using System.Data.Common;
using FullEmployment.Application;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Identity;
using FullEmployment.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FullEmployment.Cli;

/// <summary>
/// The `fe` command tree. Exit codes are a stable contract (docs/reference/design.md): 0 success, 1 a user error with a Chinese
/// message on stderr, 2 bad arguments. Runs in-process so integration tests can drive it against a temp database.
/// </summary>
public static class CliApp
{
    public const int Success = 0;
    public const int UserError = 1;
    public const int BadArguments = 2;

    public static async Task<int> RunAsync(string[] args, IConfiguration? overrides = null, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var cli = new CliContext(LoadConfiguration(overrides), stdout ?? Console.Out, stderr ?? Console.Error);
        var root = new RootCommand("充分就业社区创建管理系统命令行工具：数据库迁移、演示与压测数据、账号与令牌、社区名录导入导出、社区台账导入与指标、审计链校验与锚点、备份与恢复、个人信息密钥轮换。");
        root.Subcommands.Add(Commands.Migrate(cli));
        root.Subcommands.Add(Commands.Seed(cli));
        root.Subcommands.Add(Commands.User(cli));
        root.Subcommands.Add(Commands.Token(cli));
        root.Subcommands.Add(Commands.Audit(cli));
        root.Subcommands.Add(Commands.Backup(cli));
        root.Subcommands.Add(Commands.Restore(cli));
        root.Subcommands.Add(KeyCommands.Keys(cli));
        root.Subcommands.Add(Commands.Communities(cli));
        root.Subcommands.Add(LedgerCommands.Ledger(cli));
        root.Subcommands.Add(LedgerCommands.Indicators(cli));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // System.CommandLine would exit 1 here; the contract reserves 1 for user errors.
            foreach (var error in parsed.Errors)
            {
                await cli.Error.WriteLineAsync(error.Message);
            }

            await cli.Error.WriteLineAsync("运行 fe --help 查看用法。");
            return BadArguments;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = cli.Output, Error = cli.Error });
    }

    /// <summary>The web app's settings: appsettings.json beside the executable, then environment variables (Database__Provider, ConnectionStrings__Default).</summary>
    private static IConfiguration LoadConfiguration(IConfiguration? overrides)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables();
        if (overrides is not null)
        {
            builder.AddConfiguration(overrides);
        }

        return builder.Build();
    }

    internal static ServiceProvider BuildServices(IConfiguration configuration, CliActor actor)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        // Warnings only, and on stderr: `fe token create` must print the token alone on stdout.
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddFullEmploymentData(configuration);
        services.AddFullEmploymentApplication();
        services.AddFullEmploymentIdentityCore();
        // Identity's token providers need data protection; share the web app's key ring so nothing diverges.
        services.AddFullEmploymentDataProtection();
        services.AddSingleton(actor);
        services.AddSingleton<ICurrentActor>(actor);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>Runs one command in its own service scope and turns the application's refusals into exit code 1.</summary>
    internal static Func<ParseResult, CancellationToken, Task<int>> Action(CliContext cli,
        Func<ParseResult, IServiceProvider, CliActor, CancellationToken, Task<int>> body) => async (result, cancellationToken) =>
    {
        var actor = new CliActor();
        await using var services = BuildServices(cli.Configuration, actor);
        await using var scope = services.CreateAsyncScope();
        try
        {
            DatabaseRegistration.CheckAuditSettings(services);
            return await body(result, scope.ServiceProvider, actor, cancellationToken);
        }
        catch (InputRejectedException ex)
        {
            await cli.Error.WriteLineAsync(ex.Message);
            foreach (var error in ex.Errors)
            {
                await cli.Error.WriteLineAsync("  " + Describe(error));
            }

            return UserError;
        }
        catch (Exception ex) when (ex is DomainException or NotFoundException or ForbiddenException or ConcurrencyConflictException)
        {
            await cli.Error.WriteLineAsync(ex.Message);
            return UserError;
        }
        catch (Exception ex) when (ex is AuditKeyException or PersonalDataKeyException)
        {
            await cli.Error.WriteLineAsync(ex.Message);
            return UserError;
        }
        catch (DbException ex)
        {
            await cli.Error.WriteLineAsync($"数据库操作失败：{ex.Message}（数据库是否可连接、是否已运行 fe migrate？）");
            return UserError;
        }
    };

    private static string Describe(InputError error)
    {
        var where = string.Join(" ", new[]
        {
            error.Sheet is null ? null : $"工作表“{error.Sheet}”",
            error.Row is null ? null : $"第 {error.Row} 行",
            error.Column is null ? null : $"“{error.Column}”列",
            string.IsNullOrEmpty(error.Value) ? null : $"（值：{error.Value}）",
        }.Where(part => part is not null));
        return where.Length == 0 ? error.Message : $"{where}：{error.Message}";
    }
}

/// <summary>What every command needs: settings and where to write.</summary>
internal sealed record CliContext(IConfiguration Configuration, TextWriter Output, TextWriter Error);
