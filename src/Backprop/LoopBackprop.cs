namespace Backprop;

/// <summary>
/// The backward pass in the article's loop form: start from ∂L/∂O = O − Y at the output, walk
/// the layers from last to first, and let each layer turn the ∂L it receives into its ΔW and
/// the ∂L it passes down.
/// </summary>
public static class LoopBackprop
{
    /// <summary>
    /// Computes ∂L/∂W (and ∂L/∂b) for every layer of <paramref name="forward"/>'s network, for the
    /// whole batch, from the weights as they were in the forward pass. Changes nothing:
    /// calling it twice gives the same answer.
    /// </summary>
    /// <param name="forward">A forward pass over X, (n×k).</param>
    /// <param name="labels">Y, (n×j_out).</param>
    /// <param name="loss">The loss, with its reduction over n.</param>
    /// <param name="step">The equations; the engine's (<see cref="BackwardStep.Correct"/>) when null.</param>
    public static Gradients Backward(ForwardPass forward, Matrix<double> labels, SquaredLoss loss, BackwardStep? step = null)
    {
        step ??= BackwardStep.Correct;
        var dLossDO = Backpropagation.LossDerivative(forward, labels, loss, step);
        var layers = new LayerGradients[forward.Layers.Count];
        for (var l = layers.Length - 1; l >= 0; l--)
        {
            layers[l] = forward.Layers[l].Layer.Backward(forward.Layers[l], dLossDO, step);
            dLossDO = layers[l].DLossDInput; // ∂L propagates down one layer
        }
        return new Gradients(layers) { Reduction = loss.Reduction };
    }
}
