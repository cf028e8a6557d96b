using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace FullEmployment.Web.Pages.Ledgers;

/// <summary>
/// Keeps a rejected import's error-report xlsx for download, under the files folder (Files:Root, default
/// data/files) with a random name per community; reports older than a day are removed on the next save.
/// </summary>
public sealed partial class ErrorReportStore(IConfiguration configuration)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    private string Folder(string communityCode) =>
        Path.Combine(Path.GetFullPath(configuration["Files:Root"] ?? Path.Combine("data", "files")), "ledger-error-reports", communityCode);

    public async Task<string> SaveAsync(string communityCode, byte[] report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var folder = Folder(SafeCode(communityCode));
        Directory.CreateDirectory(folder);
        foreach (var old in new DirectoryInfo(folder).GetFiles("*.xlsx").Where(f => f.LastWriteTimeUtc < DateTime.UtcNow - KeepFor))
        {
            old.Delete();
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await File.WriteAllBytesAsync(Path.Combine(folder, id + ".xlsx"), report, cancellationToken);
        return id;
    }

    /// <summary>The report, or null when the id is malformed, unknown or expired.</summary>
    public async Task<byte[]?> ReadAsync(string communityCode, string? id, CancellationToken cancellationToken)
    {
        if (id is null || !ReportId().IsMatch(id))
        {
            return null;
        }

        var path = Path.Combine(Folder(SafeCode(communityCode)), id + ".xlsx");
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    private static string SafeCode(string code) =>
        CommunityCode().IsMatch(code) ? code : throw new ArgumentException("社区代码无效。", nameof(code));

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex ReportId();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex CommunityCode();
}
