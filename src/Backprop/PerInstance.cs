namespace Backprop;

/// <summary>
/// Gradients one instance at a time: the batch gradient is the sum of these ("n is lost in the
/// matrix product": every backward product over the batch adds up the instances).
/// </summary>
public static class PerInstance
{
    /// <summary>The gradients of each instance of X, each from a batch of one (1×k).</summary>
    public static IReadOnlyList<Gradients> Gradients(Network network, Matrix<double> x, Matrix<double> labels, SquaredLoss? loss = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(x);
        network.CheckInput(x);
        network.CheckLabels(x, labels);
        loss ??= new SquaredLoss();
        return Enumerable.Range(0, x.RowCount).Select(i =>
        {
            var xi = x.SubMatrix(i, 1, 0, x.ColumnCount);
            var yi = labels.SubMatrix(i, 1, 0, labels.ColumnCount);
            return network.Backward(network.Forward(xi), yi, loss);
        }).ToArray();
    }

    /// <summary>Σ over instances of the per-instance gradients; equals the batch gradient under a summed loss.</summary>
    public static Gradients Sum(Network network, Matrix<double> x, Matrix<double> labels, SquaredLoss? loss = null) =>
        Backprop.Gradients.Sum(Gradients(network, x, labels, loss));
}
