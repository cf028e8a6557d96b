using System.CommandLine;
using System.Diagnostics;
using FullEmployment.Application.Audit;
using FullEmployment.Application.Communities;
using FullEmployment.Application.Data;
using FullEmployment.Application.Identity;
using FullEmployment.Application.Seeding;
using FullEmployment.Domain;
using FullEmployment.Domain.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.Cli;

/// <summary>The subcommands of `fe`; each calls Application use cases, never the DbContext.</summary>
internal static class Commands
{
    public static Command Migrate(CliContext cli)
    {
        var command = new Command("migrate", "将数据库迁移到最新版本，并写入行政区划等基础数据。");
        command.SetAction(CliApp.Action(cli, async (_, services, _, ct) =>
        {
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            await cli.Output.WriteLineAsync("数据库已迁移到最新版本，基础数据已就绪。");
            return CliApp.Success;
        }));
        return command;
    }

    public static Command Seed(CliContext cli)
    {
        var scale = new Option<string>("--scale")
        {
            Description = "数据规模：small（演示账号、演示社区及其台账和申报）、city（兰州市各县区社区台账）、province（全省约2000个社区、100万人）",
            DefaultValueFactory = _ => "small",
        };
        scale.AcceptOnlyFromAmong("small", "city", "province");
        var seed = new Option<int>("--seed") { Description = "随机种子（相同种子生成相同台账）", DefaultValueFactory = _ => LedgerGeneratorOptions.DemoSeed };
        var dev = new Option<bool>("--dev") { Description = "开发环境：演示账号首次登录不要求修改密码" };
        var command = new Command("seed", "迁移数据库并写入演示或压测数据：small 写入演示数据、每个角色一个演示账号（密码只显示这一次）及演示社区的台账；city、province 生成社区及其台账。")
        {
            scale, seed, dev,
        };
        command.SetAction(CliApp.Action(cli, async (result, services, _, ct) =>
        {
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            var ledgerScale = result.GetValue(scale) switch
            {
                "city" => LedgerScale.City,
                "province" => LedgerScale.Province,
                _ => LedgerScale.Small,
            };
            if (ledgerScale == LedgerScale.Small)
            {
                var mustChange = !result.GetValue(dev);
                var accounts = await services.GetRequiredService<DemoData>()
                    .SeedAsync(cli.Configuration["Demo:Password"], mustChangePassword: mustChange, ct);
                if (accounts.Count == 0)
                {
                    await cli.Output.WriteLineAsync("数据库中已有社区或账号，未写入演示数据。");
                    return CliApp.Success;
                }

                // Shown once: the passwords are stored hashed only.
                await cli.Output.WriteLineAsync("已创建演示数据和演示账号（密码仅显示这一次）：");
                foreach (var a in accounts)
                {
                    await cli.Output.WriteLineAsync($"  {a.UserName,-18} {a.Password,-16} {a.Role,-17} {a.ScopeCode,-12} {a.DisplayName}");
                }

                if (mustChange)
                {
                    await cli.Output.WriteLineAsync("首次登录须修改密码。");
                }
            }

            var watch = Stopwatch.StartNew();
            var generated = await services.GetRequiredService<LedgerGenerator>().GenerateAsync(new LedgerGeneratorOptions
            {
                Scale = ledgerScale,
                Seed = result.GetValue(seed),
                Progress = ledgerScale == LedgerScale.Small ? null : new SynchronousProgress(cli.Output),
            }, ct);
            await cli.Output.WriteLineAsync($"已生成 {generated.Communities} 个社区的台账：{generated.Persons} 名人员、{generated.Assistances} 条援助记录，" +
                $"共 {generated.Rows} 行，用时 {watch.Elapsed.TotalSeconds:F0} 秒；考核期 {generated.Period}。");
            if (ledgerScale == LedgerScale.Small)
            {
                // After the ledgers: the demo applications snapshot indicators from them.
                foreach (var notBuilt in (await services.GetRequiredService<CampaignDemoData>().SeedAsync(ct))
                    .Concat(await services.GetRequiredService<SupportRequestDemoData>().SeedAsync(ct)))
                {
                    await cli.Error.WriteLineAsync(notBuilt);
                }
                await services.GetRequiredService<ReinspectionDemoData>().SeedAsync(ct);
                await services.GetRequiredService<ChangeReportDemoData>().SeedAsync(ct);
            }
            else
            {
                await cli.Output.WriteLineAsync($"各 A5 条件按社区序号各有 {LedgerGenerator.FailureShareEach:P0} 的社区不达标：{string.Join("、", LedgerGenerator.FailureSlots)}。");
            }

            return CliApp.Success;
        }));
        return command;
    }

