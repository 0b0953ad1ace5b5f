namespace Backprop.Fast;

/// <summary>
/// The readable gradient check (<see cref="GradientCheck.Compare"/>: the same per-layer loop,
/// comparison, ε and thresholds, so the same verdicts) with the fast path doing the work: the
/// analytic gradients come from a <see cref="TrainingWorkspace"/>'s backward pass, and each of the
/// four losses per nudged weight from its forward pass. The network's weights are not touched.
/// </summary>
public static class FastGradientCheck
{
    /// <summary>
    /// Checks the fast path's backward pass against finite differences of its own forward pass,
    /// for every parameter or a seeded sample of <paramref name="samplesPerLayer"/> entries per matrix.
    /// </summary>
    /// <param name="network">The network; the check runs on a copy of its weights.</param>
    /// <param name="x">X, (n×k).</param>
    /// <param name="labels">Y, (n×j_out).</param>
    /// <param name="loss">The loss; sum over n when null.</param>
    /// <param name="samplesPerLayer">Entries per parameter matrix to check; all when null.</param>
    /// <param name="seed">Seed of the sample.</param>
    /// <param name="epsilon">ε of the central difference.</param>
    public static GradientCheckResult Run(Network network, Matrix<double> x, Matrix<double> labels, SquaredLoss? loss = null,
        int? samplesPerLayer = null, int seed = 0, double epsilon = GradientCheck.DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(x);
        loss ??= new SquaredLoss();
        var workspace = new TrainingWorkspace(network, Math.Max(1, x.RowCount));
        workspace.Forward(x);
        workspace.Backward(labels, loss);
        return GradientCheck.Compare(new WorkspaceCheckTarget(workspace, x, labels, loss), samplesPerLayer, seed, epsilon);
    }

    /// <summary>
    /// The workspace's weights and gradients, as matrices over its own arrays: the check's nudges
    /// change the weights its forward pass reads, and the network's own weights are not touched.
    /// </summary>
    private sealed class WorkspaceCheckTarget(TrainingWorkspace workspace, Matrix<double> x, Matrix<double> labels, SquaredLoss loss) : IGradientCheckTarget
    {
        public Network Network => workspace.Network;

        public LayerParameters Parameters(int layer)
        {
            var fast = workspace.Layers[layer];
            return new(fast.WMatrix, fast.DWMatrix, fast.BMatrix, fast.DBMatrix);
        }

        public double Loss()
        {
            workspace.Forward(x);
            return workspace.Loss(labels, loss);
        }
    }
}
