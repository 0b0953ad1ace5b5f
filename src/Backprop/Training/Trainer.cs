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
        Validate(network, x, labels, options); // the options, X and Y, before a step is built on them
        return Train(new NetworkStep(network, x, labels, options.Backward, options.UpdateRule), options);
    }

    /// <summary>
    /// The loop itself, around any <see cref="ITrainingStep"/>: the engine's own (above) or the fast
    /// path's. Checks the options (epochs, α, batch size); the step has checked its X and Y, and
    /// brings its own backward pass, so <see cref="TrainingOptions.Backward"/> is not used here.
    /// Throws <see cref="TrainingDivergedException"/> when the loss turns NaN or ∞.
    /// </summary>
    public static TrainingHistory Train(ITrainingStep step, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options, step.Instances); // checked above already for the engine's step, not for one built elsewhere

        var clock = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        var losses = new List<double>(options.Epochs);
        var norms = new List<IReadOnlyList<double>>();
        var n = step.Instances;
        var batchSize = options.BatchSize ?? n;
        var instances = new int[n];
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            // Mini-batches take the instances in a new random order every epoch: a Fisher–Yates
            // shuffle of 0, 1, …, n − 1 drawn from the seeded Random. The full batch keeps X's order.
            for (var i = 0; i < n; i++) instances[i] = i;
            if (batchSize < n) random.Shuffle(instances);
            var loss = 0.0;
            var normSums = new double[step.Network.Layers.Count];
            var steps = 0;
            for (var start = 0; start < n; start += batchSize)
            {
                var batch = instances.AsSpan(start, Math.Min(batchSize, n - start));
                var batchLoss = step.Forward(batch, options.Loss);
                if (!double.IsFinite(batchLoss))
                {
                    step.Finish(); // the network keeps the weights of the last finite step
                    throw Diverged(epoch, batchLoss, step.LastForward(), options.Alpha);
                }
                loss += options.Loss.Reduction == LossReduction.Mean ? batchLoss * batch.Length : batchLoss;

                step.Backward(options.Loss);
                step.Update(options.Alpha);
                if (options.RecordGradientNorms)
                    for (var l = 0; l < normSums.Length; l++) normSums[l] += step.GradientNorm(l);
                steps++;
            }
            if (options.Loss.Reduction == LossReduction.Mean) loss /= n;
            losses.Add(loss);
            IReadOnlyList<double>? epochNorms = options.RecordGradientNorms ? normSums.Select(s => s / steps).ToArray() : null;
            if (epochNorms is not null) norms.Add(epochNorms);
            options.OnEpoch?.Invoke(new EpochReport(epoch, loss, epochNorms));
        }
        step.Finish();
        return new TrainingHistory(step.Network.Layers.Select(l => l.Name).ToArray(), losses, norms, clock.Elapsed);
    }

    /// <summary>The options, then X and Y: what training a network needs before its first step.</summary>
    internal static void Validate(Network network, Matrix<double> x, Matrix<double> labels, TrainingOptions options)
    {
        Validate(options, x.RowCount);
        network.CheckInput(x);
        network.CheckLabels(x, labels);
    }

    /// <summary>Each message says what the value must be and which setting to change, in which direction.</summary>
    private static void Validate(TrainingOptions options, int instances)
    {
        if (options.Epochs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Epochs,
                $"Epochs must be at least 1; got {options.Epochs}: set TrainingOptions.Epochs to 1 or more (each epoch is one pass over the data)");
        }

        Check.Alpha(options.Alpha, "TrainingOptions.Alpha");
        if (options.BatchSize is { } b && (b <= 0 || b > instances))
        {
            throw new ArgumentOutOfRangeException(nameof(options), b,
                $"Batch size must be between 1 and the number of instances ({instances}); got {b}: set TrainingOptions.BatchSize to " +
                (b <= 0 ? "1 or more" : $"at most {instances}") + ", or to null for the full batch");
        }
    }

    private static TrainingDivergedException Diverged(int epoch, double loss, ForwardPass forward, double alpha)
    {
        foreach (var state in forward.Layers)
        {
            var quantity = !IsFinite(state.Z) ? "Z" : !IsFinite(state.O) ? "O" : null;
            if (quantity is not null)
            {
                return new TrainingDivergedException(epoch, state.Layer.Name,
                    $"Training diverged at epoch {epoch}: the loss is {loss}; the first non-finite values appeared in " +
                    $"{quantity}_{state.Layer.Name} (layer {state.Layer.Name}). {TooLarge(alpha)}");
            }
        }
        // Every Z and O is finite: squaring the output's error is what overflowed.
        var output = forward.Layers[^1].Layer.Name;
        return new TrainingDivergedException(epoch, output,
            $"Training diverged at epoch {epoch}: the loss is {loss}; every Z and O is finite, but the squared error of " +
            $"O_{output} (layer {output}) overflowed. {TooLarge(alpha)}");
    }

    private static string TooLarge(double alpha) =>
        $"The learning rate α = {alpha} is probably too large: lower TrainingOptions.Alpha (try {alpha / 10:G3}) and train again.";

    private static bool IsFinite(Matrix<double> m) => m.Enumerate().All(double.IsFinite);
}
