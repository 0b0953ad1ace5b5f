namespace Backprop.Data;

/// <summary>The course's small built-in data sets, all deterministic.</summary>
public static class Datasets
{
    private static readonly double[,] TruthTableInputs = { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } };

    /// <summary>AND: 1 only when both inputs are 1. X (4×2), Y (4×1).</summary>
    public static Dataset And => TruthTable("AND", 0, 0, 0, 1);

    /// <summary>OR: 1 when either input is 1. X (4×2), Y (4×1).</summary>
    public static Dataset Or => TruthTable("OR", 0, 1, 1, 1);

    /// <summary>XOR: 1 when exactly one input is 1; no single straight line separates it. X (4×2), Y (4×1).</summary>
    public static Dataset Xor => TruthTable("XOR", 0, 1, 1, 0);

    /// <summary>
    /// The 5-feature data for the 5-2-4-3-3-1 network: features uniform in [−1, 1] and a target in
    /// (0.1, 0.9), a smooth non-linear function of the features that a sigmoid output can reach.
    /// X (n×5), Y (n×1).
    /// </summary>
    public static Dataset Synthetic(int n = 64, int seed = 0)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "A data set needs at least one instance");
        var random = new Random(seed);
        var x = Matrix<double>.Build.Dense(n, 5, (_, _) => 2 * random.NextDouble() - 1);
        var y = Matrix<double>.Build.Dense(n, 1, (i, _) =>
        {
            var s = 2 * x[i, 0] * x[i, 1] - 1.5 * x[i, 2] + Math.Sin(Math.PI * x[i, 3]) - x[i, 4] * x[i, 4] + 0.3;
            return 0.1 + 0.8 / (1 + Math.Exp(-s));
        });
        return new Dataset("synthetic 5→1", x, y);
    }

    /// <summary>
    /// Two interleaving half circles ("moons"), classes 0 and 1, with Gaussian noise: a 2-D set
    /// that needs a curved decision boundary. X (n×2), Y (n×1).
    /// </summary>
    public static Dataset Moons(int n = 200, double noise = 0.1, int seed = 0)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "Moons needs at least two instances, one per class");
        if (!double.IsFinite(noise) || noise < 0) throw new ArgumentOutOfRangeException(nameof(noise), noise, "Noise must be a finite number ≥ 0");
        var random = new Random(seed);
        var x = Matrix<double>.Build.Dense(n, 2);
        var y = Matrix<double>.Build.Dense(n, 1);
        for (var i = 0; i < n; i++)
        {
            var upper = i % 2 == 0;
            var t = Math.PI * random.NextDouble();
            x[i, 0] = upper ? Math.Cos(t) : 1 - Math.Cos(t);
            x[i, 1] = upper ? Math.Sin(t) : 0.5 - Math.Sin(t);
            x[i, 0] += noise * Gaussian(random);
            x[i, 1] += noise * Gaussian(random);
            y[i, 0] = upper ? 0 : 1;
        }
        return new Dataset("moons", x, y);
    }

    /// <summary>
    /// Points on the line y = slope·x + intercept for x evenly spaced in [−1, 1]: with an intercept
    /// other than 0 the line misses the origin, which a network without bias cannot follow.
    /// X (n×1), Y (n×1).
    /// </summary>
    public static Dataset Line(int n = 21, double slope = 0.5, double intercept = 0.7)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "A line needs at least two points");
        var x = Matrix<double>.Build.Dense(n, 1, (i, _) => -1 + 2.0 * i / (n - 1));
        return new Dataset(FormattableString.Invariant($"line y = {slope}x + {intercept}"), x, x.Map(v => slope * v + intercept));
    }

    private static Dataset TruthTable(string name, params double[] outputs) =>
        new(name, Matrix<double>.Build.DenseOfArray(TruthTableInputs), Matrix<double>.Build.Dense(4, 1, outputs));

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
