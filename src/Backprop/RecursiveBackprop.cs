namespace Backprop;

/// <summary>
/// The backward pass in the article's recursive form: backprop(layer) first asks the layer
/// above for the ∂L it passes down (recursing until the output, where ∂L = O − Y), then does
/// its own layer's step. Same per-layer step as <see cref="LoopBackprop"/>, different control flow.
/// </summary>
public static class RecursiveBackprop
{
    /// <summary>
    /// Computes the same gradients as <see cref="LoopBackprop.Backward"/>, by recursion from the
    /// first layer. With a trace, each row carries the depth of the call that recorded it.
    /// </summary>
    /// <param name="forward">A forward pass over X, (n×k).</param>
    /// <param name="labels">Y, (n×j_out).</param>
    /// <param name="loss">The loss, with its reduction over n.</param>
    /// <param name="trace">Optional recorder of every operation's shapes and recursion depth.</param>
    public static Gradients Backward(ForwardPass forward, Matrix<double> labels, SquaredLoss loss, ShapeTrace? trace = null)
    {
        ArgumentNullException.ThrowIfNull(forward);
        var layers = new LayerGradients[forward.Layers.Count];
        Backprop(0);
        if (trace is not null) trace.Depth = 0;
        return new Gradients(layers);

        // Returns layer l's gradients; the ∂L it passes down is what layer l − 1 receives.
        LayerGradients Backprop(int l)
        {
            var dLossDO = l == layers.Length - 1
                ? Backpropagation.LossDerivative(forward, labels, loss, WithDepth(l))
                : Backprop(l + 1).DLossDInput;
            layers[l] = forward.Layers[l].Layer.Backward(forward.Layers[l], dLossDO, WithDepth(l));
            return layers[l];
        }

        ShapeTrace? WithDepth(int depth)
        {
            if (trace is not null) trace.Depth = depth;
            return trace;
        }
    }
}
