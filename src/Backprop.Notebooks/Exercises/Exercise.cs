namespace Backprop.Notebooks;

/// <summary>
/// The one-call check at the end of each lesson: compares the learner's answer with the engine's
/// and says either "correct" or exactly what is wrong: the shape (and whether it is the
/// transpose), the sign, or the values (largest difference and where). A wrong answer throws
/// <see cref="ExerciseFailedException"/>, so the cell turns red and a broken solution can never
/// sit in a green notebook.
/// </summary>
public static class Exercise
{
    /// <summary>Checks a matrix answer; returns the passing verdict to display, or throws with the diagnosis.</summary>
    /// <param name="what">What the learner computed, e.g. "ΔW_L100".</param>
    /// <param name="yours">The learner's matrix.</param>
    /// <param name="expected">The right answer.</param>
    /// <param name="tolerance">Largest absolute difference accepted.</param>
    public static ExerciseResult Check(string what, Matrix<double>? yours, Matrix<double> expected, double tolerance = 1e-9)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var result = Diagnose(what, yours, expected, tolerance);
        return result.Passed ? result : throw new ExerciseFailedException(result.Message);
    }

    /// <summary>Checks a number; see <see cref="Check(string, Matrix{double}, Matrix{double}, double)"/>.</summary>
    public static ExerciseResult Check(string what, double yours, double expected, double tolerance = 1e-9)
    {
        var result = Diagnose(what, yours, expected, tolerance);
        return result.Passed ? result : throw new ExerciseFailedException(result.Message);
    }

    /// <summary>The verdict on a number without throwing: no shapes, just right, the sign, or both values.</summary>
    public static ExerciseResult Diagnose(string what, double yours, double expected, double tolerance = 1e-9)
    {
        if (!double.IsFinite(yours)) return Fail(what, $"yours is {yours}; {what} must be a finite number.");
        if (Math.Abs(yours - expected) <= tolerance) return new ExerciseResult(what, true, $"{what} is correct.");
        if (Math.Abs(-yours - expected) <= tolerance)
            return Fail(what, $"sign error: yours is exactly −1 × the right {what}. Check O − Y versus Y − O, or W − ΔW versus W + ΔW.");
        return Fail(what, FormattableString.Invariant($"wrong value: yours is {yours:0.######}, expected {expected:0.######}."));
    }

    /// <summary>The verdict without throwing: used by <see cref="Check(string, Matrix{double}, Matrix{double}, double)"/> and by tests.</summary>
    public static ExerciseResult Diagnose(string what, Matrix<double>? yours, Matrix<double> expected, double tolerance = 1e-9)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var want = Shape.Of(expected);
        if (yours is null)
            return Fail(what, $"no answer yet: compute {what} {want} where the cell says so");
        var got = Shape.Of(yours);
        if (got != want)
        {
            var transposed = got == new Shape(want.Columns, want.Rows);
            var hint = transposed && MaxDifference(yours.Transpose(), expected).Value <= tolerance
                ? " It is the transpose of the right answer: swap the order of the product or move the ᵀ."
                : transposed ? " That is the transposed shape: check where the ᵀ goes." : "";
            return Fail(what, $"wrong shape: yours is {got}, expected {want}.{hint}");
        }
        if (yours.Enumerate().Any(v => !double.IsFinite(v)))
            return Fail(what, $"yours contains NaN or ∞; every value of {what} {want} must be a finite number.");
        var (difference, row, column) = MaxDifference(yours, expected);
        if (difference <= tolerance)
            return new ExerciseResult(what, true, $"{what} {want} is correct.");
        if (MaxDifference(-yours, expected).Value <= tolerance)
            return Fail(what, $"sign error: yours is exactly −1 × the right {what} {want}. Check O − Y versus Y − O, or W − ΔW versus W + ΔW.");
        return Fail(what, FormattableString.Invariant(
            $"wrong values: the largest difference is {difference:0.######} at row {row}, column {column} (yours {yours[row, column]:0.######}, expected {expected[row, column]:0.######}). The shape {want} is right."));
    }

    private static ExerciseResult Fail(string what, string message) => new(what, false, $"{what}: {message}");

    private static (double Value, int Row, int Column) MaxDifference(Matrix<double> a, Matrix<double> b)
    {
        var best = (Value: -1.0, Row: 0, Column: 0);
        for (var i = 0; i < a.RowCount; i++)
            for (var j = 0; j < a.ColumnCount; j++)
            {
                var d = Math.Abs(a[i, j] - b[i, j]);
                if (d > best.Value) best = (d, i, j);
            }
        return best;
    }
}

/// <summary>An exercise's verdict, displayed green when it passes.</summary>
/// <param name="What">What was checked.</param>
/// <param name="Passed">True when the answer is right.</param>
/// <param name="Message">The verdict in one or two sentences.</param>
public sealed record ExerciseResult(string What, bool Passed, string Message) : IView
{
    /// <inheritdoc />
    public string ToHtml() =>
        $"<div class=\"bp-exercise\" style=\"padding:4px 8px;border-left:4px solid {(Passed ? "#1e7b34" : "#c0392b")}\">" +
        $"{(Passed ? "✓" : "✗")} {Html.Escape(Message)}</div>";

    /// <inheritdoc />
    public string ToText() => $"{(Passed ? "✓" : "✗")} {Message}";
}

/// <summary>Thrown by <see cref="Exercise.Check(string, Matrix{double}, Matrix{double}, double)"/> when the answer is wrong; the message says what is wrong.</summary>
public sealed class ExerciseFailedException : Exception
{
    /// <summary>Creates the exception with the diagnosis.</summary>
    public ExerciseFailedException(string message) : base("✗ " + message) { }

    /// <summary>Creates the exception with a generic message.</summary>
    public ExerciseFailedException() : base("✗ not correct yet") { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ExerciseFailedException(string message, Exception inner) : base("✗ " + message, inner) { }
}
