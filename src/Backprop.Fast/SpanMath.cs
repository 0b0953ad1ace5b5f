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
    /// <summary>O = σ(Z), element-wise; mirrors <see cref="Activation.Apply(Matrix{double})"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public static void Activate(Activation activation, ReadOnlySpan<double> z, Span<double> o)
    {
        switch (activation)
        {
            case Sigmoid:
                SigmoidOf(z, o);
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
                for (var i = 0; i < z.Length; i++) o[i] = activation.Apply(z[i]);
                break;
        }
    }

    /// <summary>
    /// σ(z) = 1 / (1 + e^−z), written as <see cref="Backprop.Sigmoid.Apply(double)"/> writes it, on 256-bit
    /// vectors (whose e^x is quicker here than the 512-bit one); the vectorised e^x may differ from
    /// Math.Exp in the last bit, so σ agrees to about 1e-16, not bit for bit.
    /// </summary>
    private static void SigmoidOf(ReadOnlySpan<double> z, Span<double> o)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var zV = MemoryMarshal.Cast<double, Lanes>(z);
            var oV = MemoryMarshal.Cast<double, Lanes>(o);
            for (var v = 0; v < zV.Length; v++) oV[v] = Lanes.One / (Lanes.One + Vector.Exp(-zV[v]));
            i = zV.Length * Lanes.Count;
        }
        for (; i < z.Length; i++) o[i] = 1.0 / (1.0 + Math.Exp(-z[i]));
    }

    /// <summary>
    /// δ = ∂L/∂O ⊙ g'(Z), in place over ∂L/∂O; mirrors <see cref="Activation.Derivative(Matrix{double}, Matrix{double})"/> followed
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
                for (; i < delta.Length; i++) delta[i] *= activation.Derivative(z[i], o[i]);
                break;
        }
    }

    /// <summary>
    /// The one loop behind a layer's three matrix products. For each of <paramref name="m"/>
    /// outputs q: output_q = Σᵢ weights_q[i] · row_i, where row_i is the i-th run of
    /// <paramref name="length"/> numbers in <paramref name="rows"/>, weights_q starts at
    /// q · <paramref name="weightStride"/>, output_q at q · <paramref name="outputStride"/>.
    /// Every sum starts at 0 and adds its terms in the order i = 0, 1, …, each a plain product
    /// then a plain add, exactly as a dot product written as a loop (and MathNet) does it.
    /// Z = Input @ W: rows are Input's columns, weights W's columns. ∂L/∂W = Inputᵀ @ δ: rows are
    /// Input's rows, weights δ's columns. ∂L/∂O_prev = δ @ Wᵀ: rows are δ's columns, weights W's rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public static void WeightedSums(ReadOnlySpan<double> rows, int count, int length,
        ReadOnlySpan<double> weights, int weightStride, Span<double> outputs, int outputStride, int m)
    {
        if (m <= 0 || length <= 0) return;
        // One bounds check for the whole product; the loops below index without checks.
        if (rows.Length < count * length || weights.Length < (m - 1) * weightStride + count || outputs.Length < (m - 1) * outputStride + length)
            throw new ArgumentException("WeightedSums: the spans are too short for the sizes given");
        ref var a = ref MemoryMarshal.GetReference(rows);
        ref var w = ref MemoryMarshal.GetReference(weights);
        ref var o = ref MemoryMarshal.GetReference(outputs);
        var q = 0;
        for (; q + 4 <= m; q += 4)
            FourSums(ref a, count, length, ref Unsafe.Add(ref w, q * weightStride), weightStride, ref Unsafe.Add(ref o, q * outputStride), outputStride);
        for (; q < m; q++)
            OneSum(ref a, count, length, ref Unsafe.Add(ref w, q * weightStride), ref Unsafe.Add(ref o, q * outputStride));
    }

    /// <summary>Four outputs at once: each row is loaded once for four sums, kept in registers over all i.</summary>
    private static void FourSums(ref double a, int count, int length, ref double w, int ws, ref double o, int os)
    {
        var p = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Two vectors of each output: eight independent sums, enough to keep the adders busy.
            for (; p + 2 * Lanes.Count <= length; p += 2 * Lanes.Count)
            {
                Lanes s0 = Lanes.Zero, s1 = Lanes.Zero, s2 = Lanes.Zero, s3 = Lanes.Zero;
                Lanes t0 = Lanes.Zero, t1 = Lanes.Zero, t2 = Lanes.Zero, t3 = Lanes.Zero;
                for (var i = 0; i < count; i++)
                {
                    var x = Vector.LoadUnsafe(ref a, (nuint)(i * length + p));
                    var y = Vector.LoadUnsafe(ref a, (nuint)(i * length + p + Lanes.Count));
                    var (w0, w1, w2, w3) = (new Lanes(Unsafe.Add(ref w, i)), new Lanes(Unsafe.Add(ref w, ws + i)),
                        new Lanes(Unsafe.Add(ref w, 2 * ws + i)), new Lanes(Unsafe.Add(ref w, 3 * ws + i)));
                    s0 += x * w0;
                    t0 += y * w0;
                    s1 += x * w1;
                    t1 += y * w1;
                    s2 += x * w2;
                    t2 += y * w2;
                    s3 += x * w3;
                    t3 += y * w3;
                }
                s0.StoreUnsafe(ref o, (nuint)p);
                t0.StoreUnsafe(ref o, (nuint)(p + Lanes.Count));
                s1.StoreUnsafe(ref o, (nuint)(os + p));
                t1.StoreUnsafe(ref o, (nuint)(os + p + Lanes.Count));
                s2.StoreUnsafe(ref o, (nuint)(2 * os + p));
                t2.StoreUnsafe(ref o, (nuint)(2 * os + p + Lanes.Count));
                s3.StoreUnsafe(ref o, (nuint)(3 * os + p));
                t3.StoreUnsafe(ref o, (nuint)(3 * os + p + Lanes.Count));
            }
            for (; p + Lanes.Count <= length; p += Lanes.Count)
            {
                Lanes s0 = Lanes.Zero, s1 = Lanes.Zero, s2 = Lanes.Zero, s3 = Lanes.Zero;
                for (var i = 0; i < count; i++)
                {
                    var x = Vector.LoadUnsafe(ref a, (nuint)(i * length + p));
                    s0 += x * new Lanes(Unsafe.Add(ref w, i));
                    s1 += x * new Lanes(Unsafe.Add(ref w, ws + i));
                    s2 += x * new Lanes(Unsafe.Add(ref w, 2 * ws + i));
                    s3 += x * new Lanes(Unsafe.Add(ref w, 3 * ws + i));
                }
                s0.StoreUnsafe(ref o, (nuint)p);
                s1.StoreUnsafe(ref o, (nuint)(os + p));
                s2.StoreUnsafe(ref o, (nuint)(2 * os + p));
                s3.StoreUnsafe(ref o, (nuint)(3 * os + p));
            }
        }
        for (; p < length; p++)
        {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (var i = 0; i < count; i++)
            {
                var x = Unsafe.Add(ref a, i * length + p);
                s0 += x * Unsafe.Add(ref w, i);
                s1 += x * Unsafe.Add(ref w, ws + i);
                s2 += x * Unsafe.Add(ref w, 2 * ws + i);
                s3 += x * Unsafe.Add(ref w, 3 * ws + i);
            }
            Unsafe.Add(ref o, p) = s0;
            Unsafe.Add(ref o, os + p) = s1;
            Unsafe.Add(ref o, 2 * os + p) = s2;
            Unsafe.Add(ref o, 3 * os + p) = s3;
        }
    }

    /// <summary>One output: two vectors of it at a time, so two chains of additions overlap.</summary>
    private static void OneSum(ref double a, int count, int length, ref double w, ref double o)
    {
        var p = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; p + 2 * Lanes.Count <= length; p += 2 * Lanes.Count)
            {
                Lanes s0 = Lanes.Zero, s1 = Lanes.Zero;
                for (var i = 0; i < count; i++)
                {
                    var x = new Lanes(Unsafe.Add(ref w, i));
                    s0 += Vector.LoadUnsafe(ref a, (nuint)(i * length + p)) * x;
                    s1 += Vector.LoadUnsafe(ref a, (nuint)(i * length + p + Lanes.Count)) * x;
                }
                s0.StoreUnsafe(ref o, (nuint)p);
                s1.StoreUnsafe(ref o, (nuint)(p + Lanes.Count));
            }
            for (; p + Lanes.Count <= length; p += Lanes.Count)
            {
                var s0 = Lanes.Zero;
                for (var i = 0; i < count; i++)
                    s0 += Vector.LoadUnsafe(ref a, (nuint)(i * length + p)) * new Lanes(Unsafe.Add(ref w, i));
                s0.StoreUnsafe(ref o, (nuint)p);
            }
        }
        for (; p < length; p++)
        {
            var s0 = 0.0;
            for (var i = 0; i < count; i++) s0 += Unsafe.Add(ref a, i * length + p) * Unsafe.Add(ref w, i);
            Unsafe.Add(ref o, p) = s0;
        }
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
        // Eight columns at a time: the eight cache lines being read stay in use for eight rows.
        for (var p0 = 0; p0 < k; p0 += 8)
        {
            var p1 = Math.Min(p0 + 8, k);
            for (var i = 0; i < n; i++)
            {
                var row = rows.Slice(i * r, r);
                for (var p = p0; p < p1; p++) row[p] = columns[p * n + i];
            }
        }
        for (var i = 0; i < n; i++) rows.Slice(i * r + k, r - k).Fill(1.0);
    }

    /// <summary>destination = x − y.</summary>
    public static void Subtract(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination) =>
        TensorPrimitives.Subtract(x, y, destination);

    /// <summary>parameter ← parameter − α · gradient, element by element (x + (−α·g) equals x − α·g exactly).</summary>
    public static void Descend(Span<double> parameter, ReadOnlySpan<double> gradient, double alpha) =>
        TensorPrimitives.MultiplyAdd(gradient, -alpha, parameter, parameter);
}
