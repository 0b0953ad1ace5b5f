namespace Backprop;

/// <summary>σ(z) = 1 / (1 + e^−z). Squashes any number into (0, 1).</summary>
public sealed class Sigmoid : Activation
{
    internal Sigmoid() { }

    /// <inheritdoc />
    public override string Name => "sigmoid";

    /// <inheritdoc />
    public override double Apply(double z) => 1.0 / (1.0 + Math.Exp(-z));

    /// <summary>g' = σ(z)·(1 − σ(z)) = O·(1 − O): only O is needed, as the article notes.</summary>
    public override double Derivative(double z, double o) => o * (1.0 - o);
}
