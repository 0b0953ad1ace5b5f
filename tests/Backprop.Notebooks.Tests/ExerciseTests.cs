namespace Backprop.Notebooks.Tests;

public class ExerciseTests
{
    private static readonly Matrix<double> Expected = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, -2 }, { 0.5, 3 }, { 0, 4 } });

    [Fact]
    public void A_right_answer_passes_and_shows_green()
    {
        var result = Exercise.Check("ΔW_L100", Expected.Clone(), Expected);
        Assert.True(result.Passed);
        Assert.Equal("✓ ΔW_L100 (3×2) is correct.", result.ToText());
        Assert.Contains("#1e7b34", result.ToHtml());
    }

    [Fact]
    public void A_transposed_answer_is_named_as_the_transpose()
    {
        var ex = Assert.Throws<ExerciseFailedException>(() => Exercise.Check("ΔW_L100", Expected.Transpose(), Expected));
        Assert.Equal("✗ ΔW_L100: wrong shape: yours is (2×3), expected (3×2). It is the transpose of the right answer: swap the order of the product or move the ᵀ.", ex.Message);
    }

    [Fact]
    public void Another_wrong_shape_names_both_shapes()
    {
        var result = Exercise.Diagnose("δ", Matrix<double>.Build.Dense(3, 1), Expected);
        Assert.False(result.Passed);
        Assert.Equal("δ: wrong shape: yours is (3×1), expected (3×2).", result.Message);
    }

    [Fact]
    public void A_sign_error_is_recognised()
    {
        var result = Exercise.Diagnose("∂L/∂O", -Expected, Expected);
        Assert.StartsWith("∂L/∂O: sign error: yours is exactly −1 × the right ∂L/∂O (3×2).", result.Message);
    }

    [Fact]
    public void Wrong_values_report_the_largest_difference_and_where()
    {
        var yours = Expected.Clone();
        yours[2, 1] = 4.25;
        yours[0, 0] = 1.1;
        var result = Exercise.Diagnose("W", yours, Expected);
        Assert.Equal("W: wrong values: the largest difference is 0.25 at row 2, column 1 (yours 4.25, expected 4). The shape (3×2) is right.", result.Message);
    }

    [Fact]
    public void No_answer_and_non_finite_answers_are_explained()
    {
        Assert.StartsWith("ΔW: no answer yet", Exercise.Diagnose("ΔW", null, Expected).Message);
        var nan = Expected.Clone();
        nan[1, 1] = double.NaN;
        Assert.Contains("NaN or ∞", Exercise.Diagnose("ΔW", nan, Expected).Message);
    }

    [Fact]
    public void Numbers_are_checked_without_talking_about_shapes()
    {
        Assert.Equal("✓ loss is correct.", Exercise.Check("loss", 0.125, 0.125).ToText());
        Assert.Equal("✗ loss: wrong value: yours is 0.2, expected 0.125.", Assert.Throws<ExerciseFailedException>(() => Exercise.Check("loss", 0.2, 0.125)).Message);
        Assert.StartsWith("b: sign error", Exercise.Diagnose("b", -0.5, 0.5).Message);
        Assert.Contains("finite number", Exercise.Diagnose("b", double.NaN, 0.5).Message);
    }

    [Fact]
    public void Messages_are_escaped_in_HTML()
    {
        Assert.Contains("&lt;b&gt;", Exercise.Diagnose("<b>", null, Expected).ToHtml());
    }
}