    /// <summary>Progress written on the caller's thread in order: <see cref="Progress{T}"/> would post to the thread pool and interleave.</summary>
    private sealed class SynchronousProgress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine(value);
    }

    public static Command User(CliContext cli)
    {
        var userName = new Option<string>("--username") { Description = "用户名（字母、数字和 - . _ @）", Required = true };
        var role = new Option<string>("--role") { Description = "角色：" + string.Join("、", Roles.All), Required = true };
        var scope = new Option<string>("--scope") { Description = "辖区：行政区划代码（6位），社区工作人员为社区代码（12位）", Required = true };
        var password = new Option<string>("--password") { Description = "初始密码（首次登录须修改）", Required = true };
        var displayName = new Option<string?>("--display-name") { Description = "姓名或单位，缺省为用户名" };
        var add = new Command("add", "创建账号。") { userName, role, scope, password, displayName };
        add.SetAction(CliApp.Action(cli, async (result, services, _, ct) =>
        {
            var input = new NewUser(result.GetRequiredValue(userName), result.GetValue(displayName) ?? "", result.GetRequiredValue(role),
                result.GetRequiredValue(scope), result.GetRequiredValue(password), MustChangePassword: true);
            var user = await services.GetRequiredService<UserAdministration>().AddAsync(input, checkActor: false, ct);
            await cli.Output.WriteLineAsync($"已创建账号 {user.UserName}（{Roles.DisplayName(user.Role)}，辖区 {user.ScopeCode}），首次登录须修改密码。");
            return CliApp.Success;
        }));
        return new Command("user", "账号管理。") { add };
    }

    public static Command Token(CliContext cli)
    {
        var user = new Option<string>("--user") { Description = "令牌所属账号的用户名", Required = true };
        var days = new Option<int?>("--days")
        {
            Description = $"有效天数，缺省为设置 {ApiTokenLifetime.SettingKey}（缺省 {ApiTokenLifetime.DefaultMaxDays} 天），不能超过该设置",
        };
        var create = new Command("create", "为接口客户端签发令牌；标准输出只输出令牌本身，令牌只显示这一次。令牌只能用于 /api。") { user, days };
        create.SetAction(CliApp.Action(cli, async (result, services, _, ct) =>
        {
            var token = await services.GetRequiredService<ApiTokenService>().CreateAsync(result.GetRequiredValue(user), result.GetValue(days), ct);
            await cli.Output.WriteLineAsync(token);
            return CliApp.Success;
        }));

        var listUser = new Option<string?>("--user") { Description = "只列出该账号的令牌" };
        var list = new Command("list", "列出已签发的令牌（编号、前缀、账号、签发、到期、最近使用、状态），从不显示令牌本身。") { listUser };
        list.SetAction(CliApp.Action(cli, async (result, services, _, ct) =>
        {
            var rows = await services.GetRequiredService<ApiTokenService>().ListAsync(result.GetValue(listUser), ct);
            await cli.Output.WriteLineAsync("编号\t前缀\t账号\t签发时间\t到期时间\t最近使用\t状态");
            foreach (var r in rows)
            {
                await cli.Output.WriteLineAsync(string.Join('\t', r.Id, r.Prefix + "…", r.UserName, ChinaTime.FormatMinute(r.CreatedAt),
                    r.ExpiresAt is { } e ? ChinaTime.FormatMinute(e) : "-", r.LastUsedAt is { } u ? ChinaTime.FormatMinute(u) : "从未使用", r.Status));
            }

            return CliApp.Success;
        }));

        var id = new Argument<int?>("id") { Description = "令牌编号（见 fe token list）", Arity = ArgumentArity.ZeroOrOne };
        var revokeUser = new Option<string?>("--user") { Description = "吊销该账号的全部有效令牌" };
        var revoke = new Command("revoke", "吊销令牌：按编号吊销一个，或用 --user 吊销某账号的全部有效令牌。") { id, revokeUser };
        revoke.Validators.Add(r =>
        {
            if ((r.GetValue(id) is null) == (r.GetValue(revokeUser) is null))
            {
                r.AddError("请指定令牌编号或 --user 二者之一。");
            }
        });
        revoke.SetAction(CliApp.Action(cli, async (result, services, _, ct) =>
        {
            var tokens = services.GetRequiredService<ApiTokenService>();
            if (result.GetValue(id) is { } tokenId)
            {
                var row = await tokens.RevokeAsync(tokenId, ct);
                await cli.Output.WriteLineAsync($"已吊销令牌 #{row.Id}（{row.Prefix}…，账号 {row.UserName}）。");
                return CliApp.Success;
            }

            var userName = result.GetValue(revokeUser)!;
            var count = await tokens.RevokeAllAsync(userName, ct);
            await cli.Output.WriteLineAsync($"已吊销账号 {userName} 的 {count} 个有效令牌。");
            return CliApp.Success;
        }));
        return new Command("token", "接口令牌。") { create, list, revoke };
    }

    public static Command Audit(CliContext cli)
    {
        var anchorOption = new Option<string?>("--anchor")
        {
            Description = "此前由 fe audit anchor 记下的“哈希:条数”（条数可省略）：同时证明锚点及之前的事件未被改写",
        };
        var verify = new Command("verify", "重新计算审计链哈希并用审计密钥核对每条事件的封印，检查审计记录是否被改动、删除或插入。") { anchorOption };
        verify.Validators.Add(r =>
        {
            if (r.GetValue(anchorOption) is { } text && AuditAnchor.Parse(text) is null)
            {
                r.AddError($"锚点“{text}”格式不对，应为 64 位十六进制哈希，后接可选的“:条数”。");
            }
        });
        verify.SetAction(CliApp.Action(cli, async (result, services, _, ct) =>
        {
            var anchor = result.GetValue(anchorOption) is { } text ? AuditAnchor.Parse(text) : null;
            var verification = await services.GetRequiredService<AuditVerifier>().VerifyAsync(anchor, ct);
            if (verification.Intact)
            {
                await cli.Output.WriteLineAsync(verification.Message);
                return CliApp.Success;
            }

            await cli.Error.WriteLineAsync($"审计链已损坏（首个异常事件 #{verification.FirstBrokenSequence}）：{verification.Message}");
            return CliApp.UserError;
        }));

        var anchor = new Command("anchor", "校验审计链后，在标准输出单独一行输出链头“哈希:条数”，供每日记录在系统之外（纸质台账、工单、另一系统）。");
        anchor.SetAction(CliApp.Action(cli, async (_, services, _, ct) =>
        {
            var verification = await services.GetRequiredService<AuditVerifier>().VerifyAsync(ct);
            if (!verification.Intact)
            {
                await cli.Error.WriteLineAsync($"审计链已损坏，不输出锚点（首个异常事件 #{verification.FirstBrokenSequence}）：{verification.Message}");
                return CliApp.UserError;
            }

            await cli.Output.WriteLineAsync(verification.Tip!.ToString());
            return CliApp.Success;
        }));
        return new Command("audit", "审计日志。") { verify, anchor };
    }

    public static Command Backup(CliContext cli)
    {
        var to = new Option<string>("--to") { Description = "要写入的备份文件（不覆盖已有文件）", Required = true };
        var command = new Command("backup", "备份数据库和上传的文件到一个文件：SQLite 在系统运行时在线备份（VACUUM INTO），PostgreSQL 调用 pg_dump -Fc。不含任何密钥。") { to };
        command.SetAction(CliApp.Action(cli, async (result, services, _, ct) =>
        {
            var summary = await services.GetRequiredService<DatabaseBackup>().BackupAsync(result.GetRequiredValue(to), ct);
            await cli.Output.WriteLineAsync($"已备份 {summary.Provider} 数据库和 {summary.Files} 个上传文件到 {summary.Path}（{summary.Bytes / 1024.0:F0} KB）。");
            return CliApp.Success;
        }));
        return command;
    }

    public static Command Restore(CliContext cli)
    {
        var from = new Option<string>("--from") { Description = "fe backup 生成的备份文件", Required = true };
        var force = new Option<bool>("--force") { Description = "目标数据库不是空的时也恢复（覆盖其中的全部数据和上传文件）" };
        var command = new Command("restore", "从备份文件恢复数据库和上传的文件；目标数据库不是空的时须加 --force。恢复前停止 Web 服务，恢复后运行 fe audit verify。") { from, force };
        command.SetAction(CliApp.Action(cli, async (result, services, _, ct) =>
        {
            var summary = await services.GetRequiredService<DatabaseBackup>().RestoreAsync(result.GetRequiredValue(from), result.GetValue(force), ct);
            await cli.Output.WriteLineAsync($"已从 {summary.Path} 恢复 {summary.Provider} 数据库和 {summary.Files} 个上传文件。请运行 fe migrate 和 fe audit verify。");
            return CliApp.Success;
        }));
        return command;
    }

    public static Command Communities(CliContext cli)
    {
        var importFile = new Argument<string>("file") { Description = "按导入模板填写的 .xlsx 文件（工作表“社区”和/或“称号”）" };
        var importAs = ActAsOption();
        var import = new Command("import", "导入社区名录和称号记录（全部成功才写入）。") { importFile, importAs };
        import.SetAction(CliApp.Action(cli, async (result, services, actor, ct) =>
        {
            var path = result.GetRequiredValue(importFile);
            if (!File.Exists(path))
            {
                await cli.Error.WriteLineAsync($"文件“{path}”不存在。");
                return CliApp.UserError;
            }

            actor.Identity = await services.GetRequiredService<UserAdministration>().ActAsAsync(result.GetRequiredValue(importAs), ct);
            await using var file = File.OpenRead(path);
            var s = await services.GetRequiredService<CommunityWorkbook>().ImportAsync(file, ct);
            await cli.Output.WriteLineAsync($"导入完成：新增社区 {s.CommunitiesAdded}，更新 {s.CommunitiesUpdated}，未变 {s.CommunitiesUnchanged}；" +
                $"新增称号 {s.TitlesAdded}，已有 {s.TitlesUnchanged}。");
            return CliApp.Success;
        }));

        var exportFile = new Argument<string>("file") { Description = "要写入的 .xlsx 文件" };
        var exportAs = ActAsOption();
        var region = new Option<string?>("--region") { Description = "只导出该区划（市州或县区代码）内的社区" };
        var export = new Command("export", "导出社区名录（按 --as 账号的辖区）。") { exportFile, exportAs, region };
        export.SetAction(CliApp.Action(cli, async (result, services, actor, ct) =>
        {
            actor.Identity = await services.GetRequiredService<UserAdministration>().ActAsAsync(result.GetRequiredValue(exportAs), ct);
            var rows = await services.GetRequiredService<CommunityRegistry>().ExportAsync(new CommunityFilter(result.GetValue(region)), ct);
            var path = result.GetRequiredValue(exportFile);
            try
            {
                await File.WriteAllBytesAsync(path, CommunityWorkbook.Export(rows), ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await cli.Error.WriteLineAsync($"无法写入文件“{path}”：{ex.Message}");
                return CliApp.UserError;
            }

            await cli.Output.WriteLineAsync($"已导出 {rows.Count} 个社区到 {path}。");
            return CliApp.Success;
        }));
        return new Command("communities", "社区名录。") { import, export };
    }

    /// <summary>Registry writes check the actor's role and scope, so these commands act as a named account.</summary>
    private static Option<string> ActAsOption() =>
        new("--as") { Description = "以该账号的角色和辖区执行（审计记为“用户名 (cli)”）", Required = true };
}
