namespace Backprop.Data;

/// <summary>A data set: X (n×k), one row per instance, and labels Y (n×j).</summary>
/// <param name="Name">A short name for tables and charts.</param>
/// <param name="X">Inputs, (n×k).</param>
/// <param name="Y">Labels, (n×j).</param>
public sealed record Dataset(string Name, Matrix<double> X, Matrix<double> Y)
{
    /// <summary>n, the number of instances.</summary>
    public int Count => X.RowCount;

    /// <summary>Instance <paramref name="i"/> as a batch of one: x (1×k) and y (1×j).</summary>
    public (Matrix<double> X, Matrix<double> Y) Instance(int i)
    {
        if (i < 0 || i >= Count) throw new ArgumentOutOfRangeException(nameof(i), i, $"{Name} has instances 0 to {Count - 1}");
        return (X.SubMatrix(i, 1, 0, X.ColumnCount), Y.SubMatrix(i, 1, 0, Y.ColumnCount));
    }

    /// <summary>The first <paramref name="n"/> instances.</summary>
    public Dataset Take(int n)
    {
        if (n <= 0 || n > Count) throw new ArgumentOutOfRangeException(nameof(n), n, $"{Name} has {Count} instances");
        return new Dataset(Name, X.SubMatrix(0, n, 0, X.ColumnCount), Y.SubMatrix(0, n, 0, Y.ColumnCount));
    }

    /// <summary>"XOR: X (4×2), Y (4×1)".</summary>
    public override string ToString() => $"{Name}: X {Shape.Of(X)}, Y {Shape.Of(Y)}";
}
