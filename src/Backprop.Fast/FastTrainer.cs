using System.Diagnostics;

namespace Backprop.Fast;

/// <summary>
/// <see cref="Trainer.Train"/> on a <see cref="TrainingWorkspace"/>: the same loop (epochs,
/// the same shuffled mini-batches, forward, loss, backward, update), the same history and the
/// same exceptions, without allocating per step. For sweeps over many learning rates; the
/// readable <see cref="Trainer"/> is where the loop is explained.
/// </summary>
public static class FastTrainer
{
    /// <summary>
    /// Trains <paramref name="network"/> on X (n×k) and Y (n×j_out) like <see cref="Trainer.Train"/>
    /// and writes the trained weights into it. Throws <see cref="TrainingDivergedException"/> when
    /// the loss turns NaN or ∞, with the network holding the weights of the last finite step.
    /// <see cref="TrainingOptions.Backward"/> must be null: the fast path has its own backward pass.
    /// </summary>
    public static TrainingHistory Train(Network network, Matrix<double> x, Matrix<double> labels, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(options);
        Trainer.Validate(network, x, labels, options);
        if (options.Backward is not null)
            throw new ArgumentException("FastTrainer runs its own backward pass; train with Trainer.Train to use TrainingOptions.Backward", nameof(options));

        var clock = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        var losses = new List<double>(options.Epochs);
        var norms = new List<IReadOnlyList<double>>();
        var n = x.RowCount;
        var batchSize = options.BatchSize ?? n;
        var workspace = new TrainingWorkspace(network, batchSize);
        var batches = new Batches(x, labels, batchSize);
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            if (batchSize != n) batches.Shuffle(random);
            var loss = 0.0;
            var normSums = new double[network.Layers.Count];
            var steps = 0;
            for (var start = 0; start < n; start += batchSize)
            {
                var rows = Math.Min(batchSize, n - start);
                var (xb, yb) = batches.Take(start, rows);
                workspace.ForwardRows(xb, rows);
                var batchLoss = workspace.LossOfOutput(yb, options.Loss);
                if (!double.IsFinite(batchLoss))
                {
                    workspace.WriteBack();
                    throw Trainer.Diverged(epoch, batchLoss, network.Forward(batches.AsMatrix(xb, rows, x.ColumnCount)), options.Alpha);
                }
                loss += options.Loss.Reduction == LossReduction.Mean ? batchLoss * rows : batchLoss;

                workspace.BackwardFrom(yb, options.Loss, xb);
                foreach (var layer in workspace.Layers) layer.Update(options.Alpha);
                if (options.RecordGradientNorms)
                    for (var l = 0; l < normSums.Length; l++) normSums[l] += Norm(workspace.Layers[l]);
                steps++;
            }
            if (options.Loss.Reduction == LossReduction.Mean) loss /= n;
            losses.Add(loss);
            IReadOnlyList<double>? epochNorms = options.RecordGradientNorms ? normSums.Select(s => s / steps).ToArray() : null;
            if (epochNorms is not null) norms.Add(epochNorms);
            options.OnEpoch?.Invoke(new EpochReport(epoch, loss, epochNorms));
        }
        workspace.WriteBack();
        return new TrainingHistory(network.Layers.Select(l => l.Name).ToArray(), losses, norms, clock.Elapsed);
    }

    /// <summary>The norm of ∂L/∂W (and ∂L/∂b), computed as <see cref="LayerGradients.Norm"/> computes it.</summary>
    private static double Norm(FastLayer layer)
    {
        var w = layer.DWMatrix.FrobeniusNorm();
        var b = layer.DBMatrix?.FrobeniusNorm() ?? 0;
        return Math.Sqrt(w * w + b * b);
    }

    /// <summary>
    /// The rows of X and Y, batch by batch. The full batch is read from the matrices' own storage;
    /// mini-batches are gathered into buffers in the order of <see cref="Trainer"/>'s shuffle
    /// (the same Fisher–Yates over the same <see cref="Random"/>, so the same batches).
    /// </summary>
    private sealed class Batches(Matrix<double> x, Matrix<double> labels, int batchSize)
    {
        private readonly double[] xAll = x.ToColumnMajorArray();
        private readonly double[] yAll = labels.ToColumnMajorArray();
        private readonly int[] order = new int[x.RowCount];
        private readonly double[] xBatch = new double[batchSize * x.ColumnCount];
        private readonly double[] yBatch = new double[batchSize * labels.ColumnCount];

        public void Shuffle(Random random)
        {
            for (var i = 0; i < order.Length; i++) order[i] = i;
            random.Shuffle(order);
        }

        public (double[] X, double[] Y) Take(int start, int rows)
        {
            if (rows == order.Length) return (xAll, yAll); // the full batch: no shuffle, as in Trainer
            Gather(xAll, x.ColumnCount, start, rows, xBatch);
            Gather(yAll, labels.ColumnCount, start, rows, yBatch);
            return (xBatch, yBatch);
        }

        public Matrix<double> AsMatrix(double[] data, int rows, int columns) =>
            Matrix<double>.Build.Dense(rows, columns, data.AsSpan(0, rows * columns).ToArray());

        private void Gather(double[] all, int columns, int start, int rows, double[] batch)
        {
            var n = order.Length;
            for (var c = 0; c < columns; c++)
                for (var i = 0; i < rows; i++)
                    batch[c * rows + i] = all[c * n + order[start + i]];
        }
    }
}
