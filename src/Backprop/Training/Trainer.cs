using System.Diagnostics;

namespace Backprop;

/// <summary>
/// The training loop: for each epoch and each batch, forward pass, backward pass, then update.
/// Nothing more: every idea it uses lives in its own place.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Trains <paramref name="network"/> on X (n×k) and Y (n×j_out). Throws
    /// <see cref="TrainingDivergedException"/> when the loss turns NaN or ∞.
    /// </summary>
    public static TrainingHistory Train(Network network, Matrix<double> x, Matrix<double> labels, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(options);
        Validate(network, x, labels, options);

        var clock = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        var losses = new List<double>(options.Epochs);
        var norms = new List<IReadOnlyList<double>>();
        var batchSize = options.BatchSize ?? x.RowCount;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var (xs, ys) = batchSize == x.RowCount ? (x, labels) : Shuffle(x, labels, random);
            var loss = 0.0;
            var normSums = new double[network.Layers.Count];
            var steps = 0;
            for (var start = 0; start < x.RowCount; start += batchSize)
            {
                var rows = Math.Min(batchSize, x.RowCount - start);
                var xb = rows == x.RowCount ? xs : xs.SubMatrix(start, rows, 0, xs.ColumnCount);
                var yb = rows == x.RowCount ? ys : ys.SubMatrix(start, rows, 0, ys.ColumnCount);

                var forward = network.Forward(xb);
                var batchLoss = forward.Loss(yb, options.Loss);
                if (!double.IsFinite(batchLoss)) throw Diverged(epoch, batchLoss, forward, options.Alpha);
                loss += options.Loss.Reduction == LossReduction.Mean ? batchLoss * rows : batchLoss;

                var gradients = options.Backward is { } backward
                    ? backward(forward, yb, options.Loss)
                    : LoopBackprop.Backward(forward, yb, options.Loss);
                network.Update(gradients, options.Alpha);
                if (options.RecordGradientNorms)
                    for (var l = 0; l < normSums.Length; l++) normSums[l] += gradients[l].Norm;
                steps++;
            }
            if (options.Loss.Reduction == LossReduction.Mean) loss /= x.RowCount;
            losses.Add(loss);
            IReadOnlyList<double>? epochNorms = options.RecordGradientNorms ? normSums.Select(s => s / steps).ToArray() : null;
            if (epochNorms is not null) norms.Add(epochNorms);
            options.OnEpoch?.Invoke(new EpochReport(epoch, loss, epochNorms));
        }
        return new TrainingHistory(network.Layers.Select(l => l.Name).ToArray(), losses, norms, clock.Elapsed);
    }

    internal static void Validate(Network network, Matrix<double> x, Matrix<double> labels, TrainingOptions options)
    {
        if (options.Epochs <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.Epochs, $"Epochs must be at least 1; got {options.Epochs}");
        Check.Alpha(options.Alpha);
        if (options.BatchSize is { } b && (b <= 0 || b > x.RowCount))
            throw new ArgumentOutOfRangeException(nameof(options), b, $"Batch size must be between 1 and the number of instances ({x.RowCount}); got {b}");
        network.CheckInput(x);
        network.CheckLabels(x, labels);
    }

    /// <summary>The rows of X and Y in a new random order (Fisher–Yates), the same order for both.</summary>
    private static (Matrix<double>, Matrix<double>) Shuffle(Matrix<double> x, Matrix<double> labels, Random random)
    {
        var order = Enumerable.Range(0, x.RowCount).ToArray();
        random.Shuffle(order);
        return (Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (i, j) => x[order[i], j]),
                Matrix<double>.Build.Dense(labels.RowCount, labels.ColumnCount, (i, j) => labels[order[i], j]));
    }

    internal static TrainingDivergedException Diverged(int epoch, double loss, ForwardPass forward, double alpha)
    {
        foreach (var state in forward.Layers)
        {
            var quantity = !IsFinite(state.Z) ? "Z" : !IsFinite(state.O) ? "O" : null;
            if (quantity is not null)
                return new TrainingDivergedException(epoch, state.Layer.Name,
                    $"Training diverged at epoch {epoch}: the loss is {loss}; the first non-finite values appeared in " +
                    $"{quantity}_{state.Layer.Name} (layer {state.Layer.Name}). The learning rate α = {alpha} is probably too large.");
        }
        // Every Z and O is finite: squaring the output's error is what overflowed.
        var output = forward.Layers[^1].Layer.Name;
        return new TrainingDivergedException(epoch, output,
            $"Training diverged at epoch {epoch}: the loss is {loss}; every Z and O is finite, but the squared error of " +
            $"O_{output} (layer {output}) overflowed. The learning rate α = {alpha} is probably too large.");
    }

    private static bool IsFinite(Matrix<double> m) => m.Enumerate().All(double.IsFinite);
}
