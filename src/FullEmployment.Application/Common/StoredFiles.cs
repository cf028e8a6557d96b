using System.IO.Compression;
using System.Security.Cryptography;
using FullEmployment.Domain;
using Microsoft.Extensions.Configuration;

namespace FullEmployment.Application.Common;

/// <summary>An uploaded file as the caller hands it over (a page's IFormFile, an API's multipart part, a test's bytes).</summary>
public sealed record FileUpload(string FileName, Stream Content);

/// <summary>
/// An uploaded file's record: the bytes live under the files folder (outside wwwroot) with a random name, so a
/// file is only ever served through a use case that checks scope.
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }

    /// <summary>What the file belongs to, e.g. "application", "objection", "message".</summary>
    public string OwnerType { get; set; } = "";

    public string OwnerId { get; set; } = "";

    /// <summary>Its purpose: evidence, narrative, inspection-photo, attachment.</summary>
    public string Category { get; set; } = "";

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Length { get; set; }

    public string Sha256 { get; set; } = "";

    public string StoredName { get; set; } = "";

    public string UploadedBy { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>Checks uploads by their bytes (never by the name alone) and writes them under <c>Files:Root</c> (default data/files).</summary>
public sealed class FileStore(IConfiguration configuration, TimeProvider clock)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public const string AllowedTypesText = "PDF、JPG、PNG、DOCX、XLSX";

    private string Root => Path.GetFullPath(configuration["Files:Root"] ?? Path.Combine("data", "files"));

    /// <summary>Validates and writes the file; the caller adds the returned record to its unit of work.</summary>
    public async Task<StoredFile> SaveAsync(FileUpload upload, string ownerType, string ownerId, string category, string uploadedBy,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var bytes = await ReadLimitedAsync(upload.Content, cancellationToken);
        if (bytes.Length == 0)
        {
            throw new DomainException("上传的文件为空。");
        }

        var name = Path.GetFileName(upload.FileName ?? "").Trim();
        var (extension, contentType) = Detect(bytes)
            ?? throw new DomainException($"文件“{name}”的类型不受支持，只接受{AllowedTypesText}文件。");
        if (!string.Equals(Path.GetExtension(name), extension, StringComparison.OrdinalIgnoreCase)
            && !(extension == ".jpg" && string.Equals(Path.GetExtension(name), ".jpeg", StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException($"文件“{name}”的扩展名与其实际内容（{extension.TrimStart('.').ToUpperInvariant()}）不符。");
        }

        var stored = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + extension;
        Directory.CreateDirectory(Root);
        await File.WriteAllBytesAsync(Path.Combine(Root, stored), bytes, cancellationToken);
        return new StoredFile
        {
            Id = Guid.NewGuid(),
            OwnerType = ownerType,
            OwnerId = ownerId,
            Category = category,
            FileName = name.Length > 200 ? name[^200..] : name,
            ContentType = contentType,
            Length = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            StoredName = stored,
            UploadedBy = uploadedBy,
            UploadedAt = clock.GetUtcNow(),
        };
    }

    public Stream Open(StoredFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return File.OpenRead(Path.Combine(Root, file.StoredName));
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new DomainException($"文件超过{MaxBytes / 1024 / 1024}MB，请压缩后重新上传。");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The type from the leading bytes; a ZIP counts as DOCX or XLSX only with the part that makes it one.</summary>
    internal static (string Extension, string ContentType)? Detect(byte[] bytes)
    {
        if (StartsWith(bytes, "%PDF-"u8))
        {
            return (".pdf", "application/pdf");
        }

        if (StartsWith(bytes, [0xFF, 0xD8, 0xFF]))
        {
            return (".jpg", "image/jpeg");
        }

        if (StartsWith(bytes, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return (".png", "image/png");
        }

        if (!StartsWith(bytes, [0x50, 0x4B, 0x03, 0x04]))
        {
            return null;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (zip.GetEntry("word/document.xml") is not null)
            {
                return (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            }

            if (zip.GetEntry("xl/workbook.xml") is not null)
            {
                return (".xlsx", Xlsx.ContentType);
            }
        }
        catch (InvalidDataException)
        {
            return null;
        }

        return null;
    }

    private static bool StartsWith(byte[] bytes, ReadOnlySpan<byte> prefix) => bytes.AsSpan().StartsWith(prefix);
}

/// <summary>A stored file as pages and the API list it (no content; downloads go through the owning record's access check).</summary>
public sealed record FileView(Guid Id, string FileName, string ContentType, long Length, string Category, DateTimeOffset UploadedAt)
{
    public static FileView Of(StoredFile file) => new(file.Id, file.FileName, file.ContentType, file.Length, file.Category, file.UploadedAt);
}
