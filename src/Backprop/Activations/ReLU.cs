namespace Backprop;

/// <summary>ReLU: max(0, z). Cheap, and its gradient does not fade for positive inputs.</summary>
public sealed class ReLU : Activation
{
    internal ReLU() { }

    /// <inheritdoc />
    public override string Name => "relu";

    /// <inheritdoc />
    public override double Apply(double z) => z > 0 ? z : 0.0;

    /// <summary>g' = 1 where z &gt; 0, else 0. O cannot tell z = 0 from z &lt; 0, so this one needs Z.</summary>
    public override double Derivative(double z, double o) => z > 0 ? 1.0 : 0.0;
}
