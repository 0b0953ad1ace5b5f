using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Backprop.Fast;

/// <summary>
/// A training step on a <see cref="TrainingWorkspace"/>, for <see cref="Trainer"/>'s loop. The full
/// batch is read from X's and Y's own storage; a mini-batch's rows are gathered into buffers made
/// once, so a warmed-up step allocates nothing.
/// </summary>
internal sealed class WorkspaceStep : ITrainingStep
{
    private readonly TrainingWorkspace workspace;
    private readonly double[] xAll;
    private readonly double[] yAll;
    private readonly double[] xBatch;
    private readonly double[] yBatch;
    private readonly int features;
    private readonly int outputs;
    private double[] xb = [];
    private double[] yb = [];

    /// <param name="network">The network to train; it gets the trained weights in <see cref="Finish"/>.</param>
    /// <param name="x">X, (n×k), already checked.</param>
    /// <param name="labels">Y, (n×j_out), already checked.</param>
    /// <param name="batchSize">The largest batch the loop will ask for.</param>
    public WorkspaceStep(Network network, Matrix<double> x, Matrix<double> labels, int batchSize)
    {
        workspace = new TrainingWorkspace(network, batchSize);
        Instances = x.RowCount;
        features = x.ColumnCount;
        outputs = labels.ColumnCount;
        xAll = x.ToColumnMajorArray();
        yAll = labels.ToColumnMajorArray();
        xBatch = new double[batchSize * features];
        yBatch = new double[batchSize * outputs];
    }

    public Network Network => workspace.Network;

    public int Instances { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public double Forward(ReadOnlySpan<int> batch, SquaredLoss loss)
    {
        if (batch.Length == Instances)
        {
            (xb, yb) = (xAll, yAll); // the full batch, in the rows' own order
        }
        else
        {
            Gather(xAll, features, batch, xBatch);
            Gather(yAll, outputs, batch, yBatch);
            (xb, yb) = (xBatch, yBatch);
        }
        workspace.ForwardRows(xb, batch.Length);
        return workspace.LossOfOutput(yb, loss);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public void Backward(SquaredLoss loss) => workspace.BackwardFrom(yb, loss, xb);

    // Not a foreach over workspace.Layers: enumerating an IReadOnlyList allocates, 32 B a step.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public void Update(double alpha) => workspace.Update(alpha);

    /// <summary>
    /// √(Σ (∂L/∂W)² + Σ (∂L/∂b)²), the norm <see cref="LayerGradients.Norm"/> computes, summed over
    /// the arrays (MathNet's FrobeniusNorm allocates); equal to it up to rounding.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public double GradientNorm(int layer)
    {
        var fast = workspace.Layers[layer];
        return Math.Sqrt(TensorPrimitives.SumOfSquares<double>(fast.DW) + (fast.DB is null ? 0 : TensorPrimitives.SumOfSquares<double>(fast.DB)));
    }

    public void Finish() => workspace.WriteBack();

    /// <summary>The readable forward pass over the last batch, with the weights <see cref="Finish"/> wrote back.</summary>
    public ForwardPass LastForward() =>
        Network.Forward(Matrix<double>.Build.Dense(workspace.N, features, xb.AsSpan(0, workspace.N * features).ToArray()));

    /// <summary>The batch's rows of a column-major (n×columns) array, column-major into <paramref name="rows"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    private void Gather(double[] all, int columns, ReadOnlySpan<int> batch, double[] rows)
    {
        for (var c = 0; c < columns; c++)
        {
            for (var i = 0; i < batch.Length; i++)
                rows[c * batch.Length + i] = all[c * Instances + batch[i]];
        }
    }
}
