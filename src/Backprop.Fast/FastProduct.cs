namespace Backprop.Fast;

/// <summary>
/// The fast path's product kernel on its own, for measuring it and for the bonus lesson:
/// C = A @ B for MathNet's dense (column-major) matrices, written into C without allocating.
/// Column c of C is Σₚ B[p, c] · (column p of A): the same call a layer's forward pass makes.
/// </summary>
public static class FastProduct
{
    /// <summary>C = A @ B, (n×k) @ (k×j) → (n×j), into <paramref name="result"/>'s own storage.</summary>
    public static void Multiply(Matrix<double> a, Matrix<double> b, Matrix<double> result)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(result);
        if (a.ColumnCount != b.RowCount || result.RowCount != a.RowCount || result.ColumnCount != b.ColumnCount)
            throw new ShapeException($"A {Shape.Of(a)} @ B {Shape.Of(b)} → C {Shape.Of(result)}: A needs as many columns as B has rows, and C must be ({a.RowCount}×{b.ColumnCount})");
        SpanMath.WeightedSums(Storage(a, nameof(a)), a.ColumnCount, a.RowCount, Storage(b, nameof(b)), b.RowCount, 1,
            Storage(result, nameof(result)), result.RowCount, b.ColumnCount);
    }

    /// <summary>Multiply-adds in A @ B: n·k·j, each two floating-point operations.</summary>
    public static long Flops(int n, int k, int j) => 2L * n * k * j;

    private static Span<double> Storage(Matrix<double> m, string name) =>
        m.Storage is MathNet.Numerics.LinearAlgebra.Storage.DenseColumnMajorMatrixStorage<double> dense
            ? dense.Data.AsSpan(0, m.RowCount * m.ColumnCount)
            : throw new ArgumentException($"{name} must be a dense matrix (Matrix<double>.Build.Dense), stored column by column", name);
}
