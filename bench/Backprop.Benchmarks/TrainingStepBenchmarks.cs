using Backprop.Fast;
using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>
/// One full training step (forward, backward, update) and the forward pass alone, for the readable
/// engine and the fast path side by side: the article's 5-2-4-3-3-1 sigmoid network at n = 1, 64
/// and 1024, and a wider 64-32-16-10 network at n = 64. α is tiny so the network stays where it
/// was across iterations.
/// </summary>
[MemoryDiagnoser]
public class TrainingStepBenchmarks
{
    private const double Alpha = 1e-6;
    private Network network = null!;
    private TrainingWorkspace workspace = null!;
    private Matrix<double> x = null!;
    private Matrix<double> y = null!;

    [ParamsSource(nameof(Shapes))]
    public string Shape { get; set; } = "5-2-4-3-3-1 n=64";

    public static IEnumerable<string> Shapes => ["5-2-4-3-3-1 n=1", "5-2-4-3-3-1 n=64", "5-2-4-3-3-1 n=1024", "64-32-16-10 n=64"];

    [GlobalSetup]
    public void Setup()
    {
        var parts = Shape.Split(" n=");
        (network, x, y) = Cases.Build(parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        workspace = new TrainingWorkspace(network, x.RowCount);
    }

    [Benchmark(Baseline = true)]
    public void ReadableStep()
    {
        var forward = network.Forward(x);
        var gradients = network.Backward(forward, y);
        network.Update(gradients, Alpha);
    }

    [Benchmark]
    public double FastStep() => workspace.Step(x, y, Alpha);

    [Benchmark]
    public Matrix<double> ReadableForward() => network.Forward(x).Output;

    [Benchmark]
    public int FastForward()
    {
        workspace.Forward(x);
        return workspace.N;
    }
}
