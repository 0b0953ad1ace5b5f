namespace Backprop;

/// <summary>What both forms of the backward pass share: where ∂L starts.</summary>
internal static class Backpropagation
{
    /// <summary>
    /// ∂L/∂O of the output layer = O − Y (divided by n for a mean loss), (n×j_out): the first
    /// loss derivative, which every layer below receives in turn.
    /// </summary>
    public static Matrix<double> LossDerivative(ForwardPass forward, Matrix<double> labels, SquaredLoss loss, ShapeTrace? trace)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(loss);
        forward.Network.CheckLabels(forward.X, labels);
        var output = forward.Layers[^1];
        var dLossDO = loss.Derivative(output.O, labels);
        var name = output.Layer.Name;
        trace?.Add(Pass.Backward, name, $"∂L/∂O_{name}",
            Operation.Subtract, loss.Reduction == LossReduction.Mean ? $"(O_{name} − Y) / n" : $"O_{name} − Y",
            Shape.Of(dLossDO), false, Shape.Of(output.O), Shape.Of(labels));
        return dLossDO;
    }
}
