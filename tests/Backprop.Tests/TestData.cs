namespace Backprop.Tests;

/// <summary>Small helpers shared by the engine tests.</summary>
internal static class TestData
{
    public static Matrix<double> M(double[,] values) => Matrix<double>.Build.DenseOfArray(values);

    public static Matrix<double> Random(int rows, int columns, Random random, double low = -1, double high = 1) =>
        Matrix<double>.Build.Dense(rows, columns, (_, _) => low + (high - low) * random.NextDouble());

    /// <summary>Largest absolute difference between two matrices of the same shape.</summary>
    public static double MaxDifference(Matrix<double> a, Matrix<double> b)
    {
        Assert.Equal(Shape.Of(a), Shape.Of(b));
        return (a - b).Enumerate().Select(Math.Abs).DefaultIfEmpty(0).Max();
    }

    /// <summary>Largest difference relative to the larger magnitude (1 where both are tiny).</summary>
    public static double MaxRelativeDifference(Matrix<double> a, Matrix<double> b)
    {
        Assert.Equal(Shape.Of(a), Shape.Of(b));
        var scale = Math.Max(1.0, Math.Max(a.Enumerate().Select(Math.Abs).Max(), b.Enumerate().Select(Math.Abs).Max()));
        return MaxDifference(a, b) / scale;
    }
}
