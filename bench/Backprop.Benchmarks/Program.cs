using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Backprop.Benchmarks -- --filter '*' --job short
// dotnet run -c Release --project bench/Backprop.Benchmarks -- compare   (readable, fast and numpy side by side)
if (args.Length > 0 && args[0] == "compare") return Backprop.Benchmarks.Compare.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Backprop.Benchmarks.TrainingStepBenchmarks).Assembly).Run(args);
return 0;
