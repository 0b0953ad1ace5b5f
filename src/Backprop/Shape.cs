using System.Globalization;

namespace Backprop;

/// <summary>
/// The shape of a matrix, rows × columns, printed the way the course writes it: "(8×2)".
/// Rows are instances (n) or a weight matrix's inputs (k); columns are neurons (j).
/// </summary>
/// <param name="Rows">Number of rows.</param>
/// <param name="Columns">Number of columns.</param>
public readonly record struct Shape(int Rows, int Columns)
{
    /// <summary>The shape of <paramref name="m"/>.</summary>
    public static Shape Of(Matrix<double> m) => new(m.RowCount, m.ColumnCount);

    /// <summary>"(rows×columns)", culture-invariant.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({Rows}×{Columns})");
}
