using System.Diagnostics;
using System.Runtime.Intrinsics;

namespace Backprop.Fast;

/// <summary>
/// Counting and measuring floating-point operations (flops): how much arithmetic a training step's
/// matrix products are, and how much this core can do per second at best.
/// </summary>
public static class Flops
{
    /// <summary>
    /// Flops in the matrix products of one training step of a network without bias, on a batch of
    /// n: forward Z = O_prev @ W, then ∂L/∂W = O_prevᵀ @ δ for every layer and ∂L/∂O_prev = δ @ Wᵀ for
    /// every layer but the first (nothing is passed below X). Each product (n×k)@(k×j) or its
    /// transposed forms is n·k·j multiply-adds, two flops each. σ, g′ and the update are not counted.
    /// </summary>
    /// <param name="sizes">Layer sizes, input first, e.g. [64, 32, 16, 10].</param>
    /// <param name="n">Instances in the batch.</param>
    public static long OfStep(IReadOnlyList<int> sizes, int n)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Count < 2) throw new ArgumentException("A network needs an input size and at least one layer", nameof(sizes));
        var total = 0L;
        for (var l = 1; l < sizes.Count; l++)
        {
            var product = FastProduct.Flops(n, sizes[l - 1], sizes[l]);
            total += product * (l == 1 ? 2 : 3); // forward and ∂L/∂W; and δ @ Wᵀ above the first layer
        }
        return total;
    }

    /// <summary>
    /// This core's peak, measured: flops per second of 16 independent chains of fused multiply-adds
    /// on 512-bit vectors (8 numbers each, 2 flops per number), kept in registers so nothing waits
    /// for memory. No matrix product can go faster on one core. Runs for about <paramref name="seconds"/>.
    /// </summary>
    public static double MeasurePeak(double seconds = 0.2)
    {
        var best = 0.0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var start = clock.Elapsed.TotalSeconds;
            const int Rounds = 100_000;
            var sink = FmaChains(Rounds);
            var elapsed = clock.Elapsed.TotalSeconds - start;
            if (double.IsFinite(sink) && elapsed > 0) best = Math.Max(best, Rounds * 16.0 * Vector512<double>.Count * 2 / elapsed);
        }
        return best;
    }

    /// <summary>16 chains: enough that both FMA units start a new one every cycle while each waits for its last result.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static double FmaChains(int rounds)
    {
        var (x, y) = (Vector512.Create(0.999999), Vector512.Create(1e-9));
        Vector512<double> a0 = x, a1 = x, a2 = x, a3 = x, a4 = x, a5 = x, a6 = x, a7 = x;
        Vector512<double> b0 = y, b1 = y, b2 = y, b3 = y, b4 = y, b5 = y, b6 = y, b7 = y;
        for (var r = 0; r < rounds; r++)
        {
            a0 = Vector512.FusedMultiplyAdd(a0, x, y); a1 = Vector512.FusedMultiplyAdd(a1, x, y);
            a2 = Vector512.FusedMultiplyAdd(a2, x, y); a3 = Vector512.FusedMultiplyAdd(a3, x, y);
            a4 = Vector512.FusedMultiplyAdd(a4, x, y); a5 = Vector512.FusedMultiplyAdd(a5, x, y);
            a6 = Vector512.FusedMultiplyAdd(a6, x, y); a7 = Vector512.FusedMultiplyAdd(a7, x, y);
            b0 = Vector512.FusedMultiplyAdd(b0, x, y); b1 = Vector512.FusedMultiplyAdd(b1, x, y);
            b2 = Vector512.FusedMultiplyAdd(b2, x, y); b3 = Vector512.FusedMultiplyAdd(b3, x, y);
            b4 = Vector512.FusedMultiplyAdd(b4, x, y); b5 = Vector512.FusedMultiplyAdd(b5, x, y);
            b6 = Vector512.FusedMultiplyAdd(b6, x, y); b7 = Vector512.FusedMultiplyAdd(b7, x, y);
        }
        return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + b0 + b1 + b2 + b3 + b4 + b5 + b6 + b7);
    }
}
