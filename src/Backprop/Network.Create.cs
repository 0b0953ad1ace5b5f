namespace Backprop;

/// <summary>Building a network: from its sizes (seeded), from explicit weights, or from another network.</summary>
public sealed partial class Network
{
    /// <summary>
    /// Builds a network from its sizes, one activation for every layer, e.g.
    /// <c>Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 1, firstLayerNumber: 95)</c>.
    /// Biases start at 0 in both bias modes, and W is drawn identically in both, so networks
    /// that differ only in <paramref name="bias"/> mode start from the same parameters.
    /// </summary>
    /// <param name="sizes">Input size, then each layer's size.</param>
    /// <param name="activation">σ of every layer.</param>
    /// <param name="seed">Seed of the initializer's random draws.</param>
    /// <param name="initializer">How W starts; Xavier when null.</param>
    /// <param name="bias">Bias mode.</param>
    /// <param name="firstLayerNumber">Number of the input layer, e.g. 95 for the article's labels.</param>
    public static Network Create(IReadOnlyList<int> sizes, Activation activation, int seed = 0,
        Initializer? initializer = null, BiasMode bias = BiasMode.None, int firstLayerNumber = 0)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        return Create(sizes, Enumerable.Repeat(activation, Math.Max(0, sizes.Count - 1)).ToArray(), seed, initializer, bias, firstLayerNumber);
    }

    /// <summary>Builds a network from its sizes with one activation per layer (e.g. a linear output).</summary>
    /// <param name="sizes">Input size, then each layer's size.</param>
    /// <param name="activations">σ of each layer, first to last: one fewer than <paramref name="sizes"/>.</param>
    /// <param name="seed">Seed of the initializer's random draws.</param>
    /// <param name="initializer">How W starts; Xavier when null.</param>
    /// <param name="bias">Bias mode.</param>
    /// <param name="firstLayerNumber">Number of the input layer, e.g. 95 for the article's labels.</param>
    public static Network Create(IReadOnlyList<int> sizes, IReadOnlyList<Activation> activations, int seed = 0,
        Initializer? initializer = null, BiasMode bias = BiasMode.None, int firstLayerNumber = 0)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(activations);
        if (sizes.Count < 2)
            throw new ArgumentException($"A network needs at least two sizes, the input's and one layer's; got [{string.Join(", ", sizes)}]", nameof(sizes));
        for (var i = 0; i < sizes.Count; i++)
        {
            if (sizes[i] <= 0)
                throw new ArgumentException($"Layer L{firstLayerNumber + i} has size {sizes[i]}; every layer needs at least one neuron", nameof(sizes));
        }

        if (activations.Count != sizes.Count - 1)
            throw new ArgumentException($"{sizes.Count} sizes make {sizes.Count - 1} layers, which need {sizes.Count - 1} activations; got {activations.Count}", nameof(activations));

        initializer ??= Initializer.Xavier;
        var random = new Random(seed);
        var layers = new List<Layer>();
        for (var l = 1; l < sizes.Count; l++)
        {
            var w = initializer.Create(sizes[l - 1], sizes[l], random);
            if (bias == BiasMode.OnesColumn) w = w.Stack(Matrix<double>.Build.Dense(1, sizes[l])); // bias row starts at 0
            var b = bias == BiasMode.Vector ? Matrix<double>.Build.Dense(1, sizes[l]) : null;
            layers.Add(new Layer(firstLayerNumber + l, sizes[l - 1], activations[l - 1] ?? throw new ArgumentNullException(nameof(activations)), bias, w, b));
        }
        return new Network(sizes[0], firstLayerNumber, bias, layers);
    }

    /// <summary>
    /// Builds a network from explicit weights, for examples worked out by hand. With biases the
    /// mode is <see cref="BiasMode.Vector"/>; a weight matrix one row taller than its input
    /// needs <paramref name="bias"/> = <see cref="BiasMode.OnesColumn"/>. The matrices are copied.
    /// </summary>
    /// <param name="weights">W of each layer, (k×j), first to last.</param>
    /// <param name="activations">σ of each layer; a single entry applies to all.</param>
    /// <param name="biases">b of each layer, (1×j), or null.</param>
    /// <param name="bias">Bias mode when <paramref name="biases"/> is null: None or OnesColumn.</param>
    /// <param name="firstLayerNumber">Number of the input layer.</param>
    public static Network FromWeights(IReadOnlyList<Matrix<double>> weights, IReadOnlyList<Activation> activations,
        IReadOnlyList<Matrix<double>>? biases = null, BiasMode bias = BiasMode.None, int firstLayerNumber = 0)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(activations);
        if (weights.Count == 0) throw new ArgumentException("A network needs at least one weight matrix", nameof(weights));
        if (activations.Count != 1 && activations.Count != weights.Count)
            throw new ArgumentException($"{weights.Count} weight matrices need 1 or {weights.Count} activations; got {activations.Count}", nameof(activations));
        if (biases is not null) bias = BiasMode.Vector;
        if (biases is not null && biases.Count != weights.Count)
            throw new ArgumentException($"{weights.Count} weight matrices need {weights.Count} bias rows; got {biases.Count}", nameof(biases));

        var extraRow = bias == BiasMode.OnesColumn ? 1 : 0;
        var layers = new List<Layer>();
        for (var l = 0; l < weights.Count; l++)
        {
            var number = firstLayerNumber + l + 1;
            var w = weights[l];
            var k = w.RowCount - extraRow;
            if (k <= 0) throw new ArgumentException($"W_L{number} {Shape.Of(w)} has no rows for inputs" + (extraRow == 1 ? " besides the bias row" : ""), nameof(weights));
            if (l > 0 && k != weights[l - 1].ColumnCount)
            {
                throw new ShapeException($"W_L{number} {Shape.Of(w)} follows W_L{number - 1} {Shape.Of(weights[l - 1])}: " +
                    $"L{number - 1} has {weights[l - 1].ColumnCount} neurons, so W_L{number} must have {weights[l - 1].ColumnCount + extraRow} rows");
            }

            var b = biases?[l];
            if (b is not null && (b.RowCount != 1 || b.ColumnCount != w.ColumnCount))
                throw new ShapeException($"b_L{number} {Shape.Of(b)} must be (1×{w.ColumnCount}): one bias per neuron of L{number}");
            layers.Add(new Layer(number, k, activations.Count == 1 ? activations[0] : activations[l], bias, w.Clone(), b?.Clone()));
        }
        return new Network(layers[0].InputSize, firstLayerNumber, bias, layers);
    }

    /// <summary>A deep copy: the copy trains independently.</summary>
    public Network Clone() => FromWeights(
        Layers.Select(l => l.W).ToArray(), Layers.Select(l => l.Activation).ToArray(),
        BiasMode == BiasMode.Vector ? Layers.Select(l => l.B!).ToArray() : null, BiasMode, InputNumber);

    /// <summary>
    /// The same function with its bias in another form: a separate bias row b becomes the last
    /// row of a taller W, and back. Both networks compute the same outputs and gradients.
    /// </summary>
    public Network WithBiasMode(BiasMode mode)
    {
        if (mode == BiasMode) return Clone();
        if (BiasMode == BiasMode.Vector && mode == BiasMode.OnesColumn)
        {
            return FromWeights(Layers.Select(l => l.W.Stack(l.B!)).ToArray(), Layers.Select(l => l.Activation).ToArray(),
                null, BiasMode.OnesColumn, InputNumber);
        }

        if (BiasMode == BiasMode.OnesColumn && mode == BiasMode.Vector)
        {
            return FromWeights(Layers.Select(l => l.W.SubMatrix(0, l.InputSize, 0, l.Size)).ToArray(), Layers.Select(l => l.Activation).ToArray(),
                Layers.Select(l => l.W.SubMatrix(l.InputSize, 1, 0, l.Size)).ToArray(), BiasMode.Vector, InputNumber);
        }

        throw new ArgumentException($"A network with bias mode {BiasMode} cannot be rewritten as {mode} without changing what it computes", nameof(mode));
    }
}
