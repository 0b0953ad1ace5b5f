namespace Backprop;

/// <summary>
/// The result of a complete backward pass: one <see cref="LayerGradients"/> per layer, first to
/// last. Only a complete backward pass produces one, and <see cref="Network.Update"/> takes one
/// whole, so weights cannot change half-way through backpropagation.
/// </summary>
public sealed class Gradients
{
    /// <summary>
    /// Wraps one <see cref="LayerGradients"/> per layer, first to last. Public so that a learner
    /// can write a backward pass of their own and hand it to <see cref="GradientCheck"/>.
    /// </summary>
    public Gradients(IReadOnlyList<LayerGradients> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Any(l => l is null))
            throw new ArgumentException("Every layer needs its gradients: a backward pass must be complete before it is used", nameof(layers));
        Layers = layers;
    }

    /// <summary>Per layer, first to last.</summary>
    public IReadOnlyList<LayerGradients> Layers { get; }

    /// <summary>The reduction of the loss these gradients are of: sum (the default) or mean over n.</summary>
    public LossReduction Reduction { get; init; }

    /// <summary>The recursive form's calls and returns in order (<see cref="RecursiveBackprop"/>); null for the loop form.</summary>
    public IReadOnlyList<RecursionEvent>? Calls { get; init; }

    /// <summary>The gradients of layer <paramref name="index"/> (0 = first layer).</summary>
    public LayerGradients this[int index] => Layers[index];

    /// <summary>How many layers.</summary>
    public int Count => Layers.Count;

    /// <summary>Per layer, the norm of its gradient (for vanishing-gradient plots).</summary>
    public IReadOnlyList<double> Norms => Layers.Select(g => g.Norm).ToArray();

    /// <summary>
    /// The element-wise sum of several gradients of the same network: used to show that the batch
    /// gradient equals the sum of the per-instance gradients.
    /// </summary>
    public static Gradients Sum(IReadOnlyList<Gradients> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) throw new ArgumentException("Sum needs at least one set of gradients", nameof(parts));
        var layers = Enumerable.Range(0, parts[0].Count).Select(l =>
        {
            var first = parts[0][l];
            var dW = first.DLossDW.Clone();
            var dB = first.DLossDB?.Clone();
            foreach (var part in parts.Skip(1))
            {
                if (part.Count != parts[0].Count)
                    throw new ArgumentException($"Cannot add gradients of {part.Count} layers to gradients of {parts[0].Count} layers", nameof(parts));
                Check.SameShape($"{first.Layer.Name} gradient sum", "the added ∂L/∂W", part[l].DLossDW, $"∂L/∂W_{first.Layer.Name}", dW);
                dW += part[l].DLossDW;
                if (dB is not null && part[l].DLossDB is { } b) dB += b;
            }
            // Only ∂L/∂W and ∂L/∂b add up across instances; the per-instance factors (n×j) do not.
            return first with { DLossDW = dW, DLossDB = dB };
        }).ToArray();
        return new Gradients(layers) { Reduction = parts[0].Reduction };
    }
}
