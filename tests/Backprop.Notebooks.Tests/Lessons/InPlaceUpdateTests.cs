namespace Backprop.Notebooks.Tests.Lessons;

public class InPlaceUpdateTests
{
    private static readonly Matrix<double> W = Matrix<double>.Build.Dense(3, 2, [0.5, -0.25, 1, 2, -1, 0.125]);
    private static readonly Matrix<double> DLossDW = Matrix<double>.Build.Dense(3, 2, [1, 2, 3, -4, 5, 6]);
    private const double Alpha = 0.1;

    private static void InPlace(Matrix<double> w, Matrix<double> dW, double alpha)
    {
        for (var c = 0; c < w.ColumnCount; c++)
            for (var r = 0; r < w.RowCount; r++) w[r, c] -= alpha * dW[r, c];
    }

    [Fact]
    public void An_update_written_entry_by_entry_is_correct_and_allocates_nothing()
    {
        var result = InPlaceUpdate.Check(InPlace, W, DLossDW, Alpha);
        Assert.True(result.Passed, result.Message);
        Assert.Contains("0 bytes", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_matrix_with_the_right_values_is_wrong_because_it_allocates()
    {
        var result = InPlaceUpdate.Check((w, dW, alpha) => (w - alpha * dW).CopyTo(w), W, DLossDW, Alpha);
        Assert.Equal(ExerciseState.Wrong, result.State);
        Assert.Contains("allocated", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assigning_the_parameter_leaves_the_callers_W_unchanged()
    {
        var result = InPlaceUpdate.Check((w, dW, alpha) => { w = w - alpha * dW; _ = w; }, W, DLossDW, Alpha);
        Assert.Contains("W did not change", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1.0, "Gradient descent subtracts")]
    [InlineData(0.0, "without α")]
    public void Sign_and_missing_alpha_are_named(double which, string diagnosis)
    {
        var after = which < 0 ? W + Alpha * DLossDW : W - DLossDW;
        Assert.Contains(diagnosis, InPlaceUpdate.Diagnose(W, DLossDW, Alpha, after, 0).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_answered_and_a_throw_never_escape_the_check()
    {
        Assert.Equal(ExerciseState.NotAnswered, InPlaceUpdate.Check((_, _, _) => throw new NotAnswered("hint"), W, DLossDW, Alpha).State);
        Assert.Equal(ExerciseState.Wrong, InPlaceUpdate.Check((w, _, _) => _ = w[7, 7], W, DLossDW, Alpha).State);
        Assert.Equal(W, Matrix<double>.Build.Dense(3, 2, [0.5, -0.25, 1, 2, -1, 0.125])); // the caller's W is never changed
    }
}
