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
    /// first layer. The result's <see cref="Gradients.Calls"/> records every call and return.
    /// </summary>
    /// <param name="forward">A forward pass over X, (n×k).</param>
    /// <param name="labels">Y, (n×j_out).</param>
    /// <param name="loss">The loss, with its reduction over n.</param>
    /// <param name="step">The equations; the engine's (<see cref="BackwardStep.Correct"/>) when null.</param>
    public static Gradients Backward(ForwardPass forward, Matrix<double> labels, SquaredLoss loss, BackwardStep? step = null)
    {
        ArgumentNullException.ThrowIfNull(forward);
        step ??= BackwardStep.Correct;
        var layers = new LayerGradients[forward.Layers.Count];
        var calls = new List<RecursionEvent>();
        Backprop(0);
        return new Gradients(layers) { Reduction = loss.Reduction, Calls = calls };

        // Does layer l's step and returns its gradients; the ∂L it passes down is what layer l − 1 receives.
        LayerGradients Backprop(int l)
        {
            var layer = forward.Layers[l].Layer;
            calls.Add(new(CallEvent.Call, l, layer.Name));
            var dLossDO = l == layers.Length - 1
                ? Backpropagation.LossDerivative(forward, labels, loss, step)
                : Backprop(l + 1).DLossDInput;
            layers[l] = layer.Backward(forward.Layers[l], dLossDO, step);
            calls.Add(new(CallEvent.Return, l, layer.Name));
            return layers[l];
        }
    }
}

/// <summary>Whether a <see cref="RecursionEvent"/> is a call of backprop(layer) or its return.</summary>
public enum CallEvent
{
    /// <summary>backprop(layer) starts: it will first ask the layer above.</summary>
    Call,

    /// <summary>backprop(layer) has done its layer's step and returns what it passes down.</summary>
    Return,
}

/// <summary>One call or return of the recursive backward pass, in the order it happened.</summary>
/// <param name="Event">Call or return.</param>
/// <param name="Depth">How deep the recursion is: 0 for the first layer, one more per layer up.</param>
/// <param name="Layer">The layer, e.g. "L97".</param>
public sealed record RecursionEvent(CallEvent Event, int Depth, string Layer);
