namespace Backprop.Fast;

/// <summary>
/// The readable trainer's own loop (<see cref="Trainer.Train(ITrainingStep, TrainingOptions)"/>:
/// epochs, the same shuffled mini-batches, the loss, gradient norms, divergence) around a step
/// on a <see cref="TrainingWorkspace"/>, which allocates nothing. Same history, same exceptions;
/// for sweeps over many learning rates.
/// </summary>
public static class FastTrainer
{
    /// <summary>
    /// Trains <paramref name="network"/> on X (n×k) and Y (n×j_out) like
    /// <see cref="Trainer.Train(Network, Matrix{double}, Matrix{double}, TrainingOptions)"/> and writes
    /// the trained weights into it. Throws <see cref="TrainingDivergedException"/> when the loss turns
    /// NaN or ∞, with the network holding the weights of the last finite step.
    /// <see cref="TrainingOptions.Backward"/> must be null: the fast path has its own backward pass.
    /// </summary>
    public static TrainingHistory Train(Network network, Matrix<double> x, Matrix<double> labels, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(options);
        Trainer.Validate(network, x, labels, options); // the readable trainer's guards, before buffers are sized by the batch
        if (options.Backward is not null)
            throw new ArgumentException("FastTrainer runs its own backward pass; train with Trainer.Train to use TrainingOptions.Backward", nameof(options));
        if (options.UpdateRule is not null)
            throw new ArgumentException("FastTrainer runs its own update, W − ΔW; train with Trainer.Train to use TrainingOptions.UpdateRule", nameof(options));
        return Trainer.Train(new WorkspaceStep(network, x, labels, options.BatchSize ?? x.RowCount), options);
    }
}
