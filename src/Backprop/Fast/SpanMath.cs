using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
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

    /// <summary>
    /// sums = Σᵢ weights[i] · rows[i] over the rows of a matrix stored row after row (each row as
    /// long as <paramref name="sums"/>), every sum taken from 0 in the order i = 0, 1, … exactly as
    /// a plain dot product takes it. The three matrix products of a layer are all this one loop:
    /// a column of Z = Input @ W, a column of ∂L/∂W = Inputᵀ @ δ, a column of ∂L/∂O_prev = δ @ Wᵀ.
    /// Four rows at a time, each lane of a vector being one sum: ((s + r₀w₀) + r₁w₁) + …, never fused.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public static void SumOfScaledRows(ReadOnlySpan<double> rows, ReadOnlySpan<double> weights, Span<double> sums)
    {
        var r = sums.Length;
        var count = weights.Length;
        sums.Clear();
        var i = 0;
        var vectors = Vector.IsHardwareAccelerated ? r / Lanes.Count : 0;
        var sumV = MemoryMarshal.Cast<double, Lanes>(sums)[..vectors];
        for (; i + 4 <= count; i += 4)
        {
            var (w0, w1, w2, w3) = (weights[i], weights[i + 1], weights[i + 2], weights[i + 3]);
            var r0 = rows.Slice(i * r, r);
            var r1 = rows.Slice((i + 1) * r, r);
            var r2 = rows.Slice((i + 2) * r, r);
            var r3 = rows.Slice((i + 3) * r, r);
            if (vectors > 0)
            {
                ReadOnlySpan<Lanes> v0 = Cast(r0), v1 = Cast(r1), v2 = Cast(r2), v3 = Cast(r3);
                var (x0, x1, x2, x3) = (new Lanes(w0), new Lanes(w1), new Lanes(w2), new Lanes(w3));
                for (var v = 0; v < sumV.Length; v++)
                    sumV[v] = sumV[v] + v0[v] * x0 + v1[v] * x1 + v2[v] * x2 + v3[v] * x3;
            }
            for (var p = vectors * Lanes.Count; p < r; p++)
                sums[p] = sums[p] + r0[p] * w0 + r1[p] * w1 + r2[p] * w2 + r3[p] * w3;
        }
        for (; i < count; i++)
        {
            var w = weights[i];
            var row = rows.Slice(i * r, r);
            if (vectors > 0)
            {
                var v0 = Cast(row);
                var x0 = new Lanes(w);
                for (var v = 0; v < sumV.Length; v++) sumV[v] += v0[v] * x0;
            }
            for (var p = vectors * Lanes.Count; p < r; p++) sums[p] += row[p] * w;
        }

        ReadOnlySpan<Lanes> Cast(ReadOnlySpan<double> row) => MemoryMarshal.Cast<double, Lanes>(row)[..vectors];
    }

    /// <summary>destination = x · a.</summary>
    public static void Scale(ReadOnlySpan<double> x, double a, Span<double> destination) =>
        TensorPrimitives.Multiply(x, a, destination);

    /// <summary>destination += a, for every element (a bias added to every row of one column).</summary>
    public static void AddToAll(Span<double> destination, double a) =>
        TensorPrimitives.Add(destination, a, destination);

    /// <summary>Copies column-major (n×k) into row-major rows of r ≥ k numbers, each row ending in 1s after column k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public static void ToRows(ReadOnlySpan<double> columns, int n, int k, Span<double> rows, int r)
    {
        for (var i = 0; i < n; i++)
        {
            var row = rows.Slice(i * r, r);
            for (var p = 0; p < k; p++) row[p] = columns[p * n + i];
            row[k..].Fill(1.0);
        }
    }

    /// <summary>destination = x − y.</summary>
    public static void Subtract(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination) =>
        TensorPrimitives.Subtract(x, y, destination);

    /// <summary>parameter ← parameter − α · gradient, element by element (x + (−α·g) equals x − α·g exactly).</summary>
    public static void Descend(Span<double> parameter, ReadOnlySpan<double> gradient, double alpha) =>
        TensorPrimitives.MultiplyAdd(gradient, -alpha, parameter, parameter);
}
