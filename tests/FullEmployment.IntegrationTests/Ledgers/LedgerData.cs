using System.Text;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Ledgers;
using FullEmployment.Application.Ledgers.Import;
using FullEmployment.Domain.Ledgers;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FullEmployment.IntegrationTests.Ledgers;

/// <summary>
/// The ledger tests' app on <see cref="FullEmploymentFactory"/>: the demo communities and accounts without their
/// ledgers (the tests count the rows they import), a small upload limit, and a clock at <see cref="Now"/>.
/// </summary>
public static class LedgerData
{
    /// <summary>2025-03-10 10:00 China time: the default period is 2024-03-01 … 2025-02-28.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 10, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The tests' upload limit (the default is 50 MB), small so an oversized file is cheap to make.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    public static FactoryOptions Options { get; } = new()
    {
        Start = Now,
        DemoData = true,
        DemoLedgers = false,
        Services = services =>
        {
            services.RemoveAll<LedgerImportOptions>();
            services.AddSingleton(new LedgerImportOptions { MaxFileBytes = MaxFileBytes });
        },
    };

    public static FullEmploymentFactory Start(Database database) => new(database, Options);

    /// <summary>Rows of every ledger table, to prove a rejected import wrote nothing.</summary>
    public static async Task<Dictionary<LedgerKind, int>> CountsAsync(this FullEmploymentFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var counts = new Dictionary<LedgerKind, int>();
        foreach (var kind in Enum.GetValues<LedgerKind>())
        {
            counts[kind] = await LedgerAccess.Set(db, kind).CountAsync();
        }

        return counts;
    }
}

/// <summary>Ledger files for the tests: valid ID numbers, workbooks and CSVs in both encodings.</summary>
public static class LedgerFiles
{
    static LedgerFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A valid ID number in 城关区 born on <paramref name="birth"/>; odd sequence = male.</summary>
    public static string Id(DateOnly birth, int sequence)
    {
        var first17 = $"620102{birth:yyyyMMdd}{sequence:000}";
        return first17 + IdNumber.CheckCharacter(first17);
    }

    public static byte[] Workbook(params (string Sheet, string[] Headers, string[][] Rows)[] sheets)
    {
        return XlsxWriter.Build(workbook =>
        {
            foreach (var (name, headers, rows) in sheets)
            {
                workbook.AddTable(name, headers, rows);
            }
        });
    }

    public static string Csv(string[] headers, string[][] rows) =>
        string.Join("\r\n", new[] { headers }.Concat(rows).Select(r => string.Join(",", r))) + "\r\n";

    public static byte[] Utf8WithBom(string text) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];

    public static byte[] Gb18030(string text) => Encoding.GetEncoding("GB18030").GetBytes(text);

    public static MultipartFormDataContent Upload(byte[] content, string fileName, string? kind = null)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        if (kind is not null)
        {
            form.Add(new StringContent(kind), "kind");
        }

        return form;
    }
}
