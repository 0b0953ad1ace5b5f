namespace Backprop.Notebooks;

/// <summary>
/// The engine's versions of lesson 06's five pieces, with the learner's signatures: what the
/// checks compare with, and what the cells below an exercise use until the learner's version is
/// right. Each one builds an engine network from the plain matrices (sigmoid layers, a bias
/// vector each, numbered so that the output is L100) and lets the engine compute.
/// </summary>
public static class EngineFunctions
{
    private static readonly SquaredLoss SquaredLoss = new();

    /// <summary><see cref="Network.Forward"/>: every layer's Z and O.</summary>
    public static ForwardFunction Forward { get; } = (x, w, b) =>
    {
        var forward = NetworkOf(w, b).Forward(x);
        return (forward.Layers.Select(s => s.Z).ToArray(), forward.Layers.Select(s => s.O).ToArray());
    };

    /// <summary><see cref="SquaredLoss.Value"/> and <see cref="SquaredLoss.Derivative"/>, summed over n.</summary>
    public static LossFunction Loss { get; } = (o, y) => (SquaredLoss.Value(o, y), SquaredLoss.Derivative(o, y));

    /// <summary><see cref="Layer.Backward"/> from the output layer down, on the given Z and O.</summary>
    public static BackwardFunction Backward { get; } = (x, w, z, o, dLossDO) =>
    {
        var network = NetworkOf(w, null);
        var dW = new Matrix<double>[w.Length];
        var dB = new Matrix<double>[w.Length];
        for (var l = w.Length - 1; l >= 0; l--)
        {
            var layer = network.Layers[l];
            var state = new LayerState(layer, l == 0 ? x : o[l - 1], layer.W, layer.B, z[l], o[l]);
            var g = layer.Backward(state, dLossDO);
            (dW[l], dB[l], dLossDO) = (g.DLossDW, g.DLossDB!, g.DLossDInput);
        }
        return (dW, dB);
    };

    /// <summary><see cref="Network.Update"/>: W ← W − α · ∂L/∂W and b ← b − α · ∂L/∂b; the given matrices are not changed.</summary>
    public static UpdateFunction Update { get; } = (w, b, dLossDW, dLossDB, alpha) =>
    {
        var network = NetworkOf(w, b);
        network.Update(new Gradients(network.Layers.Select((layer, l) =>
            new LayerGradients(layer, Unused(layer), Unused(layer), dLossDW[l], dLossDB[l], Unused(layer))).ToArray()), alpha);
        return (network.Layers.Select(l => l.W).ToArray(), network.Layers.Select(l => l.B!).ToArray());
    };

    /// <summary><see cref="Trainer.Train(Network, Matrix{double}, Matrix{double}, TrainingOptions)"/> with mini-batches: the weights after training and the loss of every epoch.</summary>
    public static TrainFunction Train { get; } = (x, y, w, b, epochs, batchSize, alpha, seed) =>
    {
        var network = NetworkOf(w, b);
        var history = Trainer.Train(network, x, y, new TrainingOptions { Epochs = epochs, Alpha = alpha, BatchSize = batchSize, Seed = seed });
        return (network.Layers.Select(l => l.W).ToArray(), network.Layers.Select(l => l.B!).ToArray(), history.Losses.ToArray());
    };

    /// <summary>
    /// The engine's network with these weights: sigmoid in every layer, a bias vector each (zeros
    /// when <paramref name="b"/> is null), layers numbered so that the last one is L100.
    /// </summary>
    /// <param name="w">W of each layer, (k×j).</param>
    /// <param name="b">b of each layer, (1×j), or null for zeros.</param>
    public static Network NetworkOf(IReadOnlyList<Matrix<double>> w, IReadOnlyList<Matrix<double>>? b)
    {
        ArgumentNullException.ThrowIfNull(w);
        b ??= w.Select(m => Matrix<double>.Build.Dense(1, m.ColumnCount)).ToArray();
        return Network.FromWeights(w, [Activation.Sigmoid], b, firstLayerNumber: FirstLayerNumber(w.Count));
    }

    /// <summary>The input layer's number when the output is L100: 95 for five layers.</summary>
    public static int FirstLayerNumber(int layers) => 100 - layers;

    /// <summary>The name of layer <paramref name="l"/> of <paramref name="layers"/> when the output is L100: "L96" for l = 0 of 5.</summary>
    public static string LayerName(int l, int layers) => $"L{FirstLayerNumber(layers) + 1 + l}";

    /// <summary>The update reads only ∂L/∂W and ∂L/∂b; the other factors of a layer's gradients are not needed.</summary>
    private static Matrix<double> Unused(Layer layer) => Matrix<double>.Build.Dense(1, layer.Size);
}
