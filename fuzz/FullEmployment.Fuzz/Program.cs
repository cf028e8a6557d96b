using System.Runtime.InteropServices;
using System.Text;
using FullEmployment.Application.Common;
using FullEmployment.Application.Communities;
using FullEmployment.Application.Ledgers.Import;
using FullEmployment.Domain.Ledgers;
using SharpFuzz;
using SharpFuzz.Common;

namespace FullEmployment.Fuzz;

/// <summary>
/// One fuzz target per parser. <c>FullEmployment.Fuzz TARGET</c> runs under afl-fuzz (SharpFuzz's in-process loop);
/// <c>FullEmployment.Fuzz TARGET --replay FILE…</c> runs files once each and prints the exception of a crashing one
/// (to check a finding or a corpus); <c>TARGET --warm DIR</c> runs DIR's files once before the fuzzing loop starts.
/// An escaping exception is a crash: the parsers report bad input as errors, never throw.
/// </summary>
public static class Program
{
    private static readonly Dictionary<string, Action<byte[]>> Targets = new(StringComparer.Ordinal)
    {
        ["csv"] = Csv,
        ["xlsx"] = LedgerXlsx,
        ["idnumber"] = IdNumberText,
        ["date"] = DateText,
        ["community"] = CommunityXlsx,
    };

    // Made on use: instrumented code must not run before Fuzzer.Run has attached AFL's coverage map.
    private static LedgerImportContext Context => new() { Today = new DateOnly(2026, 1, 1), CommunityId = 1 };

    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Targets.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: FullEmployment.Fuzz {{{string.Join('|', Targets.Keys)}}} [--replay FILE...]");
            return 2;
        }

        if (args.Length > 1 && args[1] == "--replay")
        {
            return Replay(target, args[2..]);
        }

        if (args.Length > 2 && args[1] == "--warm")
        {
            Warm(target, args[2]);
        }

        Fuzzer.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target(buffer.ToArray());
        });
        return 0;
    }

    private static int Replay(Action<byte[]> target, string[] files)
    {
        var failed = 0;
        foreach (var file in files)
        {
            try
            {
                target(File.ReadAllBytes(file));
            }
            catch (Exception ex)
            {
                failed++;
                Console.Error.WriteLine($"CRASH {file}: {ex}");
            }
        }

        Console.WriteLine($"{files.Length - failed}/{files.Length} inputs ran without an exception");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>
    /// Runs the seeds once, so the first input afl-fuzz times is not also the one that compiles the parser: on a loaded
    /// machine that took over the 1 s limit and afl-fuzz stopped in its dry run. Instrumented code writes to the coverage
    /// map, which Fuzzer.Run attaches; until then it writes to a scratch one.
    /// </summary>
    private static unsafe void Warm(Action<byte[]> target, string folder)
    {
        Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(1 << 16);
        foreach (var file in Directory.GetFiles(folder))
        {
            target(File.ReadAllBytes(file));
        }

        Trace.PrevLocation = 0;
    }

    /// <summary>A CSV of each kind (the first byte picks the kind, so one corpus covers every kind's columns).</summary>
    private static void Csv(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }

        var kinds = Enum.GetValues<LedgerKind>();
        var context = Context with { CsvKind = kinds[input[0] % kinds.Length] };
        var result = new LedgerFileParser().Parse(new MemoryStream(input, 1, input.Length - 1, writable: false), "fuzz.csv", context);
        Touch(result);
    }

    private static void LedgerXlsx(byte[] input)
    {
        var result = new LedgerFileParser().Parse(new MemoryStream(input, writable: false), "fuzz.xlsx", Context);
        Touch(result);
    }

    private static void IdNumberText(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var error = IdNumber.Validate(text, Context.Today);
        IdNumber.Mask(text);
        if (IdNumber.TryParse(text, out var id, Context.Today) != (error is null))
        {
            throw new InvalidOperationException("TryParse disagrees with Validate");
        }

        if (id is not null && (IdNumber.Parse(text, Context.Today).Value != id.Value || id.BirthDate > Context.Today))
        {
            throw new InvalidOperationException("Parse disagrees with TryParse");
        }
    }

    /// <summary>Both date readers: the community workbook's (CellDates) and the ledger rows' (SheetRowReader).</summary>
    private static void DateText(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        CellDates.TryParse(text, out _);
        SheetRowReader.TryParseDate(new RawCell(text), out _);
    }

    private static void CommunityXlsx(byte[] input)
    {
        try
        {
            var (communities, titles) = CommunityWorkbook.Read(new MemoryStream(input, writable: false), new LedgerImportOptions());
            _ = communities.Rows.Count + titles.Rows.Count;
        }
        catch (InputRejectedException)
        {
            // A refused file is the documented answer to bad input.
        }
    }

    /// <summary>Reads what the error report would read, so lazily made rows are parsed too.</summary>
    private static void Touch(LedgerImportResult result)
    {
        foreach (var sheet in result.Sheets)
        {
            foreach (var row in sheet.Rows)
            {
                _ = row.Values.Count;
            }
        }
    }
}
