namespace Backprop;

/// <summary>
/// The classic perceptron's step: 1 where z ≥ 0, else 0. It is what <see cref="Perceptron"/>
/// uses; gradient descent cannot use it, because its slope is 0 everywhere it has one.
/// </summary>
public sealed class Step : Activation
{
    internal Step() { }

    /// <inheritdoc />
    public override string Name => "step";

    /// <inheritdoc />
    public override double Apply(double z) => z >= 0 ? 1.0 : 0.0;

    /// <summary>
    /// g' = 0 (the step is flat on both sides; at 0 it has no derivative). A network with a step
    /// layer therefore gets no gradient through it: that is the lesson, not a bug.
    /// </summary>
    public override double Derivative(double z, double o) => 0.0;
}
