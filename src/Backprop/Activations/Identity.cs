namespace Backprop;

/// <summary>No activation at all: O = Z, a linear layer.</summary>
public sealed class Identity : Activation
{
    internal Identity() { }

    /// <inheritdoc />
    public override string Name => "identity";

    /// <inheritdoc />
    public override double Apply(double z) => z;

    /// <summary>g' = 1: a layer without a non-linear activation passes ∂L through unchanged.</summary>
    public override double Derivative(double z, double o) => 1.0;
}
