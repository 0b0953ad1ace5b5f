namespace Backprop;

/// <summary>
/// Thrown when the loss turns NaN or ∞: usually α is too large. Names the epoch and the first
/// layer where a non-finite value appeared.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for <paramref name="epoch"/> and <paramref name="layer"/>.</summary>
    public TrainingDivergedException(int epoch, string layer, string message) : base(message)
    {
        Epoch = epoch;
        Layer = layer;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public TrainingDivergedException(string message) : base(message) => Layer = "";

    /// <summary>Creates the exception with a message and its cause.</summary>
    public TrainingDivergedException(string message, Exception inner) : base(message, inner) => Layer = "";

    /// <summary>Creates the exception with a generic message.</summary>
    public TrainingDivergedException() : base("Training diverged") => Layer = "";

    /// <summary>The epoch (from 1) whose loss was not finite.</summary>
    public int Epoch { get; }

    /// <summary>The first layer whose Z or O held NaN or ∞, e.g. "L97"; the output layer when only its squared error overflowed.</summary>
    public string Layer { get; }
}
