namespace Backprop;

/// <summary>tanh(z): squashes into (−1, 1), centred on 0.</summary>
public sealed class Tanh : Activation
{
    internal Tanh() { }

    /// <inheritdoc />
    public override string Name => "tanh";

    /// <inheritdoc />
    public override double Apply(double z) => Math.Tanh(z);

    /// <summary>g' = 1 − tanh²(z) = 1 − O².</summary>
    public override double Derivative(double z, double o) => 1.0 - o * o;
}
