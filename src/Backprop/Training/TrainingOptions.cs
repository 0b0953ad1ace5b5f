namespace Backprop;

/// <summary>How to train: epochs, α, batch size, loss, and what to record.</summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the whole data set.</summary>
    public int Epochs { get; init; } = 1000;

    /// <summary>The learning rate α in ΔW = α · ∂L/∂W.</summary>
    public double Alpha { get; init; } = 0.1;

    /// <summary>Instances per step; null for the full batch (one step per epoch).</summary>
    public int? BatchSize { get; init; }

    /// <summary>The loss and its reduction over n (sum by default, as in the article).</summary>
    public SquaredLoss Loss { get; init; } = new();

    /// <summary>Seed of the mini-batch shuffle (unused for the full batch).</summary>
    public int Seed { get; init; }

    /// <summary>Record each layer's gradient norm per epoch (for vanishing-gradient plots).</summary>
    public bool RecordGradientNorms { get; init; }

    /// <summary>
    /// The backward pass to train with; the loop form when null. Lessons pass
    /// <c>(f, y, l) => RecursiveBackprop.Backward(f, y, l)</c> or a deliberately broken variant to watch its effect.
    /// </summary>
    public Func<ForwardPass, Matrix<double>, SquaredLoss, Gradients>? Backward { get; init; }

    /// <summary>
    /// The update line, W ← rule(W, ΔW) with ΔW = α · ∂L/∂W, and the same for b; W − ΔW when null.
    /// Lesson 09 passes <c>(W, deltaW) => W + deltaW</c> to plant the sign flip of the update line:
    /// the gradients stay right, so a gradient check passes, and only the loss shows the bug.
    /// </summary>
    public Func<Matrix<double>, Matrix<double>, Matrix<double>>? UpdateRule { get; init; }

    /// <summary>Called after every epoch, e.g. to update a live chart.</summary>
    public Action<EpochReport>? OnEpoch { get; init; }
}

/// <summary>What one epoch did.</summary>
/// <param name="Epoch">Epoch, from 1.</param>
/// <param name="Loss">The loss over all instances, each measured in its batch's forward pass.</param>
/// <param name="GradientNorms">Per layer, the mean norm of ∂L/∂W over the epoch's steps; null unless recorded.</param>
public sealed record EpochReport(int Epoch, double Loss, IReadOnlyList<double>? GradientNorms);
