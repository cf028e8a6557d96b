using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(FullEmployment.Benchmarks.BenchData).Assembly).Run(args);
