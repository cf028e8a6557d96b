using System.CommandLine;
using System.Globalization;
using FullEmployment.Application.Data;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.Cli;

/// <summary>`fe keys`: the personal-data key ring (ADR 0016).</summary>
internal static class KeyCommands
{
    public static Command Keys(CliContext cli)
    {
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "每批重新加密的行数（每批一个事务）",
            DefaultValueFactory = _ => PersonalDataMaintenance.DefaultBatchSize,
        };
        var maxBatches = new Option<int?>("--max-batches") { Description = "最多处理的批数，到数即停；再次运行 fe keys rotate 从剩下的行继续" };
        var rotate = new Command("rotate",
            "轮换个人信息加密密钥：在密钥文件中加入新的当前密钥（仍有行使用旧密钥时不再加新密钥，继续上次未完成的轮换），把明文遗留列加密，" +
            "再把旧密钥加密的行分批用新密钥重新加密。可中断，重新运行即继续。盲索引密钥不轮换（见 docs/decisions/0016）。")
        {
            batchSize, maxBatches,
        };
        rotate.Validators.Add(r =>
        {
            if (r.GetValue(batchSize) < 1 || r.GetValue(maxBatches) is < 1)
            {
                r.AddError("--batch-size 和 --max-batches 须为正整数。");
            }
        });
        rotate.SetAction(CliApp.Action(cli, async (result, services, _, ct) =>
        {
            var rotation = await services.GetRequiredService<PersonalDataMaintenance>()
                .RotateAsync(result.GetValue(batchSize), result.GetValue(maxBatches), ct);
            await cli.Output.WriteLineAsync(
                (rotation.NewKey ? $"已加入新密钥 {rotation.KeyId} 并设为当前密钥。" : $"继续轮换到当前密钥 {rotation.KeyId}。")
                + $"加密明文 {rotation.Encrypted} 行，重新加密 {rotation.Resealed} 行。"
                + (rotation.Complete ? "全部个人信息已使用当前密钥。" : "尚未完成：再次运行 fe keys rotate 继续。"));
            return CliApp.Success;
        }));

        var status = new Command("status", "按表列出个人信息密文使用的密钥编号及行数，以及仍为明文的遗留行数。");
        status.SetAction(CliApp.Action(cli, async (_, services, _, ct) =>
        {
            var keys = services.GetRequiredService<PersonalDataKeys>();
            await cli.Output.WriteLineAsync($"密钥文件：{keys.Path}；当前密钥：{keys.CurrentKeyId}；已有密钥：{string.Join(",", keys.KeyIds)}");
            foreach (var table in await services.GetRequiredService<PersonalDataMaintenance>().StatusAsync(ct))
            {
                var byKey = table.RowsByKeyId.Count == 0 ? "无密文"
                    : string.Join("，", table.RowsByKeyId.OrderBy(k => k.Key).Select(k => $"密钥 {k.Key}：{k.Value.ToString(CultureInfo.InvariantCulture)}"));
                await cli.Output.WriteLineAsync($"{table.Table}\t{byKey}\t明文遗留：{table.LegacyRows}");
            }

            return CliApp.Success;
        }));

        return new Command("keys", "个人信息（身份证号、电话）加密密钥：轮换与状态。") { rotate, status };
    }
}
