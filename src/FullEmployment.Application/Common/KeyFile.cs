using System.Security.Cryptography;

namespace FullEmployment.Application.Common;

/// <summary>A generated key file (audit key, second-factor key) that several processes starting at once may each try to create.</summary>
public static class KeyFile
{
    /// <summary>
    /// Writes 32 random bytes (base64) to <paramref name="path"/> unless it exists, readable by the owner only. The file
    /// appears whole or not at all (written beside it, then moved without overwriting), so a process that loses the race
    /// reads the winner's key, never a half-written file.
    /// </summary>
    public static void CreateIfMissing(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                using var writer = new StreamWriter(stream);
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: its key is the one.
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
