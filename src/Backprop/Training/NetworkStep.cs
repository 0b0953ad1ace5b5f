namespace Backprop;

/// <summary>
/// The engine's own training step, the one <see cref="Trainer.Train(Network, Matrix{double}, Matrix{double}, TrainingOptions)"/>
/// runs: the three calls of the article, <see cref="Network.Forward"/>, a backward pass and
/// <see cref="Network.Update"/>, on the network's own weights.
/// </summary>
/// <param name="network">The network to train.</param>
/// <param name="x">X, (n×k).</param>
/// <param name="labels">Y, (n×j_out).</param>
/// <param name="backward">The backward pass; the loop form when null.</param>
/// <param name="updateRule">The update line; W − ΔW when null.</param>
internal sealed class NetworkStep(Network network, Matrix<double> x, Matrix<double> labels,
    Func<ForwardPass, Matrix<double>, SquaredLoss, Gradients>? backward,
    Func<Matrix<double>, Matrix<double>, Matrix<double>>? updateRule = null) : ITrainingStep
{
    private ForwardPass? forward;
    private Matrix<double>? batchLabels;
    private Gradients? gradients;

    public Network Network => network;

    public int Instances => x.RowCount;

    public double Forward(ReadOnlySpan<int> batch, SquaredLoss loss)
    {
        // The full batch is X itself; a mini-batch is its instances' rows, in the batch's order.
        var full = batch.Length == x.RowCount;
        batchLabels = full ? labels : Rows(labels, batch);
        forward = network.Forward(full ? x : Rows(x, batch));
        return forward.Loss(batchLabels, loss);
    }

    public void Backward(SquaredLoss loss) =>
        gradients = backward is null ? LoopBackprop.Backward(forward!, batchLabels!, loss) : backward(forward!, batchLabels!, loss);

    public void Update(double alpha) => network.Update(gradients!, alpha, updateRule);

    public double GradientNorm(int layer) => gradients![layer].Norm;

    public void Finish()
    {
        // Nothing to put back: every update went into the network's own weights.
    }

    public ForwardPass LastForward() => forward!;

    private static Matrix<double> Rows(Matrix<double> m, ReadOnlySpan<int> rows)
    {
        var picked = Matrix<double>.Build.Dense(rows.Length, m.ColumnCount);
        for (var i = 0; i < rows.Length; i++) picked.SetRow(i, m.Row(rows[i]));
        return picked;
    }
}
