namespace Backprop;

/// <summary>
/// The result of a forward pass over a batch: every layer's input, Z and O, kept for the
/// backward pass. A forward pass is the only place outputs are computed: training and
/// prediction both use it.
/// </summary>
/// <param name="Network">The network that ran.</param>
/// <param name="X">The batch, (n×k): one row per instance.</param>
/// <param name="Layers">Per layer, first to last.</param>
public sealed record ForwardPass(Network Network, Matrix<double> X, IReadOnlyList<LayerState> Layers)
{
    /// <summary>O of the output layer, (n×j_out).</summary>
    public Matrix<double> Output => Layers[^1].O;

    /// <summary>The loss of this pass's output against <paramref name="labels"/>.</summary>
    public double Loss(Matrix<double> labels, SquaredLoss loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        Network.CheckLabels(X, labels);
        return loss.Value(Output, labels);
    }
}
