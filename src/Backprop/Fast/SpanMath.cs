using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Lanes = System.Numerics.Vector<double>;

namespace Backprop.Fast;

/// <summary>
/// The fast path's loops over contiguous, column-major storage: a matrix (n×j) is j columns of n
/// numbers each, so every inner loop runs over the n instances of a batch. Element-wise work is
/// written so that each element sees exactly the operations of the readable engine, in the same
/// order (vector lanes are plain IEEE multiplies and adds, never fused), so it is bit-identical.
/// </summary>
internal static class SpanMath
{
    /// <summary>O = σ(Z), element-wise; mirrors <see cref="Activation.Apply"/>.</summary>
    public static void Activate(Activation activation, ReadOnlySpan<double> z, Span<double> o)
    {
        switch (activation)
        {
            case Sigmoid:
                TensorPrimitives.Sigmoid(z, o); // vectorised e^−z: within an ulp or two of Math.Exp
                break;
            case Tanh:
                TensorPrimitives.Tanh(z, o);
                break;
            case ReLU:
                TensorPrimitives.Max(z, 0.0, o); // max(z, 0); +0 for −0, as z > 0 ? z : 0 gives
                break;
            case Identity:
                z.CopyTo(o);
                break;
            default: // the step and any learner-written activation: one value at a time
                for (var i = 0; i < z.Length; i++) o[i] = activation.Forward(z[i]);
                break;
        }
    }

    /// <summary>
    /// δ = ∂L/∂O ⊙ g'(Z), in place over ∂L/∂O; mirrors <see cref="Activation.Derivative"/> followed
    /// by the point-wise product in <see cref="Layer.Backward"/>, with the same per-element operations.
    /// </summary>
    public static void MultiplyByDerivative(Activation activation, ReadOnlySpan<double> z, ReadOnlySpan<double> o, Span<double> delta)
    {
        var i = 0;
        switch (activation)
        {
            case Sigmoid: // g' = O(1 − O)
                if (Vector.IsHardwareAccelerated)
                {
                    var oV = MemoryMarshal.Cast<double, Lanes>(o);
                    var dV = MemoryMarshal.Cast<double, Lanes>(delta);
                    for (var v = 0; v < dV.Length; v++) dV[v] *= oV[v] * (Lanes.One - oV[v]);
                    i = dV.Length * Lanes.Count;
                }
                for (; i < delta.Length; i++) delta[i] *= o[i] * (1.0 - o[i]);
                break;
            case Tanh: // g' = 1 − O²
                if (Vector.IsHardwareAccelerated)
                {
                    var oV = MemoryMarshal.Cast<double, Lanes>(o);
                    var dV = MemoryMarshal.Cast<double, Lanes>(delta);
                    for (var v = 0; v < dV.Length; v++) dV[v] *= Lanes.One - oV[v] * oV[v];
                    i = dV.Length * Lanes.Count;
                }
                for (; i < delta.Length; i++) delta[i] *= 1.0 - o[i] * o[i];
                break;
            case ReLU: // g' = 1 where Z > 0, else 0
                if (Vector.IsHardwareAccelerated)
                {
                    var zV = MemoryMarshal.Cast<double, Lanes>(z);
                    var dV = MemoryMarshal.Cast<double, Lanes>(delta);
                    for (var v = 0; v < dV.Length; v++)
                        dV[v] *= Vector.ConditionalSelect(Vector.GreaterThan(zV[v], Lanes.Zero), Lanes.One, Lanes.Zero);
                    i = dV.Length * Lanes.Count;
                }
                for (; i < delta.Length; i++) delta[i] *= z[i] > 0 ? 1.0 : 0.0;
                break;
            case Identity: // g' = 1: δ = ∂L/∂O
                break;
            default:
                for (; i < delta.Length; i++) delta[i] *= activation.Backward(z[i], o[i]);
                break;
        }
    }

    /// <summary>destination = x · a (the first term of a sum of columns).</summary>
    public static void Scale(ReadOnlySpan<double> x, double a, Span<double> destination) =>
        TensorPrimitives.Multiply(x, a, destination);

    /// <summary>destination += x · a: one term of a matrix product, one column at a time.</summary>
    public static void AddScaled(ReadOnlySpan<double> x, double a, Span<double> destination) =>
        TensorPrimitives.MultiplyAdd(x, a, destination, destination);

    /// <summary>destination += a, for every element (a bias added to every row of one column).</summary>
    public static void AddToAll(Span<double> destination, double a) =>
        TensorPrimitives.Add(destination, a, destination);

    /// <summary>Σᵢ xᵢ·yᵢ: the sum over the n instances in Inputᵀ @ δ.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => TensorPrimitives.Dot(x, y);

    /// <summary>Σᵢ xᵢ: the sum over the n instances in ∂L/∂b = Σₙ δ.</summary>
    public static double Sum(ReadOnlySpan<double> x) => TensorPrimitives.Sum(x);

    /// <summary>destination = x − y.</summary>
    public static void Subtract(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination) =>
        TensorPrimitives.Subtract(x, y, destination);

    /// <summary>parameter ← parameter − α · gradient, element by element (x + (−α·g) equals x − α·g exactly).</summary>
    public static void Descend(Span<double> parameter, ReadOnlySpan<double> gradient, double alpha) =>
        TensorPrimitives.MultiplyAdd(gradient, -alpha, parameter, parameter);
}
