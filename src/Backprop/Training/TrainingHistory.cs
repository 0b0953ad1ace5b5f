namespace Backprop;

/// <summary>What a training run did, epoch by epoch.</summary>
/// <param name="LayerNames">The layers' labels, for the gradient norms' legend.</param>
/// <param name="Losses">The loss of each epoch, from epoch 1.</param>
/// <param name="GradientNorms">Per epoch, per layer gradient norms; empty unless recorded.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
public sealed record TrainingHistory(
    IReadOnlyList<string> LayerNames,
    IReadOnlyList<double> Losses,
    IReadOnlyList<IReadOnlyList<double>> GradientNorms,
    TimeSpan Elapsed)
{
    /// <summary>How many epochs ran.</summary>
    public int Epochs => Losses.Count;

    /// <summary>The loss after the last epoch.</summary>
    public double FinalLoss => Losses.Count == 0 ? double.NaN : Losses[^1];

    /// <summary>
    /// The first epoch (from 1) after epoch <paramref name="after"/> whose loss is below
    /// <paramref name="loss"/>, or null if none is: how long a run took to get there.
    /// </summary>
    public int? FirstEpochBelow(double loss, int after = 0)
    {
        for (var e = Math.Max(0, after); e < Losses.Count; e++)
        {
            if (Losses[e] < loss) return e + 1;
        }

        return null;
    }
}
