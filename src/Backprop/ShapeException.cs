namespace Backprop;

/// <summary>
/// Thrown when two matrices cannot be combined. The message names the layer, the operation,
/// both shapes and the shape that would fit, e.g.
/// "L97 forward: O_L96 (8×2) @ W_L97 (4×3): inner sizes 2 and 4 differ; W_L97 must have 2 rows".
/// </summary>
public sealed class ShapeException : ArgumentException
{
    /// <summary>Creates the exception with a complete, specific message.</summary>
    public ShapeException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public ShapeException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception with a generic message; prefer the specific constructors.</summary>
    public ShapeException() : base("Matrix shapes do not fit.") { }
}
