namespace Backprop;

/// <summary>
/// How a weight matrix W (k×j) gets its first values. k is the fan-in (inputs per neuron) and j
/// the fan-out. The draws come from <see cref="Random"/> with a seed, whose sequence is the same
/// on every machine and .NET version, so a seed reproduces a network exactly.
/// </summary>
public abstract class Initializer
{
    /// <summary>All zeros: every neuron of a layer starts equal and stays equal (the symmetry problem).</summary>
    public static Initializer Zeros { get; } = new ZerosInitializer();

    /// <summary>Uniform on [−limit, limit]. The default, ±1, is the classic "2·rand − 1".</summary>
    public static Initializer Uniform(double limit = 1.0) => new UniformInitializer(limit);

    /// <summary>Normal with mean 0 and the given standard deviation.</summary>
    public static Initializer Normal(double standardDeviation = 1.0) => new NormalInitializer(standardDeviation);

    /// <summary>Xavier/Glorot uniform: limit √(6 / (k + j)); keeps the signal's size steady for sigmoid and tanh.</summary>
    public static Initializer Xavier { get; } = new XavierInitializer();

    /// <summary>He normal: standard deviation √(2 / k); made for ReLU, which zeroes half its inputs.</summary>
    public static Initializer He { get; } = new HeInitializer();

    /// <summary>Short name for charts and tables, e.g. "xavier".</summary>
    public abstract string Name { get; }

    /// <summary>A (rows×columns) matrix whose values are drawn row by row from <paramref name="random"/>.</summary>
    /// <param name="rows">k, the number of inputs.</param>
    /// <param name="columns">j, the number of neurons.</param>
    /// <param name="random">The seeded source of randomness.</param>
    public Matrix<double> Create(int rows, int columns, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var w = Matrix<double>.Build.Dense(rows, columns);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
                w[r, c] = Draw(random, rows, columns);
        }

        return w;
    }

    /// <summary>One value for a weight of a layer with <paramref name="fanIn"/> inputs and <paramref name="fanOut"/> neurons.</summary>
    protected abstract double Draw(Random random, int fanIn, int fanOut);

    /// <summary>A standard normal sample (Box–Muller), from two uniform draws.</summary>
    protected static double StandardNormal(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var u1 = 1.0 - random.NextDouble(); // (0, 1]: keeps Log finite
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private sealed class ZerosInitializer : Initializer
    {
        public override string Name => "zeros";
        protected override double Draw(Random random, int fanIn, int fanOut) => 0.0;
    }

    private sealed class UniformInitializer(double limit) : Initializer
    {
        public override string Name => FormattableString.Invariant($"uniform ±{limit:0.###}");
        protected override double Draw(Random random, int fanIn, int fanOut) => (2.0 * random.NextDouble() - 1.0) * limit;
    }

    private sealed class NormalInitializer(double standardDeviation) : Initializer
    {
        public override string Name => FormattableString.Invariant($"normal σ={standardDeviation:0.###}");
        protected override double Draw(Random random, int fanIn, int fanOut) => StandardNormal(random) * standardDeviation;
    }

    private sealed class XavierInitializer : Initializer
    {
        public override string Name => "xavier";
        protected override double Draw(Random random, int fanIn, int fanOut) =>
            (2.0 * random.NextDouble() - 1.0) * Math.Sqrt(6.0 / (fanIn + fanOut));
    }

    private sealed class HeInitializer : Initializer
    {
        public override string Name => "he";
        protected override double Draw(Random random, int fanIn, int fanOut) => StandardNormal(random) * Math.Sqrt(2.0 / fanIn);
    }
}
