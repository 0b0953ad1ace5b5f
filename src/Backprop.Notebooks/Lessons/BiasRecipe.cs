namespace Backprop.Notebooks;

/// <summary>
/// The article's recipe for bias units, run literally (lesson 05): every hidden layer keeps one
/// extra neuron, the bias neuron, whose output should be 1. The forward pass computes it like
/// any other neuron (its own column of weights, zeros here), which overwrites the 1; the recipe
/// puts the 1 back right after each layer's forward step. Backward pass and update run as for any
/// neuron, and the update comes after the whole backward pass. Nothing here calls the engine's
/// passes, so the lesson can compare the two.
/// </summary>
public static class BiasRecipe
{
    private static readonly SquaredLoss Loss = new();   // ½ Σ (O − Y)², the engine's: the recipe is about the bias, not the loss

    /// <summary>
    /// Trains a copy of <paramref name="ones"/>'s weights with the recipe, full batch, summed
    /// squared loss; <paramref name="ones"/> itself is not changed.
    /// </summary>
    /// <param name="ones">A network whose layers all use <see cref="BiasMode.OnesColumn"/>: its weights are the start.</param>
    /// <param name="x">X, (n×k).</param>
    /// <param name="y">Y, (n×j_out).</param>
    /// <param name="epochs">How many steps.</param>
    /// <param name="alpha">α.</param>
    public static BiasRecipeRun Train(Network ones, Matrix<double> x, Matrix<double> y, int epochs, double alpha)
    {
        ArgumentNullException.ThrowIfNull(ones);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (ones.Layers.FirstOrDefault(l => l.BiasMode != BiasMode.OnesColumn) is { } other)
            throw new ArgumentException($"{other.Name} has bias mode {other.BiasMode}; the recipe needs every layer to read [O_prev | 1] (BiasMode.OnesColumn).", nameof(ones));
        if (epochs < 1) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "the recipe needs at least 1 epoch");

        var last = ones.Layers.Count - 1;
        // A hidden layer's W gets one more column, the weights into its bias neuron: ((k + 1)×(j + 1)).
        var w = ones.Layers.Select((layer, l) => l == last ? layer.W.Clone() : layer.W.Append(Matrix<double>.Build.Dense(layer.W.RowCount, 1))).ToArray();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var losses = new double[epochs];
        var (lowest, highest) = (double.PositiveInfinity, double.NegativeInfinity);
        var input = x.Append(Matrix<double>.Build.Dense(x.RowCount, 1, 1.0));   // the input layer's bias neuron
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var a = new Matrix<double>[w.Length + 1];   // each layer's neurons, bias neuron last
            var z = new Matrix<double>[w.Length];
            a[0] = input;
            for (var l = 0; l < w.Length; l++)
            {
                z[l] = a[l] * w[l];
                a[l + 1] = ones.Layers[l].Activation.Apply(z[l]);   // the forward pass overwrites the bias neuron too
                if (l == last) continue;
                var bias = a[l + 1].Column(w[l].ColumnCount - 1);
                (lowest, highest) = (Math.Min(lowest, bias.Minimum()), Math.Max(highest, bias.Maximum()));
                a[l + 1].SetColumn(w[l].ColumnCount - 1, Vector<double>.Build.Dense(x.RowCount, 1.0));   // the recipe: put the 1 back
            }

            losses[epoch] = Loss.Value(a[^1], y);
            var dLdO = Loss.Derivative(a[^1], y);   // O − Y
            var dW = new Matrix<double>[w.Length];
            for (var l = w.Length - 1; l >= 0; l--)   // the backward pass, as for any neuron
            {
                var delta = dLdO.PointwiseMultiply(ones.Layers[l].Activation.Derivative(z[l], a[l + 1]));
                dW[l] = a[l].TransposeThisAndMultiply(delta);
                dLdO = delta.TransposeAndMultiply(w[l]);
            }

            for (var l = 0; l < w.Length; l++) w[l] -= alpha * dW[l];   // after the whole backward pass
        }

        var biasWeights = w[..last].Select(m => m.Column(m.ColumnCount - 1).AbsoluteMaximum()).DefaultIfEmpty(0).Max();
        return new(new TrainingHistory([.. ones.Layers.Select(l => l.Name)], losses, [], clock.Elapsed), lowest, highest, biasWeights);
    }
}

/// <summary>What the recipe's run did.</summary>
/// <param name="History">The loss of each epoch, as a training history for the charts.</param>
/// <param name="LowestBeforeReset">The smallest value the forward pass wrote into a bias neuron, before the reset.</param>
/// <param name="HighestBeforeReset">The largest such value.</param>
/// <param name="LargestBiasNeuronWeight">The largest |weight| into a bias neuron after training: they start at 0 and receive no gradient.</param>
public sealed record BiasRecipeRun(TrainingHistory History, double LowestBeforeReset, double HighestBeforeReset, double LargestBiasNeuronWeight);
