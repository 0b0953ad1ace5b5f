using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>
/// One full training step (forward, backward, update) of the readable engine, for the article's
/// 5-2-4-3-3-1 sigmoid network at several batch sizes and a wider 64-32-16-10 network.
/// </summary>
[MemoryDiagnoser]
public class TrainingStepBenchmarks
{
    private Network network = null!;
    private Matrix<double> x = null!;
    private Matrix<double> y = null!;
    private readonly SquaredLoss loss = new();

    [Params("5-2-4-3-3-1", "64-32-16-10")]
    public string Sizes { get; set; } = "5-2-4-3-3-1";

    [Params(1, 64, 1024)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var sizes = Sizes.Split('-').Select(int.Parse).ToArray();
        network = Network.Create(sizes, Activation.Sigmoid, seed: 1);
        var random = new Random(2);
        x = Matrix<double>.Build.Dense(N, sizes[0], (_, _) => 2 * random.NextDouble() - 1);
        y = Matrix<double>.Build.Dense(N, sizes[^1], (_, _) => random.NextDouble());
    }

    [Benchmark]
    public void TrainingStep()
    {
        var forward = network.Forward(x);
        var gradients = network.Backward(forward, y, loss);
        network.Update(gradients, 1e-6); // tiny α: the network stays where it was across iterations
    }

    [Benchmark]
    public Matrix<double> ForwardOnly() => network.Forward(x).Output;
}
