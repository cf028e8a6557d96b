using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In process: BenchmarkDotNet's generated project (restore + build per run) takes minutes on the shared
// 2-core machine and failed to build there; the benchmarks here measure seconds-long operations anyway.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsMutator());
BenchmarkSwitcher.FromAssembly(typeof(FullEmployment.Benchmarks.BenchData).Assembly).Run(args, config);
