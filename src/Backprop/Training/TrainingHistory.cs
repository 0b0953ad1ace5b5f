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
}
