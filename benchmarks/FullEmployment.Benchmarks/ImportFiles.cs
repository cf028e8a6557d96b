namespace FullEmployment.Benchmarks;

/// <summary>The CSVs scripts/bench-import.sh imports, each sorted and shuffled, and an empty community database for them.</summary>
public static class ImportFiles
{
    public static void Generate(string folder, int persons, int assistances)
    {
        Directory.CreateDirectory(folder);
        foreach (var shuffled in new[] { false, true })
        {
            var order = shuffled ? "shuffled" : "sorted";
            Write(Path.Combine(folder, $"persons-{persons}-{order}.csv"), path => BenchData.WritePersonsCsv(path, persons, shuffled));
            Write(Path.Combine(folder, $"assistances-{assistances}-{order}.csv"),
                path => BenchData.WriteAssistancesCsv(path, assistances, persons, shuffled));
        }
    }

    /// <summary>Generated once: deterministic, so an existing file is the same file.</summary>
    private static void Write(string path, Action<string> write)
    {
        if (!File.Exists(path))
        {
            write(path + ".part");
            File.Move(path + ".part", path);
        }

        Console.WriteLine(path);
    }
}
