using System.IO.Compression;

namespace FullEmployment.Application.Ledgers.Import;

internal enum LedgerFileType
{
    Xlsx,
    Csv,
}

/// <summary>Checks a file before any parser sees it: size, emptiness, type by magic bytes, zip bombs.</summary>
internal static class LedgerFileGuard
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Bytes looked at to tell a workbook, an old .xls, a binary file and text apart.</summary>
    public const int PrefixBytes = 8192;

    /// <summary>
    /// The file as a seekable stream at its first byte, or null and an error message when refused (too large, empty).
    /// A file or buffered upload is used in place and only its length is checked, so a large CSV is never held in
    /// memory; a stream that cannot seek is buffered, at most up to the size limit.
    /// </summary>
    public static Stream? OpenBounded(Stream content, LedgerImportOptions options, out string? error)
    {
        if (content.CanSeek)
        {
            var length = content.Length - content.Position;
            error = length > options.MaxFileBytes ? TooLarge(options) : length == 0 ? "文件为空" : null;
            return error is null ? content : null;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > options.MaxFileBytes)
            {
                error = TooLarge(options);
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        error = buffer.Length == 0 ? "文件为空" : null;
        buffer.Position = 0;
        return error is null ? buffer : null;
    }

    /// <summary>The whole file in memory, for a workbook; null and an error message when refused (too large, empty).</summary>
    public static byte[]? ReadBounded(Stream content, LedgerImportOptions options, out string? error) =>
        OpenBounded(content, options, out error) is { } file ? ReadRest(file) : null;

    /// <summary>Up to <see cref="PrefixBytes"/> from the stream's position, which is left where it was.</summary>
    public static byte[] Prefix(Stream file)
    {
        var start = file.Position;
        var prefix = new byte[(int)Math.Min(PrefixBytes, file.Length - start)];
        file.ReadExactly(prefix);
        file.Position = start;
        return prefix;
    }

    /// <summary>The rest of the file, for the xlsx reader (which needs it whole; the size limit bounds it).</summary>
    public static byte[] ReadRest(Stream file)
    {
        var bytes = new byte[file.Length - file.Position];
        file.ReadExactly(bytes);
        return bytes;
    }

    private static string TooLarge(LedgerImportOptions options) => $"文件过大，超过 {FormatSize(options.MaxFileBytes)} 的上限";

    public static LedgerFileType? Classify(ReadOnlySpan<byte> prefix, string fileName, out string? error)
    {
        error = null;
        if (prefix.StartsWith(ZipMagic))
        {
            return LedgerFileType.Xlsx;
        }

        if (prefix.StartsWith(OleMagic))
        {
            error = "不支持旧版 Excel（.xls）文件，请另存为 .xlsx 后上传";
            return null;
        }

        var extension = Path.GetExtension(fileName);
        if (extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".xlsm", StringComparison.OrdinalIgnoreCase))
        {
            error = "文件不是有效的 Excel 工作簿";
            return null;
        }

        // Text has no NUL bytes in UTF-8 or GB18030; binary files almost always do.
        if (prefix.Contains((byte)0))
        {
            error = "文件不是 Excel 工作簿（.xlsx）或 CSV 文件";
            return null;
        }

        return LedgerFileType.Csv;
    }

    /// <summary>Refuses an xlsx whose declared uncompressed size or compression ratio marks a zip bomb.</summary>
    public static string? CheckZip(byte[] bytes, LedgerImportOptions options)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long total = 0, compressed = 0;
            var hasWorkbook = false;
            foreach (var entry in archive.Entries)
            {
                total += entry.Length;
                compressed += entry.CompressedLength;
                hasWorkbook |= entry.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase);
                if (entry.Length >= options.RatioCheckMinimumBytes
                    && entry.Length > options.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
                {
                    return "文件压缩比异常（疑似压缩炸弹），已拒绝";
                }

                if (total > options.MaxUncompressedBytes)
                {
                    return $"文件解压后超过 {FormatSize(options.MaxUncompressedBytes)}（疑似压缩炸弹），已拒绝";
                }
            }

            if (total >= options.RatioCheckMinimumBytes && total > options.MaxCompressionRatio * Math.Max(compressed, 1))
            {
                return "文件压缩比异常（疑似压缩炸弹），已拒绝";
            }

            return hasWorkbook ? null : "文件不是有效的 Excel 工作簿";
        }
        catch (InvalidDataException)
        {
            return "文件已损坏，无法作为 Excel 工作簿读取";
        }
    }

    private static string FormatSize(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes} 字节";
}
