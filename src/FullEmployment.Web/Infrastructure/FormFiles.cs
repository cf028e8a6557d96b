using FullEmployment.Application.Common;

namespace FullEmployment.Web.Infrastructure;

/// <summary>Turns posted form files into the application's <see cref="FileUpload"/>; an empty file input means no file.</summary>
public static class FormFiles
{
    public static async Task<FileUpload?> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return null;
        }

        // Buffered so that the application can read the content more than once (hash, type sniffing, storage).
        var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return new FileUpload(file.FileName, buffer);
    }

    public static async Task<List<FileUpload>> ReadAllAsync(IEnumerable<IFormFile> files, CancellationToken cancellationToken)
    {
        var uploads = new List<FileUpload>();
        foreach (var file in files)
        {
            if (await ReadAsync(file, cancellationToken) is { } upload)
            {
                uploads.Add(upload);
            }
        }

        return uploads;
    }
}
