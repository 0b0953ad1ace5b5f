namespace Backprop.Fast;

/// <summary>
/// <see cref="GradientCheck.Run"/> with the fast path doing the work: the analytic gradients
/// come from a <see cref="TrainingWorkspace"/>'s backward pass, and each of the four losses per
/// nudged weight from its forward pass. The comparison, ε and thresholds are the readable
/// check's own, so both give the same verdicts; the network's weights are not touched.
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

        var random = new Random(seed);
        var layers = new List<LayerCheck>();
        for (var l = 0; l < network.Layers.Count; l++)
        {
            var layer = workspace.Layers[l];
            var name = layer.Layer.Name;
            // The checks nudge the workspace's own weights through matrices over its arrays.
            var checks = GradientCheck.Compare($"W_{name}", layer.WMatrix, layer.DWMatrix, LossNow, samplesPerLayer, random, epsilon);
            if (layer.BMatrix is not null)
                checks.AddRange(GradientCheck.Compare($"b_{name}", layer.BMatrix, layer.DBMatrix!, LossNow, samplesPerLayer, random, epsilon));
            layers.Add(new LayerCheck(name, checks.Count, checks.MaxBy(c => c.RelativeError)!));
        }
        return new GradientCheckResult(layers);

        double LossNow()
        {
            workspace.Forward(x);
            return workspace.Loss(labels, loss);
        }
    }
}
