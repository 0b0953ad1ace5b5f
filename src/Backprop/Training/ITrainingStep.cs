namespace Backprop;

/// <summary>
/// One training step on a batch, as <see cref="Trainer.Train(ITrainingStep, TrainingOptions)"/>
/// drives it: forward pass and loss, backward pass, update. The loop around it (epochs, shuffled
/// mini-batches, the epoch's loss, gradient norms, divergence) lives once, in the trainer; a step
/// only says how the numbers are computed. The engine's own step runs <see cref="Network.Forward"/>,
/// <see cref="LoopBackprop.Backward"/> and <see cref="Network.Update"/>; Backprop.Fast has an
/// allocation-free one.
/// </summary>
public interface ITrainingStep
{
    /// <summary>The network being trained; its layers name the history's gradient norms.</summary>
    Network Network { get; }

    /// <summary>n: the training set's instances, numbered 0 to n − 1 (the rows of X and Y).</summary>
    int Instances { get; }

    /// <summary>
    /// Forward pass over the instances in <paramref name="batch"/> (rows of X, in that order) and
    /// the loss of its output against the same rows of Y. The full batch comes in the rows' own order.
    /// </summary>
    double Forward(ReadOnlySpan<int> batch, SquaredLoss loss);

    /// <summary>
    /// Backward pass of the last forward pass: ∂L/∂W (and ∂L/∂b) of every layer, from the weights as
    /// they were in that pass. Changes no weights.
    /// </summary>
    void Backward(SquaredLoss loss);

    /// <summary>W ← W − α · ∂L/∂W in every layer, after the whole backward pass.</summary>
    void Update(double alpha);

    /// <summary>The norm of layer <paramref name="layer"/>'s last gradient (0 = first layer), as <see cref="LayerGradients.Norm"/>.</summary>
    double GradientNorm(int layer);

    /// <summary>Puts the trained weights into <see cref="Network"/> if the step trains a copy; called once, when training ends or diverges.</summary>
    void Finish();

    /// <summary>
    /// The last forward pass as the engine keeps it, every layer's Z and O, after <see cref="Finish"/>:
    /// the trainer reads it to name the layer where a divergence began.
    /// </summary>
    ForwardPass LastForward();
}
