using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FullEmployment.Benchmarks;

// `generate-import FOLDER PERSONS ASSISTANCES`: the files scripts/bench-import.sh times, sorted and shuffled.
if (args is ["generate-import", var folder, var persons, var assistances])
{
    ImportFiles.Generate(folder, int.Parse(persons, System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(assistances, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

// In process: BenchmarkDotNet's generated project (restore + build per run) takes minutes on the shared
// 2-core machine and failed to build there; the benchmarks here measure seconds-long operations anyway.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsMutator());
BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(args, config);
