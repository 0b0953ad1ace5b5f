using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Lanes = System.Numerics.Vector<double>;
using Wide = System.Runtime.Intrinsics.Vector512<double>;

namespace Backprop.Fast;

/// <summary>
/// The fast path's loops over contiguous, column-major storage: a matrix (n×j) is j columns of n
/// numbers each, so most inner loops run over the n instances of a batch, 8 at a time in 512-bit
/// vectors. Element-wise work does the readable engine's operations per element; the products
/// use fused multiply-adds and, for narrow layers, a vector order of additions, so results agree
/// with the readable engine to about 1e-15 relative (tested to 1e-12), not bit for bit.
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    private static void SigmoidOf(ReadOnlySpan<double> z, Span<double> o)
    {
        var i = 0;
        ref var zr = ref MemoryMarshal.GetReference(z);
        ref var or = ref MemoryMarshal.GetReference(o);
        for (; i + Wide.Count <= z.Length; i += Wide.Count)
            (Wide.One / (Wide.One + Vector512.Exp(-Load(ref zr, i)))).StoreUnsafe(ref or, (nuint)i);
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
                {
                    ref var or = ref MemoryMarshal.GetReference(o);
                    ref var dr = ref MemoryMarshal.GetReference(delta);
                    for (; i + Wide.Count <= delta.Length; i += Wide.Count)
                    {
                        var ov = Load(ref or, i);
                        (Load(ref dr, i) * (ov * (Wide.One - ov))).StoreUnsafe(ref dr, (nuint)i);
                    }
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
    /// The one loop behind a layer's matrix products. For each of <paramref name="m"/> outputs q:
    /// output_q = Σᵢ weight(q, i) · row_i, where row_i is the i-th run of <paramref name="length"/>
    /// numbers in <paramref name="rows"/>, weight(q, i) = weights[q · <paramref name="weightStride"/> + i · <paramref name="weightStep"/>]
    /// and output_q starts at q · <paramref name="outputStride"/>. Each sum adds its terms in the order
    /// i = 0, 1, …, as fused multiply-adds (one rounding per term instead of two), so it agrees with
    /// the readable engine's sums to about 1e-15, not bit for bit.
    /// Z = Input @ W: rows are Input's columns, weights W's columns (step 1).
    /// ∂L/∂O_prev = δ @ Wᵀ: rows are δ's columns, weights W's rows (step = rows of W): no transpose needed.
    /// ∂L/∂W = Inputᵀ @ δ for wide inputs: rows are Input's rows, weights δ's columns.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public static void WeightedSums(ReadOnlySpan<double> rows, int count, int length,
        ReadOnlySpan<double> weights, int weightStride, int weightStep, Span<double> outputs, int outputStride, int m)
    {
        if (m <= 0 || length <= 0) return;
        // One bounds check for the whole product; the loops below index without checks.
        if (rows.Length < count * length || (count > 0 && weights.Length < (m - 1) * weightStride + (count - 1) * weightStep + 1)
            || outputs.Length < (m - 1) * outputStride + length)
        {
            throw new ArgumentException("WeightedSums: the spans are too short for the sizes given");
        }
        ref var a = ref MemoryMarshal.GetReference(rows);
        ref var w0 = ref MemoryMarshal.GetReference(weights);
        ref var o0 = ref MemoryMarshal.GetReference(outputs);
        var q = 0;
        for (; q + 4 <= m; q += 4)
        {
            ref var w = ref Unsafe.Add(ref w0, q * weightStride);
            ref var o = ref Unsafe.Add(ref o0, q * outputStride);
            var t = 0;
            for (; t + 4 * Wide.Count <= length; t += 4 * Wide.Count) FourByFour(ref Unsafe.Add(ref a, t), count, length, ref w, weightStride, weightStep, ref Unsafe.Add(ref o, t), outputStride);
            for (; t + Wide.Count <= length; t += Wide.Count) FourByOne(ref Unsafe.Add(ref a, t), count, length, ref w, weightStride, weightStep, ref Unsafe.Add(ref o, t), outputStride);
            for (; t < length; t++)
            {
                for (var r = 0; r < 4; r++) Unsafe.Add(ref o, r * outputStride + t) = Sum(ref Unsafe.Add(ref a, t), count, length, ref Unsafe.Add(ref w, r * weightStride), weightStep);
            }
        }
        for (; q < m; q++)
        {
            ref var w = ref Unsafe.Add(ref w0, q * weightStride);
            ref var o = ref Unsafe.Add(ref o0, q * outputStride);
            var t = 0;
            for (; t + 4 * Wide.Count <= length; t += 4 * Wide.Count) OneByFour(ref Unsafe.Add(ref a, t), count, length, ref w, weightStep, ref Unsafe.Add(ref o, t));
            for (; t + Wide.Count <= length; t += Wide.Count)
            {
                var s = Wide.Zero;
                for (var i = 0; i < count; i++) s = Vector512.FusedMultiplyAdd(Load(ref a, i * length + t), Vector512.Create(Unsafe.Add(ref w, i * weightStep)), s);
                s.StoreUnsafe(ref o, (nuint)t);
            }
            for (; t < length; t++) Unsafe.Add(ref o, t) = Sum(ref Unsafe.Add(ref a, t), count, length, ref w, weightStep);
        }
    }

    /// <summary>
    /// The micro-kernel: a tile of 4 outputs × 32 numbers (4 vectors of 8) held in 16 registers
    /// over the whole sum. Each step loads 4 vectors of a row and 4 weights, then does 16 fused
    /// multiply-adds: the loads are shared by 4 outputs, and 16 independent sums keep both of the
    /// core's FMA units busy although each FMA waits 4 cycles for its own previous result.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    private static void FourByFour(ref double a, int count, int length, ref double w, int ws, int step, ref double o, int os)
    {
        Wide s00 = Wide.Zero, s01 = Wide.Zero, s02 = Wide.Zero, s03 = Wide.Zero;
        Wide s10 = Wide.Zero, s11 = Wide.Zero, s12 = Wide.Zero, s13 = Wide.Zero;
        Wide s20 = Wide.Zero, s21 = Wide.Zero, s22 = Wide.Zero, s23 = Wide.Zero;
        Wide s30 = Wide.Zero, s31 = Wide.Zero, s32 = Wide.Zero, s33 = Wide.Zero;
        for (var i = 0; i < count; i++)
        {
            var (x0, x1, x2, x3) = (Load(ref a, i * length), Load(ref a, i * length + 8), Load(ref a, i * length + 16), Load(ref a, i * length + 24));
            var w0 = Vector512.Create(Unsafe.Add(ref w, i * step));
            s00 = Vector512.FusedMultiplyAdd(x0, w0, s00); s01 = Vector512.FusedMultiplyAdd(x1, w0, s01);
            s02 = Vector512.FusedMultiplyAdd(x2, w0, s02); s03 = Vector512.FusedMultiplyAdd(x3, w0, s03);
            var w1 = Vector512.Create(Unsafe.Add(ref w, ws + i * step));
            s10 = Vector512.FusedMultiplyAdd(x0, w1, s10); s11 = Vector512.FusedMultiplyAdd(x1, w1, s11);
            s12 = Vector512.FusedMultiplyAdd(x2, w1, s12); s13 = Vector512.FusedMultiplyAdd(x3, w1, s13);
            var w2 = Vector512.Create(Unsafe.Add(ref w, 2 * ws + i * step));
            s20 = Vector512.FusedMultiplyAdd(x0, w2, s20); s21 = Vector512.FusedMultiplyAdd(x1, w2, s21);
            s22 = Vector512.FusedMultiplyAdd(x2, w2, s22); s23 = Vector512.FusedMultiplyAdd(x3, w2, s23);
            var w3 = Vector512.Create(Unsafe.Add(ref w, 3 * ws + i * step));
            s30 = Vector512.FusedMultiplyAdd(x0, w3, s30); s31 = Vector512.FusedMultiplyAdd(x1, w3, s31);
            s32 = Vector512.FusedMultiplyAdd(x2, w3, s32); s33 = Vector512.FusedMultiplyAdd(x3, w3, s33);
        }
        Store(s00, s01, s02, s03, ref o);
        Store(s10, s11, s12, s13, ref Unsafe.Add(ref o, os));
        Store(s20, s21, s22, s23, ref Unsafe.Add(ref o, 2 * os));
        Store(s30, s31, s32, s33, ref Unsafe.Add(ref o, 3 * os));
    }

    /// <summary>4 outputs × 8 numbers: the edge of a tile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    private static void FourByOne(ref double a, int count, int length, ref double w, int ws, int step, ref double o, int os)
    {
        Wide s0 = Wide.Zero, s1 = Wide.Zero, s2 = Wide.Zero, s3 = Wide.Zero;
        for (var i = 0; i < count; i++)
        {
            var x = Load(ref a, i * length);
            s0 = Vector512.FusedMultiplyAdd(x, Vector512.Create(Unsafe.Add(ref w, i * step)), s0);
            s1 = Vector512.FusedMultiplyAdd(x, Vector512.Create(Unsafe.Add(ref w, ws + i * step)), s1);
            s2 = Vector512.FusedMultiplyAdd(x, Vector512.Create(Unsafe.Add(ref w, 2 * ws + i * step)), s2);
            s3 = Vector512.FusedMultiplyAdd(x, Vector512.Create(Unsafe.Add(ref w, 3 * ws + i * step)), s3);
        }
        s0.StoreUnsafe(ref o);
        s1.StoreUnsafe(ref Unsafe.Add(ref o, os));
        s2.StoreUnsafe(ref Unsafe.Add(ref o, 2 * os));
        s3.StoreUnsafe(ref Unsafe.Add(ref o, 3 * os));
    }

    /// <summary>1 output × 32 numbers: narrow layers (j = 1, 2, 3) and the last outputs of wider ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    private static void OneByFour(ref double a, int count, int length, ref double w, int step, ref double o)
    {
        Wide s0 = Wide.Zero, s1 = Wide.Zero, s2 = Wide.Zero, s3 = Wide.Zero;
        for (var i = 0; i < count; i++)
        {
            var x = Vector512.Create(Unsafe.Add(ref w, i * step));
            s0 = Vector512.FusedMultiplyAdd(Load(ref a, i * length), x, s0);
            s1 = Vector512.FusedMultiplyAdd(Load(ref a, i * length + 8), x, s1);
            s2 = Vector512.FusedMultiplyAdd(Load(ref a, i * length + 16), x, s2);
            s3 = Vector512.FusedMultiplyAdd(Load(ref a, i * length + 24), x, s3);
        }
        Store(s0, s1, s2, s3, ref o);
    }

    /// <summary>One number of one output, for the last few numbers of a run (and batches of n &lt; 8).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    private static double Sum(ref double a, int count, int length, ref double w, int step)
    {
        var s = 0.0;
        for (var i = 0; i < count; i++) s = Math.FusedMultiplyAdd(Unsafe.Add(ref a, i * length), Unsafe.Add(ref w, i * step), s);
        return s;
    }

    /// <summary>
    /// ∂L/∂W = Inputᵀ @ δ for narrow inputs (k + 1 &lt; 8): entry (p, q) is the dot product of Input's
    /// column p with δ's column q, both n contiguous numbers, so nothing is transposed. Each dot
    /// product runs over the n instances 8 at a time in 2 vectors, added up at the end: a different
    /// order from the readable engine's, so it agrees to about 1e-15. A ones column (or a bias
    /// vector) contributes its row Σₙ δ at <paramref name="onesRow"/> (−1: none).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public static void ColumnDots(ReadOnlySpan<double> input, int n, int k, ReadOnlySpan<double> delta, int j, Span<double> output, int outputStride, int onesRow)
    {
        if (input.Length < n * k || delta.Length < n * j || output.Length < (j - 1) * outputStride + Math.Max(k, onesRow + 1))
            throw new ArgumentException("ColumnDots: the spans are too short for the sizes given");
        ref var x = ref MemoryMarshal.GetReference(input);
        ref var d = ref MemoryMarshal.GetReference(delta);
        ref var o = ref MemoryMarshal.GetReference(output);
        for (var q = 0; q < j; q++)
        {
            ref var dq = ref Unsafe.Add(ref d, q * n);
            for (var p = 0; p < k; p++) Unsafe.Add(ref o, q * outputStride + p) = Dot(ref Unsafe.Add(ref x, p * n), ref dq, n);
            if (onesRow >= 0) Unsafe.Add(ref o, q * outputStride + onesRow) = Sum(ref dq, n);
        }
    }

    /// <summary>Σ xᵢ·yᵢ over n numbers: two vector sums side by side, then the leftovers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    private static double Dot(ref double x, ref double y, int n)
    {
        Wide s0 = Wide.Zero, s1 = Wide.Zero;
        var i = 0;
        for (; i + 2 * Wide.Count <= n; i += 2 * Wide.Count)
        {
            s0 = Vector512.FusedMultiplyAdd(Load(ref x, i), Load(ref y, i), s0);
            s1 = Vector512.FusedMultiplyAdd(Load(ref x, i + 8), Load(ref y, i + 8), s1);
        }
        if (i + Wide.Count <= n)
        {
            s0 = Vector512.FusedMultiplyAdd(Load(ref x, i), Load(ref y, i), s0);
            i += Wide.Count;
        }
        var sum = Vector512.Sum(s0 + s1);
        for (; i < n; i++) sum = Math.FusedMultiplyAdd(Unsafe.Add(ref x, i), Unsafe.Add(ref y, i), sum);
        return sum;
    }

    /// <summary>Σ xᵢ over n numbers (the ones column's share of a dot product).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Sum(ref double x, int n) => TensorPrimitives.Sum<double>(MemoryMarshal.CreateReadOnlySpan(ref x, n));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Wide Load(ref double a, int offset) => Vector512.LoadUnsafe(ref a, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Wide s0, Wide s1, Wide s2, Wide s3, ref double o)
    {
        s0.StoreUnsafe(ref o);
        s1.StoreUnsafe(ref o, 8);
        s2.StoreUnsafe(ref o, 16);
        s3.StoreUnsafe(ref o, 24);
    }

    // The element-wise loops below are written out rather than taken from TensorPrimitives: they are
    // optimised from their first call, where a library's generic code waits for the runtime's tiering,
    // which a notebook kernel, compiling cell after cell, keeps postponing.

    /// <summary>destination = x · a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public static void Scale(ReadOnlySpan<double> x, double a, Span<double> destination)
    {
        var xs = x[..destination.Length]; // the slice checks x's length once
        ref var xr = ref MemoryMarshal.GetReference(xs);
        ref var d = ref MemoryMarshal.GetReference(destination);
        var i = 0;
        for (; i + Wide.Count <= destination.Length; i += Wide.Count) (Vector512.Create(a) * Load(ref xr, i)).StoreUnsafe(ref d, (nuint)i);
        for (; i < destination.Length; i++) destination[i] = xs[i] * a;
    }

    /// <summary>destination += a, for every element (a bias added to every row of one column).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public static void AddToAll(Span<double> destination, double a)
    {
        ref var d = ref MemoryMarshal.GetReference(destination);
        var i = 0;
        for (; i + Wide.Count <= destination.Length; i += Wide.Count) (Load(ref d, i) + Vector512.Create(a)).StoreUnsafe(ref d, (nuint)i);
        for (; i < destination.Length; i++) destination[i] += a;
    }

    /// <summary>Copies column-major (n×k) into row-major rows of r ≥ k numbers, each row ending in 1s after column k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public static void ToRows(ReadOnlySpan<double> columns, int n, int k, Span<double> rows, int r)
    {
        if (columns.Length < n * k || rows.Length < n * r || r < k) throw new ArgumentException("ToRows: the spans are too short for the sizes given");
        ref var c = ref MemoryMarshal.GetReference(columns);
        ref var o = ref MemoryMarshal.GetReference(rows);
        var (blockedK, blockedN) = Avx512F.IsSupported ? (k - k % 8, n - n % 8) : (0, 0);
        // Blocks of 8 columns × 8 rows: 8 loads, 24 shuffles, 8 stores per 64 numbers, instead of 64 single moves.
        for (var p0 = 0; p0 < blockedK; p0 += 8)
            for (var i0 = 0; i0 < blockedN; i0 += 8) Transpose8x8(ref Unsafe.Add(ref c, p0 * n + i0), n, ref Unsafe.Add(ref o, i0 * r + p0), r);
        // The edges one number at a time: the last n % 8 rows, and the last k % 8 columns.
        for (var p = 0; p < k; p++)
        {
            for (var i = p < blockedK ? blockedN : 0; i < n; i++) Unsafe.Add(ref o, i * r + p) = Unsafe.Add(ref c, p * n + i);
        }
        for (var i = 0; i < n; i++) rows.Slice(i * r + k, r - k).Fill(1.0);
    }

    /// <summary>
    /// Transposes 8×8 numbers: 8 vectors v_p (a column's 8 numbers) become 8 vectors u_i (a row's 8 numbers),
    /// in three rounds of shuffles that interleave single numbers, then pairs, then fours.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    private static void Transpose8x8(ref double source, int sourceStride, ref double target, int targetStride)
    {
        var (v0, v1, v2, v3) = (Load(ref source, 0), Load(ref source, sourceStride), Load(ref source, 2 * sourceStride), Load(ref source, 3 * sourceStride));
        var (v4, v5, v6, v7) = (Load(ref source, 4 * sourceStride), Load(ref source, 5 * sourceStride), Load(ref source, 6 * sourceStride), Load(ref source, 7 * sourceStride));
        // Round 1, singles: a0 = [v0₀ v1₀ v0₂ v1₂ v0₄ v1₄ v0₆ v1₆], a1 = the same for the odd positions.
        var (a0, a1, a2, a3) = (Avx512F.UnpackLow(v0, v1), Avx512F.UnpackHigh(v0, v1), Avx512F.UnpackLow(v2, v3), Avx512F.UnpackHigh(v2, v3));
        var (a4, a5, a6, a7) = (Avx512F.UnpackLow(v4, v5), Avx512F.UnpackHigh(v4, v5), Avx512F.UnpackLow(v6, v7), Avx512F.UnpackHigh(v6, v7));
        // Round 2, pairs: b0 = [v0₀ v1₀ v2₀ v3₀ v0₄ v1₄ v2₄ v3₄], …
        var (b0, b2, b1, b3) = (Pick(a0, a2, PairsLow), Pick(a0, a2, PairsHigh), Pick(a1, a3, PairsLow), Pick(a1, a3, PairsHigh));
        var (b4, b6, b5, b7) = (Pick(a4, a6, PairsLow), Pick(a4, a6, PairsHigh), Pick(a5, a7, PairsLow), Pick(a5, a7, PairsHigh));
        // Round 3, fours: u0 = [v0₀ … v7₀], the first row of the block.
        Pick(b0, b4, FoursLow).StoreUnsafe(ref target);
        Pick(b1, b5, FoursLow).StoreUnsafe(ref target, (nuint)targetStride);
        Pick(b2, b6, FoursLow).StoreUnsafe(ref target, (nuint)(2 * targetStride));
        Pick(b3, b7, FoursLow).StoreUnsafe(ref target, (nuint)(3 * targetStride));
        Pick(b0, b4, FoursHigh).StoreUnsafe(ref target, (nuint)(4 * targetStride));
        Pick(b1, b5, FoursHigh).StoreUnsafe(ref target, (nuint)(5 * targetStride));
        Pick(b2, b6, FoursHigh).StoreUnsafe(ref target, (nuint)(6 * targetStride));
        Pick(b3, b7, FoursHigh).StoreUnsafe(ref target, (nuint)(7 * targetStride));
    }

    private static readonly Vector512<long> PairsLow = Vector512.Create(0L, 1, 8, 9, 4, 5, 12, 13);
    private static readonly Vector512<long> PairsHigh = Vector512.Create(2L, 3, 10, 11, 6, 7, 14, 15);
    private static readonly Vector512<long> FoursLow = Vector512.Create(0L, 1, 2, 3, 8, 9, 10, 11);
    private static readonly Vector512<long> FoursHigh = Vector512.Create(4L, 5, 6, 7, 12, 13, 14, 15);

    /// <summary>Eight numbers picked from x (indices 0–7) and y (8–15).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Wide Pick(Wide x, Wide y, Vector512<long> indices) => Avx512F.PermuteVar8x64x2(x, indices, y);

    /// <summary>destination = x − y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public static void Subtract(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination)
    {
        var xs = x[..destination.Length]; // the slices check both lengths once
        var ys = y[..destination.Length];
        var i = 0;
        ref var xr = ref MemoryMarshal.GetReference(xs);
        ref var yr = ref MemoryMarshal.GetReference(ys);
        ref var d = ref MemoryMarshal.GetReference(destination);
        for (; i + Wide.Count <= destination.Length; i += Wide.Count) (Load(ref xr, i) - Load(ref yr, i)).StoreUnsafe(ref d, (nuint)i);
        for (; i < destination.Length; i++) destination[i] = xs[i] - ys[i];
    }

    /// <summary>parameter ← parameter − α · gradient, element by element: a multiply, then a subtraction, as the readable update rounds them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public static void Descend(Span<double> parameter, ReadOnlySpan<double> gradient, double alpha)
    {
        var g = gradient[..parameter.Length]; // the slice checks the gradient's length once
        var i = 0;
        ref var gr = ref MemoryMarshal.GetReference(g);
        ref var p = ref MemoryMarshal.GetReference(parameter);
        for (; i + Wide.Count <= parameter.Length; i += Wide.Count) (Load(ref p, i) - Vector512.Create(alpha) * Load(ref gr, i)).StoreUnsafe(ref p, (nuint)i);
        for (; i < parameter.Length; i++) parameter[i] -= alpha * g[i];
    }
}
