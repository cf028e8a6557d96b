using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FullEmployment.Application.Identity;
using FullEmployment.Application.Ledgers;
using FullEmployment.Application.Seeding;
using FullEmployment.Domain;
using FullEmployment.Domain.Ledgers;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.Cli;

/// <summary>
/// `fe ledger import` and `fe indicators` (docs/reference/design.md "Stable contracts"); `fe seed --scale` is <see cref="Commands.Seed"/>.
/// Exit codes as every command: 0 success, 1 a user error (Chinese message on stderr), 2 bad arguments.
/// </summary>
internal static class LedgerCommands
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        WriteIndented = true,
    };

    public static Command Ledger(CliContext cli)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "台账文件（.xlsx 或 .csv）" };
        var community = new Option<string>("--community") { Description = "社区代码（12位）", Required = true };
        var kind = new Option<string?>("--kind") { Description = "CSV 的台账类型，如 人员、援助记录" };
        var asUser = new Option<string?>("--as") { Description = "以该用户的身份和管辖范围导入（缺省为社区所在县区人社局）" };
        var maxMb = new Option<int>("--max-mb") { Description = "文件大小上限（MB）", DefaultValueFactory = _ => 50 };
        var import = new Command("import", "导入社区台账：全部有效才写入，按自然键新增或更新") { file, community, kind, asUser, maxMb };
        import.SetAction(CliApp.Action(cli, async (parse, services, actor, ct) =>
        {
            var code = parse.GetValue(community)!;
            var path = parse.GetRequiredValue(file);
            if (!path.Exists)
            {
                await cli.Error.WriteLineAsync($"文件“{path.FullName}”不存在。");
                return CliApp.UserError;
            }

            var csvKind = parse.GetValue(kind) is { Length: > 0 } k ? LedgerAccess.ParseKind(k) : (LedgerKind?)null;
            actor.Identity = await services.GetRequiredService<CommandLineActors>().ForCommunityAsync(parse.GetValue(asUser), code, ct);
            var imports = services.GetRequiredService<LedgerImports>().WithMaxFileBytes(parse.GetValue(maxMb) * 1024L * 1024);
            var watch = Stopwatch.StartNew();
            await using var stream = path.OpenRead();
            var outcome = await imports.ImportFileAsync(code, stream, path.Name, csvKind, cancellationToken: ct);
            if (!outcome.Succeeded)
            {
                await cli.Error.WriteLineAsync(outcome.Message);
                foreach (var e in outcome.Errors.Take(200))
                {
                    await cli.Error.WriteLineAsync($"  {e.Sheet} 第{e.Row}行 {e.Column}「{e.Value}」：{e.Message}");
                }

                return CliApp.UserError;
            }

            foreach (var (imported, c) in outcome.ByKind)
            {
                await cli.Output.WriteLineAsync($"{imported.SheetName(),-8} 新增 {c.Added,8}  更新 {c.Updated,8}  未变 {c.Unchanged,8}");
            }

            var rows = outcome.Totals.Added + outcome.Totals.Updated + outcome.Totals.Unchanged;
            await cli.Output.WriteLineAsync($"{outcome.Message}（{rows} 行，用时 {watch.Elapsed.TotalSeconds:F1} 秒，{rows / Math.Max(watch.Elapsed.TotalSeconds, 0.001):F0} 行/秒）");
            return CliApp.Success;
        }));
        return new Command("ledger", "社区台账") { import };
    }

    public static Command Indicators(CliContext cli)
    {
        var community = new Option<string?>("--community") { Description = "社区代码（12位）" };
        var region = new Option<string?>("--region") { Description = "行政区划代码（6位）：汇总该区划内每个社区的指标，代替 --community" };
        var xlsx = new Option<FileInfo?>("--xlsx") { Description = "与 --region 同用：把汇总写入该 xlsx 文件（与指标汇总页面导出相同）" };
        var from = new Option<DateOnly?>("--from") { Description = "考核期开始日期 YYYY-MM-DD" };
        var to = new Option<DateOnly?>("--to") { Description = "考核期结束日期 YYYY-MM-DD" };
        var on = new Option<DateOnly?>("--on") { Description = "申报日期（缺省：给出 --from/--to 时为 --to 的次日，否则为今天）" };
        var json = new Option<bool>("--json") { Description = "输出与 API 相同的 JSON" };
        var asUser = new Option<string?>("--as") { Description = "以该用户的身份和管辖范围查询" };
        var command = new Command("indicators", "计算社区 A5 指标，或用 --region 汇总区划内各社区的指标（from/to 缺省为申报日前十二个整月）")
        {
            community, region, xlsx, from, to, on, json, asUser,
        };
        command.SetAction(CliApp.Action(cli, async (parse, services, actor, ct) =>
        {
            if (parse.GetValue(community) is null == parse.GetValue(region) is null || (parse.GetValue(xlsx) is not null && parse.GetValue(region) is null))
            {
                await cli.Error.WriteLineAsync("请给出 --community 或 --region 之一；--xlsx 只与 --region 同用。");
                return CliApp.BadArguments;
            }

            if (parse.GetValue(region) is { } regionCode)
            {
                actor.Identity = await services.GetRequiredService<CommandLineActors>().ForRegionAsync(parse.GetValue(asUser), regionCode, ct);
                var rollUp = services.GetRequiredService<IndicatorQueries>();
                var (rollUpPeriod, rollUpDate) = AssessmentPeriod.ForRequest(parse.GetValue(from), parse.GetValue(to), parse.GetValue(on), rollUp.Today);
                return await RollUpAsync(cli, rollUp, regionCode, rollUpPeriod, rollUpDate, parse.GetValue(json), parse.GetValue(xlsx), ct);
            }

            var code = parse.GetValue(community)!;
            actor.Identity = await services.GetRequiredService<CommandLineActors>().ForCommunityAsync(parse.GetValue(asUser), code, ct);
            var queries = services.GetRequiredService<IndicatorQueries>();
            var (period, applicationDate) = AssessmentPeriod.ForRequest(parse.GetValue(from), parse.GetValue(to), parse.GetValue(on), queries.Today);
            var report = await queries.ComputeAsync(code, period, applicationDate, ct);
            if (parse.GetValue(json))
            {
                await cli.Output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    from = Iso(report.Period.Start),
                    to = Iso(report.Period.End),
                    applicationDate = Iso(report.ApplicationDate),
                    indicators = report.Indicators.Select(i => new { i.Id, i.Name, i.Numerator, i.Denominator, i.Value, i.Threshold, status = Status(i.Status) }),
                    staleKinds = report.StaleKinds.Select(k => k.SheetName()),
                }, Json));
                return CliApp.Success;
            }

            await cli.Output.WriteLineAsync($"考核期 {report.Period}，申报日期 {Iso(report.ApplicationDate)}");
            await cli.Output.WriteLineAsync($"{"指标",-9}{"名称",-22}{"分子",8}{"分母",8}{"值",10}{"标准",8}  结论");
            foreach (var i in report.Indicators)
            {
                // Counts and breach counts are whole numbers; the rest are rates (docs/reference/design.md "Stable contracts").
                var value = i.Id is IndicatorCalculator.ValidComplaints or IndicatorCalculator.QualifiedStaff
                    or IndicatorCalculator.ZeroEmploymentFamilies or IndicatorCalculator.WillingWorkersAssisted
                    ? i.Value.ToString("0", CultureInfo.InvariantCulture) : i.Value.ToString("P1", CultureInfo.InvariantCulture);
                await cli.Output.WriteLineAsync($"{i.Id,-9}{i.Name,-22}{i.Numerator,8}{i.Denominator,8}{value,10}{i.Threshold?.ToString("0.##", CultureInfo.InvariantCulture) ?? "-",8}  {StatusLabel(i.Status)}");
            }

            return CliApp.Success;
        }));
        return command;
    }

    /// <summary>`fe indicators --region`: the 指标汇总 page's rows in code order, as a table, JSON or an xlsx file, with the time taken on stderr.</summary>
    private static async Task<int> RollUpAsync(CliContext cli, IndicatorQueries queries, string regionCode, AssessmentPeriod period,
        DateOnly applicationDate, bool json, FileInfo? xlsx, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var rows = new List<CommunityIndicatorRow>();
        await foreach (var row in queries.RollUpAsync(regionCode, period, applicationDate, cancellationToken))
        {
            rows.Add(row);
        }

        var elapsed = watch.Elapsed;
        if (xlsx is not null)
        {
            await File.WriteAllBytesAsync(xlsx.FullName, IndicatorText.RollUpWorkbook(rows), cancellationToken);
            await cli.Output.WriteLineAsync($"已写入 {xlsx.FullName}：{rows.Count} 个社区。");
        }
        else if (json)
        {
            await cli.Output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                region = regionCode,
                from = Iso(period.Start),
                to = Iso(period.End),
                applicationDate = Iso(applicationDate),
                communities = rows.Select(r => new
                {
                    r.Code,
                    r.Name,
                    r.MeetsAll,
                    indicators = r.Figures.Select(i => new { i.Id, i.Name, i.Numerator, i.Denominator, i.Value, i.Threshold, status = Status(i.Status) }),
                }),
            }, Json));
        }
        else
        {
            await cli.Output.WriteLineAsync($"区划 {regionCode}，考核期 {period}，申报日期 {Iso(applicationDate)}");
            var ids = rows.Count > 0 ? rows[0].Figures.Select(f => f.Id).ToList() : [];
            await cli.Output.WriteLineAsync($"{"社区代码",-13}{"全部达标",-5}" + string.Concat(ids.Select(id => $"{id,9}")) + "  社区名称");
            foreach (var r in rows)
            {
                var values = r.Figures.Select(f => f.Status == IndicatorStatus.NotApplicable ? "-" : IndicatorText.Value(f));
                await cli.Output.WriteLineAsync($"{r.Code,-13}{(r.MeetsAll ? "是" : "否"),-5}" + string.Concat(values.Select(v => $"{v,9}")) + $"  {r.Name}");
            }

            await cli.Output.WriteLineAsync($"共 {rows.Count} 个社区，{rows.Count(r => r.MeetsAll)} 个全部达标。");
        }

        // On stderr, so the JSON and the table stay machine-readable.
        await cli.Error.WriteLineAsync($"用时 {elapsed.TotalSeconds:F2} 秒");
        return CliApp.Success;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Status(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Met => "met",
        IndicatorStatus.NotMet => "not_met",
        _ => "not_applicable",
    };

    private static string StatusLabel(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Met => "达标",
        IndicatorStatus.NotMet => "未达标",
        _ => "不适用",
    };
}
