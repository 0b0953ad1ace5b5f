namespace Backprop;

/// <summary>
/// Guards run at every public entry before MathNet is called, so a mistake is reported in the
/// article's terms (layer, operation, shapes) instead of as a MathNet index error.
/// </summary>
internal static class Check
{
    /// <summary>
    /// Element-wise operations (⊙, −) need equal shapes: there is no silent broadcasting.
    /// <paramref name="name"/> is the matrix that must change; <paramref name="reference"/> is
    /// the one whose shape is given, so the message says what <paramref name="name"/> must be.
    /// </summary>
    public static void SameShape(string where, string name, Matrix<double> value, string referenceName, Matrix<double> reference) =>
        HasShape(where, name, value, referenceName, Shape.Of(reference));

    /// <summary><see cref="SameShape"/> against a shape: <paramref name="name"/> must be <paramref name="shape"/>, that of <paramref name="referenceName"/>.</summary>
    public static void HasShape(string where, string name, Matrix<double> value, string referenceName, Shape shape)
    {
        if (value.RowCount == shape.Rows && value.ColumnCount == shape.Columns) return;
        throw new ShapeException(
            $"{where}: {name} is {Shape.Of(value)}, but {referenceName} is {shape}; " +
            $"{name} must have {referenceName}'s shape, {shape}");
    }

    /// <summary>Inputs and labels must be ordinary numbers: a NaN or ∞ would poison every gradient.</summary>
    public static void Finite(string where, string name, Matrix<double> m)
    {
        for (var i = 0; i < m.RowCount; i++)
        {
            for (var j = 0; j < m.ColumnCount; j++)
            {
                if (!double.IsFinite(m[i, j]))
                    throw new ArgumentException($"{where}: {name} {Shape.Of(m)} contains {m[i, j]} at row {i}, column {j}; every value must be a finite number");
            }
        }
    }

    /// <summary>The learning rate α must be a positive, finite number; <paramref name="setting"/> is what the caller sets it with.</summary>
    public static void Alpha(double alpha, string setting = "α")
    {
        if (!double.IsFinite(alpha) || alpha <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha,
                $"The learning rate α must be a positive, finite number; got {alpha}: set {setting} to a small positive number such as 0.1");
        }
    }

    /// <summary>A batch needs at least one instance.</summary>
    public static void NotEmpty(string where, string name, Matrix<double> m)
    {
        if (m.RowCount == 0 || m.ColumnCount == 0)
            throw new ArgumentException($"{where}: {name} {Shape.Of(m)} is empty; a batch needs at least one instance and one column");
    }
}
