namespace Backprop;

/// <summary>
/// An activation function σ, applied element by element: O = σ(Z), and its derivative g'.
/// Each activation lives in its own file with both directions side by side.
/// </summary>
public abstract class Activation
{
    /// <summary>The sigmoid σ(z) = 1 / (1 + e^−z); g' = σ(1 − σ), computed from O.</summary>
    public static Activation Sigmoid { get; } = new Sigmoid();

    /// <summary>The hyperbolic tangent; g' = 1 − O².</summary>
    public static Activation Tanh { get; } = new Tanh();

    /// <summary>ReLU, max(0, z); g' = 1 where Z &gt; 0, else 0 (computed from Z).</summary>
    public static Activation ReLU { get; } = new ReLU();

    /// <summary>No activation (a linear layer): O = Z and the gradient is 1.</summary>
    public static Activation Identity { get; } = new Identity();

    /// <summary>The perceptron's step: 1 where Z ≥ 0, else 0. Its derivative is 0 wherever it exists.</summary>
    public static Activation Step { get; } = new Step();

    /// <summary>Short name for tables and traces, e.g. "sigmoid".</summary>
    public abstract string Name { get; }

    /// <summary>O = σ(Z), element-wise, same shape as Z.</summary>
    public Matrix<double> Apply(Matrix<double> z) => z.Map(Apply);

    /// <summary>
    /// g'(Z), element-wise, same shape as Z. Both Z and O are passed because some derivatives
    /// are cheapest from O (sigmoid, tanh) and others need Z (ReLU).
    /// </summary>
    public Matrix<double> Derivative(Matrix<double> z, Matrix<double> o) => z.Map2(Derivative, o);

    /// <summary>σ for one value.</summary>
    public abstract double Apply(double z);

    /// <summary>g' for one value, given z and o = σ(z).</summary>
    public abstract double Derivative(double z, double o);

    /// <inheritdoc />
    public override string ToString() => Name;
}
