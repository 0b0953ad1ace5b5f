using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>The benchmarked networks and batches, built the same way for every benchmark and the comparison.</summary>
public static class Cases
{
    /// <summary>A sigmoid network without bias (as the numpy peer), its X (n×k) and Y (n×j_out).</summary>
    public static (Network Network, Matrix<double> X, Matrix<double> Y) Build(string sizes, int n)
    {
        var layerSizes = sizes.Split('-').Select(int.Parse).ToArray();
        var network = Network.Create(layerSizes, Activation.Sigmoid, seed: 1);
        var random = new Random(2);
        var x = Matrix<double>.Build.Dense(n, layerSizes[0], (_, _) => 2 * random.NextDouble() - 1);
        var y = Matrix<double>.Build.Dense(n, layerSizes[^1], (_, _) => random.NextDouble());
        return (network, x, y);
    }
}
