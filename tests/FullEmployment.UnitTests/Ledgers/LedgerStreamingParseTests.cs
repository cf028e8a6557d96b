using System.Globalization;
using System.Text;
using FullEmployment.Application.Ledgers.Import;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.UnitTests.Ledgers;

/// <summary>A CSV is parsed as it is read: rows are validated and handed on before the file has been read to its end.</summary>
public class LedgerStreamingParseTests
{
    /// <summary>More rows than one handed-on chunk (16,384), so the first chunk leaves most of the file unread.</summary>
    private const int Rows = 60_000;

    [Fact]
    public void The_first_rows_are_validated_and_handed_on_before_the_file_is_read_to_its_end()
    {
        var csv = new StringBuilder("身份证号,姓名\n");
        for (var i = 0; i < Rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Id(i)},流式\n");
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        using var file = new CountingStream(bytes);
        long? readAtFirstChunk = null;
        var handedOn = 0;

        var result = new LedgerFileParser().Parse(file, "人员.csv", new LedgerImportContext
        {
            Today = new DateOnly(2025, 3, 10),
            CsvKind = LedgerKind.Person,
            OnValidRows = (_, records) =>
            {
                readAtFirstChunk ??= file.BytesRead;
                handedOn += records.Count;
            },
        });

        result.Errors.ShouldBeEmpty();
        handedOn.ShouldBe(Rows);
        // Opening reads the file once to choose its encoding and count its lines; the first chunk of valid rows then
        // comes when under half of the second reading is done, so rows are not gathered before they are validated.
        readAtFirstChunk.ShouldNotBeNull();
        readAtFirstChunk.Value.ShouldBeGreaterThan(bytes.Length);
        readAtFirstChunk.Value.ShouldBeLessThan(bytes.Length + (bytes.Length / 2));
    }

    [Fact]
    public void The_key_set_finds_a_duplicate_after_growing_far_past_its_expected_size()
    {
        var keys = new NaturalKeySet(expectedKeys: 0);
        for (var row = 1; row <= 50_000; row++)
        {
            keys.Add([Id(row), "2024-03-15", "职业指导"], row).ShouldBe(0);
        }

        keys.Add([Id(17), "2024-03-15", "职业指导"], 50_001).ShouldBe(17);
        keys.Add([Id(17), "2024-03-16", "职业指导"], 50_002).ShouldBe(0);
        // The parts are kept apart: moving a character from one part to the next makes another key.
        keys.Add(["ab", "c"], 50_003).ShouldBe(0);
        keys.Add(["a", "bc"], 50_004).ShouldBe(0);
    }

    private static string Id(int i) => TestIds.Make((i % 999) + 1, new DateOnly(1960, 1, 1).AddDays(i / 999).ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    /// <summary>A seekable file in memory that counts the bytes read from it, seeks included.</summary>
    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = base.Read(buffer);
            BytesRead += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var read = await base.ReadAsync(buffer, offset, count, cancellationToken);
            BytesRead += read;
            return read;
        }
    }
}
