using Backprop.Data;
using Backprop.Fast;
using BenchmarkDotNet.Attributes;

namespace Backprop.Benchmarks;

/// <summary>A full gradient check of the 5-2-4-3-3-1 network on 16 instances (4 forward passes per weight), readable and fast.</summary>
[MemoryDiagnoser]
public class GradientCheckBenchmarks
{
    private readonly Network network = Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 1, bias: BiasMode.Vector);
    private readonly Dataset data = Datasets.Synthetic(16, seed: 1);

    [Benchmark(Baseline = true)]
    public double ReadableCheck() => GradientCheck.Run(network, data.X, data.Y).MaxRelativeError;

    [Benchmark]
    public double FastCheck() => FastGradientCheck.Run(network, data.X, data.Y).MaxRelativeError;
}
