namespace Backprop;

/// <summary>What both forms of the backward pass share: where ∂L starts.</summary>
internal static class Backpropagation
{
    /// <summary>
    /// ∂L/∂O of the output layer = O − Y (divided by n for a mean loss), (n×j_out): the first
    /// loss derivative, which every layer below receives in turn. Y is checked first.
    /// </summary>
    public static Matrix<double> LossDerivative(ForwardPass forward, Matrix<double> labels, SquaredLoss loss, BackwardStep step)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(loss);
        forward.Network.CheckLabels(forward.X, labels);
        var dLossDO = step.LossDerivative(forward.Output, labels, loss);
        var output = forward.Network.Output;
        Check.SameShape($"{output.Name} backward", $"∂L/∂O_{output.Name}", dLossDO, $"O_{output.Name}", forward.Output);
        return dLossDO;
    }
}
