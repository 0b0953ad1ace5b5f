namespace Backprop.Notebooks;

/// <summary>
/// The bonus lesson's first exercise: the update W ← W − α · ∂L/∂W written into W's own storage,
/// with no new matrix. Like <see cref="Exercise"/> it runs the learner's code and returns a verdict,
/// never throws for the learner's mistakes: ✓, what is wrong (W unchanged, the sign, α, other
/// values, or right values that allocated), or not answered yet.
/// </summary>
public static class InPlaceUpdate
{
    private const string What = "W ← W − α · ∂L/∂W in place";

    /// <summary>
    /// Runs <paramref name="yours"/> on a copy of <paramref name="w"/> and checks the copy afterwards,
    /// and the bytes allocated while it ran (measured on its second call: the first compiles it).
    /// </summary>
    /// <param name="yours">The learner's update: changes its first argument, returns nothing.</param>
    /// <param name="w">W before the update; not changed.</param>
    /// <param name="dLossDW">∂L/∂W, the shape of W.</param>
    /// <param name="alpha">α.</param>
    public static ExerciseResult Check(Action<Matrix<double>, Matrix<double>, double> yours, Matrix<double> w, Matrix<double> dLossDW, double alpha)
    {
        ArgumentNullException.ThrowIfNull(yours);
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(dLossDW);
        try
        {
            yours(w.Clone(), dLossDW.Clone(), alpha); // the first call compiles the learner's code, which allocates
            var (after, gradient) = (w.Clone(), dLossDW.Clone());
            var before = GC.GetAllocatedBytesForCurrentThread();
            yours(after, gradient, alpha);
            var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            return Diagnose(w, dLossDW, alpha, after, bytes);
        }
        catch (NotAnswered e)
        {
            return new ExerciseResult(What, ExerciseState.NotAnswered, $"{What}: not answered yet. Hint: {e.Message}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or NullReferenceException or ArithmeticException)
        {
            return new ExerciseResult(What, ExerciseState.Wrong, $"{What}: your code threw {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>The verdict on W after the learner's update and the bytes it allocated: used by <see cref="Check"/> and by tests.</summary>
    public static ExerciseResult Diagnose(Matrix<double> w, Matrix<double> dLossDW, double alpha, Matrix<double> after, long bytes)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(dLossDW);
        ArgumentNullException.ThrowIfNull(after);
        if (Close(after, w))
        {
            return Wrong("W did not change. An assignment like w = w - alpha * dW builds a new matrix and points your name w at it; " +
                "the W the caller passed in is untouched. Change the entries of w itself: w[r, c] = …");
        }
        if (Close(after, w + alpha * dLossDW)) return Wrong("yours adds α · ∂L/∂W. Gradient descent subtracts: W − α · ∂L/∂W.");
        if (Close(after, w - dLossDW)) return Wrong("yours subtracts ∂L/∂W without α: multiply each entry of ∂L/∂W by alpha first.");
        var expected = w - alpha * dLossDW;
        if (!Close(after, expected))
        {
            var (difference, row, column) = LargestDifference(after, expected);
            return Wrong(FormattableString.Invariant($"wrong values: the largest difference is {difference:0.######} at row {row}, column {column}."));
        }
        if (bytes > 0)
        {
            return Wrong($"the values are right, but your update allocated {Html.Number((int)Math.Min(bytes, int.MaxValue))} bytes. " +
                "An expression like alpha * dW or w - … builds a new matrix before anything is copied; change each entry of w where it is, with no new matrix.");
        }
        return new ExerciseResult(What, ExerciseState.Correct, $"{What}: every entry is right, and your update allocated 0 bytes.");

        static ExerciseResult Wrong(string message) => new(What, ExerciseState.Wrong, $"{What}: {message}");
    }

    private static bool Close(Matrix<double> a, Matrix<double> b) =>
        a.RowCount == b.RowCount && a.ColumnCount == b.ColumnCount && LargestDifference(a, b).Difference <= 1e-12;

    private static (double Difference, int Row, int Column) LargestDifference(Matrix<double> a, Matrix<double> b)
    {
        var worst = (Difference: 0.0, Row: 0, Column: 0);
        for (var c = 0; c < a.ColumnCount; c++)
        {
            for (var r = 0; r < a.RowCount; r++)
            {
                var d = Math.Abs(a[r, c] - b[r, c]);
                if (!(d <= worst.Difference)) worst = (d, r, c); // NaN counts as the largest
            }
        }
        return worst;
    }
}
