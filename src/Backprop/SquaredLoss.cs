namespace Backprop;

/// <summary>How the squared loss combines the n instances of a batch.</summary>
public enum LossReduction
{
    /// <summary>
    /// L = ½ Σ (O − Y)² over all instances: the gradient grows with n, so a good α shrinks as
    /// the batch grows. This is what the article's diagrams compute.
    /// </summary>
    Sum,

    /// <summary>
    /// L = (1/n) · ½ Σ (O − Y)²: the gradient is an average, so α means the same for any n.
    /// </summary>
    Mean,
}

/// <summary>
/// The squared loss L = ½ Σ (O − Y)² and its derivative ∂L/∂O = O − Y ("output − labels"),
/// with the reduction over the n instances stated explicitly.
/// </summary>
/// <param name="Reduction">Sum or mean over the n instances.</param>
public sealed record SquaredLoss(LossReduction Reduction = LossReduction.Sum)
{
    /// <summary>½ Σ (O − Y)², divided by n when the reduction is <see cref="LossReduction.Mean"/>.</summary>
    /// <param name="output">O of the output layer, (n×j).</param>
    /// <param name="labels">Y, (n×j).</param>
    public double Value(Matrix<double> output, Matrix<double> labels)
    {
        Check.SameShape("loss", "labels Y", labels, "the output O", output);
        var sum = 0.0;
        for (var i = 0; i < output.RowCount; i++)
        {
            for (var j = 0; j < output.ColumnCount; j++)
            {
                var e = output[i, j] - labels[i, j];
                sum += e * e;
            }
        }

        return 0.5 * sum / Divisor(output);
    }

    /// <summary>∂L/∂O = O − Y (divided by n for the mean), (n×j): where backpropagation starts.</summary>
    public Matrix<double> Derivative(Matrix<double> output, Matrix<double> labels)
    {
        Check.SameShape("loss derivative", "labels Y", labels, "the output O", output);
        var d = output - labels;
        return Reduction == LossReduction.Mean ? d / output.RowCount : d;
    }

    private double Divisor(Matrix<double> output) => Reduction == LossReduction.Mean ? output.RowCount : 1.0;
}
